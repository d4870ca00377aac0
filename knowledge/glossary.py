"""What a word means, when that is all a message asks ("p3mi itu apa sih bu", "what is ltsa").

The matcher reads such a question by its one content word, which often leans to the wrong
topic or to none ("agensi itu apa" opened the report form, "apa itu p3mi" got five choices: a
chat tester, stop 52). The word itself says what helps: its meaning in a line or two
(content/glossary.yaml, each resting on a sourced fact) and the topic that says more.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from knowledge.normalize import fold
from knowledge.yamlfast import load_yaml

FILLERS = (
    r"sih|si|ya|yah|yaa|pak|bu|bapak|ibu|min|admin|kak|mas|mbak|dong|tuh|nih|kah|itu|tu|"
    r"sebenarnya|sebenernya|sbnrnya|sbenarnya|trus|terus|lalu|jadi|jd|kalau|kalo|klo|kl|"
    r"maaf|mau|mw|tanya|nanya|numpang|permisi|please|sorry|hi|hello|halo|tiang|nahu|"
    r"gan|bang|bos|bro|sis|teh|om|tante|amaq|inaq|mamiq|maksud|saya|sy|aku|cuma|cm|mo|"
    r"boleh|blh|bisa|bs|jelaskan|jelasin|jelaskn"
)
WHAT = r"apa|ap|apaan|ape|apakah|apasih|apa sih"
ABOUT = (
    r"itu|tu|ntu|ento|ni|nih|tuh|sih|si|yang dimaksud|yg dimaksud|yg di maksud|dimaksud|"
    r"maksudnya|maksud nya|"
    r"maksud|arti|artinya|arti nya|singkatan|kepanjangan|kepanjangannya|dengan|dgn"
)
ASKED = (
    r"apa|ap|apaan|ape|artinya apa|arti nya apa|artinya|maksudnya apa|maksudnya|"
    r"singkatan apa|singkatan dari apa|singkatannya apa|kepanjangan apa|kepanjangannya apa|"
    r"kepanjangannya|tuh apa|itu apa|tu apa|apa ya|apa sih|kantor apa|lembaga apa|web apa|"
    r"program apa|aplikasi apa|apa itu|maksudnya gimana|maksudnya gmn"
)
POINTING = r"itu|tu|ntu|ento|ni|ini|tuh|nih|tersebut"
MEANING_OF = (
    r"arti|artinya|arti dari|maksud|maksudnya|maksud nya|maksud dari|kepanjangan|"
    r"kepanjangan dari|kepanjangannya|singkatan|singkatan dari|definisi"
)
ENGLISH = (
    r"what|wat|wht|whats|what s",
    r"is|s|are|does|do|is a|is an|is the|are the|does a|does the|mean by|do you mean by",
    r"mean|means|stand for|stands for|mean in english",
)


@dataclass(frozen=True)
class Term:
    """A word asked about, what it means in each language (none when no fact says it), and the
    topic that says more."""

    words: tuple[str, ...]
    topic: str
    meaning: dict[str, str]
    source: str | None = None

    @property
    def name(self) -> str:
        return self.words[0]


class Glossary:
    """The terms of content/glossary.yaml, and which one a message asks the meaning of."""

    def __init__(self, terms: tuple[Term, ...]) -> None:
        self.terms = terms
        by_word = {w: t for t in terms for w in t.words}
        self._by_word = by_word
        words = "|".join(re.escape(w) for w in sorted(by_word, key=len, reverse=True))
        filler = rf"(?:(?:{FILLERS}) )*"
        after = rf"(?: (?:{FILLERS}|ini|tersebut))*"
        en_what, en_is, en_mean = ENGLISH
        shapes = (
            # "apa itu p3mi", "apa sih ltsa itu", "apakah yang dimaksud kafala"
            rf"^{filler}(?:{WHAT})(?: (?:{ABOUT}))* {{term}}(?: itu| tu)?{after}$",
            # "p3mi itu apa sih bu", "ltsa tu kantor apa", "sip3mi singkatan dari apa"
            rf"^{filler}{{term}}(?: (?:{POINTING}))? (?:{ASKED}){after}$",
            # "arti p3mi", "maksud dari ltsa apa"
            rf"^{filler}(?:{MEANING_OF}) {{term}}(?: (?:apa|apaan|ape|ap))?{after}$",
            # "what is p3mi", "what does sip3mi stand for"
            rf"^(?:{en_what}) (?:{en_is}) {{term}}(?: (?:{en_mean}))?(?: please)?$",
            r"^(?:meaning of|define|definition of) {term}(?: please)?$",
            r"^{term} (?:meaning|means what|what is it|what is that|is what)$",
        )
        self._asked = _named_alternatives(shapes, words)

    @classmethod
    def load(cls, path: Path | None = None) -> Glossary:
        if path is None:
            text = (resources.files("knowledge") / "content" / "glossary.yaml").read_text("utf-8")
        else:
            text = path.read_text("utf-8")
        data = load_yaml(text)
        return cls(
            tuple(
                Term(
                    words=tuple(fold(str(w)) for w in t["words"]),
                    topic=str(t["topic"]),
                    meaning={str(k): str(v) for k, v in (t.get("meaning") or {}).items()},
                    source=str(t["source"]) if t.get("source") else None,
                )
                for t in data.get("terms") or ()
            )
        )

    def asked(self, text: str) -> Term | None:
        """The term a message asks only the meaning of, or None (a question about anything
        more, "p3mi yg resmi dmn", is the matcher's)."""
        folded = fold(text)
        if not folded or len(folded) > 80:
            return None
        found = self._asked.match(folded)
        if found is None:
            return None
        said = next((v for k, v in found.groupdict().items() if v), None)
        return self._by_word.get(said) if said else None


def _named_alternatives(patterns: tuple[str, ...], words: str) -> re.Pattern[str]:
    """One regular expression of the question shapes, each with its own named group for the
    term (a name may appear once per expression)."""
    return re.compile(
        "|".join(p.replace("{term}", f"(?P<t{n}>{words})") for n, p in enumerate(patterns))
    )


@lru_cache(maxsize=1)
def default_glossary() -> Glossary:
    return Glossary.load()
