"""Whether a message to an open report is about its worker or about someone else: another of
the family named ("anak sy yg laki2 Hendra"), the worker's own kin or friend ("kakaknya yg jg
d malaysia"), a neighbour, or a person whose news was kept off the report minutes ago.

A family with a report open writes of everyone it worries about. News of a second child filed
on the first child's report misleads the officer and leaves the second without a report; so
what is plainly about someone else is kept off, with a *New report* one tap away.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Any

from bot import pieces
from bot.cases.hints import countries_in, family_words, kin_as_one_word
from bot.cases.service import cases_of
from bot.context import PENDING_STORY, Ctx
from bot.flows.common import NAME_TITLES
from bot.flows.report_opening import STORY_MAX
from bot.register.hints import MINE, WORKER_OF, kin_of_mine
from bot.store.models import Case
from knowledge.normalize import fold


def kin_named(text: str) -> str | None:
    """Who the writer is to the worker a message names ("adik sy Rini": 'kakak'), in the
    words `Case.reporter_relation` keeps; only "<kin> <mine>" counts, not "pak" or "ibu".
    Regional and English kin too ("bini sy", "my uncle": a wife's report kept no relation,
    and news of another was filed on it: a family-side tester, stop 56)."""
    words = family_words(kin_as_one_word(fold(text)).split())
    for first, second in pairwise(words):
        kin = kin_of_mine(first, second)
        if kin is not None:
            return kin
    return None


WHICH_OF_MINE = frozenset(
    "laki2 laki laki-laki lakilaki cowok cowo perempuan cewek cewe bungsu sulung kecil besar "
    "pertama kedua ketiga tua muda".split()
)
"""Which of the writer's it is, between kin and name ("anak sy yg laki2 Hendra")."""


ENGLISH_KIN_NAME = re.compile(
    r"\b[Mm]y (?:(?:younger|older|little|big|elder|other|youngest|eldest) )?(?:brother|sister|"
    r"son|daughter|cousin|nephew|niece|husband|wife|uncle|aunt),? ([A-Z][a-z]+)\b"
)


def name_after_kin(text: str) -> str | None:
    """A name written with its capital right after "<kin> <mine>" ("adik sy Rini di saudi"),
    also after which of them it is ("anak sy yg laki2 Hendra": a forms tester, stop 55)."""
    english = ENGLISH_KIN_NAME.search(text)
    if english:
        return fold(english.group(1))  # "my younger brother Joko wants to work in japan"
    raw = text.split()
    for at in range(len(raw) - 3):
        if fold(raw[at + 2]) in ("yg", "yang") and fold(raw[at + 3]) in WHICH_OF_MINE:
            raw = [*raw[: at + 2], *raw[at + 4 :]]
            break
    for at in range(len(raw) - 2):
        kin, mine, name = (fold(w) for w in raw[at : at + 3])
        if kin in WORKER_OF and mine in MINE and raw[at + 2][:1].isupper() and name.isalpha():
            return name if not raw[at + 2].isupper() else None  # "ANAK SY DI ...": shouted
    return None


def about_someone_else(
    case: Case, text: str, by_country: bool = True, others: frozenset[str] = frozenset()
) -> bool:
    """The message names another worker or another country than the open report's ("LAPOR
    adik sy Rini di saudi dipukul majikan" while Siti's report on Malaysia is open): news of
    someone else, for a report of its own. The report's worker named by name is the same
    person wherever the message places them; naming no one and nowhere is the report's.
    `by_country` False: another country alone does not make it someone else. `others`: names
    of people who are not the report's worker (`other_names`)."""
    words = fold(text).split()
    own_names = name_words(case)
    if own_names.intersection(words):
        return False
    if others.intersection(words):
        return True  # "sri d taichung", minutes after Sri's danger was kept off the report
    named = name_after_kin(text)
    if named is not None and own_names:
        return True
    countries = countries_in(text)
    if by_country and countries and case.country not in countries and case.country != "Indonesia":
        # a worker still in Indonesia is taken abroad, not someone else ("sponsornya mau bawa
        # dia ke malaysia malam ini" on a report kept as Indonesia: a last regression tester)
        return True
    if kin_of_the_worker_told(words, fold(case.story or "").split()):
        return True
    kin = kin_named(text)
    known = kin_of(case)
    return kin is not None and known is not None and kin != known


WORKERS_KIN = frozenset(
    "kakaknya adiknya abangnya suaminya istrinya ibunya bapaknya ayahnya sepupunya "
    "temannya temennya tetangga tetanggaku tetangganya neighbour neighbor".split()
)
"""The worker's own kin or friend ("kakaknya yg jg d malaysia ... dipukul majikan"): someone
else than the report's worker (the report was marked urgent as if she were beaten: a
danger-in-stories tester, stop 54). "anaknya" is left out: a family says it of the worker."""
ALSO = frozenset("jg juga jga also too".split())
TELLING = frozenset(
    "bilang blg cerita crita ngabarin kabarin kasih kasi ngasih bilangin ngomong nelpon telpon "
    "said says told tells called texted".split()
)
TELLER_REACH = 2
ALSO_REACH = 4


def kin_of_the_worker_told(words: list[str], story: list[str]) -> bool:
    """The message is about the worker's kin, a neighbour, or another of the writer's ("anak
    sy yg laki2 jg d malaysia": "yang ... juga" close after the kin; "anak sy jg dipukul" is
    the same child, beaten too). Kin the report's own story is about is its worker (an urgent
    report about "kakaknya": "kakaknya jg dipukul lg" was refused from it: stop 54)."""
    if any(
        word in WORKERS_KIN and word not in story and not tells_or_helps(words, at)
        for at, word in enumerate(words)
    ):
        return True
    if ANOTHER_OF_MINE.search(" ".join(words)):
        return True  # "anak sy yg satu lg d malaysia", "my other sister in taiwan"
    for at, word in enumerate(words):
        after = words[at + 1 : at + 1 + ALSO_REACH]
        if word in WORKER_OF and {"yg", "yang"} & set(after) and not ALSO.isdisjoint(after):
            return True
    return False


def tells_or_helps(words: list[str], at: int) -> bool:
    """The kin or friend at `at` tells of the worker or helps them ("temennya bilang mandor gk
    mau panggil ambulans", "dibawa ke klinik sm temennya"): the harm is the worker's (it was
    kept off her report: a family-side tester, stop 55)."""
    after = words[at + 1 : at + 1 + TELLER_REACH]
    return bool(TELLING.intersection(after)) or (at > 0 and words[at - 1] in BY_SOMEONE)


BY_SOMEONE = frozenset("sm sama oleh dengan dgn with by".split())
ANOTHER_OF_MINE = re.compile(
    r"\b(?:yg|yang) (?:satu|1) (?:lg|lagi|nya)\b|\b(?:yg|yang) lain(?:nya)?\b|"
    r"\bmy other (?:son|daughter|child|sister|brother|kid)\b|\b(?:my|our) (?:son|daughter|sister|"
    r"brother|husband|wife|mother|father) in \w+ also\b"
)
"""Another of the writer's, not the report's worker (an open-report tester, stop 54)."""


def kin_of(case: Case) -> str | None:
    """Who the family is to the report's worker: as its story names them ("anak sy ..."), else
    as the form kept it."""
    known = kin_named(case.story or "")
    if known is None and case.reporter_relation in WORKER_OF.values():
        known = case.reporter_relation
    return known


def name_words(case: Case) -> set[str]:
    """The words of the worker's name that tell them apart: not a title every Sasak man or
    woman bears ("Lalu", "Baiq": "anak sy yg laki2 ... namanya Lalu Rizki" was filed on Lalu
    Ahmad's report: an open-report tester, stop 54)."""
    titles = NAME_TITLES - {"siti"}  # "Siti" is a name: "siti juga dipukul skrg"
    return {w for w in fold(case.worker_name or "").split() if len(w) > 2 and w not in titles}


KEPT_APART_KEY = "kept_apart"
"""When news was last kept off a report as someone else's, and the names it gave."""


def keep_apart(ctx: Ctx, text: str) -> None:
    """News of someone else kept off the open report: it waits for *New report* (with what
    was kept apart minutes before, the same person's story), and the name it gives marks
    that person's next messages as theirs."""
    kept = _kept_lately(ctx)
    earlier = str(ctx.data.get(PENDING_STORY) or "") if kept else ""
    names = [str(n) for n in kept.get("names", [])] if kept else []
    named = name_after_kin(text)
    if named is not None and named not in names:
        names.append(named)
    story = f"{earlier}\n{text}" if earlier and text not in earlier else text
    ctx.set_data(
        **{
            PENDING_STORY: story[-STORY_MAX:],
            KEPT_APART_KEY: {"at": ctx.now.isoformat(), "names": names},
        }
    )


def other_names(ctx: Ctx, case: Case) -> frozenset[str]:
    """Names that are not the open report's worker: the workers of the family's other
    reports ("sri d taichung" with Sri's report resolved went to her brother's open one: a
    tester, stop 55), and the people whose news was kept off a report minutes ago."""
    names: set[str] = set()
    for other in cases_of(ctx.session, ctx.contact):
        if other.id != case.id:
            names |= name_words(other)
    kept = _kept_lately(ctx)
    if kept:
        names.update(str(n) for n in kept.get("names", []))
    return frozenset(names - name_words(case))


def _kept_lately(ctx: Ctx) -> dict[str, Any] | None:
    """What was kept off the open report, if that was minutes ago."""
    kept = ctx.data.get(KEPT_APART_KEY)
    if isinstance(kept, dict) and pieces.within_window(kept.get("at"), ctx.now):
        return kept
    return None


def kept_apart_lately(ctx: Ctx) -> bool:
    """News of someone else was kept off the open report minutes ago."""
    return _kept_lately(ctx) is not None
