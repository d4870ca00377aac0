"""Steps shared by the forms: consent, village (typed, matched, confirmed) and yes/no."""

from __future__ import annotations

from bot.context import Ctx
from bot.flows.base import Form, Invalid, Step
from bot.i18n import N_
from bot.options import short
from bot.types import Button, Row

YES, NO = "opt:yes", "opt:no"
NONE_OF_THESE = "opt:none"


def yes_no(ctx: Ctx, yes: str = N_("Yes"), no: str = N_("No")) -> list[Button]:
    return [Button(YES, short(ctx._(yes))), Button(NO, short(ctx._(no)))]


# -- consent -------------------------------------------------------------------------------
def consent_prompt(ctx: Ctx) -> None:
    _ = ctx._
    ctx.say(
        _(
            "Before I ask for personal details: we keep what you type here (name, village, phone, "
            "your report) only to help you. Only the officers who handle it see it: those of your "
            "village and district, and the province's administrators when a case is passed up. "
            "Chat messages are deleted after {days} days. You can erase everything at any time "
            "by typing *hapus data saya*. Do you agree?"
        ).format(days=ctx.engine.retention_days),
        yes_no(ctx, N_("I agree"), N_("No")),
    )


def consent_reprompt(ctx: Ctx) -> None:
    ctx.say(
        ctx._(
            "Do you agree that we keep your details only to help you, as explained above? "
            "Type *ya* or *tidak*."
        ),
        yes_no(ctx, N_("I agree"), N_("No")),
    )


def consent_read(ctx: Ctx) -> bool:
    choice = Form.option(ctx, yes_no(ctx, N_("I agree"), N_("No")))
    if choice == NO:
        return False
    ctx.contact.consent_at = ctx.now
    return True


CONSENT = Step(
    "consent", consent_prompt, consent_read, store_as="consent", reprompt=consent_reprompt
)


# -- village -------------------------------------------------------------------------------
def village_prompt(ctx: Ctx) -> None:
    ctx.say(
        ctx._(
            "Which village (desa/kelurahan) do you live in? Type its name, and the kecamatan if "
            "you know it, e.g. *Anjani, Suralaga*."
        )
    )


def village_read(ctx: Ctx) -> list[str]:
    matches = ctx.engine.villages.search(ctx.incoming.text or "")
    if not matches:
        raise Invalid(
            ctx._(
                "I could not find that village in NTB. Please type the village and kecamatan names."
            )
        )
    best = matches[0]
    clear = best.score >= 95 and (len(matches) == 1 or best.score - matches[1].score >= 4)
    return [best.village.code] if clear else [m.village.code for m in matches]


def _village_rows(ctx: Ctx) -> list[Row]:
    codes: list[str] = ctx.data.get("village_candidates", [])
    villages = [v for v in (ctx.engine.villages.get(c) for c in codes[:9]) if v is not None]
    rows = [
        Row(
            f"village:{v.code}", short(v.name, 24), short(f"Kec. {v.subdistrict}, {v.district}", 72)
        )
        for v in villages
    ]
    rows.append(Row(NONE_OF_THESE, short(ctx._("None of these"), 24)))
    return rows


def village_confirm_prompt(ctx: Ctx) -> None:
    codes: list[str] = ctx.data.get("village_candidates", [])
    villages = [v for v in (ctx.engine.villages.get(c) for c in codes) if v is not None]
    if len(villages) == 1:
        v = villages[0]
        ctx.say(
            ctx._("Desa {name}, Kec. {sub}, {district}?").format(
                name=v.name, sub=v.subdistrict, district=v.district
            ),
            yes_no(ctx, N_("Yes, correct"), N_("No")),
        )
        return
    ctx.say(
        ctx._("Which one is your village?"), rows=_village_rows(ctx), list_label=ctx._("Villages")
    )


def village_confirm_read(ctx: Ctx) -> str | None:
    codes: list[str] = ctx.data.get("village_candidates", [])
    if len(codes) == 1:
        return (
            codes[0] if Form.option(ctx, yes_no(ctx, N_("Yes, correct"), N_("No"))) == YES else None
        )
    chosen = Form.option(ctx, _village_rows(ctx))
    return None if chosen == NONE_OF_THESE else chosen.split(":", 1)[1]


VILLAGE = Step(
    "village", village_prompt, village_read, store_as="village_candidates", free_text=True
)
VILLAGE_CONFIRM = Step(
    "village_confirm", village_confirm_prompt, village_confirm_read, store_as="village_code"
)
