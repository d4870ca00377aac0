"""A report the family refused to send, and taken back within minutes: in danger the numbers
stay in the last message, and "ok lapor" or *Report again* resumes it without asking the whole
form again."""

from __future__ import annotations

from bot import pieces, replies
from bot.context import Ctx
from bot.options import ADDRESS, YES_WORDS, short
from bot.types import Button
from knowledge.emergency import Country
from knowledge.normalize import fold

REFUSED_KEY = "report_refused"
"""A report whose consent was just refused: when, its opening, and whether it was urgent."""
AGREEING = frozenset("setuju agree lapor melapor report bagikan dibagikan share".split())
"""Words that take the refusal back ("yaudah setuju", "ok lapor"); "setuju" also gives the
consent just refused."""
RETAKING = (
    YES_WORDS
    | AGREEING
    | frozenset(
        "jadi jd mau sy saya aku deh lagi lg again i berubah pikiran changed my mind udh udah "
        "sudah sdh dah".split()
    )
)


def danger_country(ctx: Ctx) -> Country | None:
    """Where the report places someone in danger: the city the form was told ("d abu dhabi"
    under "Timur Tengah lainnya" got no numbers of the Emirates: a family chat tester, stop
    50), the country it settled ("anak sy dulu di hongkong", corrected to Korea in the form,
    got Hong Kong's: stop 49), else the place its opening named."""
    data = ctx.data
    return ctx.engine.numbers.first_country_in(
        data.get("city"), data.get("country"), data.get("opening")
    )


def refused_in_danger(ctx: Ctx) -> None:
    """Consent refused on a report that says someone is in danger: nothing is saved, but the
    numbers stay in the last message, and the report is one tap away."""
    engine = ctx.engine
    country = danger_country(ctx)
    lines = [
        ctx._(
            "All right, the report was not sent. If someone is in danger now, call for help at "
            "once:"
        )
    ]
    if country is not None and country.lines:
        lines += ["", replies.place_numbers(ctx, country)]
    lines += ["", ctx._("From anywhere (also for the family at home):")]
    lines += ["• " + line.text(ctx.lang) for line in engine.numbers.general]
    lines += [
        "",
        ctx._(
            "When you are ready to report, press *Report again* or type *I agree*: your "
            "village officer gets it at once."
        ),
    ]
    ctx.say("\n".join(lines), [Button(replies.URGENT_REPORT, short(ctx._("Report again")))])


def retaken(ctx: Ctx) -> bool:
    """ "yaudah setuju", "ya setuju", "ok lapor" right after consent was refused: the report
    starts again with the same opening (and, for "setuju", the consent given)."""
    refused = ctx.data.get(REFUSED_KEY)
    words = set(fold(ctx.incoming.text or "").split()) - ADDRESS
    if not isinstance(refused, dict) or not words & AGREEING or not words <= RETAKING:
        return False
    if not pieces.within_window(refused.get("at"), ctx.now):
        return False
    if words & {"setuju", "agree"}:
        ctx.contact.consent_at = ctx.now
    flow = str(refused.get("flow") or "case")
    if flow != "case":
        # the training registration refused, then "ok setuju": begun again
        ctx.engine.start_form(ctx, flow, opening=str(refused.get("opening") or "") or None)
        return True
    if not resumed_at_sharing(ctx):
        ctx.engine.start_form(
            ctx,
            "case",
            opening=str(refused["opening"]) or None,
            urgent=bool(refused.get("urgent")),
        )
    return True


WHY_WORDS = frozenset("kenapa knp napa mengapa why untuk buat utk apa".split())
CONSENT_WORDS = frozenset("setuju agree consent data izin".split())


def asks_why_consent(ctx: Ctx) -> bool:
    """ "knp hrs setuju?" right after refusing a report's consent: why it is asked, in the
    report's own words (it got a list of unrelated topics: a journeys tester, stop 61)."""
    refused = ctx.data.get(REFUSED_KEY)
    words = set(fold(ctx.incoming.text or "").split()) - ADDRESS
    if not isinstance(refused, dict) or not pieces.within_window(refused.get("at"), ctx.now):
        return False
    if refused.get("flow", "case") != "case":
        return False  # a registration refused: the question is read as any other
    if len(words) > WHY_MAX_WORDS or not (words & WHY_WORDS and words & CONSENT_WORDS):
        return False
    ctx.say(
        ctx._(
            "I ask before a report because what you type (names, village, phone number, what "
            "happened) is kept so that your village officer can help: only the officers of your "
            "village and district, and the province admins, can see it, and you can delete it "
            "any time by typing *hapus data saya*. Without it I cannot pass your report on. "
            "Type *I agree* to report after all."
        ),
        [
            Button(
                replies.URGENT_REPORT if refused.get("urgent") else replies.REPORT,
                short(ctx._("Report again")),
            )
        ],
    )
    return True


WHY_MAX_WORDS = 8


def resumed_at_sharing(ctx: Ctx) -> bool:
    """A filled report whose sharing was refused, taken back within minutes (*Report again*,
    "ok lapor"): its answers are kept and only who may see it is asked again. A family that
    changed its mind had been asked the whole form once more (a tester, stop 55)."""
    refused = ctx.data.get(REFUSED_KEY)
    if not isinstance(refused, dict) or not isinstance(refused.get("answers"), dict):
        return False
    if not pieces.within_window(refused.get("at"), ctx.now):
        return False
    ctx.engine.clear(ctx)
    ctx.set_data(**refused["answers"])
    conversation = ctx.conversation
    conversation.flow, conversation.step = "case", "share"
    ctx.say(ctx._("Your answers are kept; only who may see the report is asked again."))
    step = ctx.engine.forms["case"].step("share")
    assert step is not None
    step.prompt(ctx)
    return True
