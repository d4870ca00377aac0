"""The replies a free-text message gets: the emergency numbers, choices of topics, and the
buttons beside an answer. Text comes from the catalogs and the content, never from here."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from bot import pieces
from bot.answers import for_place, place_first
from bot.context import PIECES_KEY, Ctx
from bot.i18n import N_, translator
from bot.means import has_swallowed
from bot.options import short, typed_number
from bot.register.hints import harm_is_the_writers, names_own_kin
from bot.triage import BESIDE_ANSWER, speaks_of_no_death
from bot.types import MAX_BUTTONS, Button, Row
from knowledge.danger import default_detector
from knowledge.emergency import (
    EMERGENCY_TOPIC,
    Country,
    EmergencyNumbers,
    Line,
    at_home,
    at_sea,
)
from knowledge.glossary import Term
from knowledge.normalize import fold
from knowledge.passages import for_the_living
from knowledge.topic import Topic

REPORT, URGENT_REPORT = "cmd:report", "cmd:urgent"
NUMBERS_ASKED = re.compile(
    r"^(?:\w+\s+){0,2}(?:nomor|nomer|no|nmr|kontak)\s+(?:telepon\s+|telpon\s+|hp\s+)?darurat\b"
    r"|\bemergency\s+(?:numbers?|contacts?|hotlines?)\b"
)
"""The emergency numbers asked for in so many words: given inside a form, or with a report
open, as anywhere."""
EMERGENCY_CHOICE, EMERGENCY_LABEL = f"topic:{EMERGENCY_TOPIC}", N_("Emergency numbers")
"""The emergency numbers as a choice, by the same words in the menu, among the choices and
beside an answer; the engine answers it with the danger reply."""


def place_numbers(ctx: Ctx, country: Country, region: str | None = None) -> str:
    """The numbers to call from one country (local emergency, the mission's hotline). Where
    the message or `region` (a report's city: "Kuching" asked "nomor kjri nya brp?") names a
    region the list has no nearby mission for, it says so."""
    lang = ctx.lang
    head = ctx._("From {country}:").format(country=country.name.get(lang, country.code))
    lines = [head, *("• " + line.text(lang) for line in country.lines)]
    # the message, the region given (a report's city), the city the form in progress holds,
    # or the messages just before ("brp nomor kbri nya" after an estate in Sabah lost the
    # note: a family danger tester, stop 53)
    earlier = "\n".join(pieces.recent(ctx.data.get(PIECES_KEY), ctx.now))
    told = f"{ctx.incoming.text or ''}\n{region or ''}\n{ctx.data.get('city') or ''}\n{earlier}"
    far = country.far_note_for(told, lang)
    return "\n".join([*lines, far] if far else lines)


MISSION_WORDS = frozenset(
    "kbri kjri kdei kri kedutaan konsulat konjen embassy consulate perwakilan".split()
)
MISSION_LABELS = ("KBRI", "KJRI", "KDEI", "KRI ", "Embassy", "Consulate")
NO_LOCAL_NUMBERS = N_(
    "I do not have local emergency numbers for {country} yet. From there, call the Kemlu "
    "hotline below (help for Indonesians abroad, 24 hours)."
)
NO_MISSION_NUMBER = N_(
    "I do not have a checked number for the Indonesian embassy or consulate in {country} yet. "
    "Call the Kemlu hotline below (help for Indonesians abroad, 24 hours)."
)
NO_KDEI_NUMBER = N_(
    "Indonesia's office in Taiwan is KDEI Taipei, not an embassy. I do not have its checked "
    "number yet. Call the Kemlu hotline below (help for Indonesians abroad, 24 hours)."
)
"""Taiwan has no embassy ("nomor kbri taiwan brp": a family danger tester, stop 53)."""


def lines_asked(
    ctx: Ctx, numbers: EmergencyNumbers, named: Sequence[tuple[Country | None, Line]]
) -> None:
    """A question about a listed line ("1955 itu gratis gk?", "is CDE 24 hours?"): what the list
    says of it (who answers, when, what it costs, from where); the rest is for the call or the
    officer. A line for anywhere comes with its office's others ("0800-1000 bisa dari
    malaysia?": only from Indonesia, and the number from abroad beside it)."""
    lang = ctx.lang
    offices = {line.label["id"].split()[0] for country, line in named if country is None}
    siblings = [
        (None, line)
        for line in numbers.general
        if line.label["id"].split()[0] in offices and (None, line) not in named
    ]
    everything = [*named, *siblings]
    general = [line for line in numbers.general if (None, line) in everything]
    ordered = [*((None, line) for line in general), *(x for x in everything if x[0] is not None)]
    many = len(ordered) > 1
    lines = [
        ctx._("What I know of these numbers:") if many else ctx._("What I know of this number:")
    ]
    for country, line in ordered:
        where = f"{country.name.get(lang, country.code)}: " if country is not None else ""
        lines.append(f"• {where}{line.text(lang)}")
    lines += [
        "",
        ctx._("For anything else about them, ask when you call, or ask your officer.")
        if many
        else ctx._("For anything else about it, ask when you call, or ask your officer."),
    ]
    ctx.say("\n".join(lines), [Button(REPORT, short(ctx._("Ask an officer")))])


HELP_HERE = N_("In {country}, you can also contact:")
NO_MISSION_HERE = N_(
    "I do not have a checked number for Indonesia's office in {country} (KBRI, KJRI or KDEI) "
    "yet. The Foreign Ministry's hotline helps Indonesians anywhere:"
)


def help_where_they_are(
    ctx: Ctx,
    numbers: EmergencyNumbers,
    country: Country,
    kinds: Sequence[str],
    said: str,
    told: str = "",
) -> str:
    """The lines of the place the worker is in that an answer's kinds call for (unpaid wages
    in Singapore: the embassy, the Ministry of Manpower's helpline), leaving out those the
    answer already gives. "Contact the KBRI/KJRI" alone left a helper in Singapore without a
    number (a chat tester, stop 49). Where the embassy is wanted and the list has none for
    that country, it says so and gives the Foreign Ministry's hotline. `told`: the message that
    placed the worker, read for a region without a nearby mission (Sabah)."""
    lang = ctx.lang
    name = country.name.get(lang, country.code)
    lines = [line for line in country.lines_of(kinds) if line.number not in said]
    out = [ctx._(HELP_HERE).format(country=name), *("• " + line.text(lang) for line in lines)]
    out = out if lines else []
    if "mission" in kinds and not country.lines_of(("mission",)):
        kemlu = general_line(numbers, "Kemlu")
        if kemlu is not None and kemlu.number not in said:
            lacking = [ctx._(NO_MISSION_HERE).format(country=name), "• " + kemlu.text(lang)]
            out += ["", *lacking] if out else lacking
    elif out and "mission" in kinds:
        far = country.far_note_for(f"{ctx.incoming.text}\n{told}", lang)
        out += [far] if far else []
    return "\n".join(out)


def lacking_numbers(ctx: Ctx, country: Country, text: str) -> str:
    """What the list lacks for a place asked about: any local number, or the mission's when
    the message asks for it ("kbri amman nomornya brp?", "nomor kbri brunei ada?")."""
    name = country.name.get(ctx.lang, country.code)
    if not country.lines:
        return ctx._(NO_LOCAL_NUMBERS).format(country=name)
    has_mission = any(
        word in (line.label.get("en", "") + line.label.get("id", ""))
        for line in country.lines
        for word in MISSION_LABELS
    )
    if has_mission or not MISSION_WORDS.intersection(fold(text).split()):
        return ""
    if country.code == "TW":
        return ctx._(NO_KDEI_NUMBER)
    return ctx._(NO_MISSION_NUMBER).format(country=name)


REPORT_INVITE = N_("Type *report* and your village officer will help.")
"""How answers end, in the content as in the catalogs: to someone whose report is open, the
line says it is with the officer already (`report_is_with_officer`)."""
REPORT_WITH_OFFICER = N_("Your report *{number}* is already with your village officer.")


INVITE_LINE = re.compile(
    r"(?:^|(?<=[.?!] ))(?:Ketik \*lapor\*|Type \*report\*)[^\n]*$", re.MULTILINE
)
"""A topic's closing sentence inviting a report, in whichever words the topic ends with ("Ketik
*lapor* untuk bantuan petugas desa." stayed under an open report: a family-side tester,
stop 53), also after another sentence on its line ("Layanan tiap desa bisa berbeda. Ketik
*lapor* ...": a tester, stop 57)."""


def report_is_with_officer(ctx: Ctx, text: str, number: str, lang: str | None = None) -> str:
    """An answer given while a report is open, without "type *lapor*": that report is with the
    officer already, and typing it would start a second one."""
    _ = translator(lang) if lang else ctx._
    return INVITE_LINE.sub(_(REPORT_WITH_OFFICER).format(number=number), text)


def where_to_turn(
    ctx: Ctx,
    numbers: EmergencyNumbers,
    country: Country | None,
    open_report: str | None = None,
    region: str | None = None,
) -> None:
    """Where to report from the place the person is (when a message placed them), and from
    anywhere: the answer to "lapor kmn?". With a report open (`open_report`), it says the
    report is with the officer instead of offering one."""
    _ = ctx._
    lines = [_("Where to report and whom to call:"), ""]
    if country is not None and country.lines:
        lines += [place_numbers(ctx, country, region), ""]
    if country is not None:
        # "nomor kjri hongkong brp", "nomor kbri kamboja brp" after the danger reply: that
        # there is none checked, not a list without it (a family danger tester, stop 53)
        lacking = lacking_numbers(ctx, country, ctx.incoming.text or "")
        lines += [lacking, ""] if lacking else []
    lines.append(_("From anywhere (also for the family at home):"))
    lines.extend("• " + line.text(ctx.lang) for line in numbers.general)
    if country is None:
        lines += [
            "",
            _("Tell me the country or city (e.g. *di Johor*) for the numbers to call there."),
        ]
        ctx.set_data(**{pieces.PLACE_ASKED_KEY: ctx.now.isoformat()})
    if open_report:
        lines += ["", _(REPORT_WITH_OFFICER).format(number=open_report)]
        ctx.say("\n".join(lines))
        return
    lines += ["", _(REPORT_INVITE)]
    ctx.say("\n".join(lines), [Button(REPORT, short(_("Ask an officer")))])


SPEAK_INSTEAD = N_(
    "If reading or writing is hard, you can speak to someone instead:\n{lines}\n\nYour village "
    "officer can also contact you: press *Ask an officer*. A report may also carry voice "
    "notes; they are kept with it for your officer. Someone you trust who reads can also help "
    "you type."
)


REPORTING_IS_FREE = N_(
    "Reporting here is free. Do not pay anyone who asks for money for a report. Type *lapor* "
    "and your village officer gets it."
)
REPORT_IS_FREE = N_(
    "Your report *{number}* costs nothing. Do not pay anyone who asks for money for it."
)


def reporting_is_free(ctx: Ctx, number: str | None = None) -> None:
    """ "kalau sy lapor disini bayar gk?": reporting costs nothing (it got the rules on
    placement fees: a family chat tester, stop 49)."""
    if number:
        ctx.say(ctx._(REPORT_IS_FREE).format(number=number))
        return
    ctx.say(ctx._(REPORTING_IS_FREE), [Button(REPORT, short(ctx._("Report a problem")))])


CANNOT_PHONE = N_(
    "This chat cannot make phone calls. To speak to someone, call:\n{lines}\n\nYour village "
    "officer can also answer you here: press *Ask an officer*. A report may also carry voice "
    "notes; they are kept with it for your officer."
)


def speak_instead(ctx: Ctx, numbers: EmergencyNumbers, phoned: bool = False) -> None:
    """For someone who cannot read or write well ("sy gk bisa baca tulis"), who sent a voice
    note, or who asks to be phoned (`phoned`: "ini nomor sy 0819..., tolong telpon sy pak" got
    the danger reply, "tolong" read as a plea: a chat tester's case, stop 50): KP2MI's numbers
    to call, and a report, which keeps voice notes for its officer."""
    lines = "\n".join(
        "• " + line.text(ctx.lang) for line in numbers.general if "KP2MI" in line.label["id"]
    )
    ctx.say(
        ctx._(CANNOT_PHONE if phoned else SPEAK_INSTEAD).format(lines=lines),
        [Button(REPORT, short(ctx._("Ask an officer")))],
    )


def _for_someone_of_theirs(ctx: Ctx) -> bool:
    """The wish to die is another's, told by family: as the words before and in the harm say
    (`harm_is_the_writers`), else as the writer naming one of theirs does."""
    text = ctx.incoming.text or ""
    danger = ctx.reading.danger if ctx.reading is not None else None
    whose = (
        harm_is_the_writers(default_detector().standard(text), danger.phrase)
        if danger is not None and danger.phrase
        else None
    )
    if whose is not None:
        # "td dia telpon, katanya mau mati aja" is another's without kin named; "sy rindu ibu
        # sy, lbh baik sy mati aja" the writer's though kin is (a regression tester, stop 52)
        return not whose
    return names_own_kin(text)


def emergency_text(
    ctx: Ctx,
    numbers: EmergencyNumbers,
    country: Country | None,
    with_report: bool = True,
    open_report: str | None = None,
    caring: bool = False,
    picking: bool = False,
    sea: bool = False,
    home: bool = False,
) -> str:
    """The numbers to call. `caring`: the person wrote of wanting to die, and is spoken to
    first, in a few plain words that promise nothing the numbers cannot keep. `sea`: the
    person is on a ship at sea, where no land's number gets through. `home`: the person is in
    Indonesia, though the message does not say it (a report kept as Indonesia)."""
    _ = ctx._
    lang = ctx.lang
    swallowed = caring and has_swallowed(ctx.incoming.text or "")
    if swallowed and _for_someone_of_theirs(ctx):
        # "adik sy udh minum obat banyak bgt" was told to keep talking with her: a hospital
        # first (left from stop 52)
        opening = _(
            "Get them to a hospital now: ask someone near them to call an ambulance or take "
            "them to the nearest hospital, and to tell the doctors what they swallowed. Then "
            "call one of these numbers for them:"
        )
    elif swallowed:
        opening = _(
            "Go to the nearest hospital now, or call an ambulance, and tell someone near you "
            "what you swallowed. You are not alone. The numbers to call:"
        )
    elif caring and _for_someone_of_theirs(ctx):
        # "kakak sy bilang dia mau bunuh diri": the one writing is family, not the one at risk
        # (it was told "ask someone near you to stay with you": two chat testers, stop 51)
        opening = _(
            "Thank you for telling me. Keep talking with them if you can, and ask someone near "
            "them to stay with them. Call one of these numbers now for them:"
        )
    elif caring:
        opening = _(
            "Thank you for telling me. You are not alone. Call one of these numbers now, or ask "
            "someone near you to stay with you:"
        )
    else:
        opening = _("If someone is in danger now, call for help at once:")
    lines = [opening]
    home_now = not sea and country is None and (home or _still_home(numbers, ctx.incoming.text))
    if home_now:
        # "d tahan d penampungan PT d jakarta": the police at home first (a family in Batam or
        # Surabaya read the numbers from anywhere before it: a look-alike tester, stop 56)
        lines += ["", _("In Indonesia: call the police at *110* now.")]
    if sea:
        lines.append("")
        lines.append(
            _(
                "At sea, no land's emergency number gets through. With the ship's internet: "
                "KP2MI on WhatsApp *{whatsapp}*, or the emergency button of the Kemlu *Safe "
                "Travel* app, which reaches the nearest embassy or consulate. Say the ship's "
                "name, its flag and the next port."
            ).format(whatsapp=kp2mi_whatsapp(numbers))
        )
    elif country is not None and country.lines:
        lines.append("")
        lines.append(place_numbers(ctx, country))
        # "nomor kjri hongkong ada gk" after the numbers: that there is none checked, not
        # the police again in silence (a long-plea chat tester, stop 52)
        lacking = lacking_numbers(ctx, country, ctx.incoming.text or "")
        if lacking:
            lines += ["", lacking]
    elif country is not None:
        lines.append("")
        lines.append(_(NO_LOCAL_NUMBERS).format(country=country.name.get(lang, country.code)))
    lines.append("")
    lines.append(_("From anywhere (also for the family at home):"))
    lines.extend("• " + line.text(lang) for line in numbers.general)
    if not (sea or home_now) and country is None:  # at sea the ship is named instead, asked above
        lines.append("")
        lines.append(
            _(
                "Tell me the country or city (e.g. *di Johor*) and I will give the local "
                "emergency numbers there."
            )
        )
    if picking:
        return "\n".join(lines)  # which report it is for is asked next (bot/flows/case_pick.py)
    lines.append("")
    if with_report:
        lines.append(_("Press *Urgent report* and your village officer gets this at once."))
    elif open_report:
        lines.append(
            _(
                "Your report *{number}* is now marked urgent, with this message: your village "
                "officer sees it first."
            ).format(number=open_report)
        )
    else:
        lines.append(
            _("When you send your report, it is marked urgent: your village officer sees it first.")
        )
    return "\n".join(lines)


def _still_home(numbers: EmergencyNumbers, text: str | None) -> bool:
    """A place at home is named, or only a place someone is about to be sent to ("anak sy 15
    thn mau diberangkatkan calo ke malaysia minggu depan" was asked for the country, with
    Indonesia's police last: a tester, stop 55)."""
    return at_home(text) or numbers.intended_place(text) is not None


def emergency(
    ctx: Ctx,
    numbers: EmergencyNumbers,
    country: Country | None,
    with_report: bool = True,
    open_report: str | None = None,
    caring: bool = False,
    picking: bool = False,
    home: bool = False,
) -> None:
    """The emergency reply, with one tap to open an urgent case carrying the message, or the
    word that the report already open (`open_report`) is urgent now; `picking`: which of two
    open reports it is for is asked next. Caring words said are kept (`pieces.CARED_KEY`):
    told again, a wish to die gets a few words, not the list."""
    buttons = [Button(URGENT_REPORT, short(ctx._("Urgent report")))] if with_report else []
    sea = at_sea(ctx.incoming.text, numbers.place_word_in)
    text = emergency_text(
        ctx, numbers, country, with_report, open_report, caring, picking, sea, home
    )
    ctx.say(text, buttons)
    ctx.set_data(**{pieces.SEA_KEY: sea or None})  # a flag named next is the ship's
    if caring:
        ctx.set_data(**{pieces.CARED_KEY: True})


def _report_or_numbers(ctx: Ctx, also: Topic | None = None) -> list[Button]:
    """After the danger reply: the urgent report, the numbers again, and what the new message
    itself is most likely about (news of a death, going home), one tap away."""
    buttons = [
        Button(URGENT_REPORT, short(ctx._("Urgent report"))),
        Button(EMERGENCY_CHOICE, short(ctx._(EMERGENCY_LABEL))),
    ]
    if also is not None and also.slug != EMERGENCY_TOPIC:
        buttons.append(Button(f"topic:{also.slug}", short(_title(ctx, also, ctx.lang))))
    return buttons


NOTED_AT_SEA = N_(
    "Thank you, I have added this to what you told me. Press *Urgent report* and your village "
    "officer gets all of it at once. At sea, write to KP2MI on WhatsApp *{whatsapp}* or use "
    "the emergency button of the *Safe Travel* app whenever the ship has internet."
)


def story_noted(
    ctx: Ctx, also: Topic | None = None, numbers: EmergencyNumbers | None = None
) -> None:
    """After the danger reply, more of the story (a name, since when, where): not choices of
    unrelated topics, but the urgent report again, now carrying all of it. After the reply
    for a ship at sea (with `numbers` to read KP2MI's WhatsApp from), not "call the numbers
    above": no land's number reaches a ship."""
    if numbers is not None and ctx.data.get(pieces.SEA_KEY):
        text = ctx._(NOTED_AT_SEA).format(whatsapp=kp2mi_whatsapp(numbers))
    else:
        text = ctx._(
            "Thank you, I have added this to what you told me. Press *Urgent report* and your "
            "village officer gets all of it at once. If someone is in danger now, call the "
            "numbers above."
        )
    ctx.say(text, _report_or_numbers(ctx, also))


def how_long_for_a_reply(ctx: Ctx, urgent_minutes: int, any_hours: int) -> None:
    """What happens to a report once sent, in the times the service keeps to."""
    ctx.say(
        ctx._(
            "Once sent, your report goes to your village officer at once, and the reply comes "
            "here. If no officer takes it up within {hours} hours ({minutes} minutes when "
            "someone is in danger), it goes to the district's officers."
        ).format(hours=any_hours, minutes=urgent_minutes)
    )


def details_noted(ctx: Ctx) -> None:
    """The worker's name or village told under an answer ("namanya siti aminah, dr desa
    sukamulia"): kept for the report, which will not ask for them again, not a line of the
    answer picked by the word "nama" (a chat tester, stop 53)."""
    ctx.say(
        ctx._(
            "Thank you, I have noted this. Press *Ask an officer* and your village officer gets "
            "your report; what you told me is filled in already."
        ),
        [Button("cmd:report", short(ctx._("Ask an officer")))],
    )


NO_SIGNAL = N_(
    "Without a signal or internet, your family at home can report for you now: KP2MI's call "
    "centre *{call_centre}* is free from Indonesia. Press *Urgent report* and your village "
    "officer gets everything you told me. When you have a signal again, write to KP2MI on "
    "WhatsApp *{whatsapp}*."
)


def cannot_call_for_them(ctx: Ctx) -> None:
    """After the danger reply, the chat asked to phone someone ("can you call police for me?",
    "tolong telponin kbri"): it cannot; who can."""
    ctx.say(
        ctx._(
            "This chat cannot make phone calls. Please call one of the numbers above yourself, "
            "or ask someone near you to call. Press *Urgent report* and your village officer "
            "gets everything you told me; the officer's reply comes here."
        ),
        [Button(URGENT_REPORT, short(ctx._("Urgent report")))],
    )


def no_signal(ctx: Ctx, numbers: EmergencyNumbers) -> None:
    """After the danger reply, no signal or internet ("gk ada sinyal, cuma bisa sms sekali2",
    "d kapal gk ada internet"): the family at home can call for them; not "write over the
    internet" nor "call the numbers above" (a danger chat tester, stop 50)."""
    call_centre = general_line(numbers, "KP2MI call centre")
    number = call_centre.number if call_centre is not None else ""
    text = ctx._(NO_SIGNAL).format(call_centre=number, whatsapp=kp2mi_whatsapp(numbers))
    ctx.say(text, [Button(URGENT_REPORT, short(ctx._("Urgent report")))])


SAFE_NOW = N_(
    "I am glad you are safe now. I have added this to what you told me. For what happened "
    "(wages, documents, a claim), press *Report a problem* and your village officer gets all of "
    "it."
)


def no_danger_meant(ctx: Ctx) -> None:
    """After the danger reply, "bukan bahaya, cuma tanya": the misreading owned, and the way
    to ask what was meant; a family playing down a harm ("gk bahaya kok, dia udh biasa"
    after a worker locked in unfed: a chat tester, stop 51) still has the urgent report."""
    ctx.say(
        ctx._(
            "Thank you, and sorry: I read it as someone in danger. Please type your question "
            "again, or choose from the menu. If someone is held, hurt or not fed, that is "
            "still abuse: press *Urgent report*."
        ),
        [
            Button(URGENT_REPORT, short(ctx._("Urgent report"))),
            Button("cmd:menu", short(ctx._("Menu"))),
        ],
    )


SAFE_NOW_OTHER = N_(
    "I am glad to hear they are safe now. I have added this to what you told me. For what "
    "happened (wages, documents, a claim), press *Report a problem* and your village officer "
    "gets all of it."
)


def safe_now(ctx: Ctx, another: bool = False) -> None:
    """After the danger reply, "udah aman skrg" / "im safe now in embassy shelter": heard, and
    the report offered for what is left to settle, not "call the numbers above" and the urgent
    report pressed again (a danger chat tester, stop 50)."""
    ctx.say(
        ctx._(SAFE_NOW_OTHER if another else SAFE_NOW),
        [Button(REPORT, short(ctx._("Report a problem")))],
    )


def still_with_you(ctx: Ctx) -> None:
    """A wish to die told again after the caring words and the numbers: spoken to again, not
    told that a detail was added to the story."""
    ctx.say(
        ctx._(
            "You are not alone. Please call one of the numbers above now, or ask someone near "
            "you to stay with you. Press *Urgent report* and your village officer gets "
            "everything you told me."
        ),
        _report_or_numbers(ctx),
    )


def means_at_hand(
    ctx: Ctx,
    numbers: EmergencyNumbers,
    country: Country | None,
    taken: bool = False,
    at_an_edge: bool = False,
) -> None:
    """After a wish to die, a means named ("sy udah pegang pisau", "I have the pills"): the
    numbers again, after the one thing to do first (a chat tester, stop 47: it got "added to
    your story"). Already swallowed (`taken`): an ambulance or a hospital now."""
    first = (
        ctx._(
            "Call an ambulance now with the emergency number below, or go to the nearest "
            "hospital now, and tell someone near you what you took."
        )
        if taken
        else ctx._(
            "Please step back from the edge now, go inside, to where other people are. Call "
            "one of these numbers now:"
        )
        if at_an_edge  # "sy udah d atap gedung" was told to put the object away (stop 51)
        else ctx._(
            "Please put it away from you now and go to where other people are. Call one of "
            "these numbers now:"
        )
    )
    ctx.say(
        first + "\n\n" + _numbers_for(ctx, numbers, country),
        _report_or_numbers(ctx),
    )


CANNOT_CALL = N_(
    "If you cannot make a call, write instead, over the internet or wifi: KP2MI on WhatsApp "
    "*{whatsapp}*, or the emergency button of the Kemlu *Safe Travel* app, which reaches the "
    "nearest embassy or consulate. Say where you are and what is happening. Press *Urgent "
    "report* and your village officer gets everything you told me; the officer's reply comes "
    "here."
)


def general_line(numbers: EmergencyNumbers, label: str) -> Line | None:
    """The line for anywhere whose Indonesian label holds `label` ("Kemlu", "KP2MI call
    centre"), as the content gives it."""
    return next((line for line in numbers.general if label in line.label.get("id", "")), None)


def kp2mi_whatsapp(numbers: EmergencyNumbers) -> str:
    """KP2MI's WhatsApp number, as the content gives it (knowledge/content/emergency.yaml)."""
    return next(
        line.number
        for line in numbers.general
        if "KP2MI" in line.label["id"] and line.note.get("en") == "WhatsApp"
    )


def family_cannot_call(ctx: Ctx, numbers: EmergencyNumbers) -> None:
    """After the danger reply, the family at home has no credit or cannot call abroad ("sy
    tdk punya pulsa pak", "we dont have credit to call abroad"): the free line from Indonesia
    first (they were told to write over the internet: a danger chat tester, stop 51)."""
    call_centre = general_line(numbers, "KP2MI call centre")
    ctx.say(
        ctx._(
            "From Indonesia, KP2MI's call centre *{call_centre}* is free: tell them who is in "
            "danger, where, and the employer's or agency's name. With internet, you can also "
            "write to KP2MI on WhatsApp *{whatsapp}*. Press *Urgent report* and your village "
            "officer gets everything you told me."
        ).format(
            call_centre=call_centre.number if call_centre is not None else "",
            whatsapp=kp2mi_whatsapp(numbers),
        ),
        [Button(URGENT_REPORT, short(ctx._("Urgent report")))],
    )


def family_cannot_afford(ctx: Ctx, numbers: EmergencyNumbers) -> None:
    """After the danger reply, a family with no money ("kami org susah gk punya uang ke
    mataram"): the help costs nothing and needs no journey to an office."""
    call_centre = general_line(numbers, "KP2MI call centre")
    ctx.say(
        ctx._(
            "This help costs nothing, and you do not need to travel to an office. From "
            "Indonesia, KP2MI's call centre *{call_centre}* is free. Press *Urgent report*: "
            "your village officer gets everything you told me here, at no cost, and answers "
            "in this chat."
        ).format(call_centre=call_centre.number if call_centre is not None else ""),
        [Button(URGENT_REPORT, short(ctx._("Urgent report")))],
    )


def cannot_call(ctx: Ctx, numbers: EmergencyNumbers) -> None:
    """After the danger reply, the person cannot phone ("sy gk bisa telpon, cm bisa wa
    diam2", "sy gk punya pulsa"): ways to write for help, not "call the numbers above" (a
    chat tester, stop 49)."""
    text = ctx._(CANNOT_CALL).format(whatsapp=kp2mi_whatsapp(numbers))
    ctx.say(text, [Button(URGENT_REPORT, short(ctx._("Urgent report")))])


def out_of_reach_in_danger(ctx: Ctx, numbers: EmergencyNumbers, country: Country | None) -> None:
    """After the danger reply, the person no longer answers ("nomor hp nya gk aktif skrg"):
    the mission's and the ministry's hotlines now, with what to tell them, not the steps for
    a worker missing for weeks (a chat tester, stop 47)."""
    ctx.say(
        ctx._(
            "Call for help now: from home, the Kemlu hotline and KP2MI below. Tell them where "
            "the person is (the address or city), the employer's or agency's name, and what "
            "they said last."
        )
        + "\n\n"
        + _numbers_for(ctx, numbers, country),
        _report_or_numbers(ctx),
    )


def _numbers_for(ctx: Ctx, numbers: EmergencyNumbers, country: Country | None) -> str:
    """The place's own numbers when it is known, and the ones that work from anywhere."""
    lines = [place_numbers(ctx, country), ""] if country is not None and country.lines else []
    lines.append(ctx._("From anywhere (also for the family at home):"))
    lines.extend("• " + line.text(ctx.lang) for line in numbers.general)
    return "\n".join(lines)


def it_is_danger(ctx: Ctx) -> None:
    """Asked whether what was told is danger: yes, said plainly, and the two steps."""
    ctx.say(
        ctx._(
            "Yes, what you told me is a danger, and it should not wait. Call the numbers above "
            "and press *Urgent report*: your village officer gets everything you told me at "
            "once."
        ),
        [Button(URGENT_REPORT, short(ctx._("Urgent report")))],
    )


def danger_next_steps(ctx: Ctx, also: Topic | None = None) -> None:
    """Asked what to do after the danger reply ("what should we do", "tolong bantu"): the two
    steps that help now, not the service's menu."""
    ctx.say(
        ctx._(
            "What to do now: call the numbers above (the local ones from where the person is; "
            "KP2MI and the Kemlu hotline also from home). Press *Urgent report* and your "
            "village officer gets everything you told me at once. Tell me more (a name, where, "
            "since when) and I will add it."
        ),
        _report_or_numbers(ctx, also),
    )


def answered_above(
    ctx: Ctx,
    topics: Mapping[str, Topic],
    slug: str,
    lang: str,
    alone: str | None = None,
    place: Country | None = None,
    more: bool = False,
    places: frozenset[str] = frozenset(),
) -> None:
    """The same topic again minutes after its answer (more of the story, a follow-up, "what
    should she do?"): the answer is still on the screen, so not the whole text a second time.
    The first time, the topic's detail, which the short answer leaves out ("trs jenazah nya
    gmn pak", "mhn d jelaskn lbh detail"), unless the message alone leans to another topic and
    does not ask for `more` ("syarat nya apa aja" after the Hong Kong answer: the requirements,
    not Hong Kong's wages); after that, a short pointer to the answer and a person to ask. The
    message may add what neither covers, so it is not told it was answered: what the message
    alone is most likely about (`alone`) is one tap away."""
    topic = topics[slug]
    title = _title(ctx, topic, lang)
    stored = ctx.data.get(pieces.ANSWERED_KEY)
    detail = topic.detail.get(lang, "")
    told = pieces.recent(ctx.data.get(PIECES_KEY), ctx.now)
    if topic.living and speaks_of_no_death(pieces.whole(told, ctx.incoming.text or "")):
        detail = for_the_living(detail)  # no death benefit for "brp lama sembuh usus buntu?"
    shown = isinstance(stored, dict) and stored.get("detail")
    if detail and not shown and (more or alone is None):
        if place is not None:
            names = tuple(n.lower() for n in place.name.values())
            # a worker in Riyadh asking what now got Hong Kong's rest day (a chat tester, stop
            # 49): other places' paragraphs are left out, as in a first answer
            detail = place_first(for_place(detail, names, places) if places else detail, names)
        ctx.say(
            ctx._("More on *{title}*:").format(title=title) + "\n\n" + detail,
            [
                *topic_buttons(ctx, topics, [alone] if alone else [], lang),
                Button(REPORT, short(ctx._("Ask an officer"))),
            ],
        )
        ctx.set_data(**{pieces.ANSWERED_KEY: pieces.answered(slug, lang, ctx.now, detail=True)})
        return
    ctx.say(
        ctx._(
            "My answer on *{title}* is just above. If it does not help with this, choose below "
            "or press *Ask an officer*: your village officer will read everything you wrote."
        ).format(title=title),
        [
            *topic_buttons(ctx, topics, [alone] if alone else [], lang),
            Button(REPORT, short(ctx._("Ask an officer"))),
            Button(f"topic:{slug}", short(ctx._("Show it again"))),
        ],
    )


NOT_KNOWN_THERE = N_(
    "I do not have that figure for {country} in our data. Ask the LTSA or BP3MI, and make sure "
    "it is written in the employment contract before you sign."
)


def not_known_there(
    ctx: Ctx, topics: Mapping[str, Topic], place: Country, own: str, other: str | None
) -> None:
    """A wage, a cost or a contract's length asked of a place whose topic has no line for it:
    said plainly, with that place's topic and the one the words leaned to one tap away."""
    name = place.name.get(ctx.lang, place.code)
    ctx.say(
        ctx._(NOT_KNOWN_THERE).format(country=name),
        [
            *topic_buttons(ctx, topics, [s for s in (own, other) if s], ctx.lang),
            Button(REPORT, short(ctx._("Ask an officer"))),
        ],
    )


def answering_lines(
    ctx: Ctx,
    topics: Mapping[str, Topic],
    slug: str,
    lang: str,
    lines: Sequence[str],
    alone: str | None = None,
) -> None:
    """A follow-up about the answer just given ("visanya brp" after the Japan answer): the
    lines of it or of its detail that hold what was asked, not a pointer to the answer."""
    ctx.say(
        ctx._("On *{title}*:").format(title=_title(ctx, topics[slug], lang))
        + "\n\n"
        + "\n".join(lines),
        [
            *topic_buttons(ctx, topics, [alone] if alone else [], lang),
            Button(REPORT, short(ctx._("Ask an officer"))),
        ],
    )


def topic_buttons(
    ctx: Ctx, topics: Mapping[str, Topic], slugs: Sequence[str], lang: str
) -> list[Button]:
    return [Button(f"topic:{s}", short(_title(ctx, topics[s], lang))) for s in slugs if s in topics]


def _title(ctx: Ctx, topic: Topic, lang: str) -> str:
    """A topic's title as a choice; the emergency numbers by the words the menu uses, which
    fit a button whole ("Nomor darurat", not "Nomor darurat dan…")."""
    if topic.slug == EMERGENCY_TOPIC:
        return ctx._(EMERGENCY_LABEL)
    return topic.button(lang)


def meaning(ctx: Ctx, term: Term, topics: Mapping[str, Topic], in_form: bool = False) -> None:
    """What a word means ("apa itu ltsa"), with the topic that says more one tap away; inside
    a form (`in_form`) the meaning alone, the step's own choices following it."""
    text = term.meaning.get(ctx.lang) or term.meaning.get("id", "")
    if in_form:
        ctx.say(text)
        return
    ctx.say(
        text,
        [
            *topic_buttons(ctx, topics, [term.topic], ctx.lang),
            Button(REPORT, short(ctx._("Ask an officer"))),
        ],
    )


def offer(
    ctx: Ctx,
    topics: Mapping[str, Topic],
    slugs: Sequence[str],
    lang: str,
    after_emergency: bool = False,
) -> None:
    """The most likely topics and "ask an officer", instead of "sorry". When the emergency
    numbers are among them (a story the engine could not place), the prompt says what they
    are for, so that someone in danger knows which to press."""
    chosen = [topics[s] for s in slugs if s in topics]
    prompt = (
        ctx._("These may also help:")
        if after_emergency
        else ctx._("I am not sure I understood. Is it about one of these?")
    )
    if not after_emergency and EMERGENCY_TOPIC in slugs:
        prompt += "\n" + ctx._("If someone is in danger now, choose the emergency numbers.")
    rows = _topic_rows(ctx, chosen, lang)
    rows.append(Row(REPORT, short(ctx._("Ask an officer"), 24)))
    _say_choices(ctx, prompt, rows)


def _topic_rows(ctx: Ctx, chosen: Sequence[Topic], lang: str) -> list[Row]:
    return [Row(f"topic:{t.slug}", short(_title(ctx, t, lang), 24)) for t in chosen]


def _say_choices(ctx: Ctx, prompt: str, rows: list[Row]) -> None:
    """Up to three choices as buttons (one tap), more as one list behind a "Choose" tap."""
    if len(rows) <= MAX_BUTTONS:
        ctx.say(prompt, [Button(r.id, short(r.title)) for r in rows])
    else:
        ctx.say(prompt, rows=rows, list_label=ctx._("Choose"))


def after_answer(
    ctx: Ctx, topics: Mapping[str, Topic], offered: Sequence[str], lang: str
) -> list[Button]:
    """Beside an answer: the message's other needs, then "ask an officer" (and the menu when
    there is room)."""
    buttons = topic_buttons(ctx, topics, offered, lang)[:BESIDE_ANSWER]
    buttons.append(Button(REPORT, short(ctx._("Ask an officer"))))
    if len(buttons) < 3:
        buttons.append(Button("cmd:menu", short(ctx._("Menu"))))
    return buttons


def more_after_answer(
    ctx: Ctx, topics: Mapping[str, Topic], offered: Sequence[str], lang: str
) -> None:
    """A story's other needs, after the answer's own buttons: a second message of buttons, so
    each is one tap away as well (WhatsApp allows three buttons a message)."""
    rest = [topics[s] for s in offered if s in topics][BESIDE_ANSWER:]
    if rest:
        _say_choices(ctx, ctx._("These may also help:"), _topic_rows(ctx, rest, lang))


LONE_NUMBER_DIGITS = 2
"""A message of one or two digits is a choice typed by its number ("1", "10"); longer ones
(a phone number, an NIK) are read as before."""


def lone_number(text: str) -> int | None:
    """The number a message of one or two digits is: a choice typed by its number."""
    number = typed_number(text)
    return number if number is not None and number < 10**LONE_NUMBER_DIGITS else None


def no_such_option(ctx: Ctx, number: int, count: int) -> None:
    """A number typed with nothing of that number to pick ("1" before any list, "5" of four):
    said so, not matched as a question (it drew five unrelated topics)."""
    if count:
        text = ctx._(
            "There is no option {number}. Type a number from 1 to {count}, or type your question."
        )
    else:
        text = ctx._(
            "There is nothing numbered to choose now. Type your question in words, or *menu* "
            "for options."
        )
    ctx.say(
        text.format(number=number, count=count),
        [Button("cmd:menu", short(ctx._("Menu")))],
    )


def keep_safe(ctx: Ctx, country: Country | None) -> None:
    """The employer arriving, typed mid-plea or mid-report ("majikan dtg"): how to stay safe,
    that nothing is lost, and the one local number to call if hurt (`bot.cases.arriving`)."""
    local = country.lines_of(("emergency",)) if country is not None else ()
    call = (
        ctx._("If you are hurt or threatened now, call {line}.").format(
            line=local[0].text(ctx.lang)
        )
        if local
        else ctx._("If you are hurt or threatened now, call the emergency numbers above.")
    )
    ctx.say(
        ctx._(
            "Keep yourself safe first: hide the phone or put it on silent if you need to. "
            "Nothing you wrote is lost. When it is safe, write again and we go on from here."
        )
        + " "
        + call
    )
