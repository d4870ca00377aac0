"""What a person writes after the danger reply, as a danger chat tester wrote it (stop 50): a
ship's flag after the reply for a ship at sea, no signal, no way to phone, safe now, a
consulate asked after, and a mother at home asking whom to call."""

from __future__ import annotations

import pytest

from tests.conftest import Chat

AT_SEA = "suami sy d kapal ikan cina, katanya d laut lepas udh 2 thn gk boleh turun, sering d pukul"
HELD_IN_HONG_KONG = "majikan sy d hongkong kunci sy d kamar, gk dksh makan"


@pytest.mark.parametrize("flag", ["kapal nya bendera taiwan", "kapten nya org taiwan"])
def test_the_ships_flag_after_the_reply_at_sea_is_the_story_not_a_new_place(
    chat: Chat, flag: str
) -> None:
    assert "Di laut" in chat.say(AT_SEA)
    said = chat.say(flag)
    assert "Dari Taiwan" not in said and "*110*" not in said
    assert "ditambahkan" in said or "tambahkan" in said
    assert "Safe Travel" in said and "telepon nomor darurat di atas" not in said


def test_a_ship_come_to_port_gets_that_ports_numbers(chat: Chat) -> None:
    chat.say(AT_SEA)
    said = chat.say("skrg kapal nya udh sandar d busan")
    assert "Dari Korea Selatan" in said


@pytest.mark.parametrize(
    "text", ["gk ada sinyal, cuma bisa sms sekali2", "d kapal gk ada internet"]
)
def test_no_signal_is_told_the_family_at_home_can_call(chat: Chat, text: str) -> None:
    chat.say("sy d kapal ikan cina, d laut lepas udh 2 thn gk boleh turun, sering d pukul")
    said = chat.say(text)
    assert "keluarga di rumah bisa melapor untuk Anda" in said and "0800-1000" in said


def test_no_call_possible_in_chat_spelling_gets_ways_to_write(chat: Chat) -> None:
    chat.say(HELD_IN_HONG_KONG)
    said = chat.say("kalo gk bisa telp gmn")
    assert "Kalau tidak bisa menelepon" in said and "tidak bisa dihubungi" not in said


@pytest.mark.parametrize("text", ["udah aman skrg", "im safe now in embassy shelter"])
def test_safe_now_is_heard_not_pointed_to_the_numbers(chat: Chat, text: str) -> None:
    chat.say(HELD_IN_HONG_KONG)
    said = chat.say(text)
    assert "aman sekarang" in said or "safe now" in said
    assert "nomor darurat di atas" not in said and "Lapor darurat" not in said


def test_a_consulate_asked_after_gets_that_places_numbers(chat: Chat) -> None:
    """ "kjri tawau ada gk" got "added to your story"; a question ending "ada gk" asks."""
    chat.say("adik sy d tawau d sekap majikan gk boleh keluar")
    said = chat.say("kjri tawau ada gk")
    assert "Dari Malaysia" in said and "Untuk Sabah, Sarawak dan Penang" in said


@pytest.mark.parametrize(
    "text", ["sy ibunya d lombok, sy hrs telp siapa", "kami keluarga d rumah bs hubungi siapa pak"]
)
def test_whom_the_family_at_home_should_call_gets_where_to_turn(chat: Chat, text: str) -> None:
    """It got the privacy policy, or the family's support at home."""
    chat.say("anak sy d johor d kurung majikan gk boleh keluar")
    said = chat.say(text)
    assert "Tempat melapor" in said and "Dari Malaysia" in said and "Yang kami simpan" not in said


@pytest.mark.parametrize(
    "text",
    [
        "Pak tlg sy, sy kerja d kapal ikan bendera china d samudra hindia, sy d pukul",
        "my boss is from Taiwan but I am in Mauritius on the boat, captain beat me",
        "help, captain hit me on fishing boat, i am near Mauritius",
        # the flag after the boat is no sea of its own (stop 56's list), and a crew or a flag
        # in other words (a place tester, stop 57)
        "anak sy kerja di kapal ikan taiwan, 2 bulan gk dikasih makan layak dan dipukuli kapten",
        "anak sy ABK kapal ikan berbendera china, sudah 2 thn gk digaji, gk boleh pulang",
        "my brother is on a chinese-flagged fishing boat, beaten every day, no pay",
        "kakak sy di kapal cina, dipukuli kapten, gk boleh turun",
    ],
)
def test_at_sea_in_other_words_gets_the_reply_for_a_ship(chat: Chat, text: str) -> None:
    """An ocean, a boat near an island the list does not know: the flag's land numbers or "tell
    me the country" (chat testers, stop 50)."""
    said = chat.say(text)
    assert "Safe Travel" in said and "Dari Taiwan" not in said and "From Taiwan" not in said


@pytest.mark.parametrize("text", ["can you call police for me?", "tolong telponin kbri pak"])
def test_asked_to_phone_for_them_the_chat_says_it_cannot(chat: Chat, text: str) -> None:
    chat.say(HELD_IN_HONG_KONG)
    said = chat.say(text)
    assert "tidak bisa menelepon" in said or "cannot make phone calls" in said


def test_only_whatsapp_in_english_gets_ways_to_write(chat: Chat) -> None:
    chat.say("help my employer lock me inside flat in Hong Kong")
    said = chat.say("i only have whatsapp")
    assert "WhatsApp" in said and "broker" not in said


@pytest.mark.parametrize(
    "text",
    ["maksud sy cuma ngisi waktu kosong pak, bukan bahaya", "no one is in danger, I just asked"],
)
def test_no_danger_meant_ends_the_danger_reply(chat: Chat, text: str) -> None:
    """It got "added to your story" and the next question the numbers again (a danger chat
    tester, stop 51)."""
    chat.say("anak sy dipukul majikan di malaysia")
    said = chat.say(text)
    assert "ditambahkan" not in said and "added" not in said
    assert "bahaya" in said or "danger" in said
    after = chat.say("brp gaji caregiver d taiwan")
    assert "NT$" in after and "Dari Malaysia" not in after and "999" not in after


def test_a_new_question_after_the_numbers_is_answered_not_given_its_places_numbers(
    chat: Chat,
) -> None:
    chat.say("anak sy dipukul majikan di malaysia")
    said = chat.say("trus syarat ke jepang buat adiknya apa bu")
    assert "Dari Jepang" not in said and "Tokutei" in said


def test_safe_now_with_a_question_gets_the_question_answered(chat: Chat) -> None:
    chat.say("anak sy disekap majikan d riyadh")
    said = chat.say(
        "sudah aman pak, skrg dia d shelter kbri riyadh. gmn cara klaim gaji nya yg blm dibayar"
    )
    assert "Dari Arab Saudi" not in said and "gaji" in said and "KP2MI" in said


def test_more_of_the_story_on_the_topic_answered_is_added_not_pointed_above(chat: Chat) -> None:
    chat.say("adik sy dijual ke kamboja, disuruh kerja scam")
    said = chat.say("sy d sihanoukville, hp sy masih ada tp diawasin")
    assert "ada di atas" not in said and "Lapor darurat" in said


@pytest.mark.parametrize("text", ["sy tdk punya pulsa pak", "we dont have credit to call abroad"])
def test_the_family_at_home_without_credit_gets_the_free_line(chat: Chat, text: str) -> None:
    """They were told to write over the internet (a danger chat tester, stop 51)."""
    chat.say("anak sy disekap majikan d riyadh")
    said = chat.say(text)
    assert "0800-1000" in said and ("gratis" in said or "free" in said)


@pytest.mark.parametrize(
    "text", ["kami org susah gk punya uang ke mataram", "we can't afford to go to the office"]
)
def test_a_family_without_money_hears_the_help_is_free_and_needs_no_journey(
    chat: Chat, text: str
) -> None:
    """The danger reply came again, with Indonesia's police for "mataram" in place of the
    Saudi numbers (a sickness and lost-contact tester, stop 62)."""
    chat.say("anak sy disekap majikan d riyadh")
    said = chat.say(text)
    assert "0800-1000" in said and ("Lapor darurat" in said or "Urgent report" in said)
    assert "110" not in said


def test_the_one_in_danger_not_answering_gets_the_hotlines_for_the_family(chat: Chat) -> None:
    chat.say("kakak sy bilang dia mau bunuh diri aja, dia d hongkong")
    said = chat.say("dia gk mau angkat tlp")
    assert "Kalau tidak bisa menelepon" not in said and "Kemlu" in said


def test_a_wish_to_die_told_by_the_family_is_not_spoken_to_as_their_own(chat: Chat) -> None:
    said = chat.say("kakak sy bilang dia mau bunuh diri aja, dia d hongkong")
    assert "orang di dekat Anda" not in said and "Dari Hong Kong" in said


@pytest.mark.parametrize(
    "text",
    [
        "anak sy d malaysia pengen bunuh diri",
        "my daughter in hong kong says she wants to die",
        # a neighbour or a friend is no kin, and still not the writer; a death told beside the
        # wish is why, not how someone died (a journeys tester, stops 61-62)
        "tetangga sy mau bunuh diri katanya, anaknya meninggal d malaysia",
        "temen sekamar sy mau loncat dr lantai 3",
    ],
)
def test_a_relatives_wish_to_die_asks_the_family_to_stay_with_them(chat: Chat, text: str) -> None:
    said = chat.say(text)
    assert "ajak dia bicara" in said or "Keep talking with them" in said
    assert "Anda tidak sendirian" not in said


@pytest.mark.parametrize(
    "text",
    [
        "sy Yuni kerja di Riyadh, majikan kasar. rasanya pengen mati aja, kemarin sy hampir "
        "minum cairan pembersih. sy kangen anak sy d kampung",
        "I am Siti working in Dubai as a maid. My husband in Lombok left me, tonight I will "
        "take all the pills in the cabinet.",
    ],
)
def test_a_worker_who_names_her_family_is_still_spoken_to_as_the_one_at_risk(
    chat: Chat, text: str
) -> None:
    """She was asked to keep talking with "them" because she named her child at home, and
    "take all the pills" was not read (a long-plea chat tester, stop 52)."""
    said = chat.say(text)
    assert "Anda tidak sendirian" in said or "You are not alone" in said
    assert "ajak dia bicara" not in said and "Keep talking with them" not in said


def test_a_rope_made_ready_among_debts_is_a_wish_to_die(chat: Chat) -> None:
    said = chat.say(
        "sy Dani d Korea kerja pabrik. utang sy 40 juta d bank, gaji dipotong buat asrama. "
        "pacar sy nikah sama org lain. sy udah siapin tali d kamar, sy pengen selesai aja "
        "semuanya malam ini"
    )
    assert "Anda tidak sendirian" in said and "Dari Korea Selatan" in said


def test_the_mission_asked_after_a_story_of_two_places_is_where_the_worker_is_now(
    chat: Chat,
) -> None:
    """ "nomor kbri nya?" got Dubai's consulate for a worker moved on to Oman, where the story
    says she is now (a long-plea chat tester, stop 52)."""
    chat.say(
        "adik sy brgkt ke Dubai lewat sponsor, bulan lalu dipindah ke Oman. sekarang majikannya "
        "di Oman pukul dia, paspor ditahan agen di Dubai"
    )
    said = chat.say("nomor kbri nya?")
    assert "KBRI Muscat" in said and "KJRI Dubai" not in said


def test_the_country_told_after_the_numbers_asked_gets_its_missions(chat: Chat) -> None:
    """ "anak sy d arab" after "nomor kbri nya brp pak" got "my answer is above" (a danger
    chat tester, stop 51)."""
    chat.say("nomor kbri nya brp pak")
    said = chat.say("anak sy d arab")
    assert "Dari Arab Saudi" in said and "KBRI Riyadh" in said


@pytest.mark.parametrize(
    ("plea", "place", "numbers"),
    [
        ("anak sy d taiwan dipukul agency nya, hp nya diawasin", "taichung", "Dari Taiwan"),
        (
            "my daughter in hong kong says she wants to end her life",
            "where? hong kong, causeway bay",
            "From Hong Kong",
        ),
        ("tlg bu sy dikurung majikan, gk dikasih makan", "sy d tsim sha tsui", "Dari Hong Kong"),
    ],
)
def test_the_place_told_after_the_numbers_gets_its_numbers_not_its_topic(
    chat: Chat, plea: str, place: str, numbers: str
) -> None:
    """They got Taiwan's wages, or "added to your story" with no numbers above (a chat
    tester after the danger reply, stop 51)."""
    chat.say(plea)
    said = chat.say(place)
    assert numbers in said and "NT$" not in said and "HK$" not in said


def test_a_training_asked_for_after_the_numbers_is_begun_not_given_numbers(chat: Chat) -> None:
    chat.say("anak sy dikurung majikan d brunei")
    said = chat.say("pak sy mau daftar pelatihan bahasa korea")
    assert "Korea Selatan" not in said and "Saya setuju" in said


def test_a_person_after_the_caring_words_is_spoken_to_not_given_a_topic(chat: Chat) -> None:
    chat.say("pak sy capek bgt, rasanya pengen tidur trs gk bangun lg")
    said = chat.say("gpp pak sy cm curhat aja")
    assert said.startswith("Anda tidak sendirian") and "Syarat" not in said


def test_a_false_alarm_in_english_ends_the_danger_reply(chat: Chat) -> None:
    chat.say("my sister is locked in by her employer in dubai")
    said = chat.say("sorry false alarm, i was joking")
    assert "sorry" in said and "If someone is in danger now" not in said


def test_someone_else_safe_now_is_heard_as_theirs(chat: Chat) -> None:
    """ "she is safe now, thank you" got "added to your story"; a parent's "sudah aman" was
    told "glad you are safe" (chat testers, stop 51)."""
    chat.say("my sister is locked in by her employer in dubai")
    said = chat.say("she is safe now, thank you")
    assert "they are safe now" in said and "Urgent report" not in said


@pytest.mark.parametrize(
    ("before", "worse"),
    [
        ("dia sudah aman", "tolong pak dia d pukul lagi sampe pingsan, skrg gk sadar"),
        ("", "skrg dia d tusuk majikan pake pisau, darah nya banyak"),
    ],
)
def test_a_worse_harm_after_the_reply_gets_the_numbers_again(
    chat: Chat, before: str, worse: str
) -> None:
    """It got "added to your story", the numbers "above" being "glad they are safe" (a chat
    tester after the danger reply, stop 51)."""
    chat.say("adik sy d malaysia d pukul majikan")
    if before:
        chat.say(before)
    said = chat.say(worse)
    assert "Dari Malaysia" in said and "tambahkan" not in said


def test_a_high_place_named_after_a_wish_to_die_is_stepped_back_from(chat: Chat) -> None:
    chat.say("sy mau bunuh diri aja pak, sy d taiwan")
    said = chat.say("sy udah d atap gedung")
    assert "mundur dari tepi" in said and "jauhkan benda" not in said


def test_a_means_told_by_the_family_gets_the_numbers_for_their_child(chat: Chat) -> None:
    chat.say("bu anak sy d saudi bilang mau bunuh diri")
    said = chat.say("dia bilang udh pegang pisau")
    assert "jauhkan benda itu dari Anda" not in said and "Dari Arab Saudi" in said


def test_a_harm_played_down_keeps_the_urgent_report(chat: Chat) -> None:
    chat.say("adik sy dikunci d kamar mandi gk dikasih makan d riyadh")
    said = chat.say("gk bahaya kok pak sebenernya, dia udh biasa")
    assert "Lapor darurat" in said and "tetap kekerasan" in said


@pytest.mark.parametrize(
    ("follow_up", "expected"),
    [
        ("sy hrs ke rumah sakit gk", "segera ke rumah sakit"),
        ("sy mau pulang aja", "pulang"),
    ],
)
def test_a_yes_no_question_or_a_wish_to_go_home_after_the_numbers_is_answered(
    chat: Chat, follow_up: str, expected: str
) -> None:
    """Both got "added to your story" (a long-plea chat tester, stop 52)."""
    chat.say(
        "sy kerja d kuala lumpur, permit mati, bos gk bolehin ke hospital, kemarin muntah darah, "
        "gaji 3 bln belum dibayar, sy takut keluar"
    )
    said = chat.say(follow_up)
    assert "tambahkan ke cerita" not in said and expected in said


def test_a_mission_asked_for_that_the_list_lacks_is_said_to_be_lacking(chat: Chat) -> None:
    """ "nomor kjri hongkong ada gk" after the numbers got the police again, saying nothing of
    the consulate (a long-plea chat tester, stop 52)."""
    chat.say("adik sy d hongkong dikurung majikan gk dikasih makan")
    said = chat.say("nomor kjri hongkong ada gk")
    assert "belum punya nomor KBRI/KJRI di Hong Kong" in said and "+62 812 9007 0027" in said


def test_a_report_asked_for_in_words_after_the_numbers_opens_without_them_again(
    chat: Chat,
) -> None:
    """ "mau lapor buat anak sy" after the numbers for Kuwait got the numbers again without
    the place, and "Tell me the country" (a long-plea chat tester, stop 52)."""
    chat.say("anak sy d kuwait dikurung majikan, hp nya diambil, gaji 5 bulan gk dibayar")
    said = chat.say("mau lapor buat anak sy")
    assert "Apakah Anda setuju" in said
    assert "Sebutkan negara" not in said and "+62 812 9007 0027" not in said


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("td dia telpon, katanya mau mati aja, gk kuat", True),
        ("she says she wants to die", True),
        ("sy rindu ibu sy, lbh baik sy mati aja dr pd disini, sy di kuwait", False),
    ],
)
def test_whose_wish_to_die_it_is_is_read_from_the_words_before_it(
    chat: Chat, text: str, family: bool
) -> None:
    """ "dia" named no kin and was spoken to as the writer; a worker missing her mother was
    asked to keep talking with "them" (a regression tester after the danger reply, stop 52)."""
    said = chat.say(text)
    to_family = "ajak dia bicara" in said or "Keep talking with them" in said
    assert to_family == family, said


@pytest.mark.parametrize("asked", ["kbri dimana", "lokasi kbri", "alamat kbri nya"])
def test_where_the_mission_is_asked_after_the_numbers_gets_that_places_mission(
    chat: Chat, asked: str
) -> None:
    """ "kbri dimana" got the answer on a lost passport (a regression tester after the danger
    reply, stop 52); "lokasi kbri" was added to the story, because the words asking where were
    shadowed by a later list of the same name (found in review, stop 61)."""
    chat.say("adik sy kerja d muscat oman, dikurung majikan, paspor ditahan")
    said = chat.say(asked)
    assert "KBRI Muscat" in said and "Paspor hilang" not in said
    assert "tambahkan ke cerita" not in said


def test_a_yes_no_question_with_its_reason_after_it_is_answered(chat: Chat) -> None:
    chat.say("adik sy di kuwait disekap majikan, dipukul tiap hari")
    said = chat.say("uangnya bisa balik gk, kami bayar 8jt per org")
    assert "tambahkan ke cerita" not in said


@pytest.mark.parametrize(
    "text",
    [
        "adik sy udh minum obat banyak bgt, katanya mau mati aja",
        "my sister in Taiwan took all her pills, she said she wants to die",
    ],
)
def test_pills_swallowed_by_a_relative_send_them_to_a_hospital_first(chat: Chat, text: str) -> None:
    """She was told only to keep talking with her sister (left from stop 52)."""
    said = chat.say(text)
    first = said.split("\n")[0]
    assert "rumah sakit" in first or "hospital" in first


def test_poison_swallowed_by_the_writer_sends_them_to_a_hospital_first(chat: Chat) -> None:
    said = chat.say("sy udh minum racun, sy gk kuat lg")
    assert said.startswith("Pergi ke rumah sakit terdekat sekarang")


@pytest.mark.parametrize(
    "text",
    ["sy mau minum racun aja", "kemarin sy hampir minum cairan pembersih, rasanya pengen mati"],
)
def test_a_poison_not_yet_swallowed_is_not_told_as_swallowed(chat: Chat, text: str) -> None:
    said = chat.say(text)
    assert "Anda tidak sendirian" in said and "rumah sakit" not in said.split("\n")[0]


@pytest.mark.parametrize(
    "text",
    [
        "ibu sy kerja d malaysia udh 5 thn gk pulang, sy di lombok sendiri, sy pengen mati aja",
        "bapak sy di saudi, sy anaknya di rumah, rasanya mau bunuh diri",
    ],
)
def test_a_child_at_home_who_wishes_to_die_gets_the_numbers_at_home(chat: Chat, text: str) -> None:
    """The child in Lombok got the numbers of the parent's country (left from stop 52)."""
    said = chat.say(text)
    assert "Anda tidak sendirian" in said
    assert "Dari Malaysia" not in said and "Dari Arab Saudi" not in said


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("sy di rumah majikan d riyadh, pengen mati aja", "Dari Arab Saudi"),
        ("anak sy di malaysia mau bunuh diri, sy di lombok", "Dari Malaysia"),
    ],
)
def test_a_wish_to_die_abroad_keeps_the_numbers_there(chat: Chat, text: str, place: str) -> None:
    assert place in chat.say(text)


def test_a_wife_at_home_who_wishes_to_die_is_spoken_to_with_the_numbers_at_home(
    chat: Chat,
) -> None:
    """The subject of the sentence before carries ("sy udh gk kuat lg pak, pengen mati aja"),
    and the husband's country is his, not hers: she was asked to keep talking with "him",
    with Malaysia's numbers (a chat tester, stop 53)."""
    said = chat.say(
        "sy udh gk kuat lg pak, pengen mati aja, suami sy d malaysia gk pernah kirim uang"
    )
    assert "Anda tidak sendirian" in said and "ajak dia bicara" not in said
    assert "Dari Malaysia" not in said


def test_a_death_the_employer_calls_suicide_is_grief_not_a_crisis(chat: Chat) -> None:
    """The family was told to keep talking with the dead (a chat tester, stop 53); the
    writer's own wish to die after a death keeps the numbers."""
    said = chat.say(
        "pak kakak sy meninggal kemarin di arab, kata majikannya bunuh diri tp kami gk percaya, "
        "badannya banyak luka"
    )
    assert "turut berduka" in said and "ajak dia bicara" not in said
    assert "PMI *meninggal*" in said


@pytest.mark.parametrize(
    "text",
    [
        "pak istri sy d rumah lombok bilang pengen mati aja, gk kuat ngurus anak sendiri. sy lg "
        "kerja d malaysia",
        "my son at home in lombok keeps saying he wants to die since i left. im working in "
        "taiwan as caregiver",
        "anak sy yg d rumah bilang pengen mati aja, bapaknya d malaysia gk pulang2",
    ],
)
def test_a_relative_at_home_who_wishes_to_die_gets_the_numbers_at_home(
    chat: Chat, text: str
) -> None:
    """The numbers of the writer's country abroad were given (a regression tester, stop 53)."""
    said = chat.say(text)
    assert "Dari Malaysia" not in said and "From Taiwan" not in said
    assert "ajak dia bicara" in said or "Keep talking with them" in said


def test_pills_swallowed_told_after_the_danger_reply_send_to_a_hospital(chat: Chat) -> None:
    """ "added to your story" and the care of a sick worker abroad (a regression tester,
    stop 53): she may not be asleep."""
    chat.say("pak istri sy d rumah lombok bilang pengen mati aja, sy lg kerja d malaysia")
    said = chat.say("dia skrg lg tidur, td dia bilang udh minum obat sakit kepala 10 biji")
    assert said.startswith("Bawa dia ke rumah sakit sekarang") and "Dari Malaysia" not in said


def test_the_danger_reply_does_not_open_a_report_untapped(chat: Chat) -> None:
    """The report's consent came right under the danger reply, untapped (a false-positive
    tester, stop 53); its button opens it."""
    said = chat.say("hp sy diambil majikan, smua data di hp dihapus")
    assert "Lapor darurat" in said and "Apakah Anda setuju" not in said
    assert "Apakah Anda setuju" in chat.say(button="cmd:urgent")


@pytest.mark.parametrize(
    ("first", "then", "police"),
    [
        (
            "my sister is 15, still in junior high. a sponsor took her to the harbour this "
            "morning, he says she will work abroad as a maid",
            "she is still at Lembar, the boat leaves tonight",
            "In Indonesia: call the police at *110* now.",
        ),
        (
            "tolong pak adik sy dikurung calo, mau dikirim kerja ke luar negeri",
            "msh d lombok pak, blm brgkt, rencana nya malam ini",
            "Di Indonesia: segera telepon polisi di *110*.",
        ),
    ],
)
def test_a_place_at_home_told_after_the_numbers_gets_indonesias_police(
    chat: Chat, first: str, then: str, police: str
) -> None:
    """They got the departure register and the failed departure (a look-alike tester, stop
    54)."""
    chat.say(first)
    said = chat.say(then)
    assert police in said and "register" not in said and "berbulan-bulan" not in said


@pytest.mark.parametrize(
    ("message", "police"),
    [
        (
            "anak sy baru 15 thn mau d berangkatkan calo ke malaysia minggu depan, gimana pak",
            "Di Indonesia: segera telepon polisi di *110*.",
        ),
        (
            "my sister is only 16 and the sponsor will send her to saudi next week",
            "In Indonesia: call the police at *110* now.",
        ),
    ],
)
def test_a_child_still_to_be_sent_gets_indonesias_police_not_the_destinations(
    chat: Chat, message: str, police: str
) -> None:
    """The child is at home: Malaysia's 999 led the reply, and Indonesia's police came last
    in the list (a tester, stop 55)."""
    said = chat.say(message)
    assert police in said and "999" not in said and "Dari Malaysia" not in said


def test_home_told_after_numbers_for_a_place_abroad_corrects_them(chat: Chat) -> None:
    """A child taken "ke malaysia" got Malaysia's numbers; "msh d lombok" then got "added"
    (a danger regression tester, stop 54)."""
    assert "Dari Malaysia" in chat.say("anak sy umur 15 dibawa tekong ke malaysia")
    assert "Di Indonesia: segera telepon polisi di *110*." in chat.say("msh d lombok")


def test_asked_whether_it_is_danger_the_answer_is_yes_and_what_to_do(chat: Chat) -> None:
    """ "itu bahaya gk pak?" after the numbers for a sister kept in got the answer on going
    abroad without papers (a false-alarm tester, stop 55)."""
    chat.say(
        "kakak sy skrg d malaysia, katanya gk blh keluar rumah sm majikan, hp cuma blh dipake "
        "malam, gaji dipegang majikan"
    )
    said = chat.say("itu bahaya gk pak?")
    assert "Ya, yang Anda ceritakan itu bahaya" in said and "Lapor darurat" in said
    assert "itu bahaya" in chat.say("apakah itu termasuk tppo?")


@pytest.mark.parametrize(
    ("plea", "asked", "steps"),
    [
        (
            "tolong pak istri sy dikurung majikan di riyadh, dipukul, gk dikasih makan",
            "trs sy hrs gmn pak sy di lombok",
            "Yang bisa dilakukan sekarang",
        ),
        (
            "help, my wife is locked in by her employer in riyadh and beaten, no food",
            "what should i do now, i am in lombok",
            "What to do now",
        ),
    ],
)
def test_what_now_asked_from_home_gets_the_steps(
    chat: Chat, plea: str, asked: str, steps: str
) -> None:
    """They got the end of a contract and the medical check (an offices-and-English tester,
    stop 55)."""
    chat.say(plea)
    assert steps in chat.say(asked)


def test_only_a_dream_said_after_the_numbers_ends_the_danger_reply(chat: Chat) -> None:
    """ "cuma mimpi kok pak" was added to the story, with the urgent report pressed again (a
    danger look-alike tester, stop 55)."""
    chat.say("tolong pak anak sy disekap majikan d malaysia")
    said = chat.say("cuma mimpi kok pak")
    assert "tambahkan ke cerita" not in said and "saya kira ada orang dalam bahaya" in said


@pytest.mark.parametrize("typed", ["maaf salah pencet", "sorry wrong button"])
def test_a_button_pressed_by_mistake_after_the_numbers_ends_them(chat: Chat, typed: str) -> None:
    """It was added to the story, the urgent report pressed again (a regression tester, stop
    55)."""
    chat.say("SOS")
    assert "tambahkan ke cerita" not in chat.say(typed)


def test_safe_now_in_other_words_is_heard(chat: Chat) -> None:
    chat.say("tolong pak anak sy disekap majikan d malaysia")
    assert "Syukurlah" in chat.say("udh aman kok pak, td dia udh d jemput kbri")


def test_a_harm_taken_back_after_the_numbers_ends_them(chat: Chat) -> None:
    """ "maaf pak td sy salah, bkn d pukul, cm d marahin aja" got "press *Urgent report*"
    again (a last regression tester, stop 55)."""
    chat.say("tolong pak anak sy dipukul majikan d malaysia")
    said = chat.say("maaf pak td sy salah, bkn d pukul, cm d marahin aja")
    assert "saya kira ada orang dalam bahaya" in said


@pytest.mark.parametrize(
    "text",
    [
        "dulu sy kerja di kapal ikan, skrg sy di rumah, agen ngancam mau bunuh sy",
        "dulu anak sy di kapal ikan, sekarang di penampungan di jakarta, diancam dan dikurung",
        "suami sy kerja di kapal ikan, kapalnya sandar di benoa, dia dipukul dan gk boleh turun",
        "sy ABK di kapal ikan, skrg kapal sandar di busan, kapten mukul sy",
    ],
)
def test_a_boat_docked_or_left_behind_is_not_at_sea(chat: Chat, text: str) -> None:
    """Told that no land's number gets through at home, in a Jakarta shelter or in port (a
    place tester, stop 57)."""
    said = chat.say(text)
    assert "Di laut" not in said and "Polisi Indonesia" in said


def test_a_fishing_boat_told_where_the_country_was_asked_gets_the_reply_at_sea(
    chat: Chat,
) -> None:
    """ "di kapal ikan cina" there got Hong Kong's and Taiwan's wages (a place tester, stop 57)."""
    assert "Sebutkan negara" in chat.say(
        "adik sy paspornya ditahan majikan, gk digaji, gk boleh keluar"
    )
    said = chat.say("di kapal ikan cina")
    assert "Di laut" in said and "HK$" not in said


@pytest.mark.parametrize("text", ["maksud sy kucing, bukan orang", "i mean my cat, not a person"])
def test_an_animal_meant_after_the_danger_reply_ends_it(chat: Chat, text: str) -> None:
    """ "maksud sy kucing, bukan orang" was added to the danger story, with *Urgent report*
    offered again (a look-alike tester, stop 57)."""
    chat.say("si belang disekap tetangga dari kemarin")
    said = chat.say(text)
    assert "cerita Anda" not in said and "your story" not in said


def test_a_service_asked_of_the_embassy_after_the_numbers_is_answered(chat: Chat) -> None:
    """ "brp lama urus paspor baru d kbri" got the numbers again and no answer (a blind
    look-alike tester, stop 59); "kbri dimana" still gets the mission (above)."""
    chat.say("sy d sekap agen")
    said = chat.say("brp lama urus paspor baru d kbri")
    assert "Paspor hilang" in said or "perpanjang" in said
    assert "Sebutkan negara atau kotanya" not in said


def test_a_card_still_active_is_asked_not_someone_out_of_reach(chat: Chat) -> None:
    """ "bpjs sy msh aktif gk ya" got the numbers for someone who no longer answers, and its
    "gk ya" was not read as a question (a blind look-alike tester, stop 59)."""
    chat.say("tlg sy d pukul")
    said = chat.say("ok makasih. bpjs sy msh aktif gk ya")
    assert "BPJS Ketenagakerjaan" in said and "Sebutkan di mana orangnya" not in said
    assert "tambahkan ke cerita" not in said


# A chat tester after the numbers (stop 59): ordinary questions a family or worker asks next.


def test_pregnant_after_a_rape_gets_care_abroad_not_the_check_before_leaving(chat: Chat) -> None:
    chat.say("tolong sy diperkosa majikan, sy di jeddah")
    said = chat.say("sy hamil, gmn ini")
    assert "Calon PMI wajib punya *surat keterangan sehat*" not in said
    assert "di luar negeri" in said


def test_the_embassy_shelter_asked_for_is_not_being_safe(chat: Chat) -> None:
    chat.say("majikan kunci sy dalam rumah, sy di kuala lumpur")
    said = chat.say("shelter KBRI kat mana?")
    assert "aman sekarang" not in said and "KBRI Kuala Lumpur" in said


def test_who_pays_the_ticket_home_is_answered_not_a_line_of_the_last_answer(chat: Chat) -> None:
    chat.say("istri sy d sekap majikan d riyadh")
    said = chat.say("siapa yg bayar tiket pulangnya nanti?")
    assert "Tiket pulang" in said and "Tentang *Kekerasan majikan*" not in said


def test_a_passport_run_out_is_no_phone_switched_off(chat: Chat) -> None:
    chat.say("anak sy d kunci majikan di oman")
    said = chat.say("bisa gk dia pulang walau paspornya udh mati?")
    assert "KBRI/KJRI" in said and "apa yang terakhir ia katakan" not in said


def test_how_to_report_to_the_district_office_is_answered(chat: Chat) -> None:
    chat.say("anak sy disekap majikan d malaysia")
    said = chat.say("mau lapor ke disnaker lombok timur gmn caranya")
    assert "Lombok Timur" in said and "Ceritakan lebih banyak" not in said


def test_where_a_crewman_is_from_is_not_where_he_is(chat: Chat) -> None:
    chat.say("sy abk d kapal ikan cina, d laut lepas, gk boleh turun, sering d pukul")
    said = chat.say("sy org sumbawa")
    assert "Di Indonesia: segera telepon polisi di 110" not in said


def test_a_wish_to_go_home_after_the_numbers_is_going_home_early(chat: Chat) -> None:
    """ "sy mau pulang" after a rape got what to remember when a contract ends (stop 59)."""
    chat.say("tolong sy diperkosa majikan, sy di jeddah")
    said = chat.say("sy mau pulang")
    assert "Mau pulang sebelum kontrak habis" in said and "Saat kontrak hampir selesai" not in said


def test_the_way_to_change_employer_asked_is_answered_not_a_line_of_the_last_answer(
    chat: Chat,
) -> None:
    """ "caranya" points at what the message names, not at the violence answer (stop 59)."""
    chat.say("majikan pukul sy tiap hari")
    said = chat.say("kalau sy pindah majikan gmn caranya")
    assert "Aturan pindah majikan" in said and "Tentang *Kekerasan majikan*" not in said


@pytest.mark.parametrize(
    ("plea", "asked", "mission"),
    [
        (
            "boss beat me with stick, i ran away, now on the street in Kuala Lumpur",
            "where can i sleep tonight, is there shelter?",
            "From Malaysia",
        ),
        (
            "majikan pukul sy, sy kabur, skrg d jalan d riyadh",
            "tidur dimana malam ini?",
            "Dari Arab",
        ),
    ],
)
def test_a_place_to_sleep_asked_after_the_numbers_gets_where_the_mission_is(
    chat: Chat, plea: str, asked: str, mission: str
) -> None:
    """It got the answer on a departure that waits (a chat tester in English and Malay after
    the numbers, stop 59)."""
    chat.say(plea)
    said = chat.say(asked)
    assert mission in said and "visa" not in said.lower()


def test_how_long_going_home_takes_is_answered_with_going_home_early(chat: Chat) -> None:
    """ "brp lama proses pemulangannya?" got the passport office in NTB, then the mission's
    passport service (a chat tester after the numbers, stop 59)."""
    chat.say("adik sy ditahan agen di suriah gk boleh pulang")
    said = chat.say("brp lama proses pemulangannya?")
    assert "Mau pulang sebelum kontrak habis" in said and "Paspor" not in said.split("\n")[0]


@pytest.mark.parametrize(
    "asked",
    [
        "berkas apa yg hrs sy siapkan buat lapor?",
        "dokumen apa aja utk lapor pak",
        "what documents do i need to make a report?",
    ],
)
def test_the_papers_for_a_report_asked_after_the_numbers_are_a_reports_papers(
    chat: Chat, asked: str
) -> None:
    """A follow-up tester (stop 60): it got the papers to go abroad, eight times."""
    chat.say("anak sy d sekap majikan d riyadh, hp nya diambil")
    said = chat.say(asked)
    assert "nomor paspor" in said or "passport number" in said
    assert "Sertifikat kompetensi" not in said and "Visa kerja" not in said


@pytest.mark.parametrize("asked", ["sy hrs ke mana?", "tiang harus ke mbe?", "where should i go"])
def test_where_to_go_asked_after_the_numbers_is_where_to_turn(chat: Chat, asked: str) -> None:
    """A follow-up tester (stop 60): it got the countries one may go to work in."""
    chat.say("tolong, sepupu sy d perkosa majikannya d oman")
    said = chat.say(asked)
    assert "0800-1000" in said
    assert "Jalur resmi dari NTB" not in said and "Official routes from NTB" not in said


def test_the_papers_for_a_report_asked_first_get_the_report(chat: Chat) -> None:
    said = chat.say("berkas apa yg hrs sy siapkan buat lapor?")
    assert "Sertifikat kompetensi" not in said
    assert "nama pekerja" in said


@pytest.mark.parametrize("asked", ["terus abis ini gmn?", "sy hrs apa?", "what should i do now"])
def test_what_now_after_the_numbers_gets_what_to_do_now(chat: Chat, asked: str) -> None:
    """ "terus abis ini gmn?" got money-management tips (a journeys tester, stop 61)."""
    chat.say("anak sy d sekap majikan d malaysia")
    said = chat.say(asked)
    assert "Lapor darurat" in said or "Urgent report" in said
    assert "gaji" not in said.lower()


@pytest.mark.parametrize("told", ["itu 2 minggu lalu", "sejak 3 bulan", "kemarin"])
def test_when_it_happened_told_after_the_numbers_is_more_of_the_story(
    chat: Chat, told: str
) -> None:
    """ "itu 2 minggu lalu" after a husband beaten and starved got the end of a contract (a
    journeys tester, stop 61)."""
    chat.say("suami sy d arab d pukulin majikan n gk dikasih makan")
    said = chat.say(told)
    assert "tambahkan ke cerita" in said and "kontrak" not in said.lower()


def test_an_urgent_report_begun_inside_a_training_form_says_the_form_was_dropped(
    chat: Chat,
) -> None:
    """The registration was dropped unsaid when the urgent report began (a journeys tester,
    stop 61); the report's first question follows."""
    for text in ("daftar pelatihan", "setuju", "1", "Siti Aminah"):
        chat.say(text)
    assert "Dari Malaysia" in chat.say("kakak sy skrg d sekap majikan d malaysia")
    said = chat.say("1")
    assert "belum selesai dan tidak terkirim" in said and "nama lengkap pekerja" in said
