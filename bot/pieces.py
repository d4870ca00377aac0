"""A plea sent in pieces, a question asked in its context: the last few messages of a chat,
read together with the new one.

On WhatsApp people rarely send a story in one message. A mother writes "Pak", then "anak saya
di Malaysia", then "sudah 3 bulan tidak boleh pulang", then "hp nya diambil majikan": each
piece alone may say too little to be read as danger (the plea is in one, the harm in another,
the place in a third), and each would get an everyday answer. So the messages a person sent in
the last minutes are kept (`bot.context.PIECES_KEY`: up to 4, each for 10 minutes) and read
together with the new one. When the whole says someone is in danger, the chat answers the
whole: the numbers of the country an earlier piece named (the piece that says "tidak boleh
keluar" seldom says "Malaysia" too), and an urgent report that carries every piece, also when
the last piece alone would have been read as danger.

After the danger reply (`DANGER_KEY`, while the person goes on writing), each message is read
alone, so "iya pak" does not bring the reply again; what it adds to the story ("namanya Siti,
umurnya 25") is not met with unrelated choices but with the urgent report again, carrying the
danger message and everything after it.

The same whole answers a message that says too little to be answered alone: "biayanya
berapa?" after "saya mau daftar kerja ke korea", "trus gmn?" after "kontraknya habis bulan
depan". A message the engine answers by itself keeps its own answer, so a new question on
another subject is not pulled back to the old one. On 200 written chats (tests/data/
follow_ups.jsonl), the last message's top-1 rises 0.28 -> 0.77 for follow-ups and 0.45 -> 0.75
for questions cut into pieces, and stays 0.89 for new questions.

Measured on the real messages cut at their sentences into two to four pieces
(docs/benchmarks.md, stop 37), the rules read most pieces as well as the whole: reading them
together reaches 131 of 231 people in danger in the unread messages instead of 127 piece by
piece (125 as whole messages), for 136 alarms on 1,124 everyday ones instead of 130 (127).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from bot.companies.mention import named_company
from bot.context import PENDING_REPLY, PENDING_STORY, PIECES_KEY, Ctx
from bot.triage import Reading, Triage
from knowledge import chat_language
from knowledge.danger import fold_all
from knowledge.emergency import Country, EmergencyNumbers

DANGER_KEY = "danger_replied_at"
"""When the danger reply was last given, or the person last wrote after it."""
DANGER_PLACE_KEY = "danger_replied_for"
"""The country whose numbers that reply gave ("" for none) and the language it was read in: a
later message that says danger in the same place and language gets a short note, not the whole
list again (`Engine.answer`)."""
SEA_KEY = "danger_at_sea"
"""The danger reply was the one for a ship at sea, which asks for the ship's flag: "kapal nya
bendera taiwan" after it is that flag, not a new place whose land numbers to give (a danger
chat tester, stop 50)."""
CARED_KEY = "danger_cared"
"""The person wrote of wanting to die and was spoken to before the numbers, in this stretch of
writing after the danger reply: a wish to die told after the numbers for a beating gets those
words too, not "added to your report" (a chat tester, stop 45)."""
ANSWERED_KEY = "answered_last"
"""The topic last answered in full and when: the same topic read again minutes later ("hp nya
tidak aktif" after the answer on a family out of reach) is pointed to, not sent again whole."""
WINDOW = timedelta(minutes=10)
"""A piece older than this is another conversation, not part of the same plea."""
PLACE_ASKED_KEY = "where_to_turn_asked"
"""When "where to report" asked for the country or city: the place told next gets its numbers
("i am in malaysia" got "my answer is above": an English tester, stop 53)."""
MAX_PIECES = 4
"""Earlier messages read with the new one."""
STORY_PIECES = 12
"""Earlier messages a report opened now carries: a plea sent in many short messages ("tlg
sy", "sy dikunci d kamar", "sdh 2 hr gk dksh makan", "sy d riyadh", ...) kept only its last
four, and lost being locked in and unfed (a family danger tester, stop 53)."""
MAX_CHARS = 4000
"""The whole stays within what a report's story holds."""


def recent(stored: Any, now: datetime, limit: int = MAX_PIECES) -> list[str]:
    """The last `limit` earlier pieces still within the window, oldest first."""
    if not isinstance(stored, list):
        return []
    kept = []
    for item in stored[-limit:]:
        try:
            at = datetime.fromisoformat(str(item["at"]))
            if timedelta(0) <= now - at <= WINDOW:
                kept.append(str(item["text"]))
        except (KeyError, TypeError, ValueError):
            continue  # not a piece this code kept: let it go
    return kept


def within_window(stored: Any, now: datetime) -> bool:
    """A moment kept as ISO text lies within the window before `now`."""
    try:
        return timedelta(0) <= now - datetime.fromisoformat(str(stored)) <= WINDOW
    except (TypeError, ValueError):
        return False


def after_danger(stored: Any, now: datetime) -> bool:
    """The danger reply was given, and the person has kept writing since, within the window."""
    return within_window(stored, now)


def danger_place(country: Country | None, lang: str) -> str:
    """What `DANGER_PLACE_KEY` keeps: the country whose numbers were given, and the language."""
    return f"{country.code if country else ''}|{lang}"


def danger_place_given(stored: Any) -> tuple[str, str]:
    """The country code ("" for none) and the language `danger_place` kept."""
    code, _, lang = str(stored or "").partition("|")
    return code, lang


def answered(slug: str, lang: str, now: datetime, detail: bool = False) -> dict[str, object]:
    """What to keep after a topic's answer was given in full, and after its detail."""
    return {"slug": slug, "lang": lang, "at": now.isoformat(), "detail": detail}


def answered_just_now(stored: Any, now: datetime, lang: str | None) -> str | None:
    """The topic whose whole answer was given within the window, in this language (any, for
    None): it is still on the screen, in words the person reads (after "english please" it
    is not)."""
    if not isinstance(stored, dict) or not within_window(stored.get("at"), now):
        return None
    if lang is not None and stored.get("lang", lang) != lang:
        return None
    return str(stored.get("slug") or "") or None


def whole(pieces: list[str], text: str) -> str:
    """The pieces and the new message as one text, the newest kept whole when it is long."""
    joined = "\n".join((*pieces, text))
    return joined if len(joined) <= MAX_CHARS else joined[-MAX_CHARS:].split(None, 1)[-1]


def remembered(stored: Any, text: str, now: datetime) -> list[dict[str, str]]:
    """What to keep after this message: the pieces still within the window and this one."""
    items = [item for item in (stored if isinstance(stored, list) else []) if recent([item], now)]
    return [*items[-(STORY_PIECES - 1) :], {"text": text[:MAX_CHARS], "at": now.isoformat()}]


def read_in_context(
    triage: Triage, text: str, earlier: list[str], lang: str | None, replied_to_danger: bool = False
) -> Reading:
    """The new message read alone, or with the earlier pieces when the whole says danger or
    places a message that alone places nothing. A message read as danger by itself takes from
    the whole only its story (for the urgent report) and the country an earlier piece named.
    After the danger reply, a message is read alone and carries the whole story."""
    reading = triage.read(text, lang)
    if not earlier or reading.command is not None or reading.intent is not None:
        return reading
    story = whole(earlier, text)
    if replied_to_danger and not reading.urgent:
        return replace(reading, text=story)
    if reading.urgent:
        return replace(
            reading, text=story, country=reading.country or triage.numbers.country_in(story)
        )
    if not reading.places_nothing and triage.danger_of(story) is None:
        return reading  # the whole changes nothing: no need to rank its topics
    if _turns_to_its_own_place(triage, text, earlier, reading) and triage.danger_of(story) is None:
        # "what about salary in korea" after Malaysia and Japan: Korea's guess, not the
        # whole's Malaysia (a last regression tester, stop 54)
        return reading
    # answered in the language of the newest piece when its words tell one ("what should she
    # do now?" after pieces in Indonesian), else in the whole's
    together = triage.read(story, lang or chat_language(text, default="") or None)
    if together.urgent or (reading.places_nothing and together.topic is not None):
        # which company is asked for only when this message asks ("lupa namanya" after "cek pt"
        # is not asked again); a return is news when this message tells it ("alhamdulillah
        # anak sy dah pulang" after "anak sy gk jd brgkt": the whole denies it, the message not)
        return replace(
            together,
            company_asked=reading.company_asked,
            return_told=reading.return_told and not together.urgent,
            company=reading.company or _named_last(earlier, together.company),
        )
    return reading


def _named_last(earlier: list[str], named: str | None) -> str | None:
    """The company the latest piece names, where the whole names one: "izinnya smp kapan?"
    after two companies were checked got the first one's record (a register and company
    tester, stop 63)."""
    if named is None:
        return None
    return next((c for piece in reversed(earlier) if (c := named_company(piece))), named)


def _turns_to_its_own_place(
    triage: Triage, text: str, earlier: list[str], reading: Reading
) -> bool:
    """The message, guessed as a place's topic, names that place, and no earlier piece did."""
    if not reading.guessed or reading.topic not in triage.country_topics:
        return False
    place = triage.numbers.country_in(text)
    if place is None or place.topic != reading.topic:
        return False
    return all(triage.numbers.country_in(piece) is not place for piece in earlier)


def replied(reading: Reading) -> dict[str, object]:
    """The topics the first reply answered and offered, and whether it was the danger reply."""
    return {
        "answered": list(reading.answered),
        "offered": list(reading.shown_choices),
        "urgent": reading.urgent,
        "guessed": reading.guessed,
    }


def keep_story(ctx: Ctx, reading: Reading) -> None:
    """The message and what it got, kept so that pressing "Report" carries them."""
    ctx.set_data(**{PENDING_STORY: reading.text[:4000], PENDING_REPLY: replied(reading)})


def story_so_far(ctx: Ctx) -> str | None:
    """What a report opened now carries: every piece the person wrote in the last minutes
    ("ini sy inaq sri dr desa sakra", "anak sy nama nya baiq ani", "kerja d hongkong"), else
    the message kept when it was answered."""
    pieces = recent(ctx.data.get(PIECES_KEY), ctx.now, STORY_PIECES)
    kept = ctx.data.get(PENDING_STORY)
    if len(pieces) > 1:
        return whole(pieces[:-1], pieces[-1])
    return str(kept) if kept else None


ANOTHER_PLACE = frozenset(
    "klo kalo kalau kl kalu gimana gmn bagaimana bgmn gmna di d ke k yg yang dengan dgn sama sm "
    "brp berapa pak bu kak juga jg aja apa untuk utk negara ya trus terus kalau how about what "
    "in to the and for".split()
)
"""Besides a place, all "klo di malaysia?" or "how about korea?" says: the question before it,
asked of that place."""
ANOTHER_PLACE_WORDS = 6


def _only_a_place(
    text: str, numbers: EmergencyNumbers
) -> tuple[list[str], int, int, Country] | None:
    """The folded words, and where the one place is, of a message that says nothing else."""
    words = fold_all(text).split()
    named = numbers.places_named(text)
    if len(words) > ANOTHER_PLACE_WORDS or len(named) != 1:
        return None
    at, size, country = named[0]
    if not set(words[:at] + words[at + size :]) <= ANOTHER_PLACE:
        return None
    return words, at, size, country


PLACE_TOLD = ANOTHER_PLACE | frozenset(
    "i am im we are saya sy aku aq kami skrg sekarang lagi lg masih msh dia she he is my now "
    "here disini sini kerja working work".split()
)
"""Besides a place, all "i am in malaysia" or "sy d johor skrg" says."""


def place_told(text: str, numbers: EmergencyNumbers) -> Country | None:
    """The one place a short message tells and nothing else ("i am in malaysia", "d johor")."""
    words = fold_all(text).split()
    named = numbers.places_named(text)
    if len(words) > ANOTHER_PLACE_WORDS or len(named) != 1:
        return None
    at, size, country = named[0]
    return country if set(words[:at] + words[at + size :]) <= PLACE_TOLD else None


def asked_again_for(text: str, earlier: list[str], numbers: EmergencyNumbers) -> str | None:
    """ "klo di malaysia?" after "gaji di taiwan brp": the earlier piece with its place swapped
    for the new one ("gaji di malaysia brp"), to be read as a question of its own; None when
    the message says more than a place or no earlier piece named another."""
    place = _only_a_place(text, numbers)
    if place is None:
        return None
    words, at, size, country = place
    for piece in reversed(earlier):
        before = numbers.places_named(piece)
        if not before or _only_a_place(piece, numbers) is not None:
            continue  # "klo korea?" after "klo di malaysia?": the question before both
        if any(c.code == country.code for _, _, c in before):
            return None  # asked of this place already
        start, length, _ = before[0]
        folded = fold_all(piece).split()
        return " ".join([*folded[:start], *words[at : at + size], *folded[start + length :]])
    return None
