"""The end of a form that lets people correct it: the summary with *Send*, *Change* and
*Cancel*, then a list of the fields. The form's `after` sends a changed field's step back to
the summary while `editing` is set (the summary clears it when shown again)."""

from __future__ import annotations

from bot.context import Ctx
from bot.flows.base import Form, Invalid
from bot.options import YES_WORDS, short
from bot.types import Button, Row
from knowledge.normalize import fold

SUBMIT, CHANGE, CANCEL = "opt:submit", "opt:change", "opt:cancel"


class ChangeableForm(Form):
    change_fields: tuple[tuple[str, str], ...] = ()
    """(step name, label msgid) offered by *Change*: at most 10, a WhatsApp list's limit."""

    def summary_text(self, ctx: Ctx) -> str:
        raise NotImplementedError

    def _summary_buttons(self, ctx: Ctx) -> list[Button]:
        return [
            Button(SUBMIT, short(ctx._("Send"))),
            Button(CHANGE, short(ctx._("Change"))),
            Button(CANCEL, short(ctx._("Cancel"))),
        ]

    def summary_prompt(self, ctx: Ctx) -> None:
        ctx.set_data(editing=False)
        ctx.say(self.summary_text(ctx), self._summary_buttons(ctx))

    def summary_read(self, ctx: Ctx) -> str:
        """A button, or "ya" / "ok" typed: send (the summary asks whether it is right)."""
        try:
            return self.option(ctx, self._summary_buttons(ctx))
        except Invalid:
            words = set(fold(ctx.incoming.text or "").split())
            if words and words <= YES_WORDS:
                return SUBMIT
            raise

    def _field_rows(self, ctx: Ctx) -> list[Row]:
        return [Row(f"field:{k}", short(ctx._(t), 24)) for k, t in self.change_fields]

    def change_prompt(self, ctx: Ctx) -> None:
        ctx.say(
            ctx._("What do you want to change?"),
            rows=self._field_rows(ctx),
            list_label=ctx._("Fields"),
        )

    def change_read(self, ctx: Ctx) -> str:
        return self.option(ctx, self._field_rows(ctx)).split(":", 1)[1]
