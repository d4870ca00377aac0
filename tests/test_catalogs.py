"""Every interface string has an Indonesian translation with the same placeholders."""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.pofile import read_po

LOCALES = Path(__file__).resolve().parent.parent / "locales"
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def test_indonesian_catalog_is_complete_and_keeps_placeholders() -> None:
    with (LOCALES / "id" / "LC_MESSAGES" / "migran.po").open("rb") as fh:
        catalog = read_po(fh)
    with (LOCALES / "migran.pot").open("rb") as fh:
        template = read_po(fh)
    ids = {m.id for m in catalog if m.id}
    assert {m.id for m in template if m.id} <= ids, "run `make messages` and translate"
    for message in catalog:
        if not message.id:
            continue
        assert message.string, f"untranslated: {message.id!r}"
        assert sorted(PLACEHOLDER.findall(message.id)) == sorted(
            PLACEHOLDER.findall(message.string)
        ), message.id


def test_the_template_lists_every_string_the_code_marks(tmp_path: Path) -> None:
    import subprocess
    import sys

    root = LOCALES.parent
    target = tmp_path / "fresh.pot"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "extract",
            "-F",
            "babel.cfg",
            "-k",
            "N_",
            "-o",
            str(target),
            "--no-location",
            ".",
        ],
        cwd=root,
        check=True,
        capture_output=True,
    )
    with target.open("rb") as fh:
        fresh = {m.id for m in read_po(fh) if m.id}
    with (LOCALES / "migran.pot").open("rb") as fh:
        committed = {m.id for m in read_po(fh) if m.id}
    assert fresh == committed, f"run `make messages`: {sorted(fresh ^ committed)[:5]}"
