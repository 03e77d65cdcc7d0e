"""Tests for cartelkb.extract.reader.furniture: furniture lines, blocks and trailing phrases."""

from __future__ import annotations

import pytest

from cartelkb.extract.reader import parse_text
from cartelkb.extract.reader.furniture import trailing_furniture

from .samples import BODY, GOV_BANNERS, JUSTICE_RELEASE


@pytest.mark.parametrize(
    "line",
    [
        "Advertisement",
        "ADVERTISEMENT",
        "Advertisement - Scroll to continue",
        "Story continues below advertisement",
        "Share this:",
        "Share this article",
        "Share",
        "Facebook Twitter LinkedIn Email",
        "Email ThisBlogThis!Share to XShare to FacebookShare to Pinterest",
        "Subscribe to our newsletter",
        "Subscribe to: Post Comments (Atom)",
        "Follow us on Facebook and X",
        "Follow The Border Report on Twitter",
        "Click here to read the full report",
        "Sign up for our daily briefing",
        "No comments yet.",
        "No comments:",
        "No comments",
        "Log in to comment",
        "Sign in to comment",
        "Leave a comment",
        "Leave a Reply",
        "Post a Comment",
        "3 comments",
        "1 comment",
        "Comments are closed.",
        "Newer Post Older Post Home",
        # single share buttons and social links
        "Print",
        "Email",
        "Facebook",
        "X",
        "LinkedIn",
        "Share on X",
        "Email this page",
        "• Share",
        # release furniture (justice.gov, state.gov, treasury.gov, dea.gov, gob.mx)
        "Skip to main content",
        "Press Release",
        "Press Releases",
        "PRESS STATEMENT",
        "Media Note",
        "For Immediate Release",
        "FOR IMMEDIATE RELEASE",
        "Office of Public Affairs",
        "Office of the Spokesperson",
        "Topic(s): Drug Trafficking",
        "Topics: Drug Trafficking, Transnational Organized Crime",
        "Component(s): Criminal Division",
        "Contact: Office of Public Affairs, 202-514-2007",
        "Tags: Mexico, Sinaloa Cartel",
        "Related Content",
        "Related: Mexico Rejects U.S. Troop Offer",
        "Press Release No. 25-123",
        "Comunicado No. 309",
        # news sites
        "Sign up for our newsletter",
        "Read more",
        "5 min read",
        "Copyright 2025 The Associated Press. All rights reserved.",
        "Copyright 2025 The Associated Press. All rights reserved. This material may not be "
        "published, broadcast, rewritten or redistributed.",
        "This material may not be published, broadcast, rewritten or redistributed.",
        "© 2025 Reuters",
        "Copyright © 2025 Example Media Group",
        "All rights reserved.",
        "(AP Photo/Jane Doe)",
        "(AP Photo/Jane Doe, File)",
        "AP Photo/Jane Doe",
        "Photo: Jane Doe/Reuters",
        "Photo by Jane Doe/AFP via Getty Images",
        "REUTERS/Jane Doe",
        "Credit: Getty Images",
        "Reporting by Jane Doe in Mexico City; Editing by John Roe",
        "Reporting by Jane Doe and Ana Ruiz; Additional reporting by John Roe in Washington",
        "(Reporting by Jane Doe; Editing by John Roe)",
        "Our Standards: The Thomson Reuters Trust Principles.",
        # government page chrome: banners, logos' alt texts, skip links, release notes
        "Official Website of the Department of Homeland Security",
        "US flag signifying that this is a United States Federal Government website",
        "Government Website",
        "Safely connect using HTTPS",
        "Skip to Highlights",
        "Jump To:",
        "Navigate Up",
        "Press Center",
        "Bureau of Public Affairs, Office of the Spokesman",
        "As Delivered",
        "Remarks as prepared for delivery",
        "Remarks as Delivered –",  # a dangling dash is a final stop
        "Location",
        "(Archived Content)",
        "In an effort to keep DHS.gov current, the archive contains outdated information that "
        "may not reflect current policy or programs.",
        "To view or print the PDF content on this page, download the free Adobe® Acrobat® Reader®.",
        "PRN: 2009/756",
        "https://crsreports.congress.gov",
        "Table of Contents",
        "IN11859",  # CRS product numbers
        "R41576",
        "Prepared for Members and",
        "Committees of Congress",
        # news sites: banners, media players, font-size buttons
        "Accessibility links",
        "Breaking News",
        "please wait",
        "No media source currently available",
        "0:00 0:04:02 0:00",
        "12:30 / 45:10",
        "• 16x9 Image",
        "XS",
        # contact and hotline lines
        "(202) 307-7977",
        "202-226-8467",
        "Media Contact 202-226-8467",
        "Press contact: Jane Doe, (202) 555-0143, jane.doe@example.gov",
        "Report Crimes: Email or Call 1-866-DHS-2-ICE",
        # several phrases run together
        "Skip to content Skip to footer Site map",
        "US flag signifying that this is a United States Federal Government website   "
        "Official website of the Department of Homeland Security",
        "Home News Contact Us",
    ],
)
def test_furniture_line_is_removed(line: str) -> None:
    article = parse_text(f"Cartels and the State\n\n{BODY}\n{line}\nClosing paragraph stays.")
    assert article.removed == [line]
    assert line not in article.text.split("\n")
    assert article.text.endswith(f"{BODY}\nClosing paragraph stays.")


@pytest.mark.parametrize(
    "line",
    [
        "Subscribe to our newsletter " + "for updates " * 30,  # a paragraph, not a button
        "Follow the money, investigators say, and the cartels appear.",
        "Comments from officials were sharply critical.",
        "Share prices of border businesses fell.",
        "No comment was given by the ministry.",
        # words of share buttons and labels inside sentences
        "Officials declined to share details of the operation.",
        "The ministry said it would email the documents to prosecutors.",
        "Print and broadcast outlets reported the raid on Tuesday.",
        "Facebook removed the cartel's recruitment pages, the company said.",
        "X, formerly Twitter, suspended the accounts.",
        "Related charges were filed in Texas, prosecutors said.",
        "Contact between the two delegations resumed in March.",
        "Updated figures released on Tuesday showed a decline.",
        "The press release did not say when the men were extradited.",
        "For immediate release of the hostages, the cartel demanded money.",
        "An official website of the United States government was hacked, officials said.",
        "Statement after statement from the ministry denied the reports.",
        # credit-like openings of real sentences
        "Photos by the cartel's rivals circulated online.",
        "Reporting by the newspaper showed that the cartel paid officials.",
        "Reporting by Jane Doe in Mexico City showed that officials were paid.",
        "Copyright lawsuits rarely touch the cartels, lawyers said.",
        "The ministry released a photograph of the seized laboratory (photo below).",
        # phone numbers, addresses and clock times in sentences
        "Call 555-123-4567 to report tips.",
        "The hotline, 1-800-555-0199, received 300 calls from residents of Sinaloa.",
        "Officials can be reached at (202) 307-7977 during business hours, the agency said.",
        "The raid began at 4:30 and ended at 6:15, police said.",
        "Visit www.example.gov for the full list of designated cartel members.",
        # sentences opening like furniture phrases
        "Skip to the end: the cartel lost.",
        "Official website of the cartel boss was taken down by police.",
        "Search and rescue teams found the bodies.",
        "Location data led investigators to the safe house.",
        "Contents of the seized trucks were not disclosed.",
        "Breaking news from Culiacán reached the capital within minutes.",
        "R2D2",
        "IN 2024",
    ],
)
def test_prose_resembling_furniture_is_kept(line: str) -> None:
    article = parse_text(f"Cartels and the State\n\n{BODY}\n{line}")
    assert article.removed == []
    assert line.strip() in article.text


def test_comments_heading_removed_only_before_a_widget() -> None:
    widget = parse_text(f"Headline\n\n{BODY}\nComments\nNo comments yet.\nLog in to comment")
    assert widget.removed == ["Comments", "No comments yet.", "Log in to comment"]
    assert widget.text.endswith("cartel networks.")
    section = parse_text(f"Headline\n\n{BODY}\nComments\nThe minister's comments drew criticism.")
    assert section.removed == []
    assert section.text.endswith("Comments\nThe minister's comments drew criticism.")


@pytest.mark.parametrize(
    ("line", "kept", "phrase"),
    [
        (
            "  3. Capacity Building:\u00a0Training continues. More articles at Jane Doe’s Blog",
            "  3. Capacity Building:\u00a0Training continues.",
            "More articles at Jane Doe’s Blog",
        ),
        ("The talks ended. Read more at Reuters", "The talks ended.", "Read more at Reuters"),
        (
            "The talks ended. Read more: Mexico Rejects U.S. Troops",
            "The talks ended.",
            "Read more: Mexico Rejects U.S. Troops",
        ),
        ("The talks ended. Continue reading →", "The talks ended.", "Continue reading →"),
        ("The talks ended. Continue reading", "The talks ended.", "Continue reading"),
    ],
)
def test_link_phrase_removed_rest_of_line_kept(line: str, kept: str, phrase: str) -> None:
    article = parse_text(f"Headline\n\n{BODY}\n{line}\nLast line.")
    assert article.removed == [phrase]
    assert f"\n{kept}\nLast line." in article.text


def test_link_phrase_at_end_of_a_long_paragraph() -> None:
    paragraph = "Officials met again on Tuesday. " * 200
    article = parse_text(f"Headline\n\n{paragraph}More articles at The Border Blog")
    assert article.removed == ["More articles at The Border Blog"]
    assert article.text.endswith(paragraph.rstrip())


def test_link_phrase_on_its_own_line_removes_the_line() -> None:
    article = parse_text(f"Headline\n\n{BODY}\nRead more at Reuters\nLast line.")
    assert article.removed == ["Read more at Reuters"]
    assert article.text.endswith("cartel networks.\nLast line.")


@pytest.mark.parametrize(
    "sentence",
    [
        "You can read more details and direct quotes in this comprehensive AP News article.",
        "For further updates, consult recent reports by leading media outlets linked above.",
        "Read more at Reuters. The ministry did not reply.",  # more text after: a sentence
        "Readers can continue reading the report online, the ministry said.",
    ],
)
def test_prose_mentioning_outlets_is_kept(sentence: str) -> None:
    article = parse_text(f"Headline\n\n{BODY}\n{sentence}")
    assert article.removed == []
    assert article.text.endswith(sentence)


@pytest.mark.parametrize("banner", GOV_BANNERS)
@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_gov_banner_is_removed_and_headline_found_below_it(banner: list[str], gap: str) -> None:
    text = gap.join([*banner, "Treasury Sanctions Cartel Money Launderers", "August 9, 2023"])
    article = parse_text(f"{text}\n\n{BODY}")
    assert article.removed == banner
    assert article.title == "Treasury Sanctions Cartel Money Launderers"
    assert article.published == "2023-08-09"
    assert article.text.startswith("Treasury Sanctions Cartel Money Launderers")
    assert article.text.endswith(BODY)


def test_gov_banner_above_a_first_paragraph_gives_no_title() -> None:
    paragraph = (
        "Today, the Department of State is announcing a reward of up to $5 million for "
        "information leading to the arrest of a cartel leader."
    )
    article = parse_text("\n\n".join([*GOV_BANNERS[0], paragraph, BODY]))
    assert article.title is None
    assert article.text == f"{paragraph}\n\n{BODY}"


def test_justice_release_header_and_footer() -> None:
    article = parse_text(JUSTICE_RELEASE)
    assert article.title == "Cartel Leader Extradited to Face Charges"
    assert article.published == "2025-03-04"
    assert article.text == (
        "Cartel Leader Extradited to Face Charges\n"
        "Tuesday, March 4, 2025\n"
        "WASHINGTON — A cartel leader was extradited from Mexico on Monday to face charges.\n"
        "“He will face justice in an American courtroom,” the Attorney General said."
    )
    kept = set(article.text.split("\n"))
    assert all(line not in kept for line in article.removed)
    assert "Press Release Number: 25-321" in article.removed
    assert "Drug Enforcement Administration (DEA)" in article.removed


def test_for_immediate_release_then_date_on_the_next_line() -> None:
    article = parse_text(
        f"FOR IMMEDIATE RELEASE\nAugust 12, 2025\n\nCartels and the State\n\n{BODY}"
    )
    assert (article.title, article.published) == ("Cartels and the State", "2025-08-12")
    assert article.removed == ["FOR IMMEDIATE RELEASE"]


@pytest.mark.parametrize("mark", ["###", "# # #", "-30-", "- 30 -"])
def test_end_of_release_mark_drops_what_follows(mark: str) -> None:
    footer = ["Contact: Press Office", "Treasury Sanctions Another Network", "Privacy Policy"]
    article = parse_text("\n".join(["Cartels and the State", BODY, mark, *footer]))
    assert article.text == f"Cartels and the State\n{BODY}"
    assert article.removed == [mark, *footer]


def test_end_mark_before_most_of_the_text_goes_alone() -> None:
    second = "A second release follows the mark. " * 10
    article = parse_text(f"Cartels and the State\n###\n{BODY}\n{second}")
    assert article.removed == ["###"]
    assert article.text.endswith(second.strip())
    twice = parse_text(f"First Release\n{BODY}\n###\nSecond Release\n{BODY} {second}")
    assert twice.removed == ["###"]  # several releases in one file: none is lost


def test_heading_block_in_the_tail_goes_to_the_end() -> None:
    tail = ["Topics", "", "Drug Trafficking", "", "Components", "Criminal Division", "Tags"]
    tail += ["Mexico", "", "Sinaloa Cartel"]
    article = parse_text("\n".join(["Cartels and the State", BODY, *tail]))
    assert article.text == f"Cartels and the State\n{BODY}"
    assert article.removed == [line for line in tail if line]


@pytest.mark.parametrize(
    ("block", "kept"),
    [
        (["Related Coverage", "Mexico Rejects U.S. Troop Offer", "What to Know About Cartels"], []),
        (["Contact", "Jane Doe", "(202) 555-0100", "press@example.gov"], []),
        # a heading followed by prose takes nothing with it
        (["Related", "The talks were the third this year, officials said."], [1]),
        (["Topics", "Officials in both countries said the talks would resume."], [1]),
        # without blank lines, a short line straight above prose is the next subheading
        (
            [
                "Related Articles",
                "Mexico Rejects U.S. Troop Offer",
                "Key Talks",
                "The talks went on.",
            ],
            [2, 3],
        ),
    ],
)
def test_heading_block_in_mid_article_stops_at_a_blank_line(
    block: list[str], kept: list[int]
) -> None:
    after = "The talks continued on Wednesday, officials said.\n\nA Subheading\nMore prose here."
    article = parse_text("\n".join(["Cartels and the State", "", BODY, *block, "", after]))
    assert article.removed == [line for i, line in enumerate(block) if i not in kept]
    middle = "".join(f"{block[i]}\n" for i in kept)
    assert article.text.endswith(f"{BODY}\n{middle}\n{after}")


@pytest.mark.parametrize(
    ("line", "kept", "credit"),
    [
        (
            "Soldiers patrol Culiacán, Mexico, Aug. 12, 2025. (AP Photo/Jane Doe)",
            "Soldiers patrol Culiacán, Mexico, Aug. 12, 2025.",
            "(AP Photo/Jane Doe)",
        ),
        (
            "The minister speaks in Mexico City. (Photo by Jane Doe/AFP via Getty Images)",
            "The minister speaks in Mexico City.",
            "(Photo by Jane Doe/AFP via Getty Images)",
        ),
        ("Troops at the border. (REUTERS/Jane Doe)", "Troops at the border.", "(REUTERS/Jane Doe)"),
        (
            "Relatives wait outside. (Jane Doe/LaPresse via AP)",
            "Relatives wait outside.",
            "(Jane Doe/LaPresse via AP)",
        ),
    ],
)
def test_photo_credit_ending_a_caption_goes_caption_stays(
    line: str, kept: str, credit: str
) -> None:
    article = parse_text(f"Cartels and the State\n\n{BODY}\n{line}\nLast line.")
    assert article.removed == [credit]
    assert article.text.endswith(f"{BODY}\n{kept}\nLast line.")


def test_breadcrumb_trail_above_the_headline_goes() -> None:
    article = parse_text(
        "Current News\n\n/\n\nSome Site\n\n"
        "Son of cartel leader pleads guilty to trafficking charges\n\n"
        "Published in News & Features\n\n" + BODY
    )
    assert article.removed[:4] == ["Current News", "/", "Some Site", "Published in News & Features"]
    assert article.title == "Son of cartel leader pleads guilty to trafficking charges"


def test_separator_inside_the_article_is_kept() -> None:
    text = "Cartels and the State\n\n" + BODY + "\n\n/\n\nShort line\n"
    assert "Short line" in parse_text(text).text


@pytest.mark.parametrize("heading", ["In Short", "Key Points", "Key Takeaways"])
def test_summary_box_heading_goes_its_bullets_stay(heading: str) -> None:
    article = parse_text(
        f"Cartels and the State\n\n{heading}\n- Mexico rejects the claims\n\n{BODY}"
    )
    assert heading in article.removed
    assert "- Mexico rejects the claims" in article.text


def test_site_name_goes_only_above_the_headline() -> None:
    text = (
        "The White House\nFact Sheets\nFact Sheet: New Measures Against the Cartels\n"
        "The White House\nFebruary 1, 2025\n\n"
        f"{BODY}\nThe agencies taking part:\nDrug Enforcement Administration\n"
        "U.S. Department of the Treasury"
    )
    article = parse_text(text)
    assert article.title == "Fact Sheet: New Measures Against the Cartels"
    assert article.published == "2025-02-01"
    assert article.removed == ["The White House", "Fact Sheets"]
    assert article.text.endswith("Drug Enforcement Administration\nU.S. Department of the Treasury")


@pytest.mark.parametrize(
    ("line", "kept", "cut"),
    [
        ("The talks ended. Read more at Reuters", "The talks ended.", ["Read more at Reuters"]),
        ("Read more at Reuters", None, ["Read more at Reuters"]),
        (
            "Troops at the border. (REUTERS/Jane Doe)",
            "Troops at the border.",
            ["(REUTERS/Jane Doe)"],
        ),
        ("(AP Photo/Jane Doe)", None, ["(AP Photo/Jane Doe)"]),
        (
            "Troops at the border. (AP Photo/Jane Doe) Continue reading",
            "Troops at the border.",
            ["Continue reading", "(AP Photo/Jane Doe)"],
        ),
        (  # prose after it: a sentence
            "Read more at Reuters. The ministry did not reply.",
            "Read more at Reuters. The ministry did not reply.",
            [],
        ),
        (
            "The ministry released a photograph (photo below)",
            "The ministry released a photograph (photo below)",
            [],
        ),
        ("", "", []),  # a blank line stays a blank line
    ],
)
def test_trailing_furniture(line: str, kept: str | None, cut: list[str]) -> None:
    assert trailing_furniture(line) == (kept, cut)


def test_numbered_breadcrumb_above_the_headline_goes() -> None:
    text = (
        "  1. Home\n  2. Newsroom\n  3. Cartel Leader Extradited\n\n"
        f"Cartel Leader Extradited\n\n{BODY}"
    )
    article = parse_text(text)
    assert article.title == "Cartel Leader Extradited"
    assert article.removed == ["  1. Home", "  2. Newsroom", "  3. Cartel Leader Extradited"]
    assert article.text.startswith("Cartel Leader Extradited\n\nMexico's president")


@pytest.mark.parametrize(
    "lines",
    [
        # a numbered list in the body, even one starting "Home"
        f"{BODY}\n\n1. Home\n2. Border",
        # not a breadcrumb: the first item is not "Home"
        "1. Seizures\n2. Arrests\n\n" + BODY,
        # one item alone is no trail
        "1. Home\n\n" + BODY,
    ],
)
def test_numbered_lists_that_are_not_a_breadcrumb_stay(lines: str) -> None:
    article = parse_text(f"Cartels and the State\n\n{lines}")
    assert article.removed == []


@pytest.mark.parametrize(
    ("label", "date", "published"),
    [
        ("Release Date", "Mon, 07/22/2024", "2024-07-22"),
        ("Release Date:", "May 4, 2010", "2010-05-04"),
        ("Published:", "August 29, 2024", "2024-08-29"),
    ],
)
def test_date_label_on_its_own_line_goes_and_the_date_is_the_dateline(
    label: str, date: str, published: str
) -> None:
    article = parse_text(f"Cartels and the State\n\n{label}\n{date}\n\n{BODY}")
    assert article.removed == [label]
    assert article.published == published
    assert article.text.startswith(f"Cartels and the State\n\n{date}\n")


def test_date_label_without_a_date_after_it_stays() -> None:
    article = parse_text(f"Cartels and the State\n\nRelease Date\nTo be announced\n\n{BODY}")
    assert "Release Date" in article.text.split("\n")
    assert article.published is None


def test_page_chrome_above_the_headline_is_not_the_title() -> None:
    text = (
        "United States Flag\nOfficial Website of the Department of Homeland Security\n\n"
        "Report Crimes: Email or Call 1-866-DHS-2-ICE\n\n\n"
        f"Former head of the Gulf Cartel sentenced to 25 years in prison\n\n{BODY}"
    )
    article = parse_text(text)
    assert article.title == "Former head of the Gulf Cartel sentenced to 25 years in prison"
    assert article.removed == [
        "United States Flag",
        "Official Website of the Department of Homeland Security",
        "Report Crimes: Email or Call 1-866-DHS-2-ICE",
    ]


def test_no_title_when_chrome_is_followed_by_the_lead_paragraph() -> None:
    text = (
        "Media Contact 202-226-8467\n\nWashington, D.C. – Today, the committee chairman "
        "gave the following remarks at a full committee markup of H.R. 3205\n\n"
        f"WATCH HERE\n\nRemarks as Delivered –\n\n{BODY}"
    )
    article = parse_text(text)
    assert article.title is None
    assert article.removed == ["Media Contact 202-226-8467", "WATCH HERE", "Remarks as Delivered –"]
