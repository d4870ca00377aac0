"""What follows the danger reply: the person keeps writing, and each message is more of the
story, a new place, or a question about what to do now.

A frightened family does not stop at the numbers. "di johor" after "tell me the country or
city" asks for Johor's numbers; "namanya Siti, umurnya 25" is the story, kept for the urgent
report, not a question on age limits; "terus gimana pak?" asks what to do now, and a second
question gets the choices its words lean to, not the same paragraph again.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from bot import pieces, replies
from bot.context import PIECES_KEY, Ctx
from bot.flows.case_thread import asks_what_next, grave_news
from bot.flows.follow_ups import asks_to_repeat
from bot.means import has_swallowed, has_taken
from bot.options import ADDRESS, YES_WORDS
from bot.register.hints import names_own_kin
from bot.replies import MISSION_WORDS
from bot.triage import (
    CONSULAR_TOPIC,
    DEATH_TOPIC,
    EARLY_RETURN_TOPIC,
    FORM_TOPICS,
    HOMECOMING_TOPIC,
    MISSING_TOPIC,
    NUMBER_WORDS,
    PASSPORT_TOPIC,
    YES_NO_ENDING,
    Reading,
    asks_papers_for_a_report,
    asks_the_number,
    asks_what_now,
    asks_where_to_go,
    asks_where_to_turn,
)
from knowledge.emergency import EMERGENCY_TOPIC, Country, at_home, at_sea
from knowledge.lazy import Lazy
from knowledge.normalize import fold
from knowledge.passages import answering_lines
from knowledge.topic import Topic

if TYPE_CHECKING:
    from bot.engine import Engine

FEAR_ALONE = re.compile(
    r"^(?:(?:pak|bu|kak|min|tolong|tlg) )*(?:saya |sy |aku |tiang |nahu |i am |im |i m |i )?"
    r"(?:sangat |sgt |jadi |lagi |lg |so |really |very )?(?:takut|ketakutan|ngeri|scared|afraid|"
    r"terrified)(?: (?:pak|bu|kak|sekali|banget|bgt|bngt|skali|sekali pak|bgt pak|now|so much))*$"
)
"""Fear said and nothing else ("sy takut pak", "i am so scared")."""
NEXT_STEPS_GIVEN = "danger_next_steps_given"
"""What to do after the danger reply was said once; a later question gets choices."""
AFTER_DANGER_WORDS = 5
"""After the danger reply, a message this long ranks a topic worth a button of its own ("kapan
dia bisa pulang pak"); shorter ones are details of the story ("namanya Siti, umurnya 25": not
age limits)."""
ASKED_WORDS = 2
NUMBER_ASKED = NUMBER_WORDS | MISSION_WORDS | frozenset("nomornya nomernya nmrnya numbers".split())
"""A question naming a place and one of these (a number, or a mission: "kjri tawau ada gk")
asks for that place's numbers."""
SHIP_WORDS = frozenset(
    "kapal kapalnya bendera benderanya kapten kaptennya nahkoda nakhoda tekong flag flagged "
    "captain owner pemilik ship vessel boat".split()
)
LANDED_WORDS = frozenset(
    "sandar bersandar berlabuh pelabuhan turun darat mendarat port docked landed harbour "
    "harbor".split()
)
"""After the reply for a ship at sea, a message naming the ship's flag, captain or owner is
more of the story; one saying the ship has reached a port is a new place."""
NO_DANGER_MEANT = re.compile(
    r"\b(?:bukan|tidak|tdk|gk|ga|gak|nggak|ngga|ndak|ndek|not|no|nobody|no one|nothing)"
    r" (?:(?:ada|ada yg|ada yang|lagi|sedang|dalam|dlm|di|d|is|in|an|a|one|someone|yg|yang)"
    r" ){0,3}(?:bahaya|darurat|danger|emergency|urgent)\b"
    r"|\bsalah (?:paham|baca|tangkap)\b|\b(?:misunderstood|misunderstanding)\b"
    r"|\bbukan (?:itu )?maksud\b|\bnot what i meant\b"
    r"|\bfalse alarm\b|\b(?:i was|im|i m|just) (?:joking|kidding)\b|\b(?:cuma|hanya|cm) "
    r"(?:bercanda|becanda|canda|mimpi)\b|\b(?:just|only|it was) a (?:dream|nightmare)\b"
    # a button pressed or a message sent by mistake ("maaf salah pencet", "sorry wrong
    # button" were added to the story: a regression tester, stop 55)
    r"|\bsalah (?:pencet|pencet tombol|tekan|klik|kirim|ketik|kirim pesan)\b"
    r"|\bwrong (?:button|message|chat|number|person)\b"
    # an animal meant, not a person ("maksud sy kucing, bukan orang": a look-alike tester,
    # stop 57)
    r"|\bbukan (?:orang|manusia)\b|\bnot (?:a )?(?:person|human|people)\b"
    r"|\b(?:maksud|maksudnya|i mean|i meant) (?:saya |sy |aku )?(?:kucing|anjing|ayam|burung|"
    r"kambing|sapi|hewan|binatang|my cat|my dog|the cat|the dog)\b"
    # a harm taken back ("maaf pak td sy salah, bkn d pukul, cm d marahin aja": a last
    # regression tester, stop 55)
    r"|\b(?:bukan|bkn|not) (?:di |d )?(?:pukul|dipukul|siksa|disiksa|kunci|dikunci|sekap|disekap|"
    r"beaten|hit|locked)\b"
)
"""Said after the danger reply: no one is in danger, it was read wrongly ("bukan bahaya",
"sy gk dlm bahaya, cuma tanya", "no one is in danger, I just want to know the salary"): a
danger chat tester, stop 51, got "added to your story" and the numbers again."""
SAFE_NOW_WORDS = 12
"""A message this short saying the person is safe now is that news, not more of the plea."""
SAFE_NOW = re.compile(
    r"\b(?:she|he|they|dia|beliau|mereka|anak saya|istri saya|suami saya|i|we|saya|kami) "
    r"(?:is|are|am|sudah|udah|sdh|udh)? ?(?:safe|aman|selamat|ok|okay|fine)\b"
    r"(?! (?:gk|gak|tidak|ga|kah)\b)"
    # "udh aman kok pak, td dia udh d jemput kbri", "dia udah di kantor polisi skrg, aman" (a
    # regression tester, stop 55)
    r"|^(?:sudah|udah|udh|sdh) (?:aman|selamat)\b(?! (?:gk|gak|tidak|ga|kah)\b)"
    r"|\b(?:sudah|udah|udh|sdh) {0,1}(?:di|d) ?jemput (?:kbri|kjri|polisi|keluarga|kami)\b"
    # "ok she left. i am in shelter now, safe" (a family-side tester, stop 63): a sentence
    # that is only "safe", or the writer in a shelter or the mission now
    r"|(?:^|\| )(?:now )?(?:safe|aman)(?: now| sekarang)? ?(?:\||$)"
    r"|\b(?:i am|im|i m|we are|saya|kami) (?:sudah |udah |already |now )?(?:in|at|di|d) "
    r"(?:the |a )?(?:shelter|kbri|kjri|embassy|consulate|rumah aman|safe ?house)\w* "
    r"(?:now|sekarang)\b"
)
"""A person said to be safe ("she is safe now, thank you", "dia sudah aman"), in a short
message: the "now" in it is no harm going on (it got "added to your story": stop 51)."""
NO_SIGNAL = re.compile(
    r"\b(?:tidak|tdk|gk|ga|gak|nggak|ngga|ndak|ndk|ndek|no|don t|dont|have no|without|tanpa) "
    r"(?:\w+ ){0,1}(?:ada )?(?:sinyal|signal|internet|inet|kuota|paket data|data|wifi|wi fi)\b"
    r"|\b(?:sinyal|signal|internet|wifi)\w* (?:\w+ ){0,1}(?:susah|hilang|putus|lost|mati)\b"
    r"|\b(?:cuma|cm|hanya|only) (?:bisa )?sms\b"
)
"""No signal or internet to write or call with: the family at home can call for them."""


def follow(
    engine: Engine,
    ctx: Ctx,
    reading: Reading,
    here: Country | None,
    asks: Callable[[], bool],
) -> bool:
    """Answers a message written after the danger reply, when it is more of the same plea;
    False when it is to be read as any message is (a new danger, a new question)."""
    text = ctx.incoming.text or ""
    if agrees_to_report(text):
        # "ya", "iya pak lapor", "nggih" under *Urgent report*: pressing it, not more story
        # (each got "added to your story" again: a chat tester, stop 46)
        engine.run_command(ctx, "urgent")
        return True
    detector = engine.triage.detector
    standard = detector.standard(text)  # read once for being safe now and a call asked for
    no_danger = NO_DANGER_MEANT.search(fold(text)) is not None
    alone = Lazy(lambda: engine.triage.read(text, reading.lang))  # without the plea before
    family = Lazy(lambda: family_writes(ctx, text))
    if (no_danger and alone().danger is None) or (
        asks() and detector.says_safe(standard) and has_a_question_of_its_own(alone())
    ):
        # no one is in danger, or no longer ("sudah aman pak, skrg dia d shelter kbri
        # riyadh. gmn cara klaim gaji nya?"): the danger reply is over, and the plea's pieces
        # with it (read with them, the next question was the plea again); a question is
        # answered (it got the numbers again: a danger chat tester, stop 51)
        ctx.set_data(**{pieces.DANGER_KEY: None, pieces.DANGER_PLACE_KEY: None, PIECES_KEY: None})
        if asks() and has_a_question_of_its_own(alone()):
            _answer_alone(engine, ctx, alone())
        else:
            replies.no_danger_meant(ctx)
        return True
    if reading.danger is None and says_safe_now(engine, standard):
        # "udah aman skrg", "im safe now in embassy shelter": heard, not "call the numbers
        # above" (a danger chat tester, stop 50)
        pieces.keep_story(ctx, reading)
        ctx.set_data(**{SAFE_SAID_KEY: True})
        replies.safe_now(
            ctx,
            another=family() or of_the_one_in_danger(text) or THIRD.search(fold(text)) is not None,
        )
        return True
    if has_swallowed(text):
        # "dia skrg lg tidur, td dia bilang udh minum obat sakit kepala 10 biji" got "added to
        # your story" and the care of a sick worker abroad: she may not be asleep (a regression
        # tester, stop 53)
        pieces.keep_story(ctx, reading)
        place = here or _place_given(engine, ctx)
        if family():
            replies.emergency(ctx, engine.numbers, place, caring=True)
        else:
            replies.means_at_hand(ctx, engine.numbers, place, taken=True)
        return True
    if detector.call_me.search(standard):
        # "can you call police for me?" after the numbers got what to do now, without a word
        # that the chat cannot phone (an English chat tester, stop 50)
        pieces.keep_story(ctx, reading)
        replies.cannot_call_for_them(ctx)
        return True
    if (has_no_signal(text) or cannot_call(text)) and of_the_one_in_danger(text):
        # "dia gk mau angkat tlp", "dia gk bs nelpon, cuma bisa sms": the one in danger, told
        # by the family (they were told "without a signal, your family can report for you":
        # a danger chat tester, stop 51)
        pieces.keep_story(ctx, reading)
        replies.out_of_reach_in_danger(ctx, engine.numbers, here or _place_given(engine, ctx))
        return True
    if (has_no_signal(text) or cannot_call(text)) and family():
        # "sy tdk punya pulsa pak" from the family at home: the free line from Indonesia
        pieces.keep_story(ctx, reading)
        replies.family_cannot_call(ctx, engine.numbers)
        return True
    if cannot_afford(text) and family():
        # "kami org susah gk punya uang ke mataram": nothing asked costs money or a journey
        # (the danger reply came again, with Indonesia's police for "mataram" in place of the
        # Saudi numbers: a sickness and lost-contact tester, stop 62)
        pieces.keep_story(ctx, reading)
        replies.family_cannot_afford(ctx, engine.numbers)
        return True
    if has_no_signal(text):
        pieces.keep_story(ctx, reading)
        replies.no_signal(ctx, engine.numbers)
        return True
    if not ctx.data.get(pieces.SEA_KEY) and at_sea(text, engine.numbers.place_word_in):
        # "di kapal ikan cina" told where the reply asked the country got Hong Kong's and
        # Taiwan's wages (a place tester, stop 57): the reply for a ship at sea
        pieces.keep_story(ctx, reading)
        replies.emergency(ctx, engine.numbers, None)
        return True
    if ctx.data.get(pieces.SEA_KEY) and tells_of_the_ship(text):
        # "kapal nya bendera taiwan" after the reply for a ship at sea, which asks for the
        # flag: more of the story, not Taiwan's land numbers (a danger chat tester, stop 50)
        pieces.keep_story(ctx, reading)
        replies.story_noted(ctx, numbers=engine.numbers)
        return True
    if ctx.data.get(pieces.CARED_KEY) and names_a_means(text) and family():
        # "dia bilang udh pegang pisau" from a mother: the numbers for her child, not "put it
        # away from you" (a chat tester after the danger reply, stop 51)
        pieces.keep_story(ctx, reading)
        replies.emergency(ctx, engine.numbers, here or _place_given(engine, ctx))
        return True
    if ctx.data.get(pieces.CARED_KEY) and names_a_means(text):
        # "sy udah pegang pisau" after a wish to die got "added to your story" (stop 47)
        pieces.keep_story(ctx, reading)
        replies.means_at_hand(
            ctx,
            engine.numbers,
            here or _place_given(engine, ctx),
            taken=has_taken(text),
            at_an_edge=not EDGES.isdisjoint(fold(text).split()),
        )
        return True
    if cannot_call(text):
        pieces.keep_story(ctx, reading)
        replies.cannot_call(ctx, engine.numbers)
        return True
    if out_of_reach(text):
        # "nomor hp nya gk aktif skrg" after "she says she will hang herself" got the steps
        # for a worker missing for weeks (a chat tester, stop 47)
        pieces.keep_story(ctx, reading)
        replies.out_of_reach_in_danger(ctx, engine.numbers, here or _place_given(engine, ctx))
        return True
    if (
        ctx.data.get(pieces.CARED_KEY)
        and len(fold(text).split()) <= CARED_SHORT_WORDS
        and not OF_ONESELF.isdisjoint(fold(text).split())
        and here is None  # "sy d jeddah": the place, whose numbers come below
        and not family()
        and not has_a_question_of_its_own(alone())
    ):
        # "gpp pak sy cm curhat aja" after the caring words got the requirements to work
        # abroad (a chat tester after the danger reply, stop 51): spoken to again
        pieces.keep_story(ctx, reading)
        replies.still_with_you(ctx)
        return True
    if ctx.data.get(pieces.CARED_KEY) and despairs(text):
        # after a wish to die: "bener pak sy gk kuat", "gk ada yg peduli" got the answer on
        # fines for going home early and on irregular departure (a chat tester, stop 46)
        pieces.keep_story(ctx, reading)
        replies.still_with_you(ctx)
        return True
    report_papers = _report_papers(engine, text, reading.lang)
    if report_papers:
        # "berkas apa yg hrs sy siapkan buat lapor?" after the numbers got the papers to go
        # abroad (a follow-up tester, stop 60): what a report needs, the urgent report's
        # button above
        report = FORM_TOPICS["report"]
        replies.answering_lines(ctx, engine.librarian.topics, report, reading.lang, report_papers)
        return True
    if asks_where_to_turn(text) or asks_where_to_go(text):
        # "lapor kmn?" after the danger reply: where to turn from the place it was for; also
        # "sy hrs ke mana?", which got the countries one may go to work in (stop 60)
        replies.where_to_turn(ctx, engine.numbers, here or _place_given(engine, ctx))
        return True
    if asks_what_now(text) and not ctx.data.get(NEXT_STEPS_GIVEN):
        # "terus abis ini gmn?" after the numbers got money-management tips (a journeys
        # tester, stop 61): what to do now, once, as for any question placing nothing
        ctx.set_data(**{NEXT_STEPS_GIVEN: True})
        replies.danger_next_steps(ctx)
        return True
    if WHEN_TOLD.search(fold(text).strip()) is not None:
        # "itu 2 minggu lalu" after the numbers for a husband beaten and starved got the end
        # of a contract (a journeys tester, stop 61): when it happened, more of the story
        pieces.keep_story(ctx, reading)
        replies.story_noted(ctx, None, engine.numbers)
        return True
    if asks_if_dangerous(text):
        # "itu bahaya gk pak?" after the numbers for a sister kept in, her phone only at night
        # and her wages held, got the answer on going abroad without papers (a false-alarm
        # tester, stop 55): yes, and what to do
        replies.it_is_danger(ctx)
        return True
    if SHELTER_ASKED.search(fold(text)):
        # "where can i sleep tonight, is there shelter?" after running from a beating got the
        # answer on a departure that waits (a chat tester in English and Malay after the
        # numbers, stop 59): the mission's numbers for where the person is
        pieces.keep_story(ctx, reading)
        replies.emergency(ctx, engine.numbers, here or _place_given(engine, ctx))
        return True
    office = _office_asked(engine, text, alone())
    if office is not None:
        # "mau lapor ke disnaker lombok timur gmn caranya" got what to do now and "tell me
        # more" (a chat tester after the numbers, stop 59): how to report there, answered
        engine.answer_topic(ctx, office, reading.lang, place=here or _place_given(engine, ctx))
        return True
    if asks_what_next(without_being_home(fold(text).split())):
        # "sy hrs gmn skrg" after the numbers: what to do now, not a topic its words lean to
        # (being fired abroad, a chat tester's family held in Batam, stop 42)
        ctx.set_data(**{NEXT_STEPS_GIVEN: True})
        replies.danger_next_steps(ctx)
        return True
    asked = asks() or YES_NO_ENDING.search(text.lower()) is not None
    if here is not None and asked and NUMBER_ASKED.intersection(fold(text).split()):
        # "kalau di kuwait nomornya?" after the numbers for Abu Dhabi got choices (a chat
        # tester, stop 49), and a mission asked after ("kjri tawau ada gk" got "added to your
        # story": stop 50): that place's numbers
        pieces.keep_story(ctx, reading)
        ctx.set_data(**{pieces.DANGER_PLACE_KEY: pieces.danger_place(here, reading.lang)})
        replies.emergency(ctx, engine.numbers, here)
        return True
    if FEAR_ALONE.match(fold(text).strip()) is not None:
        # "sy takut", "I am scared" after the numbers got "added to your story" (a tester of
        # what follows the first reply, stop 64): spoken to, the numbers and the report near
        pieces.keep_story(ctx, reading)
        replies.still_with_you(ctx)
        return True
    if asks_to_repeat(text):
        # "bisa diulang?", "kirim lagi dong" after the numbers got a worker's death or was
        # kept as the story (a tester of what follows the first reply, stop 64): them again
        replies.emergency(ctx, engine.numbers, here or _place_given(engine, ctx))
        return True
    if asks_the_number(text):
        # "ada nomor lain?" after the embassy did not answer got the privacy notice (a
        # follow-ups tester, stop 64): the numbers for where the person is, all of them again
        pieces.keep_story(ctx, reading)
        replies.emergency(ctx, engine.numbers, here or _place_given(engine, ctx))
        return True
    words = fold(text).split()
    if (
        here is None
        and len(words) <= MISSION_ASKED_WORDS
        and not MISSION_WORDS.isdisjoint(words)
        and (asked or not MISSION_WHERE_WORDS.isdisjoint(words))
        # not a service asked of the mission ("brp lama urus paspor baru d kbri" got the
        # numbers again and no answer: a blind look-alike tester, stop 59)
        and not has_a_question_of_its_own(alone())
    ):
        # "kbri dimana", "where is the embassy" after the numbers got the answer on a lost
        # passport (a regression tester after the danger reply, stop 52): the mission of the
        # place the numbers were for, or that the list has none checked there
        pieces.keep_story(ctx, reading)
        replies.emergency(ctx, engine.numbers, _place_given(engine, ctx))
        return True
    if reading.danger is None and asks() and asks_of_elsewhere(text):
        return False  # a new question, read as any message is
    code, _ = pieces.danger_place_given(ctx.data.get(pieces.DANGER_PLACE_KEY))
    short = len(fold(text).split()) <= HOME_TOLD_WORDS
    if here is None and (not code or short) and at_home(text) and not asks():
        # also after a place abroad was given: "msh d lombok" after Malaysia's numbers for a
        # child taken "ke malaysia" (a danger regression tester, stop 54)
        # "msh d lombok pak, blm brgkt, rencana nya malam ini", "she is still at Lembar, the
        # boat leaves tonight" after "tell me the country" got the failed departure and the
        # departure register (a look-alike tester, stop 54): at home, Indonesia's police now
        pieces.keep_story(ctx, reading)
        replies.emergency(ctx, engine.numbers, None)
        return True
    if alone().command in FORMS_ASKED and alone().danger is None:
        # "pak sy mau daftar pelatihan bahasa korea" after the numbers for Brunei got Korea's
        # numbers (a chat tester after the danger reply, stop 51): what is asked for, begun
        engine.run_command(ctx, str(alone().command))
        return True
    if (
        (here is not None or (alone().topic not in BEFORE_LEAVING and not alone().guessed))
        and asks()
        and not only_a_place(engine, text)
        and has_a_question_of_its_own(alone())
    ):
        # "brp gaji caregiver d taiwan", "trus syarat ke jepang buat adiknya apa bu" after the
        # numbers for Malaysia got Taiwan's and Japan's numbers (a danger chat tester, stop
        # 51): a new question, answered, the numbers above still standing; and with no place
        # named, a question the message alone answers surely, for the one abroad in trouble
        # ("siapa yg bayar tiket pulangnya nanti?" got a line of the violence answer: a chat
        # tester after the numbers, stop 59)
        _answer_alone(engine, ctx, alone(), still_in_danger=here is None)
        return True
    if (
        here is None
        and asks()
        and HOMEWARD_ASKED.search(fold(text))
        and (alone().topic is None or alone().guessed)
        and EARLY_RETURN_TOPIC in engine.librarian.topics
    ):
        # "brp lama proses pemulangannya?" after the numbers for a sister held in Syria got the
        # passport office (a chat tester after the numbers, stop 59): going home from danger
        engine.answer_topic(ctx, EARLY_RETURN_TOPIC, reading.lang, place=_place_given(engine, ctx))
        return True
    if here is not None and only_a_place(engine, text):
        # "taichung", "where? hong kong, causeway bay" after the numbers: where the person is,
        # told; its numbers again (they got Taiwan's wages and Korea's recruitment: a chat
        # tester after the danger reply, stop 51)
        pieces.keep_story(ctx, reading)
        ctx.set_data(**{pieces.DANGER_PLACE_KEY: pieces.danger_place(here, reading.lang)})
        cared = bool(ctx.data.get(pieces.CARED_KEY)) and not family()
        replies.emergency(ctx, engine.numbers, here, caring=cared)
        return True
    if here is not None:
        named_place = pieces.danger_place(here, reading.lang)
        if ctx.data.get(pieces.DANGER_PLACE_KEY) != named_place:
            # "di johor" after "tell me the country or city": that place's numbers
            pieces.keep_story(ctx, reading)
            ctx.set_data(**{pieces.DANGER_PLACE_KEY: named_place})
            replies.emergency(ctx, engine.numbers, here)
            return True
    if alone().danger is not None and (
        ctx.data.get(SAFE_SAID_KEY) or WORSE.search(fold(text)) is not None
    ):
        # "dia d pukul lagi sampe pingsan" after "dia sudah aman", "she is bleeding a lot now"
        # got "added to your story" (a chat tester after the danger reply, stop 51): the
        # danger reply again, for the place already known
        ctx.set_data(**{SAFE_SAID_KEY: None})
        pieces.keep_story(ctx, reading)
        replies.emergency(ctx, engine.numbers, here or _place_given(engine, ctx))
        return True
    if reading.danger is not None and reading.danger.wishes_to_die:
        pieces.keep_story(ctx, reading)  # the caring words were said: said again, briefly
        replies.still_with_you(ctx)
        return True
    if reading.places_nothing or reading.intent == "number":
        # more of the story: the urgent report again, carrying it, and what the message alone
        # is about ("baru dapat kabar dia sudah meninggal", "kapan dia bisa pulang") one tap
        # away; a question gets what to do now, once: a second question gets the choices its
        # words lean to
        pieces.keep_story(ctx, reading)
        # a yes-no question by its tag ("sy hrs ke rumah sakit gk", "nanti kami dipenjara gk")
        # or a wish to go home ("sy mau pulang aja") asks too (both got "added to your story":
        # a long-plea chat tester, stop 52)
        asked_here = asks() or asks_by_its_tag(text) or WANTS_HOME.search(fold(text)) is not None
        also = _topic_alone(engine, reading, text, asked_here)
        if asked_here and also is not None and also.slug != EMERGENCY_TOPIC and also.form is None:
            # a question of its own ("asuransi gmn?", "keluarga sy d sumbawa bisa bantu
            # apa?"): answered, the numbers above still standing (a chat tester, stop 49); a
            # report is not started from here, the urgent one is a tap away
            engine.answer_topic(
                ctx, also.slug, reading.lang, place=here or _place_given(engine, ctx)
            )
            return True
        if asks() and not ctx.data.get(NEXT_STEPS_GIVEN):
            ctx.set_data(**{NEXT_STEPS_GIVEN: True})
            replies.danger_next_steps(ctx, also)
        elif asks() and reading.shown_choices:
            # a second question the reading cannot place: the choices, asked as choices ("These
            # may also help" headed them with nothing above it: a chat tester, stop 46)
            replies.offer(ctx, engine.librarian.topics, reading.shown_choices, reading.lang)
        else:
            replies.story_noted(ctx, also, engine.numbers)
        return True
    if reading.intent in ("help", "confused"):
        # "what should we do" after the numbers: what to do now, not the service's menu
        replies.danger_next_steps(ctx)
        return True
    if (
        reading.danger is None
        and reading.topic is not None
        and not asks()
        and not asks_by_its_tag(text)
        and reading.topic
        == pieces.answered_just_now(ctx.data.get(pieces.ANSWERED_KEY), ctx.now, None)
    ):
        # "sy d sihanoukville, hp sy masih ada tp diawasin" after the numbers and the answer on
        # trafficking got "my answer on trafficking is above" (a danger chat tester, stop 51):
        # more of the story, the urgent report carrying it
        pieces.keep_story(ctx, reading)
        replies.story_noted(ctx, numbers=engine.numbers)
        return True
    return False


REPORTING = frozenset("lapor laporkan melapor lapur report".split())
WANT = frozenset("mau ingin".split())
"""Under *Urgent report*, "mau pak" is a yes (it got the greeting: a chat tester, stop 46)."""
REPORT_WORDS = REPORTING | WANT | frozenset("saya sy aku please pls tolong tlg".split())
"""Words beside a yes that keep it a yes to the urgent report ("iya pak, sy mau lapor")."""
AGREEING_WORDS = 5


def agrees_to_report(text: str) -> bool:
    """A yes, or a wish to report, and nothing else."""
    words = [w for w in fold(text).split() if w not in ADDRESS]
    return (
        0 < len(words) <= AGREEING_WORDS
        and set(words) <= YES_WORDS | REPORT_WORDS
        and bool(set(words) & (YES_WORDS | REPORTING | WANT))
    )


DESPAIR = frozenset(
    "kuat tahan sanggup peduli perduli capek cape lelah letih sendiri sendirian nyerah menyerah "
    "putus asa hancur sedih nangis menangis care alone tired hopeless".split()
)
DESPAIR_WORDS = 12
"""A short message of despair ("sy gk kuat", "gk ada yg peduli", "nobody care about me"),
told after the caring words: the person, not a topic its words lean to."""


def despairs(text: str) -> bool:
    words = fold(text).split()
    return 0 < len(words) <= DESPAIR_WORDS and bool(DESPAIR.intersection(words))


MEANS = frozenset(
    "pisau piso golok parang silet cutter gunting tali racun baygon pil obat atap jendela "
    "jembatan gedung balkon knife blade razor rope pills poison bleach roof window ledge bridge "
    "balcony".split()
)
"""What a wish to die may be carried out with, named after it."""


EDGES = frozenset("atap jendela jembatan gedung balkon roof window ledge bridge balcony".split())
"""A high place named as the means: stepping back from it, not putting it away."""


def names_a_means(text: str) -> bool:
    words = fold(text).split()
    return 0 < len(words) <= DESPAIR_WORDS and bool(MEANS.intersection(words))


UNREACHABLE_WORDS = 15
UNREACHABLE = re.compile(
    # whole words: "walau paspornya udh mati" is no WhatsApp dead (a chat tester after the
    # numbers, stop 59)
    r"\b(?:(?:hp|hape|handphone|phone|ponsel|nomor|nomer)\w*|wa|whatsapp|no) (?:\w+ ){0,3}"
    r"(?:mati|off|tidak aktif|tdk aktif|gk aktif|ga aktif|gak aktif|nonaktif|switched off|dead)\b"
    r"|\b(?:tidak|tdk|gk|ga|gak|nggak|ngga|belum|blm|doesn t|doesnt|does not|didn t|didnt|"
    r"did not|not|isn t|isnt|won t|wont|no longer|never) (?:\w+ ){0,2}"
    r"(?:angkat|diangkat|jawab|dijawab|balas|dibalas|bales|dibales|bls|respon|direspon|"
    r"answer|answers|answering|pick up|picks up|picking up|reply|"
    r"replies|replying|respond|responding)\b"
    r"|\b(?:can t|cannot|could not|couldn t|couldnt|cant) reach\b|\blost contact\b"
)
"""The person no longer answers, in the ways a family writes it ("hpnya mati skrg", "dia gk
bls lg", "she doesn't answer anymore", "we can't reach her now": most got "added to your
story" or the steps for a worker missing for weeks; a third chat tester, stop 47)."""


def out_of_reach(text: str) -> bool:
    """A short message that the person cannot be reached now ("hp nya gk aktif", "gk bisa
    dihubungi lagi", "she doesn't pick up")."""
    words = fold(text).split()
    if not 0 < len(words) <= UNREACHABLE_WORDS:
        return False
    return grave_news(words) == MISSING_TOPIC or UNREACHABLE.search(" ".join(words)) is not None


ELSEWHERE = re.compile(
    r"^(?:(?:bagaimana|gimana|gmn|trus|terus|lalu|terus gimana) )?"
    r"(?:kalau|kalo|klo|kl|klu|kalu|if|what about|how about|and) (?:\w+ ){0,3}(?:di|d|in|ke|dari)\b"
)
"""A question opening with "if / what about" a place ("kalau di hk agensi itu diawasi
siapa?"): asked of that place, not where the person in danger now is (it got Hong Kong's
emergency numbers: a chat tester, stop 48)."""


PEOPLE = frozenset(
    "saya sy aku gue gw kami dia anak adik kakak istri suami ibu bapak ayah ponakan keponakan "
    "sepupu teman temen tmn i me my we she he her his".split()
)
"""Someone named beside the other place ("klo di malaysia gmn? adik sy d sana jg kena"): a
second person, whose place's numbers are given."""


def asks_of_elsewhere(text: str) -> bool:
    words = fold(text).split()
    return ELSEWHERE.match(" ".join(words)) is not None and PEOPLE.isdisjoint(words)


def _place_given(engine: Engine, ctx: Ctx) -> Country | None:
    """The place the danger reply's numbers were for."""
    code, _ = pieces.danger_place_given(ctx.data.get(pieces.DANGER_PLACE_KEY))
    return engine.numbers.country(code or None)


TAG_QUESTION = re.compile(
    r"\b(?:gk|ga|gak|nggak|ngga|enggak|engga|tidak|tdk|ndak|ndek|nda|apa tidak|atau tidak)"
    # a particle or an address may follow ("bpjs sy msh aktif gk ya": stop 59)
    r"(?:\s+(?:ya|yah|sih|pak|bu|kak|min|mas|mbak))*"
    r"(?:\s*[?.!]*\s*$|\s*[,?]|\s+(?:krn|karena|karna|soalnya|kalau|kalo|klo|kl)\b)"
)
"""A negation that ends a yes-no question: at the end, before a comma, or before its reason
("uangnya bisa balik gk, kami bayar 8jt", "nanti sy dipenjara gk krn kabur")."""
WHEN_TOLD = re.compile(
    r"^(?:(?:itu|tu|ini|kejadiannya|kejadian nya|kejadian|sudah|udah|udh|sdh|dah|sejak|dari|"
    r"pak|bu|kak|kira kira|kurang lebih|sekitar|kira2) ){0,3}"
    r"(?:(?:\d+|se|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|beberapa) ?"
    r"(?:hari|hr|minggu|mgg|bulan|bln|tahun|thn|jam|malam) ?(?:yang |yg )?(?:lalu|lalu pak|"
    r"lalu bu|yang lalu|kemarin|kemaren)?|kemarin|kemaren|kmrn|semalam|tadi malam|tadi pagi|"
    r"minggu lalu|bulan lalu|tahun lalu|\d+ (?:days?|weeks?|months?|years?) ago|yesterday|"
    r"last (?:night|week|month|year))(?: (?:pak|bu|kak|min))?$"
)
"""When it happened, told alone after the numbers ("itu 2 minggu lalu", "sejak 3 bulan",
"kemarin", "2 weeks ago"): more of the story, not a question."""
MISSION_ASKED_WORDS = 8
MISSION_WHERE_WORDS = frozenset("dimana dmn mana where alamat alamatnya address lokasi".split())
"""Where the mission is, asked after the numbers ("kbri dimana", "lokasi kbri")."""
TAG_MIN_WORDS = 3
HOMEWARD_ASKED = re.compile(
    r"\b(?:pemulangan\w*|kepulangan\w*|dipulangkan|memulangkan|pulangkan|pulangin|tiket pulang|"
    r"pulang\w*|balik ke indonesia|go home|going home|send (?:me|her|him) home|flight home|"
    r"ticket home|repatriat\w*)\b"
)
"""Going home asked about after the danger reply, when the words alone are not sure of a topic:
answered with going home early (who helps, what not to pay), `HOME_EARLY`."""
WANTS_HOME = re.compile(
    r"\b(?:mau|ingin|pengen|pingin|pgn|mo|want to|wanna|need to) (?:\w+ )?(?:pulang|go home)\b"
)
"""A wish to go home told after the danger reply: answered with how, as a question is."""


def asks_by_its_tag(text: str) -> bool:
    """A yes-no question by the negation that ends it ("sy hrs ke rumah sakit gk")."""
    return len(text.split()) >= TAG_MIN_WORDS and TAG_QUESTION.search(text.lower()) is not None


def _topic_alone(engine: Engine, reading: Reading, text: str, asked: bool = False) -> Topic | None:
    """The first choice the message alone ranks, when it says enough to rank one
    (`AFTER_DANGER_WORDS`: "terus gimana pak?" ranks noise); a question, which is not only
    "what now" here (`asks_what_next`), names its topic in fewer ("asuransi gmn?" got what to
    do now with nothing on insurance: a chat tester, stop 49)."""
    if len(fold(text).split()) < (ASKED_WORDS if asked else AFTER_DANGER_WORDS):
        return None
    slug = next(
        (
            HOME_EARLY.get(s, s)
            for s in reading.shown_choices
            if s != EMERGENCY_TOPIC and (s in HOME_EARLY or s not in BEFORE_LEAVING)
        ),
        None,
    )
    return engine.librarian.topics.get(slug) if slug else None


SHELTER_ASKED = re.compile(
    r"\b(?:shelter|shelternya|rumah aman|safe ?house|tempat berlindung|tempat (?:tidur|tinggal|"
    r"menginap|bermalam) (?:sementara|malam ini|dimana|di mana|dmn)|where (?:can|do|should|will) "
    r"(?:i|we|she|he) (?:sleep|stay)|sleep tonight|tidur (?:di ?mana|dmn|kat mana) (?:malam ini|"
    r"mlm ni|malam ni)?)\b"
)
"""A place to sleep or a shelter asked for after the danger reply: where the mission is."""
OFFICES = frozenset("disnaker disnakertrans dinaker bp3mi bp2mi kp2mi ltsa".split())
OFFICES_TOPIC = "kantor-layanan"


def _office_asked(engine: Engine, text: str, alone: Reading) -> str | None:
    """How to report to an office at home, asked by name: the offices' topic (where they
    are, what they do), when the message alone leads with reporting or with the offices. The
    report form itself is the *Urgent report* button already shown."""
    if OFFICES.isdisjoint(fold(text).split()) or alone.danger is not None:
        return None
    first = alone.topic or next((s for s in alone.shown_choices if s != EMERGENCY_TOPIC), None)
    if first not in (OFFICES_TOPIC, FORM_TOPICS["report"]):
        return None
    if OFFICES_TOPIC not in engine.librarian.topics:
        return None
    return OFFICES_TOPIC


ABROAD_INSTEAD = {PASSPORT_TOPIC: CONSULAR_TOPIC, "pemeriksaan-kesehatan": DEATH_TOPIC}
"""After the danger reply the person is abroad and in trouble: a passport is the mission's
(not the immigration office at home), and a body's trouble is care there, not the medical
check before leaving ("sy hamil, gmn ini" after a rape got the pre-departure check; "brp lama
proses pemulangannya" the passport office in NTB: a chat tester after the numbers, stop 59)."""
HOME_EARLY = {**ABROAD_INSTEAD, HOMECOMING_TOPIC: EARLY_RETURN_TOPIC}
"""... and a wish to go home told after it ("sy mau pulang") is going home early, with who
helps and what not to pay, not what to remember when a contract ends (the same tester). A
question the words answer surely ("siapa yg bayar tiket pulangnya") keeps its own topic."""
BEFORE_LEAVING = frozenset(
    (
        "syarat-menjadi-pmi",
        "dokumen-persyaratan",
        "usia-minimum",
        "orientasi-pemberangkatan",
        "biaya-penempatan",
        "registrasi-online",
        "pinjaman-kur",
        "pelatihan-kerja",
        "daftar-pelatihan",
        "izin-keluarga",
        "jalur-resmi",
    )
)
"""Topics of getting ready to leave, passed over after the danger reply for the next choice."""


CANNOT_CALL = re.compile(
    r"\b(?:tidak|tdk|gk|ga|gak|nggak|ngga|ndak|ndk|ndek|gabisa|gbs|cannot|can t|cant|no|don t|"
    r"dont|do not|have no) (?:\w+ ){0,2}(?:bisa |boleh |punya |ada |have |any )?"
    r"(?:telpon|telepon|telp|tlp|tlpn|nelpon|nelepon|menelepon|call|calls|calling|pulsa|credit|"
    r"load|sim)\b"
    r"|\b(?:cuma|cm|hanya|only|just) (?:bisa |have |punya |ada |got |can use )?"
    r"(?:wa|whatsapp|chat|chatting|sms|text|message)\b"
)
"""Not able to phone: no credit, no calls allowed, only chat in secret."""


REPORTING_WORDS = re.compile(
    r"\b(?:lapor\w*|melapor\w*|ngelapor\w*|pengaduan|mengadu|ngadu|reports?|reporting|"
    r"complaint|complain)\b"
)


def _report_papers(engine: Engine, text: str, lang: str) -> list[str]:
    """The lines of the report's answer on the papers it needs, when they are asked for; read
    without the words of reporting, which every line of that answer has."""
    topic = engine.librarian.topics.get(FORM_TOPICS["report"])
    if topic is None or not asks_papers_for_a_report(text):
        return []
    asked = REPORTING_WORDS.sub(" ", fold(text))
    return answering_lines(topic, lang, asked, engine.normalizer)


def _answer_alone(engine: Engine, ctx: Ctx, alone: Reading, still_in_danger: bool = False) -> None:
    """A question of its own after the danger reply, answered as a fresh one would be; while
    the danger is not said to be over, for someone abroad in trouble (`ABROAD_INSTEAD`)."""
    if alone.topic is not None:
        topic = ABROAD_INSTEAD.get(alone.topic, alone.topic) if still_in_danger else alone.topic
        offered = tuple(s for s in (alone.topic, *alone.offered) if s != topic)
        engine.answer_topic(ctx, topic, alone.lang, offered, alone.guessed)


THIRD_PERSON = frozenset("dia beliau she he they anak adik kakak istri suami ibu bapak".split())
"""Who cannot call or answer, when it is not the writer ("dia gk mau angkat tlp")."""


def of_the_one_in_danger(text: str) -> bool:
    """The first words say it is the other person who cannot call or answer."""
    words = fold(text).split()
    return bool(words) and (words[0] in THIRD_PERSON or "dia" in words[:3] or "nya" in words[:2])


def family_writes(ctx: Ctx, text: str) -> bool:
    """The one writing is family of the one in danger, at home: the message or the plea
    before it says so ("anak sy d riyadh d sekap", "sy d lombok")."""
    told = [*pieces.recent(ctx.data.get(PIECES_KEY), ctx.now), text]
    return any(names_own_kin(t) for t in told) or at_home(text)


OF_ONESELF = frozenset("sy saya aku gue gw i im me tiang nahu gpp gapapa gakpapa".split())
"""... speaking of oneself ("gpp pak sy cm curhat aja"), not a detail ("namanya siti")."""
CARED_SHORT_WORDS = 8
"""After the caring words, a statement this short is still the person speaking of themselves."""
SAFE_SAID_KEY = "danger_safe_said"
"""Someone said to be safe after the danger reply: harm told after it is new, and gets the
numbers again."""
WORSE = re.compile(
    r"\b(?:pingsan|tidak sadar|gk sadar|gak sadar|ga sadar|tak sadar|berdarah|darah nya|"
    r"darahnya|ditusuk|tusuk|menusuk|diperkosa|perkosa|bleeding|unconscious|stabbed|stab|"
    r"raped|fainted|not breathing|tidak bernapas|sekarat|kritis)\b"
)
"""A harm worse than told, after the danger reply: the numbers again, not "added"."""
THIRD = re.compile(r"\b(?:she|he|they|dia|beliau|mereka)\b")
"""Someone else said to be safe ("she is safe now")."""
FORMS_ASKED = frozenset(("training", "register"))
"""Commands a message after the danger reply begins as any message would."""
AROUND_A_PLACE_WORDS = frozenset(
    "di d dimana mana where in at near dekat daerah kota city area sekitar skrg sekarang now "
    "lagi pak bu kak sy saya dia she he is di sini disini here yes ya iya the".split()
)
"""Words around a place told after "where?" ("where? hong kong, causeway bay", "di mana? d
busan korea", "taichung"): an answer to where, not a new question."""


HOME_TOLD_WORDS = 8
"""A message this short placing the person at home, after numbers given for a place abroad,
corrects that place ("msh d lombok", "still in lombok")."""


def only_a_place(engine: Engine, text: str) -> bool:
    """The message tells a place and little else: where the person is."""
    words = fold(text).split()
    covered: set[int] = set()
    for at, length, _country in engine.numbers.places_named(text):
        covered.update(range(at, at + length))
    rest = [w for n, w in enumerate(words) if n not in covered and w not in AROUND_A_PLACE_WORDS]
    return bool(covered) and len(rest) <= 1


def has_a_question_of_its_own(reading: Reading) -> bool:
    """A question the reading answers with a topic other than the danger's numbers."""
    return reading.danger is None and reading.topic not in (None, EMERGENCY_TOPIC)


IS_IT_DANGEROUS = re.compile(
    r"\b(?:bahaya|berbahaya|gawat|serius|parah|dangerous|serious|tppo|trafficking|perdagangan "
    r"orang|penyekapan|kerja paksa|forced labou?r)\b"
)
IS_IT_ASKED = re.compile(
    r"\b(?:gk|gak|ga|nggak|ngga|tidak|tdk|enggak|kah|ya|apa|apakah|is|it|that|this|termasuk|"
    r"itu|ini|bukan)\b|\?"
)
IS_IT_WORDS = 8


def asks_if_dangerous(text: str) -> bool:
    """A short question whether what was told is danger ("itu bahaya gk pak?", "is that
    trafficking?", "apakah itu termasuk tppo")."""
    folded = fold(text)
    return (
        len(folded.split()) <= IS_IT_WORDS
        and IS_IT_DANGEROUS.search(folded) is not None
        and IS_IT_ASKED.search(folded + ("?" if "?" in text else "")) is not None
    )


BEING_HOME = frozenset(
    "di d in at am im i sy saya aku masih still here lombok sumbawa mataram bima dompu ntb "
    "indonesia indo kampung rumah home".split()
)


def without_being_home(words: list[str]) -> list[str]:
    """The words without where the family writes from: "trs sy hrs gmn pak sy di lombok",
    "what should i do now, i am in lombok" ask what now (they got the end of a contract and
    the medical check: an offices-and-English tester, stop 55)."""
    kept = [w for w in words if w not in BEING_HOME]
    return kept if len(kept) < len(words) and kept else words


def _said_shortly(text: str, pattern: re.Pattern[str]) -> bool:
    """`pattern` in a message of UNREACHABLE_WORDS or fewer: a short word of what stands in
    the way (no signal, no calls, no money), not a story that mentions it."""
    words = fold(text).split()
    return 0 < len(words) <= UNREACHABLE_WORDS and pattern.search(" ".join(words)) is not None


def has_no_signal(text: str) -> bool:
    return _said_shortly(text, NO_SIGNAL)


def tells_of_the_ship(text: str) -> bool:
    words = set(fold(text).split())
    return bool(SHIP_WORDS & words) and not LANDED_WORDS & words


def says_safe_now(engine: Engine, standard: str) -> bool:
    """`standard`: the message as the danger rules read it. A safe place asked for is not
    being there ("shelter KBRI kat mana?" got "glad you are safe now": a chat tester after
    the numbers, stop 59)."""
    detector = engine.triage.detector
    return (
        len(standard.split()) <= SAFE_NOW_WORDS
        and WHERE_ASKED.isdisjoint(standard.split())
        and (detector.is_over(standard) or SAFE_NOW.search(standard) is not None)
    )


WHERE_ASKED = frozenset("mana dimana dmn kemana where alamat alamatnya lokasi lokasinya".split())


def cannot_call(text: str) -> bool:
    return _said_shortly(text, CANNOT_CALL)


CANNOT_AFFORD = re.compile(
    r"\b(?:tidak|tdk|gk|ga|gak|nggak|ngga|ndak|ndek|no|dont|don t) (?:\w+ ){0,1}(?:punya|ada|have) "
    r"(?:uang|duit|biaya|ongkos|dana|money|kepeng|pis)\b"
    r"|\borang (?:susah|miskin|tidak mampu|gak mampu|gk mampu|kecil)\b"
    r"|\b(?:tidak|tdk|gk|ga|gak|kurang) mampu\b|\b(?:can t|cannot|cant|ca not|not) afford\b"
    r"|\bpoor family\b"
)
"""The family has no money for help: a fare to an office, a lawyer, a ticket."""


def cannot_afford(text: str) -> bool:
    return _said_shortly(text, CANNOT_AFFORD)
