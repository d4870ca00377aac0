"""Turns the knowledge base's verdict into the text a user reads."""

from __future__ import annotations

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
    named = next((i for i in led if lines[i][1:].split("*", 1)[0].strip().lower() in names), None)
    if named is None or named == led[0]:
        return text
    moved = lines.pop(named)
    lines.insert(led[0], moved)
    return "\n".join(lines)
