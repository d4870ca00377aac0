"""Which messages name a company, and which merely ask how to check one."""

from __future__ import annotations

import pytest

from bot.companies.mention import named_company


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("PT Maju Jaya resmi gak?", "PT Maju Jaya"),
        ("cek pt sinar abadi", "pt sinar abadi"),
        ("apakah PT Zorvana Jaya terdaftar?", "PT Zorvana Jaya"),
        ("PT X legal ga", "PT X"),
        ("adik sy mau ke taiwan lewat P.T. Sinar Abadi, aman?", "P.T. Sinar Abadi"),
        ("pt yg rekrut adek sy namanya pt arta jaya mandiri tlg d cek", "pt arta jaya mandiri"),
        (
            "Ada PT baru buka kantor, namanya PT Sinar Lombok Mandiri, rekrut TKW",
            "PT Sinar Lombok Mandiri",
        ),
        ("is PT Surya Mandiri licensed?", "PT Surya Mandiri"),
        # the story goes on after the name
        (
            "anak saya berangkat lewat PT Maju Jaya Abadi tapi gaji tidak dibayar",
            "PT Maju Jaya Abadi",
        ),
        ("lewat pt sinar abadi sekarang d sekap", "pt sinar abadi"),
    ],
)
def test_a_named_company_is_found(text: str, name: str) -> None:
    assert named_company(text) == name


@pytest.mark.parametrize(
    "text",
    [
        "gimana cara cek PT resmi?",
        "perusahaan penempatan itu resmi?",
        "PT nya gk ada di web",
        "saya kerja di pt",
        "gaji saya belum dibayar majikan",
        "optimalkan ptnya",
        "agen saya minta uang 20 juta",
        "agen sy tdk mau kembalikan uang",
        "perusahaan anak saya tidak bayar gaji",
        "the agency said I must pay again before going home",
        "gaji dipotong PT Rp5 juta tiap bulan",
        "agen ngomong nanti diganti",
        "agen ne ndek mele ngirim",  # Sasak: "the agent will not send (her)"
        "",
    ],
)
def test_no_company_is_named(text: str) -> None:
    assert named_company(text) is None
