"""An answer about a worker's trouble abroad names whom to contact where the worker is: the
embassy and the local labour office's line, not only "the KBRI/KJRI" (a Singapore helper got
Indonesian law and no number there: a chat tester, stop 49)."""

from __future__ import annotations

import pytest

from bot.triage import Triage
from knowledge.emergency import LINE_KINDS, EmergencyNumbers
from knowledge.loader import load_topics
from tests.conftest import Chat

HEAD = "Anda juga bisa menghubungi"


@pytest.mark.parametrize(
    ("text", "wanted", "unwanted"),
    [
        (
            "sy helper d singapore, gaji sy gk dibayar 3 bulan, gmn?",
            ["Di Singapura", "+65 9295 3964", "1800 339 5505", "1800 2255 233"],
            ["*999*", "*995*"],  # police and ambulance are not for unpaid wages
        ),
        (
            "gaji sy gk dibayar 3 bulan di taiwan, gmn?",
            ["Di Taiwan", "*1955*", "+62 812 9007 0027", "(KBRI, KJRI atau KDEI)"],
            ["*110*", "*119*"],
        ),
        (
            "paspor sy ditahan agen di brunei, gmn?",
            ["perwakilan Indonesia di Brunei", "+62 812 9007 0027"],
            ["*993*"],
        ),
        (
            "gaji sy gk dibayar di sabah",
            ["Di Malaysia", "+60 17-668 8032", "Untuk Sabah, Sarawak dan Penang"],
            ["15999"],  # the line against abuse is for violence
        ),
    ],
)
def test_a_work_problem_abroad_gets_the_lines_there(
    chat: Chat, text: str, wanted: list[str], unwanted: list[str]
) -> None:
    said = chat.say(text)
    for piece in wanted:
        assert piece in said
    for piece in unwanted:
        assert piece not in said


def test_the_place_told_earlier_decides(chat: Chat) -> None:
    """ "anak sy kerja d singapore", then the trouble: the place is the one told before."""
    chat.say("anak sy kerja d singapore jd helper")
    said = chat.say("paspornya ditahan majikan, gmn ya?")
    assert "Di Singapura" in said and "+65 9295 3964" in said


def test_the_lines_come_in_english_too(chat: Chat) -> None:
    said = chat.say("I work in singapore, my employer has not paid my salary for 3 months")
    assert "In Singapore, you can also contact:" in said
    assert "Indonesian Embassy Singapore (hotline)" in said


@pytest.mark.parametrize(
    "text",
    [
        "sy mau ke singapore, takut gaji gk dibayar",  # going there, not there
        "sy sudah pulang dari malaysia, gaji terakhir blm dibayar agen",  # come back from it
    ],
)
def test_no_lines_for_a_place_not_being_in_it(chat: Chat, text: str) -> None:
    assert HEAD not in chat.say(text)


def test_a_number_the_answer_gives_is_not_repeated(chat: Chat) -> None:
    said = chat.say("sy di hongkong, majikan gk kasih libur sama sekali, itu boleh?")
    assert said.count("2157 9537") <= 1


def test_every_country_line_says_what_it_is_for() -> None:
    numbers = EmergencyNumbers.load()
    kinds = {line.kind for country in numbers.countries for line in country.lines}
    assert kinds == set(LINE_KINDS)
    assert all(line.kind in LINE_KINDS for c in numbers.countries for line in c.lines)


def test_topics_ask_only_for_kinds_that_exist() -> None:
    asked = {kind for topic in load_topics() for kind in topic.local_help}
    assert asked and asked <= set(LINE_KINDS)


def test_a_country_line_without_its_kind_is_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "emergency.yaml"
    path.write_text(
        "general: []\ncountries:\n  - code: XX\n    name: {id: X, en: X}\n    words: [x]\n"
        '    lines:\n      - label: {id: "Polisi", en: "Police"}\n        number: "1"\n',
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="kind"):
        EmergencyNumbers.load(path)


def test_not_again_beside_the_danger_reply(chat: Chat) -> None:
    """The danger reply gives the place's numbers; the answer under it does not repeat them."""
    said = chat.say("majikan sy di hongkong pukul sy tiap hari, sy harus gmn")
    assert said.count("2157 9537") == 1 and HEAD not in said


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("dulu sy kerja d malaysia, skrg sy d saudi, majikan gk bayar gaji 4 bln", "Arab Saudi"),
        ("majikan sy orang malaysia tp sy kerja d singapura, gaji gk d bayar 3 bln", "Singapura"),
        ("sy dulu kerja d malaysia skrg udh pindah ke brunei, majikan gk bayar gaji", "Brunei"),
        ("sy kerja d singapura, dulu d hongkong. skrg gaji sy d potong agen", "Singapura"),
    ],
)
def test_the_place_the_worker_is_in_now_decides(chat: Chat, text: str, place: str) -> None:
    """The first place named was taken, a place left (a chat tester, stop 50)."""
    said = chat.say(text)
    head = f"Di {place}, Anda juga bisa menghubungi" if place != "Brunei" else "di Brunei"
    assert head in said and "Di Malaysia" not in said and "Di Hong Kong" not in said


def test_no_land_lines_at_sea(chat: Chat) -> None:
    said = chat.say("sy ABK d kapal berbendera taiwan, skrg d perairan somalia, gaji gk dibayar")
    assert "Di Taiwan" not in said and "*1955*" not in said


def test_the_same_places_lines_are_not_repeated_under_every_answer(chat: Chat) -> None:
    first = chat.say("sy d johor, gaji sy gk dibayar 3 bulan")
    assert "Di Malaysia, Anda juga bisa menghubungi" in first
    second = chat.say("paspor sy jg ditahan majikan, gmn?")
    assert "Di Malaysia, Anda juga bisa menghubungi" not in second


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1955 itu gratis gk?", "Taiwan: Hotline 1955 (pengaduan pekerja asing): *1955* (gratis"),
        ("0800-1000 bisa dari malaysia?", "hanya dari Indonesia"),
        ("CDE buka 24 jam gk?", "Singapura: CDE"),
        ("is the 1955 call free?", "free, 24 hours"),
    ],
)
def test_a_question_about_a_listed_line_gets_what_the_list_says_of_it(
    chat: Chat, text: str, expected: str
) -> None:
    """ "1955 itu gratis gk?" got a stray step of the wage answer (a chat tester, stop 50)."""
    assert expected in chat.say(text)


def test_an_amount_or_a_year_is_not_a_line(chat: Chat) -> None:
    said = chat.say("gaji sy 1955 ringgit, potongan 300 boleh?")
    assert "tentang nomor ini" not in said


def test_the_number_asked_after_a_move_is_the_new_places(chat: Chat) -> None:
    """ "dulu d saudi, skrg pindah ke qatar", then "nomor d sini brp?": Saudi's (stop 50)."""
    chat.say("sy dulu d saudi, skrg sy udh pindah ke qatar, gaji sy d potong agency terus")
    said = chat.say("nomor kbri yg bisa d hubungi d sini brp?")
    assert "Dari Qatar" in said and "Dari Arab Saudi" not in said


def test_a_three_digit_line_is_read_for_the_place_the_chat_is_about(chat: Chat) -> None:
    """ "999 itu gratis gk?" in Singapore got the placement fees (a chat tester, stop 50)."""
    chat.say("sy helper d singapore gaji gk dibayar 2 bulan")
    said = chat.say("999 itu gratis gk?")
    assert "Singapura: Polisi (darurat): *999*" in said


def test_a_line_asked_after_the_danger_reply_is_answered_with_its_office(chat: Chat) -> None:
    """It got the whole danger reply again (a chat tester, stop 50)."""
    chat.say("majikan sy d johor kunci sy d kamar")
    said = chat.say("0800-1000 bisa d telpon dr malaysia gk?")
    assert "hanya dari Indonesia" in said and "+62-21-2924-4800" in said
    assert "Jika ada orang dalam bahaya" not in said


def test_a_line_asked_by_its_own_name(chat: Chat) -> None:
    assert "KJRI Johor Bahru (KSATRIA)" in chat.say("ksatria itu apa? bisa wa?")


def test_what_the_numbers_just_given_cost_is_said(chat: Chat) -> None:
    """ "itu gratis gk?" under the answer on a worker out of reach got "my answer is above" (a
    chat tester, stop 50)."""
    chat.say("pak anak sy d malaysia gk bisa dihubungi 3 minggu")
    said = chat.say("itu gratis gk?")
    assert "nomor-nomor ini" in said and "*0800-1000* (gratis" in said


def test_a_boat_that_never_docks_is_at_sea(chat: Chat) -> None:
    """A Taiwanese fishing boat that never comes to land got Indonesia's police, from the
    home villages the plea also named (a family danger tester, stop 53)."""
    said = chat.say(
        "Bu tolong suami sy kerja di kapal ikan taiwan sdh 14 bulan, kaptennya suka mukul ABK, "
        "kapalnya gk pernah merapat ke darat, PT nya di pemalang jawa tengah. sy di lombok "
        "tengah"
    )
    assert "Di laut, nomor darurat darat" in said and "segera telepon polisi" not in said


@pytest.mark.parametrize(
    ("plea", "asked", "told"),
    [
        (
            "tolong adik sy di hongkong dipukul majikan, hamil, diusir",
            "nomor kjri hongkong brp mbak",
            "belum punya nomor KBRI/KJRI di Hong Kong",
        ),
        (
            "tolong anak sy di kamboja disekap, disuruh nipu online",
            "nomor kbri kamboja brp",
            "belum punya nomor darurat setempat untuk Kamboja",
        ),
        (
            "tolong istri sy di taiwan dipukul majikan",
            "nomor kbri taiwan brp",
            "KDEI Taipei, bukan kedutaan",
        ),
    ],
)
def test_a_mission_asked_after_the_danger_reply_that_we_lack_is_said_to_be_lacking(
    chat: Chat, plea: str, asked: str, told: str
) -> None:
    """The list came without the mission and without a word why (a family danger tester,
    stop 53)."""
    chat.say(plea)
    assert told in chat.say(asked)


def test_the_nearest_mission_asked_after_a_plea_from_sabah_keeps_the_far_note(
    chat: Chat,
) -> None:
    """The follow-up list dropped the note and pointed to Johor Bahru (a family danger tester,
    stop 53)."""
    chat.say("tolong anak sy kerja di kebun sawit lahad datu sabah, dipukul mandor")
    assert "Untuk Sabah, Sarawak dan Penang" in chat.say("nomor kjri terdekat brp")


def test_how_to_report_to_an_authority_is_where_to_turn_not_our_form(chat: Chat) -> None:
    """ "mau tanya cara lapor ke disnaker" opened our report form (a false-positive tester,
    stop 53)."""
    said = chat.say("mau tanya cara lapor ke disnaker")
    assert "Tempat melapor dan nomor yang bisa dihubungi" in said and "Saya setuju" not in said


def test_the_place_told_after_where_to_report_asked_for_it_gets_its_numbers(chat: Chat) -> None:
    """ "i am in malaysia" after "tell me the country" got "my answer is above" (an English
    tester, stop 53)."""
    chat.say("my salary not paid 3 month")
    assert "Tell me the country" in chat.say("what number i call?")
    assert "From Malaysia" in chat.say("i am in malaysia")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("tolong pulangkan anak sy dari Malaysia, dia dipukul majikan", "Dari Malaysia"),
        ("please help bring my wife home from Saudi, her employer beats her", "From Saudi Arabia"),
        ("anak sy dr Hongkong telpon katanya d pukul majikan", "Dari Hong Kong"),
        (
            "anak sy berangkat ke Saudi thn 2021, skrg majikan tdk izinkan pulang, kami d NTB",
            "Dari Arab Saudi",
        ),
    ],
)
def test_a_worker_to_be_brought_home_from_a_place_is_there(
    chat: Chat, text: str, place: str
) -> None:
    """ "pulangkan dari Malaysia", "bring home from Saudi", a call from Hong Kong, and the
    family's own "kami d NTB" lost the place's numbers (a long-plea tester, stop 56); "sejak
    pulang dr malaysia" is still home."""
    assert place in chat.say(text)


def test_home_from_a_place_is_home(chat: Chat) -> None:
    said = chat.say("bapak sy sejak pulang dr malaysia suka ngamuk, td mukul ibu sy")
    assert "Dari Malaysia" not in said


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("tolong bawa pulang istri sy dr saudi, dia d siksa tiap hari", "Dari Arab Saudi"),
        ("istri sy wa dr riyadh, dia d pukul td pagi", "Dari Arab Saudi"),
    ],
)
def test_brought_home_or_writing_from_a_place_is_there(chat: Chat, text: str, place: str) -> None:
    """A false-alarm tester of stop 56's place rules."""
    assert place in chat.say(text)


def test_just_home_from_a_place_is_home(chat: Chat) -> None:
    said = chat.say("sy telpon anak sy yg baru pulang dr malaysia, dia d pukul suaminya d rumah")
    assert "Dari Malaysia" not in said


def test_a_return_still_to_come_from_a_place_is_there(chat: Chat) -> None:
    """ "supaya anak sy bisa pulang dr malaysia" got no Malaysia numbers (a look-alike tester,
    stop 56)."""
    said = chat.say("agen minta tebusan 30 juta supaya anak sy bisa pulang dr malaysia")
    assert "Dari Malaysia" in said


def test_at_home_the_police_come_first(chat: Chat) -> None:
    """The numbers from anywhere came before Indonesia's police (a look-alike tester)."""
    said = chat.say("adik sy d sekap agen di batam")
    assert said.index("polisi di *110*") < said.index("Dari mana saja")


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("adik sy di china disekap agen", "Tiongkok"),
        ("suami sy di afrika selatan dipukuli", "Afrika"),
    ],
)
def test_a_place_without_numbers_is_said_to_have_none_not_asked_for(
    chat: Chat, text: str, country: str
) -> None:
    """China and South Africa were asked for: "tell me the country" (stop 56's list)."""
    said = chat.say(text)
    assert f"belum punya nomor darurat setempat untuk {country}" in said
    assert "Sebutkan negara" not in said and "Hotline Kemlu" in said


def test_a_trainee_in_a_prefecture_gets_japans_numbers(sqlite_chat: Chat) -> None:
    """ "jisshusei" and Gifu named no country (a tester of workers abroad, stop 60)."""
    said = sqlite_chat.say("sy jisshusei di gifu, dipukul senpai tiap hari, tolong")
    assert "Dari Jepang" in said and "KBRI Tokyo" in said


@pytest.mark.parametrize(
    "text",
    [
        "debt collector dtg ke rumah ngancam mau bakar rumah kalau utang suami sy gk dibayar, "
        "suami sy lg kerja di malaysia",
        "tolong pak, preman dtg ke rumah bawa golok nyari suami sy yg di malaysia, anak2 sy "
        "ketakutan",
        "rumah sy dilempari batu tadi malam sama orang suruhan rentenir, suami sy TKI di arab",
        "semalam ada org ngancam mau bunuh sy dan anak sy, suami di taiwan gk bisa dihubungi",
    ],
)
def test_thugs_at_the_familys_door_get_indonesias_police_not_the_husbands_country(
    chat: Chat, triage: Triage, text: str
) -> None:
    """The family at home threatened over the worker's debt or absence: Malaysia's 999 or
    Saudi Arabia's 911 reach no one at the door (a last regression tester, stop 63). After the
    numbers, the report to the village (whose Bhabinkamtibmas is the police there), not an
    employer's violence."""
    reading = triage.read(text)
    assert reading.urgent and reading.country is None and reading.danger_at_home
    assert reading.topic is None and reading.offered[0] == "lapor-kasus"
    assert "kekerasan-majikan" not in reading.offered
    said = chat.say(text)
    assert "Di Indonesia: segera telepon polisi di *110*" in said
    assert "Sebutkan negara atau kotanya" not in said
    for abroad in ("*999*", "*911*", "*1955*"):
        assert abroad not in said


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("majikan ngancam mau bunuh anak sy, anak sy di malaysia", "Dari Malaysia"),
        ("sy di arab, majikan ngancam bunuh sy", "Dari Arab Saudi"),
        ("agen ngancam mau bakar rumah ortu sy kalau sy kabur, sy di malaysia", "Dari Malaysia"),
        (
            "Hello, I am Indonesian worker in construction site in Dubai. Our supervisor threaten "
            "us with knife today. He say he will send people to kill our family, he have our home "
            "address.",
            "From United Arab Emirates",
        ),
    ],
)
def test_a_threat_made_where_the_worker_is_keeps_that_places_numbers(
    chat: Chat, triage: Triage, text: str, place: str
) -> None:
    """A holder abroad who threatens (an employer, an agent, a supervisor) is where the worker
    is, even when the threat names the family's house."""
    reading = triage.read(text)
    assert reading.urgent and not reading.danger_at_home
    assert place in chat.say(text)


@pytest.mark.parametrize(
    "text",
    [
        "bapak sy d praya dipukulin debt collector skrg d depan rumah, sy d saudi",
        "ibu sy d kampung digebukin sm rentenir, gk ada yg bantu, sy d hongkong, tolong",
        "keluarga sy d lombok diteror tiap malem, pintu digedor, diancem dibunuh, sy lg d jepang",
    ],
)
def test_the_family_in_danger_at_home_gets_indonesias_police_though_the_writer_is_abroad(
    chat: Chat, triage: Triage, text: str
) -> None:
    """The writer works abroad, the one in danger is at home: Saudi Arabia's 911 reaches no
    one in Praya (a regression tester of dangers, stop 64)."""
    reading = triage.read(text)
    assert reading.urgent and reading.country is None and reading.danger_at_home
    assert "Di Indonesia: segera telepon polisi di *110*" in chat.say(text)


def test_the_writer_abroad_in_danger_keeps_that_places_numbers(triage: Triage) -> None:
    reading = triage.read("sy di malaysia, majikan pukul sy, ibu sy di kampung gk tau")
    assert reading.country is not None and reading.country.code == "MY"


def test_danger_told_in_the_departure_register_is_not_dialled_from_the_destination(
    chat: Chat,
) -> None:
    """The register's country is where someone is going: a child held in a holding shelter
    before leaving got Taiwan's police (a regression tester, stop 64)."""
    chat.say("anak sy mau brgkt ke taiwan bulan dpn")
    chat.say(button="opt:yes")
    said = chat.say("tp skrg dia ditahan d penampungan sm pt, gk blh keluar")
    assert "Dari Taiwan" not in said and "*1955*" not in said


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("sy d johor, adek sy d singapura d kurung majikan dr kemarin gk d kasi makan", "SG"),
        ("adek sy d singapura d kurung majikan dr kemarin. sy skrg d johor", "SG"),
        ("sy d taiwan, kakak sy d hongkong d pukul majikan td pagi, skrg kabur ke jalan", "HK"),
        ("sy TKW d riyadh, teman sy d kuwait d kunci majikan 3 hari gk makan", "KW"),
        ("sy kerja d sabah, adek sy d brunei d tahan toke gk boleh balik, pasport d ambil", "BN"),
        (
            "kawan sebilik adek sy kat kl kata adek sy pengsan tak sedar, majikan tak nak hantar "
            "hospital",
            "MY",
        ),
    ],
)
def test_the_numbers_are_for_where_the_one_in_danger_is_not_where_the_writer_is(
    triage: Triage, text: str, code: str
) -> None:
    """A worker abroad writing of a sister or a friend in another country got her own
    country's numbers (a tester of dangers told by others, stop 65)."""
    reading = triage.read(text)
    assert reading.urgent and reading.country is not None and reading.country.code == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "help i am in Cambodia, they say job in Thailand customer service but now must scam "
            "people online, cannot leave, guard have gun",
            "KH",
        ),
        (
            "Bos minta 15 ribu dolar kalau saya mau keluar dari sini. Kata dia saya sudah dibeli. "
            "Keluarga di kampung tidak punya uang segitu. Saya di Kamboja.",
            "KH",
        ),
    ],
)
def test_the_writer_in_danger_keeps_the_writers_place(triage: Triage, text: str, code: str) -> None:
    reading = triage.read(text)
    assert reading.urgent and reading.country is not None and reading.country.code == code


def test_a_country_named_at_the_reports_consent_after_the_numbers_gets_its_numbers(
    chat: Chat,
) -> None:
    """The numbers from anywhere asked where the person is; "saudi", typed at the urgent
    report's consent, was "choose one" and Saudi Arabia's numbers never came (a forms tester,
    stop 65)."""
    chat.say("tolong mau lapor anak sy d pukul majikan tiap hari")
    chat.say("iya")
    chat.say("Laila")
    said = chat.say("saudi")
    assert "Dari Arab Saudi" in said and "Silakan pilih salah satu" not in said


def test_the_country_answered_in_an_urgent_report_gets_its_numbers_and_is_kept(
    chat: Chat,
) -> None:
    for text in ("mau lapor", "iya", "2", "namanya Siti, dia d pukul majikan tiap hari", "ya"):
        chat.say(text)
    said = chat.say("malaysia")
    assert "Dari Malaysia" in said and "kota atau daerah" in said
    assert "Dari Malaysia" not in chat.say("kuala lumpur")  # given once
