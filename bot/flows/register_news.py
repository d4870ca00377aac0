"""News for the village register told in a family's own words: a departure ("anak sy sudah
berangkat kemarin"), a return ("sy udh pulang dr malaysia"), a departure called off ("anak sy
gk jadi berangkat"), a planned one told again ("anak sy jadi berangkat besok"). Each is one tap
from the entry it is about, named in the offer; none is recorded unasked, because the same
words also tell of school, a funeral or another child.
"""

from __future__ import annotations

from datetime import date

from bot.cases.hints import COUNTRY_WORDS, categories_in, countries_in
from bot.context import Ctx
from bot.flows.homecoming import offer_homecoming
from bot.flows.register import LATEST_DEPARTURE, already_recorded
from bot.flows.register_update import CALL_OFF, REPLAN, TOLD_KEY, fit_for, told_date
from bot.flows.report_labels import country_title
from bot.i18n import N_
from bot.options import short
from bot.register.hints import (
    NOT_ABROAD,
    NOT_FOR_WORK,
    date_in,
    is_departure_statement,
    tells_a_departure,
    tells_called_off,
    words_in,
    writer_relation,
)
from bot.register.models import RegisterEntry
from bot.register.service import entries_of
from bot.types import Button

DEATH = frozenset("jenazah mayat almarhum almarhumah meninggal wafat".split())
"""A body brought home is a death, answered as one, not a homecoming."""
NOT_YET = frozenset("besok depan nanti akan mau belum blm".split())
NEWS_VERBS = frozenset("pulang berangkat pergi tiba sampai sampe".split())
PLAIN = frozenset(
    """
    kemarin kmrn kemaren lusa tadi td pagi siang sore malam mlm minggu lalu bulan hari ini
    tgl tanggal yg yang sudah baru br dengan dgn selamat alhamdulillah ya pak bu
    kak dari dr ke k di d luar negeri ln dan juga jg januari februari maret april mei juni juli
    agustus september oktober november desember berangkat gk tidak jadi
    besok depan jam jm pukul subuh lewat via naik pesawat bandara bizam lombok
    pelabuhan lembar
    """.split()
)
"""What may follow the news verb in plain news: when, from or to where, and how ("besok jam
7 pagi dr bandara lombok": a chat tester, stop 43). "pulang kerja", "berangkat mondok",
"pulang dari kondangan" tell of a day at home. Words are read as `words_in` spells them out
("bsk" is "besok")."""
TITLES = {
    "cmd:returned": N_("Record the return"),
    "cmd:departed": N_("Record departure"),
    CALL_OFF: N_("Mark cancelled"),
    REPLAN: N_("Record the new date"),
}
"""The one-tap buttons an offer carries, by the command each sends."""


def plain_after_verb(text: str, entry: RegisterEntry) -> bool:
    """Nothing after "pulang"/"berangkat" but a date, the entry's country or where from."""
    words = words_in(text)
    at = next((i for i, w in enumerate(words) if w in NEWS_VERBS), None)
    if at is None:
        return True
    places = set(COUNTRY_WORDS.get(entry.country, ())) | {
        w for p in COUNTRY_WORDS.get(entry.country, ()) for w in p.split()
    }
    return all(w in PLAIN or w in places or w.isdigit() for w in words[at + 1 :])


def entry_meant(
    ctx: Ctx,
    text: str,
    entries: list[RegisterEntry],
    allowed: frozenset[str] = frozenset(),
    plain: bool = True,
) -> RegisterEntry | None:
    """The one entry the news can be about: none when it tells of a trip at home, a death or
    a problem (`allowed` names the problems that are the news itself), or when the writer's
    relation or the country named fits no entry or several. With the entry's country named,
    what follows the news verb is the work there ("brgkt bsk ke taiwan kerja di kebun teh"),
    not a day at home."""
    words = set(words_in(text))
    named = countries_in(text)
    home = frozenset() if named else NOT_ABROAD  # "ke malaysia kerja di kebun sawit"
    if words & (home | NOT_FOR_WORK | DEATH) or set(categories_in(text)) - allowed:
        return None
    relation = writer_relation(text)
    fits = [
        e
        for e in entries
        if (relation is None or (e.reporter_relation or "self") == relation)
        and (not named or e.country in named)
        and (not plain or e.country in named or plain_after_verb(text, e))
    ]
    return fits[0] if len(fits) == 1 else None


def offer(ctx: Ctx, text: str, returned: bool) -> bool:
    """Offers to record the news on the entry it is about; True when something was offered.
    A return with nothing recorded offers the whole trip. The contact's entries are looked up
    once, and only for a message that tells news: this runs on most messages."""
    left = tells_a_departure(text) and not set(words_in(text)) & NOT_YET
    called_off = tells_called_off(text)
    planned = is_departure_statement(text, abroad_named=bool(countries_in(text)))
    if not (returned or left or called_off or planned):
        return False
    entries = entries_of(ctx.session, ctx.contact)
    if returned:
        abroad = [e for e in fit_for(entries, "returned") if e.status == "departed"]
        entry = entry_meant(ctx, text, abroad, frozenset({"go_home"}))
        if entry is not None:
            _offer(ctx, entry, ctx._("Has {who} ({code}, {country}) come home?"), "cmd:returned")
            return True
        if not entries:
            offer_homecoming(ctx)
            return True
        return False
    waiting = fit_for(entries, "departed")
    if left:
        entry = entry_meant(ctx, text, waiting)
        if entry is not None:
            _offer(ctx, entry, ctx._("Has {who} ({code}, {country}) left?"), "cmd:departed")
            return True
    if called_off:
        # "gk jadi berangkat, PT nya tutup": the reason may follow
        entry = entry_meant(ctx, text, waiting, frozenset({"departure"}), False)
        if entry is not None:
            _offer(
                ctx, entry, ctx._("Is the departure of {who} ({code}, {country}) off?"), CALL_OFF
            )
            return True
    if planned:
        return _planned_again(ctx, text, waiting)
    return False


def _planned_again(ctx: Ctx, text: str, waiting: list[RegisterEntry]) -> bool:
    """A departure already recorded as planned, told again ("anak sy jadi berangkat besok"):
    its entry is used instead of a second form that ended in "already recorded". A day that
    has come offers the departure, another day to come offers it as the new plan, the same
    day or none says it is recorded."""
    entry = entry_meant(ctx, text, waiting)
    if entry is None:
        return False
    today = ctx.today
    when = date_in(text, today)
    if when is not None and when <= today:
        _offer(ctx, entry, ctx._("Has {who} ({code}, {country}) left?"), "cmd:departed")
    elif when is not None and when != entry.planned_departure and when <= today + LATEST_DEPARTURE:
        question = ctx._("Does {who} ({code}, {country}) now leave on {date}?")
        _offer(ctx, entry, question, REPLAN, when)
    else:
        already_recorded(ctx, entry.code)
    return True


def _offer(
    ctx: Ctx, entry: RegisterEntry, question: str, command: str, when: date | None = None
) -> None:
    told = when or told_date(ctx)
    ctx.set_data(**{TOLD_KEY: {"code": entry.code, "date": told.isoformat() if told else None}})
    title = ctx._(TITLES[command])
    ctx.say(
        question.format(
            who=entry.worker_name or "-",
            code=entry.code,
            country=country_title(ctx, entry.country),
            date=told.strftime("%d-%m-%Y") if told else "-",
        )
        + " "
        + ctx._("One tap records it in the village register."),
        [Button(command, short(title))],
    )
