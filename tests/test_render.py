"""Tests for cartelkb.render: plain text in pipes, ANSI styles only on a terminal."""

from __future__ import annotations

import io

import pytest

from cartelkb import render


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_piped_output_is_plain_and_80_columns():
    stream = io.StringIO()
    page = render.Page(stream)
    page.wrapped("word " * 60, "bold", indent=2, hang=4)
    lines = stream.getvalue().splitlines()
    assert page.width == 80 and not page.color
    assert "\x1b[" not in stream.getvalue()
    assert all(len(line) <= 80 for line in lines)
    assert lines[0].startswith("  word") and lines[1].startswith("      word")


def test_a_terminal_gets_styles(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    stream = _Tty()
    render.Page(stream, width=60).line("Mexico", "bold")
    assert stream.getvalue() == "\x1b[1mMexico\x1b[0m\n"


@pytest.mark.parametrize(("name", "value"), [("NO_COLOR", "1"), ("TERM", "dumb")])
def test_no_color_is_respected(monkeypatch, name, value):
    monkeypatch.setenv(name, value)
    stream = _Tty()
    render.Page(stream).line("Mexico", "bold")
    assert stream.getvalue() == "Mexico\n"


@pytest.mark.parametrize(
    ("count", "total", "text"), [(3, 3, " (3)"), (20, 45, " (newest 20 of 45)")]
)
def test_shown(count, total, text):
    assert render.shown(count, total) == text


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("198", "the 1980s"),
        ("20", "the 2000s"),
        ("2024", "2024"),
        ("2024-06-03", "2024-06-03"),
        ("PRESENT_REF", "PRESENT_REF"),
        (None, ""),
    ],
)
def test_when_reads_decades_and_centuries(value, shown):
    assert render.when(value) == shown
