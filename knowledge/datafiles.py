"""Reads the data files beside the code (knowledge/data/): package data, so they travel with a
non-editable install. Most are lists: one entry per line, blank lines and `#` comments skipped."""

from __future__ import annotations

from importlib import resources


def read_data(name: str) -> str:
    return (resources.files("knowledge") / "data" / name).read_text("utf-8")


def has_data(name: str) -> bool:
    return (resources.files("knowledge") / "data" / name).is_file()


def entries(text: str) -> list[str]:
    """The stripped lines of a list file, without blank lines and `#` comment lines."""
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def data_entries(name: str) -> list[str]:
    return entries(read_data(name))
