"""Reads a choice whether the user pressed a button, typed its number or typed its label."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from rapidfuzz import fuzz

from bot.types import Button, Row
from knowledge.normalize import fold

MAX_TITLE = 20
YES_ID, NO_ID = "opt:yes", "opt:no"
YES_WORDS = frozenset(
    "ya iya iyaa iyah iye yoi yes y ok oke okay okey boleh setuju bisa baik benar bener betul "
    "betull siap sip yup yap yaudah yawdah nggih enggih inggih nggeh injih iy aok iyo".split()
)
"""With the polite Sasak (and Javanese) yes, "nggih" (a chat tester's Sasak family, stop 45),
and the Sasak "aok" (a chat tester, stop 46)."""


def says_yes(text: str | None) -> bool:
    """A bare yes, with the words said beside one ("ya udh", "ok lanjut", "iya pak")."""
    said = set(fold(text or "").split()) - ADDRESS
    return bool(said) and said <= YES_WORDS | YES_BESIDE and bool(said & (YES_WORDS | GO_ON))


GO_ON = frozenset("lanjut lanjutkan lanjutin gas gass gaskan gaskeun".split())
"""Go on: a yes where yes or no is asked."""
YES_BESIDE = GO_ON | frozenset("udh udah sudah dah deh aja saja dong silakan silahkan".split())
"""Words said beside a yes ("ya udh", "ok lanjut") that keep it a yes."""
NO_WORDS = frozenset(
    "tidak tdk gak ga gk g nggak ngga enggak engga ndak no nope bukan jangan jgn ndek ndeq "
    "endek ndk wati nenten "
    # chat spellings asked again alone (a regression tester, stop 56)
    "ngk gx nda kagak ora ogah".split()
)
"""With the Sasak "ndek" and the Mbojo "wati" (both got "choose one" at the consent step: a
chat tester, stop 47)."""
THERE_IS = frozenset(("ada", "mau", "usah", "jadi"))
"""Beside a no, "there is" keeps it a no: "gk ada pak" to "is someone in danger?"."""
ADDRESS = frozenset(
    "pak bu kak bang mas mbak min sir dong deh aja saja sih kalo kalau klo gitu begitu".split()
)
"""Words around a yes or a no that change nothing: "iya pak", "betul kak", "setuju aja deh
kalo gitu" (kept as the report's story: a tester, stop 57)."""
FEW_WORDS = 8
"""An answer this short that names one option whole is that choice with a few words around
it ("caregiver ke jepang"); a longer message may be a story that names it in passing."""
ASIDE = re.compile(r"[()]")
CLAUSE_END = re.compile(r"[,.;:!?\n]| - ")
"""Where a yes or a no typed first ends and its reason begins."""


def short(title: str, limit: int = MAX_TITLE) -> str:
    """A button title within the platform limit, cut at a word where possible."""
    title = " ".join(title.split())
    if len(title) <= limit:
        return title
    cut = title[: limit - 1].rsplit(" ", 1)[0] if " " in title[: limit - 1] else title[: limit - 1]
    return cut.rstrip(",.;:-") + "…"


NUMBER_WORDS = {
    **dict.fromkeys(("satu", "pertama", "kesatu", "first", "one", "atas", "top"), 1),
    **dict.fromkeys(("dua", "kedua", "second", "two"), 2),
    **dict.fromkeys(("tiga", "ketiga", "third", "three"), 3),
    **dict.fromkeys(("empat", "keempat", "fourth", "four"), 4),
    **dict.fromkeys(("lima", "kelima", "fifth", "five"), 5),
    **dict.fromkeys(("enam", "keenam", "sixth", "six"), 6),
    **dict.fromkeys(("tujuh", "ketujuh", "seventh", "seven"), 7),
    **dict.fromkeys(("delapan", "kedelapan", "eighth", "eight"), 8),
    **dict.fromkeys(("sembilan", "kesembilan", "ninth", "nine"), 9),
}
"""A choice typed in words ("yg kedua", "the second one", "yg paling atas"): the testers of
follow-ups (stop 64) got a new, unrelated menu for each."""
BEFORE_A_NUMBER = frozenset(
    "yg yang the pilih pilihan no nomor nomer nmr nr number option opsi choice ke paling "
    "jawaban jwbn".split()
)
AFTER_A_NUMBER = frozenset("aja saja pak bu kak one dong ya deh itu nya please pls min".split())
ATTACHED_KE = re.compile(r"^ke(\d{1,2})$")


LAST_CHOICE = re.compile(
    r"^(?:(?:yg|yang|the|pilih|pilihan|no|nomor) )*(?:paling )?(?:terakhir|bawah|last)"
    r"(?: (?:aja|saja|pak|bu|kak|dong|ya|one|sendiri))*$"
)
"""The last choice asked for in words ("yg terakhir", "the last one", "yg paling bawah")."""


def typed_last(text: str | None) -> bool:
    return LAST_CHOICE.match(fold(text or "")) is not None


def typed_choice(text: str | None, count: int) -> int | None:
    """The number of the choice a message picks among `count` shown: typed as a number or in
    words, or the last one asked for ("yg terakhir")."""
    number = typed_number(text)
    if number is None and count and typed_last(text):
        return count
    return number


def typed_number(text: str | None) -> int | None:
    """The number a message is, as people type a choice ("2", "2.", "2)", "no 3", "yg ke-5",
    "yg kedua", "pilihan 1", "the second one", "yg paling atas"); None otherwise."""
    stripped = (text or "").strip().rstrip(".)")
    if stripped.isascii() and stripped.isdigit():
        return int(stripped)
    words = fold(stripped).split()
    if not words or len(words) > FEW_WORDS:
        return None
    for at, word in enumerate(words):
        attached = ATTACHED_KE.match(word)
        if attached is not None:
            word = attached.group(1)
        number = int(word) if word.isdigit() and len(word) <= 2 else NUMBER_WORDS.get(word)
        if number is None:
            if word not in BEFORE_A_NUMBER:
                return None
            continue
        if word in ("atas", "top") and (at == 0 or words[at - 1] not in ("paling", "the", "yg")):
            return None  # "atas" alone is "above", not the first
        if set(words[at + 1 :]) <= AFTER_A_NUMBER:
            return number
        return None
    return None


def choose(
    text: str | None,
    button: str | None,
    options: list[Button] | list[Row] | tuple[Button | Row, ...],
    remembered: list[str] | None = None,
) -> str | None:
    """The id of the chosen option, or None when the input is not one of them."""
    ids = [o.id for o in options]
    if button and button in ids:
        return button
    if not text:
        return None
    numbered = remembered if remembered else ids
    n = typed_choice(text, len(numbered))
    if n is not None:
        if 1 <= n <= len(numbered) and numbered[n - 1] in ids:
            return numbered[n - 1]
        return None
    folded = fold(text)
    if not folded:
        return None
    words = set(folded.split())
    said = words - ADDRESS
    if YES_ID in ids and says_yes(text):
        return YES_ID  # "ya udh", "ok lanjut", "gas" (a forms tester, stop 65)
    if NO_ID in ids and said & NO_WORDS and said <= NO_WORDS | THERE_IS:
        return NO_ID  # "tidak", and "gk ada pak" (there is none: a chat tester, stop 46)
    if not QUESTION_WORDS.isdisjoint(words) and not NEGATORS.isdisjoint(words):
        return None  # "kalo gk boleh gmn?": asked what follows a no, not said (stop 57)
    negated = _negated_options(folded.split(), options)
    if negated:
        # "gk setuju", "do not delete", "ga usah kirim", "ngk boleh": never the option refused
        # (consent given, data deleted, a report sent: two testers, stop 56)
        if YES_ID in negated and NO_ID in ids and len(said) <= FEW_WORDS:
            return NO_ID
        options = tuple(o for o in options if o.id not in negated)
        ids = [o.id for o in options]
        left = set(fold(options[0].title).split()) if len(options) == 1 else set()
        if left & (NEGATORS | KEEPING) and len(said) <= FEW_WORDS:
            return ids[0]  # "do not delete": the one answer left says no, keep
        if not options:
            return None
    head = set(fold(CLAUSE_END.split(text, maxsplit=1)[0]).split()) - ADDRESS
    if head and head != said and YES_ID in ids and head <= YES_WORDS:
        return YES_ID  # "betul, terakhir dia bilang ...": the yes, then why
    if head and head != said and NO_ID in ids and head & NO_WORDS and head <= NO_WORDS | THERE_IS:
        return NO_ID  # "tidak, dia aman cuma mau pulang" (asked again: stop 50)
    containing = [o.id for o in options if words <= set(fold(o.title).split())]
    if len(containing) == 1:
        return containing[0]
    # a sentence naming one option whole ("saya mau belajar bahasa korea biar bisa kerja di
    # korea"): its words are all there, and no other option's are (never yes or no, which a
    # sentence says in passing)
    named = [
        o.id
        for o in options
        if o.id not in (YES_ID, NO_ID)
        and len(set(fold(o.title).split())) >= 2
        and set(fold(o.title).split()) <= words
    ]
    if len(named) == 1:
        return named[0]
    # a short answer naming one option by its name or the name in brackets ("caregiver ke
    # jepang" for "Caregiver (perawat)"), even where another word touches another option
    # ("jepang" in "Bahasa Jepang")
    whole = [o.id for o in options if o.id not in (YES_ID, NO_ID) and _named_in(o.title, words)]
    if len(whole) == 1 and len(words) <= FEW_WORDS:
        return whole[0]
    if _in_doubt(text, words):
        return None  # "setuju gk ya", "apa harus setuju?": asked, not chosen (stop 57)
    telling = {w for w in words if len(w) >= 4}
    sharing = [o.id for o in options if telling & set(fold(o.title).split())]
    if len(sharing) == 1 and len(words) <= 4:
        return sharing[0]
    best, best_score = None, 0.0
    for option in options:
        title = fold(option.title)
        if folded == title or folded == fold(option.id.split(":")[-1]):
            return option.id
        score = fuzz.ratio(folded, title)
        if score > best_score:
            best, best_score = option.id, score
    return best if best_score >= 85 else None


NEGATORS = NO_WORDS | frozenset(
    "belum blm blom belom tak not dont don never cannot cant usah endak kurang".split()
)
"""Words that turn an option's own words around: "gk setuju", "i dont agree", "gk boleh pak",
"gk bahaya", "do not delete" were read as the option they negate (consent given, a report
shared with the village, a danger marked, data deleted: two testers, stop 56)."""
NEGATION_REACH = 3
"""How far after a word of no an option's word is the one refused ("ga usah dikirim dulu")."""
KEEPING = frozenset("keep simpan tetap stay".split())
"""An option that keeps: the one answer left when the other is refused ("No, keep")."""


def _negated_options(words: list[str], options: Sequence[Button | Row]) -> set[str]:
    """Options one of whose words follows a word of no within `NEGATION_REACH`, unless the
    option says that no itself ("Tidak tahu", "Jangan dibagikan")."""
    if NEGATORS.isdisjoint(words):
        return set()
    refused: set[str] = set()
    for option in options:
        title = fold(option.title).split()
        own = {_neg(a) + " " + b for a, b in pairwise(title)}
        for at, word in enumerate(words):
            if word not in NEGATORS:
                continue
            for after in words[at + 1 : at + 1 + NEGATION_REACH]:
                if after in NEGATORS or len(after) < 3 or after not in title:
                    continue
                if f"{_neg(word)} {after}" not in own:
                    refused.add(option.id)
    return refused


QUESTION_WORDS = frozenset(
    "gimana gmn gmana bagaimana bgmn kenapa knp mengapa napa apakah what why how".split()
)
"""Words that ask: a short answer with one is a question about the options, never one."""
DOUBT = frozenset(
    "apa apakah harus gimana bagaimana kenapa mengapa knp gmn gmana perlu atau kah "
    "what why how must should whether or".split()
)
"""Words that make a short answer a question about an option rather than its choice."""


def _in_doubt(text: str, words: set[str]) -> bool:
    """A question, or a word of no beside an option's word ("setuju gk ya": agree or not?):
    the one word it shares with an option is no longer enough to choose it."""
    return "?" in text or not words.isdisjoint(NEGATORS | DOUBT)


def _neg(word: str) -> str:
    return "not" if word in NEGATORS else word


def _named_in(title: str, words: set[str]) -> bool:
    """Every word of the title's name, or of its bracketed other name, is among `words`."""
    names = (set(fold(part).split()) for part in ASIDE.split(title))
    return any(name and name <= words for name in names)


def bullet(label: str, value: object) -> str:
    """One line of a summary: '• Name: Siti'."""
    return f"• {label}: {value}"
