"""How the reader reports what it cannot read: InputProblem for discover, InputError messages."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from cartelkb.errors import InputError


@dataclass(frozen=True)
class InputProblem:
    """A path discover() could not turn into an article file, and why."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{show(self.path)}: {self.reason}"


def show(path: Path | str) -> str:
    """A path for a message: as is when printable, else escaped (newlines in names)."""
    raw = os.fspath(path)
    return raw if raw.isprintable() else ascii(raw)


def input_error(path: Path | str, reason: str) -> InputError:
    """The error for a file that cannot be read as an article: its path, then why."""
    return InputError(f"Cannot read article {show(path)}: {reason}.")
