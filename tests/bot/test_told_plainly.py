"""What a message says plainly is answered where the ranking was unsure: a death told with a
question, a visa run out while abroad."""

from __future__ import annotations

import pytest

from bot.triage import Triage, tells_a_death
from tests.conftest import Chat


def test_a_death_told_with_a_question_gets_the_answer_on_a_death(chat: Chat) -> None:
    said = chat.say(
        "temen sekamar sy meninggal td malam d asrama pabrik d taichung. keluarganya d bima gk "
        "tau. sy hrs gmn?"
    )
    assert "Saya belum yakin" not in said and "jenazah" in said


def test_a_visa_run_out_abroad_is_staying_on_without_papers_not_how_to_go(chat: Chat) -> None:
    said = chat.say(
        "visa sy udh habis 2 bulan lalu d malaysia, kerja d kl. gmn caranya pulang tanpa ditangkap?"
    )
    assert "tanpa jalur resmi" in said or "tidak resmi" in said, said


def test_a_death_not_yet_sure_gets_no_condolences(chat: Chat) -> None:
    """ "Saya turut berduka" was said for a death the mother was still checking (a family chat
    tester, stop 49)."""
    said = chat.say("anak sy meninggal d malaysia tp blm pasti, gmn cara ngecek nya")
    assert "berduka" not in said
    assert "berduka" in Chat(chat.services, user="sure").say("anak sy meninggal d malaysia kemarin")


@pytest.mark.parametrize(
    "text",
    [
        "permit sy d malaysia udh mati 6 bln, majikan gk renew, gmn mau pulang",
        "visa sy d dubai udh expired, sponsor kabur",
        "sy di qatar, visa sy udh habis, perusahaan gk mau perpanjang",
    ],
)
def test_a_permit_run_out_abroad_in_other_words_is_staying_on_without_papers(
    chat: Chat, text: str
) -> None:
    """They got the passport services, a broker's signs and choices (a chat tester, stop 50)."""
    said = chat.say(text)
    assert "tanpa jalur resmi" in said and "Saya belum yakin" not in said


def test_a_permit_that_will_run_out_is_a_renewal(chat: Chat) -> None:
    said = chat.say("sy d seoul visa E9 sy habis bulan depan, mau perpanjang gmn?")
    assert "tanpa jalur resmi" not in said


@pytest.mark.parametrize(
    "text",
    [
        "majikan sy meninggal dunia, sy hrs gmn skrg",
        "akong yg sy jaga meninggal kemarin, sy hrs pulang?",
        "my employer passed away what happens to my contract",
        # Taiwan's "ama", which standard spelling reads as a father, and "take care" (a chat
        # tester, stop 53)
        "ama yg sy jaga d taiwan meninggal kemarin, skrg sy gmn? hrs pulang kah?",
        "hello, the grandma i take care in taiwan passed away yesterday, what happen to me now?",
        # with no place, cared for by the wife, the employer's father (a regression tester,
        # stop 53)
        "ama yg sy jaga meninggal kemarin, sy hrs gmn",
        "kakek yg dirawat istri sy d hongkong meninggal, istri sy skrg gmn",
        "my employer's father that i care for died yesterday, agency say wait",
    ],
)
def test_the_employer_or_the_old_person_cared_for_dying_ends_the_contract(
    chat: Chat, text: str
) -> None:
    """It got the care and remains of a worker who died (stop 50's note): now what is owed on
    a contract cut short, and changing employer one tap away."""
    said = chat.say(text)
    assert "majikan meninggal" in said or "employer has died" in said, said
    assert "jenazah" not in said and "body home" not in said


def test_a_familys_own_death_abroad_is_still_a_death(chat: Chat) -> None:
    said = chat.say(
        "my friend died in accident at factory in korea last night. how the family claim insurance?"
    )
    assert "Korea's *EPS*" not in said and ("JKM" in said or "died" in said or "body" in said)


def test_a_phone_gone_dead_is_lost_contact_not_a_death(chat: Chat) -> None:
    """ "her number is dead" got the answer on a worker who died (a danger chat tester, stop
    51)."""
    said = chat.say(
        "my aunt went to malaysia through a sponsor 6 months ago and we have heard nothing "
        "since, her number is dead"
    )
    assert "cannot be reached" in said and "body" not in said


def test_social_security_asked_beside_an_illness_is_answered_as_a_guess(chat: Chat) -> None:
    """The need read in "sakit" put illness first, social security second, and the topic
    model, sure of the second, was not asked (an English chat tester, stop 51)."""
    said = chat.say(
        "I got accident at work in Taiwan factory, my finger cut by machine. can i claim BPJS?"
    )
    assert "I am not sure I understood" not in said and "JKK" in said, said


@pytest.mark.parametrize(
    ("text", "told"),
    [
        ("my passport expired, how do i renew it in mataram", "immigration office"),
        ("tlg pak sy hrs cepat, paspor sy abis bulan depan, sy d hongkong skrg", "KBRI/KJRI"),
        # going to leave again is at home (it got the consulates: a pre-departure tester, 54)
        ("paspor sy udh mati, mau kerja ke malaysia lg, perpanjang dmn?", "imigrasi"),
    ],
)
def test_a_passport_run_out_is_renewed_where_the_person_is(
    chat: Chat, text: str, told: str
) -> None:
    """At home the mission was given, abroad a passport held (a danger chat tester, stop
    51)."""
    said = chat.say(text)
    assert told in said and "berhak memegang paspornya" not in said


def test_a_short_question_the_topic_model_is_all_but_sure_of_is_answered(chat: Chat) -> None:
    """It got choices (a prospective-migrant chat tester, stop 51)."""
    said = chat.say("assalamualaikum pak, sy mau krja ke malaysia, biaya nya brp ya?")
    assert "Saya belum yakin" not in said and "biaya penempatan" in said


def test_a_broker_gone_with_the_money_is_the_broker_not_a_worker_out_of_reach(
    chat: Chat,
) -> None:
    """It got the steps to trace a worker abroad (a prospective-migrant chat tester, stop
    51)."""
    said = chat.say(
        "tiang udh bayar 12 jt ke sponsor buat ke malaysia, skrg sponsornya ngilang, hp nya "
        "ndak aktif"
    )
    assert "keluarga di luar negeri tidak bisa dihubungi" not in said and "calo" in said.lower()


def test_a_workers_death_asked_of_is_not_the_employer_who_died(triage: Triage) -> None:
    """ "kalo meninggal dapet brp" got the sudden dismissal, whose answer opens with an employer
    who died (a chat tester, stop 52); the employer's death keeps it."""
    assert triage.read("kalo meninggal dapet brp").topic == "pmi-meninggal-sakit"
    assert triage.read("majikan sy meninggal, sy dapet apa").topic == "phk-mendadak"


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        (
            "how i can go home my contract not finish, employer very angry all the time, i am "
            "in hongkong",
            "pulang-sebelum-kontrak",
        ),
        ("i want go home now, contract still 8 month, i am in singapore", "pulang-sebelum-kontrak"),
        (
            "pak ibu sy sakit keras d lombok, sy d malaysia kontrak msh 1 thn lg. blh gk sy pulang "
            "dulu? majikan gk ksh",
            "pulang-sebelum-kontrak",
        ),
    ],
)
def test_a_worker_abroad_asking_of_her_own_contract_gets_it_not_how_to_go(
    triage: Triage, text: str, topic: str
) -> None:
    """Going home before the contract ends got the contract's normal end (a chat tester of
    workers abroad, stop 53)."""
    assert triage.read(text).topic == topic


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        (
            "Sir my husband in Korea he sick kidney in hospital, who pay the hospital? he E9 visa",
            "pmi-meninggal-sakit",
        ),
        (
            "anak sy dulu kerja d malaysia, skrg udh pindah ke singapura jd prt, majikannya gk "
            "bayar gaji 4 bln",
            "gaji-tidak-dibayar",
        ),
        (
            "pak sy d malaysia kerja ladang sawit, paspor sy d tahan bos sdh 2 thn. skrg paspor "
            "sy udh mati (expired). gmn cara perpanjang?",
            "dokumen-ditahan",
        ),
        ("gaji art d hk skrg brp", "taiwan-hongkong"),  # an amount asked, no problem told
    ],
)
def test_a_problem_told_from_abroad_leads_over_how_to_go_there(
    triage: Triage, text: str, topic: str
) -> None:
    """They got how to work in Korea and the Malaysian route (a chat tester of workers
    abroad, stop 53)."""
    reading = triage.read(text)
    assert reading.topic == topic, (reading.topic, reading.offered)


@pytest.mark.parametrize(
    "text",
    [
        "anak sy sudah pulang dr malaysia kmrn, skrg mau ngurus apa aja pak?",
        "anak sy sudah pulang dr saudi bulan lalu pak, perlu lapor ke desa gk?",
    ],
)
def test_a_worker_back_home_asking_what_now_gets_what_returnees_can_do(
    chat: Chat, text: str
) -> None:
    """They got the care of a sick worker and the end of a contract (a chat tester, stop 53);
    the return is one tap to record."""
    said = chat.say(text)
    assert "Setelah pulang, purna PMI bisa" in said and "Catat kepulangan" in said


def test_a_return_with_a_problem_or_going_again_is_not_the_returnees_answer(
    triage: Triage,
) -> None:
    assert triage.read("suami sy udh pulang dr malaysia tp gajinya blm dibayar, gmn?").topic == (
        "gaji-tidak-dibayar"
    )
    assert triage.read("You came from Indonesia? I came from Indonesia, too").topic is None


def test_business_training_is_not_the_courses_for_work_abroad(triage: Triage) -> None:
    """It opened the pre-departure courses, whose list then repeated (a chat tester, stop
    53)."""
    reading = triage.read("sy mau daftar pelatihan usaha nya pak")
    assert reading.command is None and reading.topic == "purna-pmi"
    assert "daftar-pelatihan" in reading.offered
    assert triage.read("daftar pelatihan caregiver").command == "training"


def test_the_writers_own_wish_to_die_after_a_death_is_still_danger(triage: Triage) -> None:
    assert triage.read("kakak sy meninggal kemarin, sy jg mau bunuh diri aja").urgent


@pytest.mark.parametrize(
    "text",
    [
        "agensi minta uang 20 juta biar anak sy bisa pulang, sy mau pinjam ke bank",
        "perlu kami bayar tebusannya gk? kami bisa pinjam",
        "perlu sy bayar ke PT nya gk supaya anak sy dipulangkan",
    ],
)
def test_money_asked_before_coming_home_is_not_paid_with_a_loan(triage: Triage, text: str) -> None:
    """A placement loan was offered to pay a release fee or a ransom (a family danger tester,
    stop 53)."""
    reading = triage.read(text)
    assert reading.topic == "pulang-sebelum-kontrak", (reading.topic, reading.offered)
    assert "pinjaman-kur" not in reading.offered


def test_a_return_told_without_a_question_gets_what_returnees_can_do(triage: Triage) -> None:
    """ "sy sudah pulang dr saudi" got the care of a sick worker (a false-positive tester, stop
    53)."""
    reading = triage.read("sy sudah pulang dr saudi")
    assert reading.topic == "purna-pmi" and reading.return_told


@pytest.mark.parametrize(
    "text", ["daftar pelatihan dmn ya?", "selamat sore bu, daftar pelatihan itu bayar gk?"]
)
def test_where_training_is_or_what_it_costs_is_answered_not_signed_up_for(
    triage: Triage, text: str
) -> None:
    """It opened the sign-up form (a false-positive tester, stop 53); a wish to sign up still
    does."""
    reading = triage.read(text)
    assert reading.topic == "pelatihan-kerja" and "daftar-pelatihan" in reading.offered
    assert triage.read("sy mau daftar pelatihan").command == "training"


def test_a_death_told_in_broken_english_is_a_death() -> None:
    """ "my mother die in hongkong, how we bring body home?" got the answer for the living (an
    English tester, stop 53); "will die" is not one told."""
    assert tells_a_death("my mother die in hongkong, how we bring body home?")
    assert not tells_a_death("my mother will die in hongkong if no doctor")


@pytest.mark.parametrize(
    "text",
    [
        "i pregnant, my employer in taiwan want to terminate me and send me back",
        "sy lg hamil 5 bln d hongkong, majikan mau pecat sy. boleh gk dia pecat sy krn hamil?",
    ],
)
def test_a_worker_dismissed_for_being_pregnant_gets_what_a_dismissal_leaves_owed(
    triage: Triage, text: str
) -> None:
    """The care of the sick, then a worker's death, or "not sure" (English and chat testers,
    stop 53); our facts hold nothing on pregnancy itself."""
    assert triage.read(text).topic == "phk-mendadak"


@pytest.mark.parametrize(
    "text",
    [
        "anak sy udh balik dr malaysia 2 thn kerja sawit, skrg mau brgkt lg ke taiwan. hrs dr "
        "awal lg gk ngurusnya?",
        "anak sy udh pulang dr saudi, mau brgkt lg ke hongkong, bisa gk?",
    ],
)
def test_a_returnee_going_again_elsewhere_gets_how_to_go_there(triage: Triage, text: str) -> None:
    """They got the children of workers and a sick worker's care (a pre-departure tester,
    stop 54)."""
    assert triage.read(text).topic == "taiwan-hongkong"


def test_a_follow_up_turning_to_another_place_asks_of_that_place(chat: Chat) -> None:
    """ "oke klo gitu ke taiwan aja, syaratnya apa?" after Japan got "the answer is above"
    (a pre-departure tester, stop 54)."""
    chat.say("mau kerja ke jepang gmn caranya pak")
    said = chat.say("oke klo gitu ke taiwan aja, syaratnya apa?")
    assert "ada di atas" not in said and "Taiwan" in said


def test_a_departure_told_to_be_reported_to_the_village_is_the_register(triage: Triage) -> None:
    """It got how to report a problem (a pre-departure tester, stop 54)."""
    reading = triage.read("anak sy mau brgkt bulan depan ke taiwan, mau lapor ke desa")
    assert reading.command == "register"


def test_how_to_go_to_a_place_and_its_wage_asked_together_is_answered_for_that_place(
    triage: Triage,
) -> None:
    """ "klo mau kerja ke brunei gmn caranya? gaji brp?" got "not sure" (a pre-departure
    tester, stop 54); where Brunei's wages are not in our data, the destinations' answer
    says so."""
    assert triage.read("klo mau kerja ke brunei gmn caranya? gaji brp?").topic == "negara-tujuan"


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("sy mantan pmi korea, pulang 2020, bisa re-entry gk?", "korea-eps"),
        ("sy mantan pmi malaysia mau berangkat lg, hrs dari awal lagi?", "malaysia"),
    ],
)
def test_a_returnee_going_again_to_the_same_place_gets_the_way_there(
    triage: Triage, text: str, topic: str
) -> None:
    """Four got the returnees' business loans (a pre-departure tester, stop 60); a returnee
    asking for a loan still gets it."""
    assert triage.read(text).topic == topic
    assert triage.read("sy udh pulang dr malaysia, mau buka usaha, ada modal gk?").topic == (
        "purna-pmi"
    )


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        (
            "I worked in Saudi for 4 years and came home last year. Now I want to go to Japan. "
            "What should I do?",
            "jepang",
        ),
        (
            "sy mantan pmi hongkong, pulang 2022. skrg mau ke korea, umur sy 37, msh bisa gk?",
            "korea-eps",
        ),
        ("ok then what about Korea instead, what do I need?", "korea-eps"),
    ],
)
def test_a_returnee_or_a_follow_up_naming_where_to_go_next_gets_that_place(
    triage: Triage, text: str, topic: str
) -> None:
    """They got the returnees' business page and the change of employer (a look-alike tester,
    stop 54)."""
    assert triage.read(text).topic == topic


def test_a_follow_up_gets_no_line_of_another_country(chat: Chat) -> None:
    """ "brp lama kbri bantu?" after unpaid wages in Malaysia got Hong Kong's Labour
    Department hotline (a danger regression tester, stop 54)."""
    chat.say("gaji istri sy gk dibayar 5 bulan d malaysia")
    assert "2157 9537" not in chat.say("brp lama kbri bantu?")


def test_a_parent_ill_at_home_of_someone_about_to_leave_is_not_a_worker_ill_abroad(
    triage: Triage,
) -> None:
    """It got the care of a worker sick abroad; the requirements asked were not answered (a
    look-alike tester, stop 54). A child sick abroad still gets that care."""
    reading = triage.read(
        "ibu sy sakit keras pak, sy mau brgkt kerja buat biaya berobat. ke malaysia syaratnya "
        "apa aja"
    )
    assert reading.topic == "malaysia"
    alone = triage.read("ibu sy sakit keras, sy mau brgkt kerja buat biaya berobat")
    assert alone.topic is None and alone.offered[0] == "jalur-resmi"
    assert triage.read("anak sy sakit di malaysia, sy mau berangkat ke sana jenguk").topic == (
        "pmi-meninggal-sakit"
    )


@pytest.mark.parametrize(
    "text",
    [
        "bapak sy meninggal d kampung, sy di taiwan mau pulang, boleh gk izin",
        "my father died at home, i am in hong kong, can i go home?",
    ],
)
def test_a_death_at_home_told_by_a_worker_abroad_is_going_home_early(
    triage: Triage, text: str
) -> None:
    """It got a worker's death and the JKM claim (a last regression tester, stop 54); a death
    abroad told by the family is still that."""
    assert triage.read(text).topic == "pulang-sebelum-kontrak"
    assert triage.read("anak sy meninggal di malaysia, bisa pulang jenazahnya?").topic == (
        "pmi-meninggal-sakit"
    )


def test_a_follow_up_naming_its_own_place_is_read_for_that_place(chat: Chat) -> None:
    """ "what about salary in korea" after Malaysia and Japan got Malaysia's answer again (a
    last regression tester, stop 54)."""
    chat.say("how much does it cost to go to malaysia for work")
    chat.say("and japan?")
    said = chat.say("what about salary in korea")
    assert "Korea" in said and "Go to Malaysia only the official way" not in said


@pytest.mark.parametrize(
    ("message", "first"),
    [
        (
            "pak anak sy d malaysia udh 3 bulan gk ada kabar, bapaknya baru meninggal kmrn, dia "
            "blm tau. tolong bantu cari",
            "Jika keluarga di luar negeri tidak bisa dihubungi",
        ),
        (
            "my brother in saudi cannot be reached for 2 months, his mother passed away last "
            "week and he does not know",
            "If a family member abroad cannot be reached",
        ),
    ],
)
def test_a_worker_out_of_reach_who_must_hear_of_a_death_at_home_is_looked_for(
    chat: Chat, message: str, first: str
) -> None:
    """A missing son whose father died got condolences and a worker's remains and JKM claim
    (stop 55's note): finding him leads, the death's answer one tap away."""
    said = chat.say(message)
    assert first in said and "JKM" not in said


def test_the_body_asked_after_a_time_out_of_reach_is_a_death(chat: Chat) -> None:
    said = chat.say(
        "suami sy hilang kontak, trs dikabari meninggal d malaysia, gmn ngurus jenazahnya"
    )
    assert "JKM" in said


@pytest.mark.parametrize(
    "text",
    [
        "sy takut anak sy meninggal d sana pak, dia d pukul terus sama majikan d Jeddah",
        "my sister almost died, her employer in Dubai beat her, she is in hospital now",
    ],
)
def test_a_death_feared_or_nearly_come_is_no_death_and_the_harm_is_danger(
    chat: Chat, text: str
) -> None:
    """ "Saya turut berduka cita" was said, and the beating was read as a harm of someone
    dead, with no numbers (a long-plea tester, stop 56)."""
    said = chat.say(text)
    assert "berduka" not in said and "sorry for your loss" not in said
    assert "Dari Arab Saudi" in said or "From United Arab Emirates" in said, said


def test_a_death_yet_to_come_gets_no_condolences() -> None:
    assert not tells_a_death("istri sy hampir meninggal krn d siksa majikan d Kuwait")
    assert not tells_a_death("ibu kami sakit2an ingin ketemu anaknya sebelum meninggal")
    assert tells_a_death("suami sy meninggal krn kecelakaan kerja d malaysia")


def test_messages_left_unanswered_for_days_are_a_worker_out_of_reach(chat: Chat) -> None:
    """ "Saya belum yakin" (a long-plea tester, stop 56)."""
    said = chat.say("anak sy udh 10 hr gk bls WA, biasa nya tiap hr telp. dia d Hongkong")
    assert "Jika keluarga di luar negeri tidak bisa dihubungi" in said


def test_a_price_asked_to_let_a_worker_go_gets_the_numbers_and_do_not_pay_yet(
    triage: Triage,
) -> None:
    """ "Saya belum yakin", with a KUR loan among the choices (a long-plea tester, stop 56)."""
    reading = triage.read(
        "Majikan adik sy minta 40 juta ke keluarga kalau mau adik sy di lepas pulang, kami org "
        "gk punya pak"
    )
    assert reading.urgent and reading.topic == "pulang-sebelum-kontrak"
    assert "pinjaman-kur" not in reading.offered


@pytest.mark.parametrize(
    "text",
    [
        "sy kerja di kilang johor, kontrak habis bulan dpn. mau sambung permit gmn caranya?",
        "istri sy di taiwan mau perpanjang kontrak, hrs pulang dulu gk?",
    ],
)
def test_a_contract_to_extend_abroad_is_answered_not_how_to_go_there(
    triage: Triage, text: str
) -> None:
    """A worker in Johor renewing a permit got how to go to Malaysia (a tester of workers
    abroad, stop 60)."""
    reading = triage.read(text)
    assert reading.topic == "pindah-majikan", (reading.topic, reading.offered)


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        # nothing said of being abroad: the passport at home, at the immigration office
        ("paspor sy udh mati, perpanjang dmn", "paspor"),
        ("pasport hilang masa di lombok, nak buat baru macam mana", "paspor"),
        # abroad: the consulate's
        ("paspor sy ilang di malaysia, gmn ngurusnya", "layanan-konsuler"),
        ("paspor udh mati tp sy msh kerja di taiwan, perpanjangnya dmn", "layanan-konsuler"),
        ("Sir how to get emergency travel document if passport expired?", "layanan-konsuler"),
    ],
)
def test_a_passport_lost_or_expired_is_the_consulates_only_abroad(
    triage: Triage, text: str, topic: str
) -> None:
    """Questions from people at home got the answer for a passport lost abroad (an everyday-
    questions tester, stop 62); the other stays the first choice."""
    reading = triage.read(text)
    assert reading.topic == topic, (reading.topic, reading.offered)


@pytest.mark.parametrize(
    "text",
    [
        "sy terlilit utang pinjol banyak bgt, gmn ya",
        "suami sy kerja di malaysia, kita punya utang pinjol 20 jt, bunganya terus naik",
    ],
)
def test_a_family_in_debt_is_told_to_keep_away_from_loan_sharks_not_offered_a_loan(
    triage: Triage, text: str
) -> None:
    """Loan-app debt got the placement loan first (a tester of news-quoted messages, stop
    64); the KUR stays one tap away, and is answered when asked for by name."""
    reading = triage.read(text)
    assert reading.topic == "literasi-keuangan" and "pinjaman-kur" in reading.offered
    assert triage.read("mau pinjam kur buat lunasi utang rentenir bisa gk").topic == "pinjaman-kur"
