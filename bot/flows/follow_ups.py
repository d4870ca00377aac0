"""A message under an answer or under choices, read as being about them.

People ask on from what they just read: "trus?" wants the rest of it, "visanya brp" one thing
in it, "uangnya bisa balik gk?" points back at it with "-nya", "klo di malaysia?" asks the
same of another place, "lapor kmn?" where to turn from where the answer was about. Each gets
what it asks for; none gets "sorry" or "my answer is above" when the answer holds more.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from bot import pieces, replies
from bot.answers import for_place
from bot.cases.hints import categories_in
from bot.context import Ctx
from bot.flows.case_thread import ACKS, asks_what_next
from bot.flows.common import name_in
from bot.triage import (
    DESTINATIONS_TOPIC,
    FORM_TOPICS,
    Reading,
    asks_for_more,
    asks_the_number,
    asks_where_to_turn,
    speaks_of_no_death,
)
from knowledge.emergency import EMERGENCY_TOPIC, Country, Line
from knowledge.normalize import fold
from knowledge.passages import LINE_LABEL, answering_lines

if TYPE_CHECKING:
    from bot.engine import Engine

FOLLOW_UP_WORDS = 6
"""A follow-up that points back at the answer ("uangnya bisa balik gk?") is this short."""
NOT_POINTING = frozenset(
    "sebenarnya sebenernya sbnrnya sbnernya biasanya katanya rupanya akhirnya pokoknya "
    "misalnya kayaknya sepertinya harusnya seharusnya semestinya mestinya soalnya makanya "
    "emangnya memangnya tampaknya nampaknya agaknya kiranya lainnya selanjutnya sebelumnya "
    "setelahnya sesudahnya terutamanya kiranya".split()
)
"""Words that end in "-nya" and point at nothing: "brp sebenernya biaya resmi ke jepang"
after the broker answer asks the official cost, not the broker's lines (a family chat
tester, stop 48)."""
AMOUNT_ASKED = frozenset("berapa brp brapa brpa berape brape pire much kisaran".split())
PAY_NAMED = frozenset("gaji gajinya gajine gajiny salary wage wages upah upahnya".split())
"""The pay named in a question of how much ("gajinya brp"), which asks an amount and tells no
problem with the wages ("gajinya gk d bayar" does)."""


def about_a_line(
    engine: Engine,
    ctx: Ctx,
    reading: Reading,
    place: Callable[[], Country | None],
    asks: Callable[[], bool],
    just_given: Callable[[], Sequence[tuple[Country | None, Line]]] = tuple,
) -> bool:
    """A short question about a listed line ("1955 itu gratis gk?" got a stray step of the
    wage answer; "999 itu gratis gk?" in Singapore the placement fees; after the danger reply,
    "0800-1000 bisa d telpon dr malaysia?" the whole reply again: chat testers, stop 50): what
    the list says of it. A three-digit number is read as the line of the place the chat is
    about (`place`, asked only then)."""
    text = ctx.incoming.text or ""
    if reading.urgent or len(text.split()) > LINE_ASKED_WORDS:
        return False
    # a three-digit number is read for the place: looked up only where one may be typed
    where = place() if any(ch.isdigit() for ch in text) else None
    named = engine.numbers.lines_named(text, where)
    words = fold(text).split()
    if not named and only_of_a_line(words) and (given := just_given()):
        named = list(given)  # "itu gratis gk?" under an answer that gave numbers
    elif not named or len(named) > LINES_ASKED:
        return False
    if not asks():
        return False
    replies.lines_asked(ctx, engine.numbers, named)
    return True


LINE_FACTS = frozenset(
    "gratis free bayar berbayar biaya biayanya cost pulsa jam buka bahasa language wa whatsapp "
    "24".split()
)
LINE_FACT_WORDS = 6
LINE_QUESTION_WORDS = LINE_FACTS | frozenset(
    "itu ini tsb tersebut it that this those these nomor nomer number numbers nya semua all "
    "indonesia inggris english indonesian gk ga gak nggak tidak tdk apa apakah ya pak bu kak "
    "min bisa boleh is are do does they sih kah dong juga jg".split()
)
"""A question this short about what a line costs, when it answers or in what language ("itu
gratis gk?", "bisa bahasa indonesia?"), saying nothing else, under an answer that gave
numbers, is about them: "brp sebenernya biaya resmi ke jepang" or "buat splp itu gratis gk?"
ask about something else."""


def only_of_a_line(words: Sequence[str]) -> bool:
    return (
        0 < len(words) <= LINE_FACT_WORDS
        and bool(LINE_FACTS.intersection(words))
        and set(words) <= LINE_QUESTION_WORDS
    )


LINES_ASKED = 3
LINE_ASKED_WORDS = 12
"""A question this short naming up to three listed lines (by number or a name only they have)
asks about them."""


def under_an_answer(
    engine: Engine,
    ctx: Ctx,
    reading: Reading,
    here: Country | None,
    earlier: list[str],
    just_answered: str | None,
    asks: Callable[[], bool],
) -> bool:
    """What now, what should she do, or where to turn, asked under an answer or choices:
    True when it was answered here."""
    text = ctx.incoming.text or ""
    topics = engine.librarian.topics
    # the place this message or the story before it names ("sy kerja d riyadh ...", then
    # "trs sy hrs gmn?": Riyadh's, not Hong Kong's paragraph; a chat tester, stop 49)
    here = here or engine.numbers.country_in(pieces.whole(earlier, text))
    if reading.intent == "help" and just_answered and asks():
        # "what should she do?" under an answer asks about that answer, not for the menu;
        # asked in another language, the answer again in it
        stored = ctx.data.get(pieces.ANSWERED_KEY)
        if pieces.answered_just_now(stored, ctx.now, reading.lang):
            _detail_of(engine, ctx, just_answered, reading, here)
        else:
            engine.answer_topic(ctx, just_answered, reading.lang, place=here)
        return True
    if not reading.urgent and asks_what_next(fold(text).split()):
        # "trus?" under an answer: its detail, though the story before it leans elsewhere;
        # under choices: the choices again; never "sorry, I do not know"
        if just_answered:
            _detail_of(engine, ctx, just_answered, reading, here)
            return True
        offered = [b.removeprefix("topic:") for b in ctx.previous_options if b[:6] == "topic:"]
        if offered:
            replies.offer(ctx, topics, offered, reading.lang)
            return True
    if (
        not reading.urgent
        and reading.intent is None  # "lapor ke petugas desa bayar brp?": what it costs
        # "mau tanya cara lapor ke disnaker" read as our report opened its form (stop 53)
        and (earlier or just_answered or reading.topic in (None, FORM_TOPICS["report"]))
        and (asks_where_to_turn(text) or ((earlier or just_answered) and asks_the_number(text)))
    ):
        # "lapor kmn?" after the Taiwan wage answer: Taiwan's numbers, not the answer again;
        # a place one goes to or comes from ("lowongan k jepang") is not where one is. A
        # first message the knowledge base answers ("nomor kbri malaysia brp") keeps it
        where = engine.numbers.where_now([*earlier, text])
        replies.where_to_turn(ctx, engine.numbers, where)
        return True
    return False


def of_another_place(
    engine: Engine, ctx: Ctx, reading: Reading, earlier: list[str], chosen: str | None
) -> Reading:
    """ "klo di malaysia?" after "gaji di taiwan brp": that question, of Malaysia, answered in
    full even when its topic is the one just answered (for another place)."""
    text = ctx.incoming.text or ""
    again = None if reading.urgent else pieces.asked_again_for(text, earlier, engine.numbers)
    if again is None:
        return reading
    reading = replace(engine.triage.read(again, chosen or reading.lang), text=text)
    ctx.reading = reading
    ctx.set_data(**{pieces.ANSWERED_KEY: None})
    return reading


def of_the_place_told(
    engine: Engine, ctx: Ctx, reading: Reading, place: Country | None, here: Country | None
) -> bool:
    """A question naming no place, after a place was told ("cara ke jepang", then "gajinya
    brp"), whose words alone lean to another destination's topic (the one with wage figures,
    Hong Kong's and Taiwan's): the told place's lines that hold it, with that other topic one
    tap away (a chat tester, stop 52). True when it was answered here."""
    if reading.urgent or reading.command or reading.company or reading.intent:
        return False
    if place is None or here is not None or reading.country is not None:
        return False
    if reading.topic not in engine.triage.country_topics:
        return False
    own = place.topic or DESTINATIONS_TOPIC
    if own == reading.topic:
        return False
    lines = _lines(engine, own, reading, ctx.incoming.text or "")
    if lines:
        replies.answering_lines(
            ctx, engine.librarian.topics, own, reading.lang, lines, reading.topic
        )
    else:
        # "gajinya brp" after Saudi Arabia or Kuwait was named: not in our data for there,
        # not Hong Kong's and Taiwan's figures (a regression tester, stop 52)
        replies.not_known_there(ctx, engine.librarian.topics, place, own, reading.topic)
    return True


REPEAT_ASKED = re.compile(
    r"^(?:(?:bisa|bs|tolong|tlg|mohon|pak|bu|kak|min|coba|can you|could you|please|pls) )*"
    r"(?:di ?|d )?(?:ulang|ulangi|ulangin|ulangi lagi|ulang lagi|kirim lagi|kirim ulang|"
    r"sekali lagi|repeat|repeat it|again|say again|send again)"
    r"(?: (?:gk|gak|ga|nggak|tidak|dong|ya|pak|bu|kak|min|lagi|jawabannya|jawaban nya|please|"
    r"pls|that|nomornya|nomor nya|nomernya|nomer nya|nomor|nomer|numbers|the numbers))*$"
)
"""The answer asked for again ("bs d ulang gk?", "tolong kirim lagi", "can you repeat"): it is
sent again whole, not pointed at above."""


def asks_to_repeat(text: str) -> bool:
    return REPEAT_ASKED.match(fold(text).strip()) is not None


def about_the_answer(
    engine: Engine,
    ctx: Ctx,
    reading: Reading,
    just_answered: str | None,
    here: Country | None = None,
) -> bool:
    """A short follow-up that points back with "-nya" ("uangnya bisa balik gk?" after the
    broker answer) asks about the answer just given, though alone its words lean to another
    topic (failed departures): the lines of that answer that hold it, with the other topic
    one tap away."""
    text = ctx.incoming.text or ""
    words = fold(text).split()
    if here is not None and here.topic != just_answered:
        return False  # "kalau ke taiwan gajinya brp" after Malaysia's answer: Taiwan's
    if (
        just_answered is None
        or reading.urgent
        or reading.command is not None
        or reading.company is not None
        or reading.topic in (None, just_answered)
        or len(words) > FOLLOW_UP_WORDS
        or not any(_points_back(w, words) for w in words)
        or _tells_a_problem(words)  # "paspornya ditahan agen": a new problem, not a follow-up
    ):
        return False
    lines = _lines(engine, just_answered, reading, text)
    if lines:
        replies.answering_lines(
            ctx, engine.librarian.topics, just_answered, reading.lang, lines, reading.topic
        )
    return bool(lines)


def _points_back(word: str, words: list[str]) -> bool:
    """A "-nya" word pointing at the answer just given ("uangnya", "biayanya"); "caranya" in a
    message that names what it is the way of ("kalau sy pindah majikan gmn caranya", after the
    violence answer, got that answer's one line on changing employers: a chat tester, stop
    59) points at that, and only a short "caranya gmn?" at the answer."""
    if len(word) <= len("nya") + 2 or not word.endswith("nya") or word in NOT_POINTING:
        return False
    return word != "caranya" or len(words) <= WAY_ALONE_WORDS


WAY_ALONE_WORDS = 3


def _detail_of(
    engine: Engine, ctx: Ctx, slug: str, reading: Reading, place: Country | None
) -> None:
    """The detail of the answer just given, for the place the chat has named."""
    replies.answered_above(
        ctx,
        engine.librarian.topics,
        slug,
        reading.lang,
        place=place,
        more=True,
        places=engine.place_names,
    )


def same_topic(engine: Engine, ctx: Ctx, reading: Reading, place: Country | None) -> None:
    """The topic just answered, read again from a follow-up: nothing for an acknowledgement,
    the lines that hold one thing asked ("visanya brp"), else its detail or a pointer."""
    slug = reading.topic or ""
    last = reading.text.rsplit("\n", 1)[-1]
    if slug == EMERGENCY_TOPIC and place is not None and not reading.urgent:
        # "anak sy d arab" after the numbers asked with no country ("nomor kbri nya brp pak")
        # got "my answer is above" (a danger chat tester, stop 51): that place's numbers
        engine.answer_topic(ctx, slug, reading.lang, reading.offered, place=place)
        return
    if not reading.urgent and name_in(last) and not engine.looks_like_question(last):
        replies.details_noted(ctx)  # "her name is Nurhayati from Desa Kuripan"
        return
    lines = [] if reading.urgent else _lines(engine, slug, reading, last)
    if place is not None and lines:
        # "buat splp itu gratis gk?" from a worker in Kuwait got Taiwan's line (a chat tester,
        # stop 49): lines led by other places are left out, unless nothing else is left
        names = tuple(n.lower() for n in place.name.values())
        lines = for_place("\n".join(lines), names, engine.place_names, kept=1).split("\n")
    topics = engine.librarian.topics
    if set(fold(last).split()) <= ACKS:
        ctx.say(ctx._("Type *menu* to see what I can do."))  # "oh ok": nothing asked
    elif lines:
        # "visanya brp" after the Japan answer: the lines that hold the visa fee
        replies.answering_lines(
            ctx, topics, slug, reading.lang, lines, first_alone(engine, reading)
        )
    elif not reading.urgent:  # after the danger reply or note, the pointer is noise
        replies.answered_above(
            ctx,
            topics,
            slug,
            reading.lang,
            first_alone(engine, reading),
            place,
            asks_for_more(last) or asks_what_next(fold(last).split()),
            engine.place_names,
        )


def _tells_a_problem(words: list[str]) -> bool:
    """A problem the follow-up tells ("paspornya ditahan agen"), not only the pay whose amount
    it asks ("gajinya brp" under Malaysia's answer got Hong Kong's and Taiwan's wages: a chat
    tester, stop 52)."""
    if AMOUNT_ASKED.intersection(words):
        words = [w for w in words if w not in PAY_NAMED]
    return bool(categories_in(" ".join(words)))


def _lines(engine: Engine, slug: str, reading: Reading, last: str) -> list[str]:
    """The lines of the topic just answered that hold what a follow-up asks about."""
    topic = engine.librarian.topics.get(slug)
    if topic is None or asks_for_more(last):
        return []  # "mhn d jelaskn lbh detail": the whole detail
    living = speaks_of_no_death(last)
    lines = answering_lines(topic, reading.lang, last, engine.normalizer, living=living)
    where = reading.country or engine.numbers.country_in(reading.text)
    return [line for line in lines if not _of_another_place(engine, line, where)]


def _of_another_place(engine: Engine, line: str, where: Country | None) -> bool:
    """A line labelled with a place the chat is not about ("Hong Kong: Hotline Labour
    Department ..." after unpaid wages in Malaysia: a danger regression tester, stop 54)."""
    label = LINE_LABEL.match(line)
    if label is None or where is None:
        return False
    named = engine.numbers.country_in(label.group(0))
    return named is not None and named.code != where.code


def first_alone(engine: Engine, reading: Reading) -> str | None:
    """What the last message alone is most likely about, when it was read in its context as
    the topic just answered ("syaratnya apa aja" after the Hong Kong answer, which has no
    requirements): one tap away beside the pointer. Answering it outright would often be
    wrong: alone, "dimana ngurusnya" after the KUR answer leans to village services."""
    last = reading.text.rsplit("\n", 1)[-1]
    if asks_what_next(fold(last).split()):
        return None  # "terus gimana?" alone leans nowhere: the topic's detail, not noise
    alone = engine.triage.read(last, reading.lang)
    return next(
        (
            s
            for s in (alone.shown_topic, *alone.shown_choices)
            if s and s not in (reading.topic, EMERGENCY_TOPIC)
        ),
        None,
    )
