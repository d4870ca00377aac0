"""Village news in the chat: "info desa" subscribes, "berhenti" / "stop" ends it.

"stop" and "berhenti" also cancel a form (bot/commands.py). Inside a form they cancel the form
and say that the news goes on; outside a form, a subscriber who types them is unsubscribed at
once and told how to come back. A sentence made only of the news's words says the same in
chat ("jangan kirim info lagi", "mau info lowongan"); one word outside them ("majikan stop
gaji sy", "apakah lowongan di fb aman?") leaves the message to the answers. Only WhatsApp and
Telegram can carry news to someone who is not chatting (see bot/announcements/audience.py), so
the web chat says where to subscribe instead.
"""

from __future__ import annotations

from itertools import pairwise

from bot.announcements import service
from bot.commands import FILLERS
from bot.context import Ctx
from bot.flows.base import Form, Step
from bot.flows.common import VILLAGE, VILLAGE_CONFIRM
from bot.options import short
from bot.types import Button
from knowledge.normalize import fold

STOP_WORDS = frozenset(("stop", "berhenti"))
SUBSCRIBE, CHANGE = "cmd:subscribe", "cmd:subscribe_change"

INFO = frozenset(
    "info informasi infonya berita beritanya kabar pengumuman news update updates lowongan "
    "loker".split()
)
NEWS = INFO | frozenset("pesan sms message messages".split())
"""What is stopped; only INFO is asked for ("mau kirim pesan" is a message to send)."""
STOPPING = frozenset("stop setop berhenti berhentikan hentikan jangan jgn unsubscribe".split())
SENDING = frozenset("kirim kirimkan send sending".split())
"""Said of the news to stop ("stop kirim info"); asking, they are news to send ("mau kirim
info lowongan" to have it checked)."""
NOT = frozenset("gk ga gak g nggak ngga enggak tidak tdk no not dont".split())
UNWANTED = frozenset("mau usah perlu ingin pengen want need more".split())
"""After NOT, a refusal ("gk mau", "tidak usah", "no more"): "gk dapat info" is a complaint."""
WISHING = frozenset(
    "mau ingin pengen pingin pgn mo minta ikut langganan berlangganan want subscribe join".split()
)
"""Words of wanting the news; "sy dpt info lowongan" tells of an offer received, and is
answered (is the offer safe?), not met with the subscription."""
RECEIVING = frozenset(
    "desa village langganan berlangganan dapat dpt dapet terima menerima kirimi kirimin "
    "dikirim dikirimi lowongan loker rutin terbaru receive subscribe get".split()
)
"""What makes a wish for information a wish for the news, not a question ("mau info")."""
AROUND = FILLERS | frozenset(
    "saya sy aku aq gw gue kami i me my lagi lg ini itu ke dari dr ya juga jg tentang ttg soal "
    "kirimi kirimin dikirim dikirimi the any to about for of "
    "migran desa village kerja pekerjaan job jobs luar negeri ln abroad rutin terbaru".split()
)
"""The other words a sentence about the news may hold; any word beyond them is a question
for the answers ("stop" in "majikan stop gaji sy")."""


def is_stop_word(ctx: Ctx) -> bool:
    words = fold((ctx.incoming.text or "").strip().lstrip("/")).split()
    return " ".join(w for w in words if w not in FILLERS) in STOP_WORDS  # "berhenti dong"


def stops_news(text: str) -> bool:
    """ "jangan kirim info lagi", "sy gk mau terima info desa lagi", "stop kirim info"."""
    words = fold(text).split()
    refuses = STOPPING.intersection(words) or any(
        a in NOT and b in UNWANTED for a, b in pairwise(words)
    )
    allowed = NEWS | STOPPING | NOT | UNWANTED | WISHING | RECEIVING | SENDING | AROUND
    return bool(refuses and NEWS.intersection(words)) and "?" not in text and set(words) <= allowed


def wants_news(text: str) -> bool:
    """ "mau info lowongan", "ikut info desa dong", "langganan info"; not "mau info"."""
    words = set(fold(text).split())
    allowed = INFO | WISHING | RECEIVING | AROUND
    return bool(words & WISHING and words & INFO and words & RECEIVING) and words <= allowed


LATEST = frozenset(
    "apa apaan aja saja terbaru baru terkini latest new any skrg sekarang now".split()
)
"""With a word of news and "ada", a question of what news there is ("ada berita apa aja
skrg?", "any news?")."""
LATEST_WORDS = 8
NEWS_NAMED = INFO - {"kabar"}
"""News named without "kabar", which "apa kabar?" (how are you) also says."""


def asks_latest(text: str) -> bool:
    """ "ada berita apa aja skrg?", "info desa terbaru apa?", "any news?": what was sent."""
    words = set(fold(text).split())
    if not words or len(words) > LATEST_WORDS or not words & NEWS_NAMED:
        return False  # "apa kabar?" is a greeting
    if not words & LATEST:
        return False
    return words <= INFO | LATEST | AROUND | frozenset("ada is there".split())


def latest(ctx: Ctx) -> None:
    """The news last sent to a subscriber, newest first; a person not subscribed is offered
    it (a subscriber asking "ada berita apa aja skrg?" got topic choices: a register and
    news tester, stop 63)."""
    _ = ctx._
    current = service.subscription_of(ctx.session, ctx.contact.id)
    if current is None:
        subscribe(ctx)
        return
    sent = service.news_received(ctx.session, ctx.contact.id)
    if not sent:
        ctx.say(
            _("No village news has been sent to {village} yet. It will come to this chat.").format(
                village=_village_label(ctx, current.village_code)
            )
        )
        return
    lines = [_("The latest village news you received:")]
    for item in sent:
        day = (item.finished_at or item.queued_at or item.created_at).strftime("%d-%m-%Y")
        lines.append(f"• {day}: {item.text}")
    ctx.say("\n".join(lines))


def wish(ctx: Ctx, in_form: bool) -> str | None:
    """The news command a chat sentence asks for: stopping only from a subscriber (from
    anyone else the sentence is read as usual), subscribing only outside a form (inside one
    it is an answer to the step)."""
    text = ctx.incoming.text or ""
    if stops_news(text):
        subscribed = service.subscription_of(ctx.session, ctx.contact.id) is not None
        return "unsubscribe" if subscribed else None
    if in_form:
        return None
    if asks_latest(text):
        return "news_latest"
    return "subscribe" if wants_news(text) else None


def _village_label(ctx: Ctx, code: str) -> str:
    village = ctx.engine.villages.get(code)
    return village.label if village is not None else code


def offer(ctx: Ctx) -> list[Button]:
    """The "Info desa" button at the end of a registration or a report, for who can get it."""
    if not service.can_subscribe(ctx.contact):
        return []
    if service.subscription_of(ctx.session, ctx.contact.id) is not None:
        return []
    return [Button(SUBSCRIBE, short(ctx._("Village news")))]


def subscribe(ctx: Ctx) -> None:
    """Subscribes with the village the contact gave before, or asks for it."""
    _ = ctx._
    if not service.can_subscribe(ctx.contact):
        ctx.say(
            _(
                "Village news is sent on WhatsApp and Telegram. Write *info desa* to Migran "
                "there to receive it."
            )
        )
        return
    current = service.subscription_of(ctx.session, ctx.contact.id)
    if current is not None:
        ctx.say(
            _("You already receive news from {village}. Type *berhenti* to stop it.").format(
                village=_village_label(ctx, current.village_code)
            ),
            [Button(CHANGE, short(_("Change village")))],
        )
        return
    if ctx.contact.village_code:
        _confirm(ctx, ctx.contact.village_code)
        return
    conv = ctx.conversation
    if conv.flow in ctx.engine.forms and conv.parked:
        ctx.say(
            _("First finish your form (type *lanjut*); at its end you can ask for village news.")
        )
        return
    # what the village is asked for: "mau info lowongan" did not name the village news
    ctx.say(
        _(
            "Village news: your village's officers send news of training, job fairs and scam "
            "warnings on this chat. Type *batal* if you do not want it."
        )
    )
    ctx.engine.start_form(ctx, "subscribe")


def change(ctx: Ctx) -> None:
    if not service.can_subscribe(ctx.contact):
        subscribe(ctx)
        return
    ctx.engine.start_form(ctx, "subscribe")


def _confirm(ctx: Ctx, village_code: str) -> None:
    service.subscribe(ctx.session, contact=ctx.contact, village_code=village_code, now=ctx.now)
    ctx.say(
        ctx._(
            "Done: you will receive news from the officers of {village} (training, job fairs, "
            "scam warnings). Type *berhenti* at any time to stop; *delete my data* deletes it."
        ).format(village=_village_label(ctx, village_code)),
        [Button(CHANGE, short(ctx._("Change village")))],
    )


def stop(ctx: Ctx) -> bool:
    """Unsubscribes; False when there was nothing to stop."""
    if not service.unsubscribe(ctx.session, contact=ctx.contact, now=ctx.now):
        return False
    ctx.say(
        ctx._("Stopped: you will get no more village news. To receive it again, type *info desa*.")
    )
    return True


def stop_command(ctx: Ctx) -> None:
    """ "berhenti info desa": stops the news, whether or not a form is open."""
    if not stop(ctx):
        ctx.say(ctx._("You do not receive village news. Type *info desa* to receive it."))


def still_subscribed_note(ctx: Ctx) -> None:
    """After "stop" cancelled a form: the news goes on until they say it again."""
    if service.subscription_of(ctx.session, ctx.contact.id) is not None:
        ctx.say(ctx._("You still receive village news; type *berhenti* again to stop it."))


class SubscribeForm(Form):
    """Which village's news: typed, matched against the official list and confirmed."""

    name = "subscribe"
    needs_consent = False
    steps = (VILLAGE, VILLAGE_CONFIRM)

    def after(self, ctx: Ctx, step: Step) -> Step | None:
        if step.name == "village_confirm" and not ctx.data.get("village_code"):
            return self.step("village")
        return super().after(ctx, step)

    def finish(self, ctx: Ctx) -> None:
        _confirm(ctx, ctx.data["village_code"])
