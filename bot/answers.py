"""Turns the knowledge base's verdict into the text a user reads."""

from __future__ import annotations

import re

from bot.i18n import translator


def smalltalk_text(intent: str, lang: str) -> str:
    _ = translator(lang)
    texts = {
        "greeting": _(
            "Hello! I am Migran, the safe-migration helper of your village. Ask me anything about "
            "working abroad, or type *menu* to see what I can do."
        ),
        "thanks": _("You are welcome. Stay safe! Type *menu* whenever you need help."),
        "number": _(
            "I cannot call or look up numbers. If you want your village officer to contact "
            "you, press *Ask an officer* and tell them how to reach you."
        ),
        "confused": _(
            "Sorry if that was not clear. Your village officer can explain it: press *Ask an "
            "officer*. Or write your question in other words."
        ),
        "bot": _(
            "I am an automatic assistant: I answer from checked information on working abroad "
            "safely. A person, your village officer, reads what you send with *Ask an "
            "officer*."
        ),
        "bye": _("Goodbye, stay safe. Type *menu* whenever you need help."),
        "menu": _("Type *menu* to see what I can do."),
        "ack": _("Type *menu* to see what I can do."),
        "help": _(
            "I answer questions about working abroad safely, register you for training "
            "(*training*) and pass problems to your village officer (*report*). Just type your "
            "question."
        ),
    }
    return texts.get(intent, texts["help"])


def fallback_text(lang: str) -> str:
    _ = translator(lang)
    return _(
        "Sorry, I don't have a reliable answer to that. I only know about working abroad safely. "
        "Type *report* to pass your question to your village officer, or *menu* for options."
    )


def place_first(text: str, names: tuple[str, ...]) -> str:
    """An answer with a paragraph per place ("*Hong Kong* (PRT): ...", "*Taiwan*: ...") puts
    the place the message named first among them; other answers are left as they are."""
    lines = text.split("\n")
    led = [i for i, line in enumerate(lines) if line.startswith("*") and "*" in line[1:]]
    named = next((i for i in led if _head(lines[i]) in names), None)
    if named is None or named == led[0]:
        return text
    moved = lines.pop(named)
    lines.insert(led[0], moved)
    return "\n".join(lines)


KEPT_LINES = 3
"""Lines an answer keeps beside its places' paragraphs before those about other places are
left out: an answer that is all places (Taiwan and Hong Kong) keeps them for Malaysia."""


def for_place(
    text: str, names: tuple[str, ...], places: frozenset[str], kept: int = KEPT_LINES
) -> str:
    """An answer for a worker in one place: the paragraphs led by other places ("*Taiwan*:
    ...") are left out, so a Hong Kong helper is not told Taiwan's rules beside her own (a
    chat tester, stop 48: every Hong Kong wage question carried Taiwan's paragraph, and a
    worker in Korea changing factory got Taiwan's 60 days). `places` are every destination's
    names, so a paragraph led by "*Hilang:*" is not taken for a place. Where every place's
    paragraph is another's, they stay unless `kept` other lines are left."""
    lines = text.split("\n")
    about = {i: head for i, line in enumerate(lines) if (head := _head(line)) in places}
    if not about:
        return text
    elsewhere = {i for i, head in about.items() if head not in names}
    if len(elsewhere) == len(about):
        rest = [line for i, line in enumerate(lines) if i not in about and line.strip()]
        if len(rest) < kept:
            return text
    return "\n".join(line for i, line in enumerate(lines) if i not in elsewhere)


BULLET_HEAD = re.compile(r"^(?:[•\-] )?\*?([^:*]{2,30}?)\*?:")
"""A bullet led by a place ("• Taiwan: KDEI membuka layanan paspor keliling ...": a worker in
Kuwait asking about the SPLP got it, a chat tester, stop 49)."""


def _head(line: str) -> str | None:
    """The starred words a line opens with ("*Taiwan*: ..." -> "taiwan"), or the words before
    the colon of a line or a bullet ("• Taiwan: ...", "Hong Kong: ..."), lower case; a place
    only where the caller's list of places says so."""
    if line.startswith("*") and "*" in line[1:]:
        return line[1:].split("*", 1)[0].strip().lower()
    bullet = BULLET_HEAD.match(line)
    return bullet.group(1).strip().lower() if bullet else None
