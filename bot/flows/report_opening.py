"""What a report starts from: the message it was opened with, read for what the form need not
ask again (who writes, the worker's name, the country, the problems, the village), and the
pieces of the story told at other steps."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from bot.cases.hints import categories_in
from bot.context import Ctx
from bot.flows.common import country_guessed, held_in_indonesia, name_in, named_after_relation
from bot.flows.report_labels import reporter_of
from bot.register.hints import writer_relation
from bot.triage import DEATH_TO_BE_TOLD
from knowledge.danger import Danger
from knowledge.danger_model import read_danger
from knowledge.emergency import at_home
from knowledge.normalize import fold

STORY_MAX = 4000
LITTLE_SAID = frozenset(
    "sy saya aku aq kami mau ingin pengen mo lapor melapor laporan mengadu ngadu aduan pak bu "
    "kak min tolong tlg mohon soal tentang ttg masalah ada ini itu dong ya calo agen sponsor pt "
    "perusahaan yg yang".split()
)
"""The words of "sy mau lapor calo": a wish to report and what about, not a story."""
ADDED_KEY = "story_added"
"""What the family wrote about the case outside the story step: added to the story sent."""


def add_to_story(ctx: Ctx, text: str) -> None:
    """Keeps a piece of the story typed at another step, once."""
    added = [str(t) for t in ctx.data.get(ADDED_KEY) or []]
    if text and (not added or added[-1] != text):
        ctx.set_data(**{ADDED_KEY: [*added, text][-20:]})


def whole_story(data: dict[str, Any]) -> str:
    """The story and every piece added to it, within what a report holds."""
    added = [str(t) for t in data.get(ADDED_KEY) or []]
    return "\n".join([str(data.get("story") or ""), *added]).strip()[:STORY_MAX]


def country_of_the_story(ctx: Ctx, opening: str) -> str | None:
    """Where the story places the worker now. Held at home on the way, or about to be sent
    ("d sekap agen d penampungan d surabaya, mau d kirim ke saudi", "d bawa calo ke mataram,
    mau d berangkatkan ke malaysia minggu depan"), they are in Indonesia: the form had
    guessed the destination, and later danger got its numbers (a family-side tester, stop
    56)."""
    numbers = ctx.engine.numbers
    guessed = country_guessed(ctx, opening)
    if numbers.where_to_dial(opening) is None:
        sent_later = at_home(opening) and numbers.intended_place(opening) is not None
        home = held_in_indonesia(opening) or ("Indonesia" if sent_later else None)
        if home is not None:
            return home
    return guessed or held_in_indonesia(opening)


DANGER_PROBLEMS = {
    "held": "violence",  # unless the passport held says how (`problems_told`)
    "violence": "violence",
    "starved": "violence",
    "sexual": "violence",
    "threat": "violence",
    "illness": "illness_death",
}
"""The problem a danger read in the story is, first among those its words name: a worker
locked in by a drunk employer, who had first asked about pay, was proposed "unpaid wages"
(a regression tester, stop 62). Trafficking, detention and a wish to die have no one
problem of the list: the words decide."""


def problems_told(opening: str) -> list[str]:
    """The problems the story names, the danger it tells first; a death at home the missing
    worker must hear of is not the worker's ("gk ada kabar 3 bulan, bapaknya baru meninggal,
    dia blm tau" proposed "Sakit atau meninggal": a regression tester, stop 56)."""
    return _problems(opening, read_danger(opening) if opening else None)


def _problems(opening: str, danger: Danger | None) -> list[str]:
    """`problems_told`, with the danger the story was read to tell (read once by `prefill`)."""
    found = categories_in(opening)
    if "lost_contact" in found and DEATH_TO_BE_TOLD.search(fold(opening)):
        found = [c for c in found if c != "illness_death"]
    told = DANGER_PROBLEMS.get(danger.kind) if danger is not None else None
    if danger is not None and danger.kind == "held" and "documents" in found:
        told = None  # "paspor ditahan majikan, ndek bau ulek": the documents held say it
    return list(dict.fromkeys([told, *found])) if told else found


def prefill(ctx: Ctx, opening: str, reply: dict[str, object] | None = None) -> None:
    """The opening message is the story; what it names is confirmed, not asked again. `reply`
    is what the assistant gave it, kept with the case."""
    relation = writer_relation(opening)
    if relation is not None and not ctx.data.get("reporter"):
        # "anak sy ...": a family member (a parent) writes, not the worker; confirmed at the
        # summary, where it can be changed
        reporter = reporter_of(relation)
        ctx.set_data(reporter=reporter, relation=relation if reporter != "self" else None)
    told = [w for w in fold(opening).split() if w not in LITTLE_SAID]
    danger = read_danger(opening) if opening else None  # read once: the problem, the urgency
    ctx.set_data(
        opening=opening,
        opening_reply=reply,
        # "sy mau lapor calo" says what about, not what happened: the story is asked
        story=opening[:STORY_MAX] if len(told) >= 2 else None,
        # a piece that names nothing keeps what an earlier one named ("dia dah ketuk pintu"
        # after "kat kuala lumpur" dropped Malaysia: a regression tester, stop 62)
        country_guess=country_of_the_story(ctx, opening) or ctx.data.get("country_guess"),
        categories_guess=_problems(opening, danger) or None,
        village_guess=village_in(ctx, opening) or ctx.data.get("village_guess"),
        # the name after who the worker is to the writer first: "calo namanya Amaq Junaidi
        # ... adik sy Rudi Hartono" proposed the broker (a family chat tester, stop 51)
        name_guess=named_after_relation(opening) or name_in(opening) or ctx.data.get("name_guess"),
    )
    if danger is not None and not ctx.data.get("urgent"):
        ctx.set_data(urgent=True)
        ctx.engine.emergency(ctx)


def guesses_from_earlier(ctx: Ctx, told: Sequence[str]) -> None:
    """What the chat told before the report was asked for ("namanya siti aminah, dr desa
    sukamulia" under the answer, then *Report*): confirmed, not asked again, where the
    opening named none (a chat tester, stop 53)."""
    newest_first = list(reversed(told))
    found = {
        "name_guess": next(
            (n for piece in newest_first if (n := named_after_relation(piece) or name_in(piece))),
            None,
        ),
        "village_guess": next((v for piece in newest_first if (v := village_in(ctx, piece))), None),
        "country_guess": next(
            (c for piece in newest_first if (c := country_guessed(ctx, piece))), None
        ),
    }
    ctx.set_data(**{key: value for key, value in found.items() if value and not ctx.data.get(key)})


def village_in(ctx: Ctx, text: str) -> str | None:
    """A village named after 'desa'/'dari' that the directory knows without doubt."""
    found = re.search(r"\b(?:desa|ds|dari|kampung)\.?\s+([A-Za-z][A-Za-z ]{2,40})", text, re.I)
    if not found:
        return None
    words = found.group(1).split()
    for n in (3, 2, 1):
        matches = ctx.engine.villages.search(" ".join(words[:n]))
        if (
            matches
            and matches[0].score >= 95
            and (len(matches) == 1 or matches[0].score - matches[1].score >= 4)
        ):
            return matches[0].village.code
    return None
