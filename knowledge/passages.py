"""The lines of a topic's answer and detail that answer a follow-up question about it.

A follow-up under an answer asks one thing about it ("visanya brp" after the Japan answer,
"hrs kursus gk" after the Korea one, "bank apa aj" after KUR). The detail often holds that
thing (the visa fee, that a paid course is not required), and the person should get those
lines, not "my answer is above" or the whole detail to search through.
"""

from __future__ import annotations

import re

from knowledge.normalize import Normalizer
from knowledge.topic import Topic

QUESTION_TERMS = frozenset(
    "berapa apa apakah tidak bukan belum jangan bagaimana gimana kapan mana dimana siapa kenapa "
    "mengapa kalau kalo klo terus lalu harus boleh bisa mau ingin perlu sudah saya kami dia "
    "ya pak bu kak what how when where who why which not no do does is are can must should need "
    "much many".split()
)
"""Words that ask, not what is asked about: they are in every line."""
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z*(])")
MIN_TERM = 3
OF_A_DEATH = re.compile(
    r"\b(?:meninggal|jenazah|wafat|kematian|JKM|ahli waris|died|dies|death|deceased|remains|"
    r"body|heirs?)\w*\b",
    re.IGNORECASE,
)
"""A line about a death, left out of the answer for the living."""
COMMON = 3
"""A term in more than a third of the lines is what the topic is about ("korea" in the Korea
answer), not what the question picks out."""
HEADING = 40
"""A line this short ending in ":" is a heading, with nothing to answer."""
LONG_LINE = 280
"""A line longer than this is cut into its sentences; a shorter one is answered whole."""
AMOUNT_ASKED = frozenset(("berapa", "much", "many"))
COST_WORDS = frozenset(
    "bayar biaya ongkos harga gratis tanggung pungut cost costs fee fees pay paid free price "
    "charge".split()
)
DURATION_ASKED = frozenset(("lama", "long"))
DURATION_WORDS = frozenset("lama hari minggu bulan jam long days weeks months hours".split())
"""What a short follow-up asks for, in any of the words a line may give it in: "bayar gk"
after the medical check's answer asks for the line on its cost ("biaya"), "brp lama jadinya"
after the passport's for the one in days (both got "my answer is above": a chat tester, stop
47); with an amount in it first."""
AMOUNT = re.compile(r"\d")
MAX_LINES = 2


LIST_ITEM = re.compile(r"^(?:[•\-*]|\d+[.)])\s")


def _units(text: str) -> list[str]:
    """The text's lines, long ones cut into sentences, without empty ones and headings. A line
    that leads into a list ("Kontak resmi (halaman SSW Kedutaan Jepang):") keeps the list's
    items with it: alone it was given with nothing after it (a chat tester, stop 47)."""
    units: list[str] = []
    lines = [line.strip() for line in text.splitlines()]
    for n, line in enumerate(lines):
        if not line or (line.endswith(":") and len(line) <= HEADING):
            continue  # "Langkah:", not "... paling lama 14 hari, jadi cepat bertindak:"
        if line.endswith(":") and n + 1 < len(lines) and LIST_ITEM.match(lines[n + 1]):
            items = []
            for following in lines[n + 1 :]:
                if not LIST_ITEM.match(following):
                    break
                items.append(following)
            units.append("\n".join([line, *items]))
            continue
        if len(line) <= LONG_LINE:
            units.append(line)  # "Visa SSW diajukan lewat JVAC. Biayanya Rp330.000": one unit
            continue
        sentences = [s.strip() for s in SENTENCE_END.split(line) if s.strip()]
        label = LINE_LABEL.match(line)
        if label is not None:
            # "Hong Kong: ... Hotline Labour Department: 2157 9537": each sentence keeps whose
            # it is (Hong Kong's hotline was given for Malaysia: a danger regression tester,
            # stop 54)
            sentences = [sentences[0]] + [f"{label.group(0)} {s}" for s in sentences[1:]]
        units.extend(sentences)
    return units


LINE_LABEL = re.compile(r"^[A-Z][\w .()/-]{1,30}:(?= )")
"""A short label a long line begins with ("Hong Kong:", "Taiwan:"): the place its sentences
are about."""


def answering_lines(
    topic: Topic,
    lang: str,
    question: str,
    normalizer: Normalizer,
    limit: int = MAX_LINES,
    living: bool = False,
) -> list[str]:
    """The lines of the topic's answer and detail that hold the most of what the question asks
    about; none when the question names nothing the text has, or only what many lines have
    (the topic's own name). `living`: read the answer for the living where the topic has one
    ("sy hrs ke rumah sakit gk" after vomiting blood: go to a hospital now)."""
    units = _units(topic.text(lang, living=living)) + _units(topic.detail.get(lang, ""))
    if not units:
        return []
    said = normalizer.terms(question, lang)
    asked = {t for t in said if len(t) >= MIN_TERM and t not in QUESTION_TERMS and not t.isdigit()}
    amount = bool(AMOUNT_ASKED.intersection(said))
    for asking, words in ((COST_WORDS, COST_WORDS), (DURATION_ASKED, DURATION_WORDS)):
        if asking.intersection(said):
            asked |= words
            amount = True
    unit_words = [normalizer.terms(u, lang) for u in units]
    unit_terms = [set(words) for words in unit_words]
    asked -= {t for t in asked if sum(t in terms for terms in unit_terms) * COMMON > len(units)}
    if not asked:
        return []
    hits = [len(asked & terms) for terms in unit_terms]
    if living and topic.living:
        # the detail's lines of a death are not for the living: "brp lama sembuh usus buntu?"
        # and a claim for a broken leg got the death benefit, Rp85 juta (a sickness tester,
        # stop 62); they still count in what many lines say
        hits = [0 if OF_A_DEATH.search(u) else h for u, h in zip(units, hits, strict=True)]
    # among lines naming as many of the asked terms, the one about them most ("Uang sudah
    # dibayar: uang ke calo ... uang ke P3MI" before "Keluarga diberi uang Rp2-5 juta")
    often = [sum(w in asked for w in words) for words in unit_words]
    if amount:  # "visanya brp": the line with the amount first
        hits = [
            h * 2 + bool(AMOUNT.search(u)) if h else 0 for u, h in zip(units, hits, strict=True)
        ]
    best = max(hits, default=0)
    if best == 0:
        return []
    chosen = sorted((i for i, h in enumerate(hits) if h == best), key=lambda i: -often[i])[:limit]
    lines = list(dict.fromkeys(_out_of_its_list(units[i]) for i in sorted(chosen)))
    # an item of a list chosen beside the list it is in is said once, in the list (a
    # follow-up tester, stop 60, got BNI's line twice)
    return [line for line in lines if not any(line != other and line in other for other in lines)]


STEP_NUMBER = re.compile(r"^\d+[.)]\s+")


def _out_of_its_list(unit: str) -> str:
    """A numbered step given alone loses its number: "2. Before you change ..." read as the
    second of steps not shown (a chat tester, stop 53)."""
    return unit if "\n" in unit else STEP_NUMBER.sub("", unit, count=1)


def for_the_living(text: str) -> str:
    """`text` without its lines about a death: a topic's detail shown to a family whose worker
    is ill or hurt, not dead."""
    return "\n".join(line for line in text.split("\n") if not OF_A_DEATH.search(line)).strip()
