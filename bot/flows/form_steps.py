"""One message inside a form: the step's answer read, or what else the person meant.

People answer a form the way they talk. Inside one they ask what the step is for ("terus
gimana pak?"), ask a question the knowledge base answers ("pak nomor kbri malaysia brp?"), or
tell the story where a name is asked. Each gets its reply and the step is asked again; only an
answer the step reads moves the form on.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot import replies
from bot.cases.service import PAUSED_FOR_OFFICER
from bot.commands import BEFORE_COMMAND, FILLERS, GOING, NOT_GOING, TAKING_BACK, takes_back
from bot.context import EARLIER_CHARS, EARLIER_KEY, PENDING_STORY, Ctx
from bot.flows import menu
from bot.flows.base import Form, Invalid
from bot.flows.case_thread import ALREADY, NOT_YET, REPORT_WORDS, asks_what_next
from bot.flows.common import MEANING_ASKED, VILLAGE_PLACE_WORDS
from bot.flows.question import ASKS_ONLY
from bot.flows.report_opening import add_to_story
from bot.options import ADDRESS, NEGATORS, short
from bot.register.hints import PARTICLES, QUESTION_TAGS
from bot.triage import FORM_TOPICS, asks_what_now
from bot.types import Button
from knowledge.danger_model import mentions_danger
from knowledge.emergency import EMERGENCY_TOPIC
from knowledge.normalize import fold

if TYPE_CHECKING:
    from bot.engine import Engine
    from knowledge.emergency import Country
    from knowledge.topic import Topic

STORY_QUESTION_WORDS = 8
"""Where the story is asked, a question this short is answered, not filed as the story."""
ABOUT_THE_FORM_WORDS = 8
"""A wish to stop the report, or a question of where it stands, is said in this many words."""
REPORTING = REPORT_WORDS | frozenset("pengaduan aduan formulir form".split())
CANCELLING = (
    TAKING_BACK
    | NOT_GOING
    | GOING
    | REPORTING
    | FILLERS
    | BEFORE_COMMAND
    | frozenset("gajadi can could ini itu nya dulu bisa boleh kah apa apakah my the this".split())
)
"""All a wish to stop the report says: "cancel my report", "gk jadi lapor pak", "bisa
batalin laporannya?"."""
STANDING = frozenset(
    "kabar kabarnya news update updates status dikirim terkirim kirim sent diproses proses "
    "prosesnya ditanggapi progress".split()
)
"""Words of a question of where the report stands."""
ASKING_WHERE_IT_STANDS = (
    STANDING
    | REPORTING
    | ALREADY
    | NOT_YET
    | ADDRESS
    | FILLERS
    | frozenset(
        "gmn gimana gimna bagaimana bgmn apa apakah ada sampai mana dimana sy saya aku kami ku "
        "any is there has have been was it my our the yet".split()
    )
)
"""All such a question says: "gmn laporan sy?", "udh dikirim blm", "any news?"."""
PLACE_STEPS = frozenset(("village", "city", "country_other"))
"""Steps that read a place: a question there is no answer to them."""
NO_QUESTION_IS_AN_ANSWER = PLACE_STEPS | frozenset(
    ("job", "company", "departure", "contract", "contact_abroad")
)
"""Free-text steps a question is never the answer to ("eh sy lupa, ini gratis kan daftarnya?"
was kept as the departing worker's job: a forms tester, stop 65)."""
STEP_ASKED = re.compile(
    rf"\b(?:{MEANING_ASKED}|apa itu|apaan|apa sih|yg mana|yang mana|which one|what is a)\b"
)
"""What the step asks for, asked back ("desanya apa maksudnya?", "yg mana pak?")."""
VILLAGE_WORDS = VILLAGE_PLACE_WORDS | {"desanya"}
ANNOUNCES_A_QUESTION = re.compile(
    r"\b(?:mau|mo|mw|ingin|pengen|pingin|pgn|boleh|bole|bisa|bs|want to|can i) "
    r"(?:tanya|tny|tnya|nanya|nny|nnya|tanyakan|nanyain|ask)\b"
)
"""A question announced rather than asked ("sy mau tny biaya dlu")."""
READ_ANEW_FROM_WORDS = 3
"""A question this long at the consent is read as any other when the content is not sure of it;
a shorter one ("boleh gk?") is about the consent itself."""
READ_FOR_DANGER = frozenset(("story", "danger"))
"""Steps whose answer may tell danger: the story, and whether someone is in danger now."""


def continue_form(engine: Engine, ctx: Ctx) -> None:
    conv = ctx.conversation
    form = engine.forms.get(conv.flow or "")
    step = form.step(conv.step) if form else None
    if form is None or step is None:
        engine.clear(ctx)
        menu.show(ctx)
        return
    incoming = ctx.incoming
    text = incoming.text or ""
    if incoming.media and step.name != "story":
        ctx.say(ctx._("I cannot use a photo or voice note here. Please answer in text."))
        step.prompt(ctx)
        return
    if not incoming.media and not incoming.button and not fold(text):
        ctx.say(ctx._("Please answer in words."))
        step.prompt(ctx)
        return
    if not incoming.button and ctx.data.get("urgent") and ESCAPE_ASKED.search(fold(text)):
        # "gmn sy bs keluar?" from a worker locked in, filling in her urgent report, was
        # "choose one" (a journeys tester, stop 62): the numbers from where she is, the step
        engine.emergency(ctx)
        step.ask_again(ctx)
        return
    emergency = (
        engine.librarian.topics.get(EMERGENCY_TOPIC)
        if not incoming.button and replies.NUMBERS_ASKED.search(fold(text))
        else None
    )
    if emergency is not None:
        # "nomor darurat" typed in a form was "choose one" (the same tester): the numbers,
        # and the step again
        _say_in_form(engine, ctx, emergency, ctx.lang, engine.numbers.country_in(text))
        step.ask_again(ctx)
        return
    if (
        not incoming.button
        and form.name != "case"
        and ctx.data.get(PENDING_STORY)
        and (asks_what_now(text) or PLEA_ALONE.match(fold(text)) is not None)
    ):
        # "tolong" right after telling, inside the training form, that a sister is held got
        # "choose one" and the course list (a follow-ups tester, stop 64): what to do now
        replies.danger_next_steps(ctx)
        step.ask_again(ctx)
        return
    if not incoming.button and _asks_what_now(engine, text):
        # "terus gimana pak?", "gk ngerti maksudnya" inside a form: what this step is for
        ctx.say(ctx._("I need this answer to go on. Type *cancel* to stop."))
        step.ask_again(ctx)
        return
    if not incoming.button and wants_to_stop_reporting(text):
        engine.run_command(ctx, "cancel")  # "cancel my report": what "batal" does
        return
    if (
        not incoming.button
        and step.name not in ("story", "share", "share_confirm", "summary")
        and form.keeps_out_the_village(text)
    ):
        # "kepala desa sy yg jd calonya, jgn sampe dia tau" typed at the name step was "choose
        # one", and the wish was lost (a family-side tester, stop 63): kept, the story too
        form.keep_out_the_village(ctx, text)
        step.ask_again(ctx)
        return
    if (
        not incoming.button
        and form.name == "case"
        and step.name not in READ_FOR_DANGER  # "dia gk bales wa sy" is a story
        and (NO_REPLY_YET.search(fold(text)) or _only_greets(engine, text))
    ):
        # "sdh berapa lama laporan sy blm dibales", "halo??" at an urgent report's consent got
        # what a report is, again and again, and the report was never sent (a family-side
        # tester, stop 65): it is not sent yet, and is once the questions are answered
        menu.reports_not_sent(ctx)
        step.ask_again(ctx)
        return
    if not incoming.button and form.name == "case" and HOW_LONG_FOR_A_REPLY.search(fold(text)):
        # "brp lama petugas balas pak?" was added to the story (a chat tester, stop 53)
        replies.how_long_for_a_reply(ctx, *engine.escalation)
        step.ask_again(ctx)
        return
    if not incoming.button and form.name == "case" and asks_where_it_stands(engine, text):
        # "gmn laporan sy?", "any news?" while it is being filled in: it is not sent yet
        menu.reports_not_sent(ctx)
        step.ask_again(ctx)
        return
    term = None if incoming.button else engine.triage.glossary.asked(text)
    if term is not None and term.meaning and term.topic in engine.librarian.topics:
        # "kp2mi itu apa bu" at a report's step was kept as the story (a regression tester,
        # stop 52): the word's meaning, and the step asked again
        replies.meaning(ctx, term, engine.librarian.topics, in_form=True)
        step.ask_again(ctx)
        return
    if not incoming.button and form.corrected(ctx, step.name, text):
        step.ask_again(ctx)
        return
    meaning_asked = step.name == "village" and not incoming.button and _asks_what_is_meant(text)
    village_told = meaning_asked and bool(engine.villages.search(text))
    if meaning_asked and not village_told and VILLAGE_WORDS.intersection(fold(text).split()):
        # "desanya apa maksudnya?" at the register's village step got the Desa Migran Emas
        # programme (a tester of what follows the first reply, stop 64): what is asked for
        ctx.say(ctx._("I mean the village (desa or kelurahan) in NTB where you live."))
        step.ask_again(ctx)
        return
    if (
        step.free_text
        and not village_told  # "desanya apa maksudnya? sy di sakra": Sakra, read below
        and (step.questions_allowed or _short_question_in_story(text))
        # the question for the officer is passed on, not answered in its place
        and not (ctx.data.get(ASKS_ONLY) and step.name == "story")
        and not incoming.button
        and engine.looks_like_question(text)
    ):
        if answer_in_form(engine, ctx):
            step.ask_again(ctx)
            return
        if step.name in NO_QUESTION_IS_AN_ANSWER and "?" in text:
            # "boleh gk pake agen yg blm terdaftar?" at the village step was "I could not find
            # that village" (a tester of what follows the first reply, stop 64), and at the
            # city step it would have been kept as the city: a question the content is not
            # sure of is read as any other, its choices offered, with the form kept paused
            pause_for_a_question(engine, ctx)
            return
    if not incoming.button:
        reporting = form.question_turned_to_report(ctx, step.name, text)
        if reporting is not None:
            conv.step = reporting.name  # a problem or danger told where the village was asked
            reporting.prompt(ctx)
            return
    if not incoming.button and step.name not in READ_FOR_DANGER and mentions_danger(text):
        # "I want to die", "tolong selamatkan saya" at the name or a yes/no step: the numbers
        # were given; it is no name and neither yes nor no, so the step is asked again
        _keep_danger(form, ctx, step.name, text)
        if not (form.name == "case" and ctx.data.get("urgent") and step.name == "village"):
            step.ask_again(ctx)
            return
        # ... but where the village is asked in an urgent report, "gk tau desanya, cepet
        # tolong" also answers it (it was asked again and again: an officers-wanted tester,
        # stop 62)
    if not incoming.button:
        asking = form.turned_to_a_question(ctx, step.name, text)
        if asking is not None:
            # "gk usah lapor, cuma mau tanya2 aja"; consent, where not given, asked shortly
            conv.step = asking.name
            asking.ask_again(ctx) if asking.name == step.name else asking.prompt(ctx)
            return
    before = ctx.conversation.data
    try:
        value = step.read(ctx)
    except Invalid as invalid:
        if (
            step.questions_allowed
            and not step.free_text
            and not incoming.button
            # "do not send" at the summary is a refusal, not a question on sending money
            # (it got the remittance answer, in English: a regression tester, stop 56)
            and not _refuses(text)
            and engine.looks_like_question(text)
            and _answered_as_before(engine, ctx, before)
        ):
            step.ask_again(ctx)
            return
        if not incoming.button and form.keep_early_story(ctx, step.name, text):
            ctx.say(ctx._("Thank you, I have kept what you wrote for your report."))
            step.ask_again(ctx)
            return
        if (
            not incoming.button
            and form.name != "case"
            and step.name == "consent"
            and (engine.looks_like_question(text) or ANNOUNCES_A_QUESTION.search(fold(text)))
        ):
            # a question at the register's consent was "choose one" (a tester of what follows
            # the first reply, stop 64): answered, and the consent asked again; one the content
            # is not sure of ("sy mau tny biaya dlu") is read as any other, the form paused
            if answer_in_form(engine, ctx):
                step.ask_again(ctx)
                return
            if len(text.split()) >= READ_ANEW_FROM_WORDS:
                pause_for_a_question(engine, ctx)
                return
        if (
            not incoming.button
            and form.name == "case"
            and step.name == "consent"
            and engine.looks_like_question(text)
            and _what_a_report_is(engine, ctx)
        ):
            # "trus nanti siapa yg hubungi sy?" before consenting: what happens to a report
            step.ask_again(ctx)
            return
        misses = (
            int(ctx.data.get(MISSED_KEY) or 0) + 1 if ctx.data.get(MISSED_AT) == step.name else 1
        )
        ctx.set_data(**{MISSED_KEY: misses, MISSED_AT: step.name})
        if (
            misses >= MISSES_BEFORE_WAY_OUT
            and step.name == "consent"
            and form.name != "case"
            and not incoming.button
        ):
            # "itu buat anak sy", "boleh gk" at the register's consent got "choose one" four
            # times (a follow-ups tester, stop 64): nothing is kept before the consent, so the
            # form is left and the message read as any other
            engine.clear(ctx)
            ctx.say(ctx._("All right, nothing was recorded."))
            engine.read_anew(ctx)
            return
        if misses >= MISSES_BEFORE_WAY_OUT:
            # the same step missed again: the way out is said (a family chat tester, stop 48,
            # got the ten-item list four times over, with no word of *batal*)
            ctx.say(invalid.message + "\n" + ctx._("To stop this form, type *cancel*."))
        else:
            ctx.say(invalid.message)
        step.ask_again(ctx)  # the short way to ask, where a step has one (consent)
        return
    if step.store_as:
        ctx.set_data(**{step.store_as: value})
    if ctx.data.get(MISSED_KEY):
        ctx.set_data(**{MISSED_KEY: None, MISSED_AT: None})
    following = form.after(ctx, step)
    if following is None:
        form.finish(ctx)
        kept = form.left_behind(ctx)
        engine.clear(ctx)
        ctx.set_data(**kept)
        return
    conv.step = following.name
    following.prompt(ctx)


PLEA_ALONE = re.compile(
    r"^(?:tolong|tlg|tulung|tolongin|bantu|bantuin|help|please help|mohon bantuan|minta tolong)"
    r"(?: (?:pak|bu|kak|min|saya|sy|kami|dong|ya|banget|bgt|me|us|please|pls|lah))*$"
)
"""A plea with nothing else in it ("tolong", "tolong pak", "help"): after danger told inside a
form, what to do now; alone elsewhere it is the menu's way to help."""


def _what_a_report_is(engine: Engine, ctx: Ctx) -> bool:
    """The report's own answer (who reads it, who replies, where it goes next), for a question
    at the consent step the knowledge base does not answer otherwise."""
    topic = engine.librarian.topics.get(FORM_TOPICS["report"])
    if topic is None:
        return False
    _say_in_form(engine, ctx, topic, ctx.lang, None)
    return True


def _say_in_form(engine: Engine, ctx: Ctx, topic: Topic, lang: str, place: Country | None) -> None:
    """A topic's answer inside a form, and the way back to the form's step. A question that
    names a place says where the person is, for numbers the form may need next ("how many
    day off in hong kong", then "she hit me now" got no Hong Kong numbers: a regression
    tester, stop 62)."""
    ctx.say(engine.topic_text(ctx, topic, lang, place))
    if place is not None and ctx.incoming.text:
        told = f"{ctx.data.get(EARLIER_KEY) or ''} {ctx.incoming.text}".strip()
        ctx.set_data(**{EARLIER_KEY: told[-EARLIER_CHARS:]})
    ctx.say(ctx._("Now, back to your form:"))


def _drop_closing_tag(words: list[str], trailing: frozenset[str]) -> bool:
    """Drops the words that may close a message (`trailing`), then the negation that ends a
    yes-no question ("... dikirim gk?"), from `words`; whether there was such a tag."""
    while words and words[-1] in trailing:
        words.pop()
    tagged = len(words) > 1 and words[-1] in QUESTION_TAGS
    if tagged:
        words.pop()
    return tagged


def _refuses(text: str) -> bool:
    """A word of refusal ("do not send", "jgn dikirim"), other than the tag that ends a yes-no
    question: "nama sy dirahasiakan gk?" at the consent step asks, and got "choose one" (a
    follow-up tester, stop 60)."""
    words = fold(text).split()
    _drop_closing_tag(words, PARTICLES)
    return not NEGATORS.isdisjoint(words)


MISSED_KEY, MISSED_AT = "form_missed", "form_missed_at"
MISSES_BEFORE_WAY_OUT = 2
"""Answers a step could not read in a row, after which its error says how to stop the form."""


def _keep_danger(form: Form, ctx: Ctx, step: str, text: str) -> None:
    """Danger typed at a report's step goes with the story sent; other forms have no story,
    and keep nothing of it."""
    if form.name != "case":
        return
    if not form.keep_early_story(ctx, step, text):
        add_to_story(ctx, text)
    ctx.say(ctx._("Thank you, I have kept what you wrote for your report."))


def _answered_as_before(engine: Engine, ctx: Ctx, before: dict[str, object]) -> bool:
    """Answers a question typed instead of the step's answer, with the step as it was before
    it was read: a guess to confirm ("Masalah: Gaji macet — benar?") is asked again, not
    dropped for the open list."""
    read = ctx.conversation.data
    ctx.conversation.data = before
    if answer_in_form(engine, ctx):
        return True
    ctx.conversation.data = read
    return False


def wants_to_stop_reporting(text: str) -> bool:
    """A wish to stop the form said in a sentence ("cancel my report", "can I cancel my
    report?", "gk jadi lapor pak"): a word that takes it back and the report, nothing else."""
    words = fold(text).split()
    if not words or len(words) > ABOUT_THE_FORM_WORDS or not set(words) <= CANCELLING:
        return False
    return takes_back(words) and bool(REPORTING.intersection(words))


ESCAPE_ASKED = re.compile(
    r"\b(?:gimana|gmn|gmna|bagaimana|bgmn|how|cara|caranya)\b(?:\s+\w+){0,4}\s+"
    r"(?:keluar|kabur|lari|selamat|out|escape)\b"
)
"""How to get out, asked inside an urgent report by the one held."""
HOW_LONG_FOR_A_REPLY = re.compile(
    r"\b(?:brp|berapa|kapan|bila|how long|when)\b(?: \w+){0,3} (?:petugas|officer|dibalas|"
    r"balas|bales|dibales|jawab|dijawab|respon|direspon|ditanggapi|reply|replies|answer|respond)"
    r"\w*\b"
)
"""How long until an officer answers, asked while the report is filled in."""
NO_REPLY_YET = re.compile(
    r"\b(?:belum|blm|tidak|tdk|gk|ga|gak|nggak) (?:ada )?(?:dibalas|dibales|dibalesin|balas|bales|"
    r"balasan|jawaban|dijawab|direspon|respon|ditanggapi)\b|\bkok lama\b|\blama (?:bgt|banget|"
    r"sekali|amat)\b|\b(?:no|not) (?:reply|answer|response)\b"
)
"""No reply yet, complained of while the report is still being filled in (it is not sent)."""


def asks_where_it_stands(engine: Engine, text: str) -> bool:
    """A question of where the report stands ("gmn laporan sy?", "udh dikirim blm", "any
    news?"), asked while it is being filled in. A tag at its end ("... dikirim gk?") asks;
    elsewhere a negation tells ("gk ada kabar" is lost contact), and is not such a question."""
    words = fold(text).split()
    tagged = _drop_closing_tag(words, PARTICLES | ADDRESS)
    said = set(words)
    if not words or len(words) > ABOUT_THE_FORM_WORDS or not said <= ASKING_WHERE_IT_STANDS:
        return False
    if not said & (STANDING | REPORTING) or mentions_danger(text):
        return False  # the danger rules, the costly reading, last: most messages are out already
    asks = tagged or engine.looks_like_question(text)
    return asks or bool(ALREADY.intersection(words) and NOT_YET.intersection(words))


def _only_greets(engine: Engine, text: str) -> bool:
    """ "halo??", "p", "assalamualaikum": a greeting alone, as if no one were there."""
    return len(text.split()) <= GREETING_WORDS and engine.librarian.ask(text).intent == "greeting"


GREETING_WORDS = 3


def _asks_what_now(engine: Engine, text: str) -> bool:
    if asks_what_next(fold(text).split()):
        return True
    return engine.librarian.ask(text).intent == "confused"


def _short_question_in_story(text: str) -> bool:
    """Where the story is asked, a story is never taken for a question, but a short question
    that tells no danger ("pak nomor kbri malaysia brp?") is one: answered, and the story
    asked again, not filed as the story."""
    return len(text.split()) <= STORY_QUESTION_WORDS and not mentions_danger(text)


def _asks_what_is_meant(text: str) -> bool:
    return STEP_ASKED.search(fold(text)) is not None


def pause_for_a_question(engine: Engine, ctx: Ctx) -> None:
    """A question inside a form that the content is not sure of: the form is paused (*continue*
    brings it back), and the question is read as any other message, with its choices."""
    ctx.conversation.parked = True
    ctx.say(ctx._("Your form is paused. Type *continue* within 24 hours to go on with it."))
    engine.read_anew(ctx)


def answer_in_form(engine: Engine, ctx: Ctx) -> bool:
    """Answers a knowledge-base question typed inside a form; False when it is none."""
    answer = engine.librarian.ask(ctx.incoming.text or "")
    if answer.topic is None or answer.topic.form is not None:
        return False
    place = engine.numbers.country_in(ctx.incoming.text)
    _say_in_form(engine, ctx, answer.topic, answer.lang, place)
    return True


def remind_paused(engine: Engine, ctx: Ctx) -> None:
    """Once the family's answer to an officer has reached the report, the form the officer's
    reply paused is one tap away; otherwise it waits, forgotten, until it expires."""
    conv = ctx.conversation
    if not ctx.data.get(PAUSED_FOR_OFFICER):
        return
    ctx.set_data(**{PAUSED_FOR_OFFICER: None})
    if conv.flow not in engine.forms or not conv.parked:
        return
    ctx.say(
        ctx._("Your form is still paused. Type *continue* when you want to go on with it."),
        [Button("cmd:resume", short(ctx._("Continue my form")))],
    )
