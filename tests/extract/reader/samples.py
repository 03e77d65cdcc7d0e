"""Texts shared by the reader tests: a body paragraph, a short article, real page headers."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
SEEDS = REPO / "data" / "seeds"
FIXTURES = REPO / "tests" / "fixtures"  # real pages and their copies: see its README.md

BODY = (
    "Mexico's president rejected the offer on Tuesday. Officials said talks would continue.\n\n"
    "The two governments share intelligence on cartel networks."
)


ARTICLE = "Cartel Talks Resume\n\nMéxico’s “security” cabinet met on Tuesday.\n"


# The U.S. Web Design System banner as scrapes of justice.gov, state.gov, treasury.gov and
# dea.gov render it: the first line may carry the button text, the icons their alt texts.
GOV_BANNERS = [
    [
        "An official website of the United States government Here's how you know",
        "Official websites use .gov",
        "A .gov website belongs to an official government organization in the United States.",
        "Secure .gov websites use HTTPS",
        "A lock ( ) or https:// means you’ve safely connected to the .gov website. "
        "Share sensitive information only on official, secure websites.",
    ],
    [
        "Skip to main content",
        "U.S. flag",
        "An official website of the United States government",
        "Here’s how you know",
        "Dot gov",
        "Official websites use .gov",
        "A .gov website belongs to an official government organization in the United States.",
        "Https",
        "Secure .gov websites use HTTPS",
        "A lock ( Lock A locked padlock ) or https:// means you’ve safely connected to the "
        ".gov website. Share sensitive information only on official, secure websites.",
    ],
    [
        "An official website of the United States government",
        "The .gov means it’s official.",
        "Federal government websites often end in .gov or .mil. Before sharing sensitive "
        "information, make sure you’re on a federal government site.",
        "The site is secure.",
        "The https:// ensures that you are connecting to the official website and that any "
        "information you provide is encrypted and transmitted securely.",
    ],
    [
        "Un sitio oficial del Gobierno de Estados Unidos Así es como usted puede verificarlo",
        "Los sitios web oficiales usan .gov",
        "Un sitio web .gov pertenece a una organización oficial del Gobierno de Estados Unidos.",
        "Los sitios web seguros .gov usan HTTPS",
    ],
]


JUSTICE_RELEASE = """Skip to main content
An official website of the United States government
Here’s how you know
Press Release
Cartel Leader Extradited to Face Charges
Tuesday, March 4, 2025
For Immediate Release
Office of Public Affairs
Share
WASHINGTON — A cartel leader was extradited from Mexico on Monday to face charges.
“He will face justice in an American courtroom,” the Attorney General said.
Updated March 5, 2025
Topics
Drug Trafficking
Transnational Organized Crime
Components
Criminal Division
Drug Enforcement Administration (DEA)
Press Release Number: 25-321
Related Content
Press Release
Another Release About Fentanyl Trafficking
A second release begins with this sentence. It goes on for a second one.
February 3, 2025"""


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path
