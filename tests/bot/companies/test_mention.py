"""Which messages name a company, and which merely ask how to check one."""

from __future__ import annotations

import pytest

from bot.companies.mention import asks_to_check, given_name, named_company, shorter_readings


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
        # words of names that are also words of sentences: the whole name as typed
        ("PT Sukses Kerja Mandiri resmi gk?", "PT Sukses Kerja Mandiri"),
        ("cek PT Maju Terus Abadi", "PT Maju Terus Abadi"),
        ("cv dana mana jaya legal ga", "cv dana mana jaya"),
        ("PT Karya Baru Aman Sentosa resmi?", "PT Karya Baru Aman Sentosa"),
        # ... and where no name word follows them, the sentence
        ("lewat PT Maju Jaya terus gaji ga dibayar", "PT Maju Jaya"),
        ("PT Maju Jaya aman?", "PT Maju Jaya"),
        ("PT Sukses kerja di malaysia", "PT Sukses"),
        ("PT Maju Jaya dan PT Sinar Abadi resmi?", "PT Maju Jaya"),
        ("mau cek perusahaan\nPT Sinar Abadi", "PT Sinar Abadi"),
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
        "PT nya udh tutup",
        "PT d praya",
        "PT mana yg resmi?",
        "perusahaan penempatan dan lowongan",
        "mau cek perusahaan\nok makasih",  # a name does not run on to the next message
        "apa bedanya P3MI sama PT biasa",  # "PT biasa" was checked (stop 50)
        "PT itu resmi gk",
        # chat spellings, an amount or a place after the marker are the sentence going on
        # (an everyday-questions tester, stop 64)
        "pspr d pegang pt selama proses itu aturannya blh gk?",
        "klo berangkat mandiri tanpa pt bs gk",
        "pt mnta 25jt, wajar gk",
        "agency hk minta byr bnyk",
        "",
    ],
)
def test_no_company_is_named(text: str) -> None:
    assert named_company(text) is None


@pytest.mark.parametrize(
    ("name", "shorter"),
    [
        ("PT Sukses Kerja Mandiri", ["PT Sukses"]),
        ("P.T. Maju Terus Abadi", ["P.T. Maju"]),
        ("PT Maju Jaya dan Baru Abadi", ["PT Maju Jaya"]),
        ("Maju Terus Abadi", ["Maju"]),
        ("PT Sumber Rejeki Abadi", []),
        ("PT Baru Jaya", []),  # nothing before "Baru" to be a name
    ],
)
def test_a_name_is_also_read_cut_before_a_word_that_may_be_the_sentence(
    name: str, shorter: list[str]
) -> None:
    assert shorter_readings(name) == shorter


@pytest.mark.parametrize(
    "text",
    ["cek pt ini resmi gk", "mau cek perusahaan", "ptnya resmi gk?", "tolong cek perusahaannya"],
)
def test_a_check_asked_without_a_name_is_recognised(text: str) -> None:
    assert asks_to_check(text)


@pytest.mark.parametrize(
    "text",
    [
        "gimana cara cek PT resmi?",
        "perusahaan mana yg resmi?",
        "PT Sinar Abadi resmi gk",  # named: checked at once
        "PT nya udh tutup",
        "agen saya minta uang 20 juta",
    ],
)
def test_other_messages_do_not_ask_to_check_a_company(text: str) -> None:
    assert not asks_to_check(text)


@pytest.mark.parametrize(
    ("reply", "name"),
    [
        ("Sumber Rejeki Abadi", "Sumber Rejeki Abadi"),
        ("namanya PT Sumber Rejeki Abadi", "PT Sumber Rejeki Abadi"),
        ("Maju Terus Abadi resmi gk?", "Maju Terus Abadi"),
        ("Sinar Abadi ya", "Sinar Abadi"),
        ("lupa namanya", None),
        ("gak tau", None),
        ("biaya ke taiwan brp?", None),
        ("syaratnya apa", None),
        ("anak saya", None),
    ],
)
def test_a_reply_to_which_company_is_read_as_a_name_only_when_it_is_one(
    reply: str, name: str | None
) -> None:
    assert given_name(reply) == name


def test_a_story_verb_after_the_marker_is_not_a_company_name() -> None:
    """A chat tester (stop 42): "agen nyuruh" and "pt bangkrut" were checked as names."""
    assert named_company("agen nyuruh bayar 5jt") is None
    assert named_company("pt bangkrut sy di phk") is None
    assert named_company("PT Maju Jaya tutup, uang sy gmn") == "PT Maju Jaya"
    assert named_company("agen janjiin gaji 10jt") is None
    assert named_company("pt lari bawa duit") is None
    assert named_company("PT Maju Jaya ditutup") == "PT Maju Jaya"


@pytest.mark.parametrize(
    "text",
    [
        "my employer deduct 50 dollar every month for 'agency loan', is it ok?",
        "sponsor want to transfer me to his brother house... my agency office",
        "my agency contract says 2 years",
        "agency people took my passport",
        "agen kantor di praya tutup",
        "agensi biaya 20 juta",
        "agen potongan 2jt tiap bulan",
        "daftar langsung ke PT PJTKI, jangan lewat agen perorangan",
    ],
)
def test_a_common_noun_after_agency_is_not_a_company_name(text: str) -> None:
    """A chat tester: "agency loan" and "agency office" were checked as company names."""
    assert named_company(text) is None


def test_a_name_after_agency_is_still_read() -> None:
    assert named_company("Agency Sinar Jaya resmi?") == "Agency Sinar Jaya"
    assert named_company("my agency PT Sinar Jaya is it legal?") == "PT Sinar Jaya"
    assert given_name("agency loan") is None
    assert given_name("agensi Sinar Jaya") == "agensi Sinar Jaya"


def test_what_the_agency_did_is_not_its_name() -> None:
    """ "the agency picked her up" was noted as the company "agency picked" (stop 51)."""
    assert named_company("ok she is safe now, the agency picked her up") is None
    assert named_company("my agency Maju Jaya took my passport") == "agency Maju Jaya"
