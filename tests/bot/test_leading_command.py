"""A typed command word opens its form with the rest of the message; a story that merely
starts with the same word does not."""

from __future__ import annotations

import pytest

from bot.commands import leading_command


def never_asks() -> bool:
    return False


def asks() -> bool:
    return True


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("LAPOR nama saya Siti, anak saya disekap", "report"),
        ("lapor anak saya tidak digaji 5 bulan", "report"),
        ("LAPORAN anak saya hilang kontak di Malaysia", "report"),
        ("Laporan: gaji suami saya ditahan agensi", "report"),
        ("Pengaduan - paspor saya ditahan majikan", "report"),
        ("DAFTAR pelatihan las", "training"),
        ("lapor berangkat anak saya ke Taiwan", "register"),
    ],
)
def test_a_typed_command_word_opens_its_form(text: str, form: str) -> None:
    assert leading_command(text, never_asks) == form


@pytest.mark.parametrize(
    "text",
    [
        "Laporan saya diterima dan dibaca tapi belum ada kabar tindak lanjutnya",
        "Pengaduan kami ke dinas sudah tiga bulan tidak dijawab",
        "aduan ke BP3MI katanya masih diproses",
        "lapor",
    ],
)
def test_a_story_that_starts_with_a_report_noun_is_read_not_filed(text: str) -> None:
    assert leading_command(text, never_asks) is None


def test_a_question_that_starts_with_lapor_is_answered() -> None:
    assert leading_command("lapor ke mana kalau gaji tidak dibayar?", asks) is None
