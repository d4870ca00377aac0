"""The conversation core: `Engine.handle(session, incoming) -> list[Reply]`, for every channel.

Order of reading a message: unreadable input → commands → the form in progress
(`flows.form_steps`) → an open case's thread, or a report resolved lately (`flows.case_thread`)
→ what follows the danger reply (`flows.after_danger`) → small talk and the knowledge base.
Questions typed inside a form are answered and the form resumes at its step.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from enum import Enum
from functools import partial
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import pieces, replies
from bot.answers import fallback_text, for_place, place_first, smalltalk_text
from bot.cases.arriving import holder_arriving
from bot.cases.asking import ASK_OFFICER, asks_after_a_report
from bot.cases.service import (
    ERASE_PENDING,
    PAUSED_FOR_OFFICER,
    WITHDRAW_PENDING,
    add_family_message,
    open_case_of,
)
from bot.commands import WITHDRAW, command_of
from bot.context import (
    EARLIER_CHARS,
    EARLIER_KEY,
    OPTIONS_KEY,
    PENDING_REPLY,
    PENDING_STORY,
    PIECES_KEY,
    TURN_OPTIONS_KEY,
    Ctx,
)
from bot.flows import (
    after_danger,
    case_pick,
    case_thread,
    company,
    follow_ups,
    form_steps,
    kept_from_village,
    menu,
    my_data,
    news,
    question,
    register_news,
    report_danger,
    withdrawal,
)
from bot.flows.after_danger import NEXT_STEPS_GIVEN as NEXT_STEPS
from bot.flows.base import Form
from bot.flows.case import EARLY_STORY_STEPS, CaseForm
from bot.flows.case_thread import CORRECTION_WORDS
from bot.flows.common import PLACE_CODES, country_guessed
from bot.flows.homecoming import HomecomingForm
from bot.flows.officer_chat import handle_officer
from bot.flows.register import RegisterForm, offer_register
from bot.flows.register_update import COMMANDS as REGISTER_COMMANDS
from bot.flows.register_update import (
    UPDATES,
    RegisterUpdateForm,
    has_entries,
    typed_update,
    update,
)
from bot.flows.report_opening import add_to_story, guesses_from_earlier, prefill
from bot.flows.report_refusal import (
    asks_why_consent,
    danger_country,
    resumed_at_sharing,
    retaken,
)
from bot.flows.training import TrainingForm
from bot.literacy import CALL_ME, REPORT_COST, SPEAK
from bot.officers.service import officer_by_telegram
from bot.options import YES_ID, choose, says_yes, short, typed_choice
from bot.register.hints import news_clause
from bot.store.models import Case, Contact, Conversation, utcnow
from bot.triage import (
    DEATH_TOPIC,
    MISSING_TOPIC,
    Reading,
    Triage,
    speaks_of_no_death,
    tells_a_death,
)
from bot.types import Button, Incoming, Reply
from knowledge import Librarian, chat_language
from knowledge.danger import PLEA
from knowledge.danger_model import read_danger
from knowledge.emergency import EMERGENCY_TOPIC, Country, EmergencyNumbers, Line, at_home, at_sea
from knowledge.lazy import Lazy
from knowledge.normalize import Normalizer, fold
from knowledge.topic import Topic
from knowledge.training import TrainingCatalog
from knowledge.villages import VillageDirectory

log = logging.getLogger(__name__)

MAX_TEXT = 4096
FOLLOW_LANGUAGE_WORDS = 4
"""The interface follows the language of a message this long: "thank you pak" does not turn
an Indonesian family's chat to English."""
SHORT_MESSAGE_WORDS = 2
"""A message of this many words or fewer is answered in the chat's language: "passport?" or
"how much" in an Indonesian chat asks the Indonesian answer (a chat tester, stop 45)."""
COMPANY_TOPICS = frozenset(("cek-perusahaan", "calo-ilegal", "jalur-resmi", "non-prosedural"))
"""Topics a company check answers better than the general text (it includes how to check)."""
COSTS_TOPIC = "biaya-penempatan"
FEE_ASKED = re.compile(
    r"\b(?:minta|diminta|bayar|membayar|biaya|biayanya|ongkos|fee|charge\w*|pay)\b"
    r"(?: \w+){0,3} (?:\d+(?:[.,]\d+)? ?(?:jt|juta|rb|ribu|k)\b|rp|berapa|brp)"
)
"""A fee a company asks for, told or asked beside its name ("mrk minta 35 jt, wajar gk")."""
FRAUD_TOPIC = "calo-ilegal"
"""What to do after paying a broker: the answer for a company that took the money."""
TROUBLE_ABROAD = frozenset(
    (
        "gaji-tidak-dibayar",
        "dokumen-ditahan",
        "kekerasan-majikan",
        "pindah-majikan",
        "phk-mendadak",
        "pulang-sebelum-kontrak",
        "hilang-kontak",
        "pmi-meninggal-sakit",
        "perdagangan-orang",
        "kontak-darurat",
    )
)
"""A worker's trouble abroad: a company named right after its answer is for the report."""


LOCAL_HELP_KEY = "local_help_given"
"""The place whose lines an answer last added, and when: the next answers within the window do
not repeat them (a worker in Malaysia got the same two lines under three answers running: a
chat tester, stop 50)."""


def clean_text(text: str | None) -> str:
    """Drops control and unprintable characters; keeps letters of any script and emoji."""
    if not text:
        return ""
    kept = [
        ch
        for ch in text[: MAX_TEXT * 4]
        if ch in "\n\t" or not unicodedata.category(ch).startswith("C")
    ]
    return "".join(kept).strip()


CONDOLED_KEY = "condoled_at"
"""When condolences were last said: once for a death told in several messages."""
FORM_PLACE_ASKED_KEY = "numbers_place_asked"
"""The numbers given in a form had no place, and asked for it (outside a form,
`pieces.PLACE_ASKED_KEY` keeps when "where to report" asked for one)."""
OFFERS_ASKED = frozenset(("cmd:register", "cmd:returned"))
"""Offers put as a question under an answer ("Has the departure been decided? You can record
it"): a bare yes after them is that offer."""
COUNTRY_STEPS = frozenset(("country", "country_other"))
"""A form's steps that ask the country: a place named there is their answer."""


class Where(Enum):
    """Where the numbers of a danger reply are for, when no place is given."""

    FROM_THE_MESSAGE = "from the message"


PLACE_ANSWER_WORDS = 6
"""A message this short naming a place answers "tell me the country"."""
"""What was written in the minutes before a report was started, kept in the form for where it
places the worker when danger is typed in it."""


def wishes_to_die(reading: Reading) -> bool:
    return reading.danger is not None and reading.danger.wishes_to_die


PLACES_COMPARED = 2
"""Places named in one message from which it compares them rather than asks of one."""


SPEAKS_OF_MONEY = re.compile(
    r"\b(?:biaya|gratis|bayar|dibayar|membayar|rp|gaji|upah|fee|fees|cost|costs|free|pay|paid|"
    r"wage|wages|salary)\b",
    re.IGNORECASE,
)
"""An answer that speaks of money: a cost asked under it is the answer's, not its lines'."""


FORMS_WITH_ANSWERS = frozenset(("training", "register", "homecoming"))
"""Forms whose answers a new form started in their middle drops."""
REGISTER_FLOW = "register"


class Engine:
    """Wires the knowledge base, the forms and the case service behind one `handle`."""

    def __init__(
        self,
        *,
        librarian: Librarian,
        catalog: TrainingCatalog | None = None,
        villages: VillageDirectory | None = None,
        numbers: EmergencyNumbers | None = None,
        retention_days: int = 180,
        escalation: tuple[int, int] = (30, 24),
        form_resume: timedelta = timedelta(hours=24),
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.librarian = librarian
        self.catalog = catalog or TrainingCatalog.load()
        self.villages = villages or VillageDirectory()
        self.retention_days = retention_days
        self.escalation = escalation
        """Minutes an urgent report, and hours any report, wait for an officer before the
        district's officers get it: what the family is told when it asks how long."""
        self.form_resume = form_resume
        self.clock = clock
        self.forms: dict[str, Form] = {
            "training": TrainingForm(),
            "case": CaseForm(),
            "register": RegisterForm(),
            "register_update": RegisterUpdateForm(),
            "homecoming": HomecomingForm(),
            "subscribe": news.SubscribeForm(),
        }
        self.normalizer: Normalizer = librarian.normalizer
        self.triage = Triage(librarian, numbers)
        self.numbers = self.triage.numbers
        self.place_names = frozenset(
            name.lower() for country in self.numbers.countries for name in country.name.values()
        )
        """Every destination's names, to tell a place's paragraph in an answer (`for_place`)."""

    # -- entry point -----------------------------------------------------------------------
    def handle(
        self, session: Session, incoming: Incoming, contact: Contact | None = None
    ) -> list[Reply]:
        return self.run(session, incoming, contact).replies

    def run(self, session: Session, incoming: Incoming, contact: Contact | None = None) -> Ctx:
        """Handles one message; the context says how it was read as well as the replies."""
        now = self.clock()
        if contact is None or contact.channel_user_id != incoming.user_id:
            contact = self.contact_for(session, incoming, now)
        handle = incoming.display_name
        if handle and handle.startswith("@") and contact.display_name != handle:
            contact.display_name = handle  # a Telegram @handle: how an officer can reach them
        conversation = session.get(Conversation, contact.id)
        if conversation is None:
            conversation = Conversation(contact_id=contact.id, data={})
            session.add(conversation)
        ctx = Ctx(session, self, contact, conversation, incoming, now)
        # numbered as shown: every option of the last turn, in order (`Reply.first_number`)
        ctx.previous_options = list(conversation.data.get(TURN_OPTIONS_KEY) or [])
        ctx.set_data(**{OPTIONS_KEY: [], TURN_OPTIONS_KEY: []})
        try:
            self._route(ctx)
        finally:
            conversation.updated_at = now
            contact.last_seen_at = now
        if not ctx.replies:
            ctx.say(ctx._("Type *menu* to see what I can do."))
        return ctx

    def contact_for(self, session: Session, incoming: Incoming, now: datetime) -> Contact:
        contact = session.scalars(
            select(Contact).where(
                Contact.channel == incoming.channel, Contact.channel_user_id == incoming.user_id
            )
        ).first()
        if contact is None:
            contact = Contact(
                channel=incoming.channel,
                channel_user_id=incoming.user_id,
                language=self._initial_language(incoming),
                created_at=now,
                last_seen_at=now,
            )
            session.add(contact)
            session.flush()
        return contact

    def _initial_language(self, incoming: Incoming) -> str:
        """From the first words, else the app's language: after erasing, the next message
        makes a new contact, and an English user's "menu" was answered in Indonesian (a
        forms tester, stop 55)."""
        hinted = incoming.language if incoming.language in ("id", "en") else "id"
        return chat_language(incoming.text or "", default=hinted) if incoming.text else hinted

    # -- routing ---------------------------------------------------------------------------
    def read_anew(self, ctx: Ctx) -> None:
        """The message read as if no form had been open (a form left because the message was
        not its answer)."""
        self._route(ctx)

    def _route(self, ctx: Ctx) -> None:
        incoming = ctx.incoming
        if incoming.channel == "telegram":
            officer = officer_by_telegram(ctx.session, incoming.user_id)
            if officer is not None:
                handle_officer(ctx, officer)
                return
        text = clean_text(incoming.text)
        if text != (incoming.text or ""):
            ctx.incoming = incoming = replace(incoming, text=text)
        previous = ctx.previous_options
        number = None if incoming.button else typed_choice(text, len(previous))
        if number is not None and 1 <= number <= len(previous):
            ctx.incoming = incoming = replace(incoming, button=previous[number - 1], text=None)
        elif previous and previous[-1] in OFFERS_ASKED and not incoming.button and says_yes(text):
            # "yes" under "Has the departure been decided? You can record it" got "I don't have
            # a reliable answer", and "iya" under the return's offer "type menu" (a forms
            # tester, stop 65): the offer the question asked about
            ctx.incoming = incoming = replace(incoming, button=previous[-1], text=None)
        self._expire_old_form(ctx)
        command = self._command(ctx)
        if not (command or "").startswith(case_pick.PICK) and command != "status":
            # another message than "which report?" asked for; the reports' status is asked
            # on the way to answering it, and the question comes again under it
            case_pick.release(ctx)
        if command is not None:
            self.run_command(ctx, command)
            return
        conv = ctx.conversation
        if not conv.flow and text and retaken(ctx):
            return  # "yaudah setuju" right after refusing a report's consent: it starts again
        if not conv.flow and text and asks_why_consent(ctx):
            return
        if text and holder_arriving(text) and self._keep_safe(ctx, text):
            return
        if conv.flow in self.forms and not conv.parked:
            if self._place_for_the_numbers(ctx, text):
                return
            self._danger_in_form(ctx, text)
            form_steps.continue_form(self, ctx)
            return
        if conv.flow == ERASE_PENDING:
            ctx.say(ctx._("Nothing was deleted."))  # another message than yes or no
        if conv.flow in (ERASE_PENDING, "language") and not menu.return_to_paused(ctx):
            self.clear(ctx)
        if conv.flow == WITHDRAW_PENDING:
            withdrawal.keep(ctx)  # another message than yes or no
        if ctx.incoming.button and ctx.incoming.button.startswith(company.PREFIX):
            company.choose(ctx, ctx.incoming.button.removeprefix(company.PREFIX))
            return
        if ctx.incoming.button and ctx.incoming.button.startswith("topic:"):
            slug = ctx.incoming.button.split(":", 1)[1]
            if slug == EMERGENCY_TOPIC:
                self.emergency_chosen(ctx)
            else:
                self.answer_topic(ctx, slug)
            return
        if incoming.media:
            self.media(ctx)
            return
        if not ctx.incoming.text:
            ctx.say(ctx._("I received an empty message. Please type your question in words."))
            return
        if not fold(ctx.incoming.text):
            if any(ch.isalpha() for ch in ctx.incoming.text):
                # words in a script the engine does not read (Arabic, Thai, Chinese): the
                # person wrote words, so "I can only read words" would be wrong
                ctx.say(
                    ctx._(
                        "I can only read Latin letters: Indonesian, English, Malay or a "
                        "regional language. Please type your question that way, or *menu* "
                        "for options."
                    )
                )
                return
            if ctx.data.get(pieces.CARED_KEY) and pieces.after_danger(
                ctx.data.get(pieces.DANGER_KEY), ctx.now
            ):
                # "..." or "😢" after a wish to die: the person, not "I can only read words"
                # (a third chat tester, stop 47)
                replies.still_with_you(ctx)
                return
            ctx.say(
                ctx._("I can only read words. Please type your question, or *menu* for options.")
            )
            return
        lone = replies.lone_number(ctx.incoming.text)
        if lone is not None:
            replies.no_such_option(ctx, lone, len(ctx.previous_options))
            return
        if len(ctx.incoming.text) > MAX_TEXT:
            # a long plea is still read (a person in danger never meets "too long"): its first
            # part, cut at a word; the whole text is stored with the inbound message
            ctx.say(
                ctx._(
                    "Your message is very long, so I read its first part. If something "
                    "important comes later, please send it in another message."
                )
            )
            head = ctx.incoming.text[:MAX_TEXT].rsplit(None, 1)[0]
            ctx.incoming = replace(ctx.incoming, text=head)
        self._follow_language(ctx)
        named = case_thread.case_named(ctx, ctx.incoming.text or "")
        case = named if named is not None and named.status != "resolved" else None
        case = case or open_case_of(ctx.session, ctx.contact)  # "K-ALZETB ...": that one
        unclear: list[Case] = []
        if case is not None and named is None:
            # two reports open: the one whose worker or country the message names, or whose
            # officer the family answers; else the family is asked (bot/flows/case_pick.py)
            meant = case_thread.open_case_meant(ctx, ctx.incoming.text or "")
            answered, unclear = (None, []) if meant else case_pick.answered_or_unclear(ctx)
            case = meant or answered or case
        if case is not None:
            said = len(ctx.replies)
            case_thread.open_thread(self, ctx, case, unclear)
            if case.village_hidden and not unclear:
                # every line about a report kept from the village names the district's officer
                # ("sudah diteruskan ke petugas desa Anda" under an answer, after the family
                # chose *Hanya kabupaten*: a family chat tester, stop 49)
                ctx.replies[said:] = [
                    replace(r, text=case_thread.for_a_hidden_case(case, r))
                    for r in ctx.replies[said:]
                ]
            form_steps.remind_paused(self, ctx)
            return
        if case_thread.after_resolved(self, ctx):
            return
        self.answer(ctx)

    def _danger_in_form(self, ctx: Ctx, text: str) -> None:
        """Danger typed at any step of a form gets the numbers first; a report becomes urgent."""
        if ctx.conversation.flow not in self.forms:
            return
        danger = read_danger(text) if text else None
        if danger is not None and ctx.data.get("urgent"):
            if danger.wishes_to_die and not ctx.data.get(pieces.CARED_KEY):
                # "sy pengen bunuh diri aja" typed in an urgent report: spoken to, with the
                # numbers, before the step goes on (it got only "saved for your report")
                self.emergency(
                    ctx, self._report_danger_place(ctx) or Where.FROM_THE_MESSAGE, caring=True
                )
            return
        if danger is not None:
            # the place the danger names, else where the report or what came before it places
            # the worker ("tolong majikan dtg bawa pisau" after a question on Taiwan's wages
            # got no Taiwan numbers: a chat tester, stop 49); a place at home, Indonesia's
            place = None
            # a report kept as Indonesia: its police, unless the message places them abroad
            # now ("dibawa calo mau diseberangkan ke malaysia ..., skrg dikurung d rumah calo"
            # in a report on Batam got Malaysia's 999: a last regression tester, stop 54)
            home = ctx.data.get("country") == "Indonesia" and self.numbers.located_in(text) is None
            if not (at_home(text) or home):
                # the register's country is where someone is going, not where they are ("anak
                # sy ditahan d penampungan, gk blh keluar" in a departure to Taiwan got Taiwan's
                # 110: a regression tester of what follows the first reply, stop 64)
                place = self.numbers.where_to_dial(text) or (
                    None
                    if ctx.conversation.flow == REGISTER_FLOW
                    else self._report_danger_place(ctx)
                )
            self.emergency(ctx, place, caring=danger.wishes_to_die, home=home)
            # the numbers asked where the person is: the place typed next answers that
            ctx.set_data(**{FORM_PLACE_ASKED_KEY: place is None and not (at_home(text) or home)})
            if ctx.conversation.flow == "case":
                ctx.set_data(urgent=True)
                if ctx.conversation.step not in (*EARLY_STORY_STEPS, "story"):
                    add_to_story(ctx, text)  # "katanya mau dibunuh majikan" typed at any step
            else:
                # the urgent report pressed next carries it ("adik sy d malaysia dikurung
                # majikan" typed in the training form: its report asked for all of it again,
                # and kept "kan td sdh sy tulis pak" as the story; a forms tester, stop 55)
                ctx.set_data(**{PENDING_STORY: text})

    def _back_to_the_summary(self, ctx: Ctx) -> bool:
        """A cancel typed while a form's answers are being changed (at *Change*'s list, or
        the field chosen) takes back the change: "gk jadi" there threw away a whole report on
        a brother held in Cambodia (a family-side tester, stop 63). *Cancel* at the summary
        still ends the form."""
        conv = ctx.conversation
        form = self.forms.get(conv.flow or "")
        if form is None or conv.parked or ctx.incoming.button:
            return False
        if conv.step != "change" and not ctx.data.get("editing"):
            return False
        summary = form.step("summary")
        if summary is None:
            return False
        ctx.say(ctx._("All right, nothing was changed."))
        conv.step = summary.name
        summary.prompt(ctx)
        return True

    def _keep_safe(self, ctx: Ctx, text: str) -> bool:
        """The employer arriving ("majikan dtg"), typed in a report, after the danger reply or
        with an urgent report open: how to stay safe first. In a report it is part of the
        story, and the step waits; with a report open the officer reads it too (the caller
        goes on to add it: False)."""
        conv = ctx.conversation
        if conv.flow == "case" and not conv.parked:
            replies.keep_safe(ctx, self._report_danger_place(ctx))
            if conv.step != "consent":  # nothing is kept before the consent is given
                add_to_story(ctx, text)
            step = self.forms["case"].step(conv.step)
            if step is not None:
                step.ask_again(ctx)
            return True
        if conv.flow:
            return False
        if pieces.after_danger(ctx.data.get(pieces.DANGER_KEY), ctx.now):
            code, _ = pieces.danger_place_given(ctx.data.get(pieces.DANGER_PLACE_KEY))
            replies.keep_safe(ctx, self.numbers.country(code or None))
            return True
        case = open_case_of(ctx.session, ctx.contact)
        if case is not None and case.urgent:
            replies.keep_safe(ctx, report_danger.reported_country(self, case))
        return False

    def _place_for_the_numbers(self, ctx: Ctx, text: str) -> bool:
        """The place typed right after the numbers in a form asked for it ("hongkong" at the
        name step): that place's numbers, the report's country guessed from it, and the step
        asked again ("*hongkong* is a place" and no numbers: a chat tester, stop 53)."""
        if not text or ctx.incoming.button:
            return False
        asked = ctx.data.get(FORM_PLACE_ASKED_KEY)
        if not asked and not self._numbers_await_a_place(ctx):
            return False
        ctx.set_data(**{FORM_PLACE_ASKED_KEY: None})
        place = self.numbers.country_in(text)
        if place is None or len(text.split()) > PLACE_ANSWER_WORDS:
            return False
        self.emergency(ctx, place)
        if ctx.conversation.step in COUNTRY_STEPS:
            # "malaysia" where the report asks the country, after the numbers from anywhere
            # asked where the person is: that country's numbers, and the answer read as the
            # country (they were never given: a forms tester, stop 65)
            return False
        if ctx.conversation.flow == "case" and not ctx.data.get("country"):
            guessed = country_guessed(ctx, text)
            ctx.set_data(country_guess=guessed or PLACE_CODES.get(place.code) or place.name["id"])
        form = self.forms[ctx.conversation.flow or ""]
        step = form.step(ctx.conversation.step)
        if step is not None:
            step.ask_again(ctx)
        return True

    @staticmethod
    def _numbers_await_a_place(ctx: Ctx) -> bool:
        """The danger reply was given in this conversation without a place's own numbers, and
        asked where the person is: a country named later in a form (at its consent, or where
        it asks the country) gets them ("saudi" at the consent was "choose one" and Saudi
        Arabia's numbers never came: a forms tester, stop 65)."""
        code, _ = pieces.danger_place_given(ctx.data.get(pieces.DANGER_PLACE_KEY))
        if code:
            return False
        if pieces.after_danger(ctx.data.get(pieces.DANGER_KEY), ctx.now):
            return True
        # an urgent report begun from the danger reply keeps none of its keys, only its urgency
        # and its opening, which named no place
        return (
            ctx.conversation.flow == "case"
            and bool(ctx.data.get("urgent"))
            and danger_country(ctx) is None
        )

    def _report_danger_place(self, ctx: Ctx) -> Country | None:
        """Where the report being filled in places someone in danger, if it says; else where
        the messages just before the form did."""
        return danger_country(ctx) or self.numbers.country_in(str(ctx.data.get(EARLIER_KEY) or ""))

    def _command(self, ctx: Ctx) -> str | None:
        button = ctx.incoming.button or ""
        if button.startswith("cmd:"):
            return button[4:]
        if button in (menu.ERASE_YES, menu.ERASE_NO, menu.LANG_ID, menu.LANG_EN):
            return button
        if button in (withdrawal.YES, withdrawal.NO):
            return button
        if ctx.conversation.flow == ERASE_PENDING:
            answer = menu.erase_answer(ctx.incoming.text)
            if answer is not None:
                return answer
        if ctx.conversation.flow == WITHDRAW_PENDING:
            answer = withdrawal.answer(ctx.incoming.text)
            if answer is not None:
                return answer
        if ctx.conversation.flow in (ERASE_PENDING, "language") and ctx.incoming.text:
            options = self._pending_options(ctx)
            chosen = choose(ctx.incoming.text, None, options, ctx.previous_options)
            if chosen:
                return chosen
        pick = case_pick.typed(ctx, ctx.incoming.text or "")
        if pick is not None:
            return case_pick.PICK + pick  # "yg siti" after "which report is this for?"
        command = command_of(ctx.incoming.text)
        if (
            command == "mydata"
            and ctx.conversation.flow in self.forms
            and not ctx.conversation.parked
            and not CORRECTION_WORDS.isdisjoint(fold(ctx.incoming.text or "").split())
        ):
            # "nama nya salah, harusnya Siti Aminah" at a form's step is a correction for the
            # form, not the data kept (it paused the form: a regression tester, stop 56)
            command = None
        if command in UPDATES and not has_entries(ctx):
            return None  # "sudah pulang" from someone with no departure recorded: read it
        if (
            command in (menu.LANG_EN, menu.LANG_ID)
            and ctx.conversation.flow == "training"
            and ctx.conversation.step == "programme"
            and not ctx.conversation.parked
        ):
            # "bahasa inggris" where the course is asked is the English course, not English
            # (it switched the chat's language: a forms tester, stop 65)
            return None
        if command is None and ctx.incoming.text:
            conv = ctx.conversation
            # "jangan kirim info lagi", "mau info lowongan": the news, said in a sentence
            return news.wish(ctx, in_form=conv.flow in self.forms and not conv.parked)
        return command

    def _pending_options(self, ctx: Ctx) -> list[Button]:
        if ctx.conversation.flow == ERASE_PENDING:
            return menu.erase_buttons(ctx)
        return menu.language_buttons(ctx)

    def _expire_old_form(self, ctx: Ctx) -> None:
        conv = ctx.conversation
        if conv.flow in self.forms and ctx.now - conv.updated_at > self.form_resume:
            self.clear(ctx)
            ctx.say(
                ctx._(
                    "Your unfinished form was older than 24 hours and has expired. "
                    "You can start again at any time."
                )
            )

    def _follow_language(self, ctx: Ctx) -> None:
        """Interface language follows what the user writes, until they choose one."""
        if ctx.data.get("lang_chosen"):
            return
        text = ctx.incoming.text or ""
        detected = chat_language(text, default=ctx.contact.language)
        if detected == ctx.contact.language or len(text.split()) < FOLLOW_LANGUAGE_WORDS:
            return
        if self.librarian.ask(text).intent in case_thread.SMALL_TALK:
            return  # "thank you very much bu": politeness, not the language one reads
        ctx.contact.language = detected

    # -- commands --------------------------------------------------------------------------
    def run_command(self, ctx: Ctx, command: str) -> None:
        conv = ctx.conversation
        in_form = conv.flow in self.forms and not conv.parked
        if command == "cancel" and not conv.flow and news.is_stop_word(ctx) and news.stop(ctx):
            return  # "stop" outside a form, from a subscriber: no more village news
        if command == "cancel" and conv.flow == WITHDRAW_PENDING:
            withdrawal.keep(ctx)  # "stop" at "withdraw?": nothing is withdrawn
            return
        if command == "cancel" and not conv.flow and case_thread.ask_to_close(ctx):
            return  # "batal" with a report open and nothing else to stop: the report?
        if command == "cancel" and self._back_to_the_summary(ctx):
            return  # "gk jadi" at *Change*: the change, not the whole report
        if command == "cancel":
            if conv.flow:
                urgent_report = conv.flow == "case" and bool(ctx.data.get("urgent"))
                place = self._report_danger_place(ctx) if urgent_report else None
                self.clear(ctx)
                ctx.say(ctx._("Cancelled. Nothing more will be saved from that form."))
                if news.is_stop_word(ctx):
                    news.still_subscribed_note(ctx)
                if urgent_report:
                    # a report of someone in danger thrown away: the numbers stay the last word
                    self.emergency(ctx, place, with_report=True)
                    return
            menu.show(ctx)
            return
        if command.startswith(case_pick.PICK):
            case_pick.picked(ctx, command.removeprefix(case_pick.PICK))
            return
        if command == "resume":
            if conv.flow in self.forms and not conv.parked and YES_ID in ctx.previous_options:
                # "ok lanjut" where yes or no is asked in a form going on: yes (it asked the
                # same again: a forms tester, stop 65)
                ctx.incoming = replace(ctx.incoming, button=YES_ID, text=None)
                form_steps.continue_form(self, ctx)
                return
            if conv.flow in self.forms:
                self.resume(ctx)
            else:
                menu.show(ctx)
            return
        if command == "report" and ctx.incoming.button == "cmd:report" and not in_form:
            case = open_case_of(ctx.session, ctx.contact)
            if case is not None:
                case_thread.ask_the_reports_officer(ctx, case)
                return
        if command == "mydata" and ctx.incoming.text and not in_form:
            case = open_case_of(ctx.session, ctx.contact)
            if case is not None and case_thread.passes_a_correction(ctx, case, ctx.incoming.text):
                return
        if command == "new_report":
            command = "report"
        told = pieces.recent(ctx.data.get(PIECES_KEY), ctx.now)
        carried = pieces.story_so_far(ctx) or (told[-1] if told else None)
        if (
            command == "report"
            and ctx.incoming.button == "cmd:report"
            and not in_form
            and question.carried_question(ctx, carried)
        ):
            # *Ask an officer* under an answer to a question that names no problem, or under
            # the reply to a wish to be phoned: that goes to the officer, without the report's
            # questions
            self.start_form(ctx, "case", opening=carried, asks_only=True)
            return
        if command in ("training", "report", "urgent"):
            flow = "training" if command == "training" else "case"
            if conv.flow == flow:
                self.resume(ctx)
            elif flow == "case" and resumed_at_sharing(ctx):
                pass  # *Report again* after refusing to share a filled report: who sees it
            else:
                opening = pieces.story_so_far(ctx) if flow == "case" else None
                reply = ctx.data.get(PENDING_REPLY) if opening else None
                # "lapor" typed right after the danger reply is its urgent report: the numbers
                # were just given and are not given again
                urgent = command == "urgent" or bool(
                    opening and pieces.after_danger(ctx.data.get(pieces.DANGER_KEY), ctx.now)
                )
                self.start_form(ctx, flow, opening=opening, urgent=urgent, opening_reply=reply)
            return
        if command == "register":
            if conv.flow == "register":
                self.resume(ctx)
            else:
                self.start_form(ctx, "register")
            return
        register_command = REGISTER_COMMANDS.get(command)
        if register_command is not None:
            register_command(ctx)  # "sudah pulang", or a tap beside news told in a sentence
            return
        if command in (case_thread.CLOSE_REPORT, case_thread.KEEP_REPORT):
            case_thread.answer_to_close(ctx, command)
            return
        if command == kept_from_village.VILLAGE_MAY_SEE:
            kept_from_village.let_village_see_again(ctx, case_thread.open_cases_of(ctx))
            return
        if command in (report_danger.DANGER_NOW, report_danger.NO_DANGER_NOW):
            report_danger.answer_whether_in_danger(self, ctx, command)
            return
        if command == WITHDRAW:
            withdrawal.start(ctx)  # ends a form in progress: often one opened by mistake
            return
        if command in (withdrawal.YES, withdrawal.NO):
            (withdrawal.confirm if command == withdrawal.YES else withdrawal.keep)(ctx)
            return
        if in_form and command in (menu.LANG_ID, menu.LANG_EN):
            # "english please" in the middle of a report: the same step, in that language
            menu.set_language(ctx, "en" if command == menu.LANG_EN else "id")
            form = self.forms[conv.flow or ""]
            (form.step(conv.step) or form.first(ctx)).prompt(ctx)
            return
        if in_form:
            conv.parked = True
            ctx.say(ctx._("Your form is paused. Type *continue* within 24 hours to go on with it."))
        elif conv.flow in (ERASE_PENDING, "language"):
            if conv.flow == ERASE_PENDING and command not in (menu.ERASE_YES, menu.ERASE_NO):
                ctx.say(ctx._("Nothing was deleted."))
            if command in (menu.ERASE_NO, menu.LANG_ID, menu.LANG_EN):
                pass  # the answer's own handler ends the question, and returns to a form
            elif command == menu.ERASE_YES or not menu.return_to_paused(ctx):
                self.clear(ctx)
        elif conv.flow == WITHDRAW_PENDING:
            withdrawal.keep(ctx)
        handlers = {
            "menu": menu.show,
            "ask": menu.ask_prompt,
            "help": menu.help_,
            "status": menu.status,
            "mydata": my_data.show,
            "language": menu.language_prompt,
            "erase": menu.erase_prompt,
            menu.ERASE_YES: menu.erase,
            menu.ERASE_NO: menu.erase_cancelled,
            menu.LANG_ID: lambda c: menu.set_language(c, "id"),
            menu.LANG_EN: lambda c: menu.set_language(c, "en"),
            "subscribe": news.subscribe,
            "news_latest": news.latest,
            "subscribe_change": news.change,
            "unsubscribe": news.stop_command,
        }
        handlers.get(command, menu.show)(ctx)
        if command == "status":
            case_pick.ask_again(ctx)

    def clear(self, ctx: Ctx) -> None:
        """Ends any flow. The options shown this turn stay: a form that ends with buttons
        (*Report again* after a danger report was not shared) had its "1" answered "nothing
        numbered to choose now" (a tester, stop 55)."""
        kept = ("lang_chosen", OPTIONS_KEY, TURN_OPTIONS_KEY)
        keep = {k: v for k, v in ctx.data.items() if k in kept}
        conv = ctx.conversation
        conv.flow, conv.step, conv.parked, conv.data = None, None, False, keep

    def start_form(
        self,
        ctx: Ctx,
        flow: str,
        opening: str | None = None,
        urgent: bool = False,
        opening_reply: dict[str, object] | None = None,
        asks_only: bool = False,
    ) -> None:
        """Starts a form; `opening` is the message that asked for it ("LAPOR anak saya ..."),
        whose country, village and problems the case form confirms instead of asking again;
        `urgent` marks a report opened from the danger reply (the numbers were given);
        `opening_reply` is what the assistant gave that message (`replied`); `asks_only`
        makes the case form a question for the officer (`opening` is the question)."""
        form = self.forms[flow]
        if flow == "training" and opening is None and not ctx.incoming.button:
            # the training the typed message names ("pelatihan perawat lansia", "I want to join
            # the caregiver training" were asked it again: a forms tester, stop 55)
            opening = ctx.incoming.text
        told = pieces.recent(ctx.data.get(PIECES_KEY), ctx.now, pieces.STORY_PIECES)
        earlier = " ".join(told)[-EARLIER_CHARS:]
        left = ctx.conversation
        if left.flow in FORMS_WITH_ANSWERS and left.flow != flow and left.step != "consent":
            # an urgent report begun in the middle of a training registration dropped it,
            # unsaid (a journeys tester, stop 61)
            ctx.say(
                ctx._(
                    "The form you were filling in was not finished and was not sent: you can "
                    "start it again later from the *menu*."
                )
            )
        self.clear(ctx)
        conv = ctx.conversation
        if urgent:
            ctx.set_data(urgent=True)
        if earlier and flow == "case":
            ctx.set_data(**{EARLIER_KEY: earlier})
        if asks_only and flow == "case":
            question.prefill(ctx, opening)
        elif opening:
            if flow == "case":
                prefill(ctx, opening, opening_reply)
            else:
                form.prefill(ctx, opening)
        if told and flow == "case" and not asks_only:
            guesses_from_earlier(ctx, told)
        step = form.first(ctx)
        conv.flow, conv.step = flow, step.name
        step.prompt(ctx)

    def ask_an_officer(self, ctx: Ctx, text: str) -> None:
        """ "sy mau ngomong sama petugas": an open report's officer is reached by writing here;
        otherwise the question goes to the village's officer as a case of its own."""
        case = open_case_of(ctx.session, ctx.contact)
        if case is not None:
            case_thread.ask_the_reports_officer(ctx, case)
            return
        self.start_form(ctx, "case", opening=text, asks_only=True)

    def resume(self, ctx: Ctx) -> None:
        conv = ctx.conversation
        form = self.forms[conv.flow or ""]
        step = form.step(conv.step) or form.first(ctx)
        conv.parked = False
        ctx.set_data(**{PAUSED_FOR_OFFICER: None})
        ctx.say(ctx._("Let's continue where you left off."))
        step.prompt(ctx)

    def looks_like_question(self, text: str) -> bool:
        return self.triage.looks_like_question(text)

    # -- danger --------------------------------------------------------------------------
    def emergency(
        self,
        ctx: Ctx,
        country: Country | Literal[Where.FROM_THE_MESSAGE] | None = Where.FROM_THE_MESSAGE,
        with_report: bool | None = None,
        open_report: str | None = None,
        caring: bool = False,
        picking: bool = False,
        home: bool = False,
    ) -> None:
        """The numbers to call from where the person is, before anything else. Inside the
        report form, or with a report open, the report is the urgent one: no second report is
        offered (`with_report` None: decided by the form in progress). `caring`: someone wrote
        of wanting to die and is spoken to before the numbers. `country` None: no place abroad
        (someone at home, or nowhere said), the numbers from anywhere and Indonesia's police;
        left out: the place the message or the report being filled in names."""
        if country is Where.FROM_THE_MESSAGE:
            in_form = ctx.conversation.flow == "case"
            country = self.numbers.country_in(ctx.incoming.text or "") or (
                danger_country(ctx) if in_form else None
            )
        if with_report is None:
            with_report = ctx.conversation.flow != "case"
        replies.emergency(
            ctx, self.numbers, country, with_report, open_report, caring, picking, home
        )
        ctx.set_data(
            **{
                pieces.DANGER_KEY: ctx.now.isoformat(),
                pieces.DANGER_PLACE_KEY: pieces.danger_place(country, ctx.lang),
            }
        )

    def emergency_chosen(self, ctx: Ctx) -> None:
        """The emergency choice pressed beside an answer or among the choices: the person says
        someone is in danger where the rules were not sure. They get the danger reply itself:
        the numbers from where their message says, and one tap to an urgent report that
        carries it."""
        story = str(ctx.data.get(PENDING_STORY) or "")
        self.emergency(ctx, self.numbers.country_in(story))

    # -- media -----------------------------------------------------------------------------
    def media(self, ctx: Ctx) -> None:
        case = open_case_of(ctx.session, ctx.contact)
        if case is not None:
            add_family_message(
                ctx.session,
                case=case,
                text=None,
                media_kind=ctx.incoming.media,
                media_ref=ctx.incoming.media_ref,
            )
            ctx.say(
                ctx._("Received and added to your report *{number}*.").format(number=case.number)
            )
            return
        kind = ctx.incoming.media
        if kind in ("voice", "audio"):
            # often from someone for whom writing is hard: what they can do without it
            ctx.say(ctx._("Sorry, I cannot listen to voice notes."))
            replies.speak_instead(ctx, self.numbers)
        elif kind == "location":
            ctx.say(
                ctx._(
                    "Thank you for the location. To report a problem type *lapor*; "
                    "for questions just type them."
                )
            )
        else:
            ctx.say(ctx._("Sorry, I can only read text messages. Please type your question."))

    # -- the knowledge base ----------------------------------------------------------------
    def answer(self, ctx: Ctx) -> None:
        text = ctx.incoming.text or ""
        # a language chosen holds; else the message's own, and where its words tell none
        # ("embassy number?") or are too few to ("passport?" in an Indonesian chat), the one
        # the person has been writing in
        chosen = (
            ctx.lang
            if ctx.data.get("lang_chosen") or len(text.split()) <= SHORT_MESSAGE_WORDS
            else chat_language(text, default=ctx.contact.language)
        )
        earlier = pieces.recent(ctx.data.get(PIECES_KEY), ctx.now)
        replied_to_danger = pieces.after_danger(ctx.data.get(pieces.DANGER_KEY), ctx.now)
        reading = pieces.read_in_context(self.triage, text, earlier, chosen, replied_to_danger)
        ctx.set_data(
            **{
                PIECES_KEY: pieces.remembered(ctx.data.get(PIECES_KEY), text, ctx.now),
                pieces.DANGER_KEY: (
                    ctx.now.isoformat() if reading.urgent or replied_to_danger else None
                ),
                NEXT_STEPS: ctx.data.get(NEXT_STEPS) if replied_to_danger else None,
                pieces.CARED_KEY: ctx.data.get(pieces.CARED_KEY) if replied_to_danger else None,
            }
        )
        ctx.reading = reading
        if company.name_given(ctx, reading):
            return  # "Sumber Rejeki Abadi" after "what is the company's name?"
        if company.follow_up(ctx, reading):
            return  # "alamatnya dmn?" after a company's record
        if not reading.urgent and asks_after_a_report(text):
            menu.status(ctx)  # "gmn laporan sy?" with no report open: what this number has
            return
        if not reading.urgent and pieces.within_window(
            ctx.data.get(pieces.PLACE_ASKED_KEY), ctx.now
        ):
            told = pieces.place_told(text, self.numbers)
            if told is not None:
                # "i am in malaysia" after "tell me the country" (an English tester, stop 53)
                ctx.set_data(**{pieces.PLACE_ASKED_KEY: None})
                replies.where_to_turn(ctx, self.numbers, told)
                return
        here = self.numbers.country_in(text)  # the place this message names
        asks = Lazy(partial(self.looks_like_question, text))  # read only where it matters
        # a first wish to die after the numbers (or the first in this language) is spoken to,
        # with the numbers again
        _, given_in = pieces.danger_place_given(ctx.data.get(pieces.DANGER_PLACE_KEY))
        uncared = wishes_to_die(reading) and (
            not ctx.data.get(pieces.CARED_KEY) or given_in != reading.lang
        )
        # read only where a short number is asked about ("999 itu gratis gk?")
        about = Lazy(partial(self._place_talked_of, ctx, text, earlier, here, replied_to_danger))
        just_given = partial(self._lines_just_given, ctx)  # read only for "itu gratis gk?"
        if follow_ups.about_a_line(self, ctx, reading, about, asks, just_given):
            return  # "1955 itu gratis gk?", "999 itu gratis gk?" (in Singapore)
        if (
            replied_to_danger
            and not uncared
            and after_danger.follow(self, ctx, reading, here, asks)
        ):
            return
        just_answered = pieces.answered_just_now(ctx.data.get(pieces.ANSWERED_KEY), ctx.now, None)
        if just_answered and follow_ups.asks_to_repeat(text) and not reading.urgent:
            # "bs d ulang gk?" got "my answer is above" (a follow-ups tester, stop 64)
            self.answer_topic(ctx, just_answered, reading.lang)
            return
        if follow_ups.under_an_answer(self, ctx, reading, here, earlier, just_answered, asks):
            return
        reading = follow_ups.of_another_place(self, ctx, reading, earlier, chosen)
        if follow_ups.about_the_answer(self, ctx, reading, just_answered, here):
            return
        if (
            reading.departure_question
            and earlier
            and self.triage.tells_minor_age(pieces.whole(earlier, text))
        ):
            reading = ctx.reading = replace(reading, departure_question=False)
        if reading.urgent and reading.country is None and earlier and not reading.danger_at_home:
            # "sy mau mati aja" after "anak sy d sekap d johor": the place told before
            told_at = self.numbers.where_to_dial(pieces.whole(earlier, text))
            if told_at is not None:
                reading = ctx.reading = replace(reading, country=told_at)
        place = pieces.danger_place(reading.country, reading.lang)
        # the numbers for this place were given minutes ago: a second danger message ("hp nya
        # diambil majikan" after "tidak boleh pulang") is noted and answered, not met with the
        # whole list again; a new place gets its numbers, and so does a message in another
        # language (the person may not have read the first list)
        numbers_given = (
            replied_to_danger and ctx.data.get(pieces.DANGER_PLACE_KEY) == place and not uncared
        )
        if reading.urgent:
            ctx.set_data(**{pieces.DANGER_PLACE_KEY: place})
        # the place this message names, else one an earlier piece named ("anak saya di
        # taiwan", then "berapa gaji minimum disana"): it leads an answer with a paragraph per
        # place
        # (where the story says the person is now before the first place it names: "brgkt ke
        # Dubai ... dipindah ke Oman ... sekarang majikannya di Oman", then "nomor kbri nya?")
        named = (
            reading.country
            or here
            or (self.numbers.where_now(earlier) if earlier else None)
            or self.numbers.first_not_a_flag(pieces.whole(earlier, text))
        )
        if earlier and follow_ups.of_the_place_told(self, ctx, reading, named, here):
            return  # "gajinya brp" after "cara ke jepang": Japan's lines, not Taiwan's wages
        self.respond(
            ctx, reading, numbers_given=numbers_given, place=named, danger_told=replied_to_danger
        )

    @staticmethod
    def _in_mourning(ctx: Ctx, reading: Reading) -> Reading:
        """Minutes after a death was told, "perusahaan gk angkat telpon" or "agen nya gk bisa
        d hubungi" is about who must bring the body home, not a worker missing for weeks (a
        chat tester, stop 47): what to do after the death leads, the missing-person steps
        stay a choice."""
        leads = reading.topic or next(iter(reading.offered), None)
        if leads != MISSING_TOPIC or reading.urgent or reading.command:
            return reading
        condoled = ctx.data.get(CONDOLED_KEY)
        if not pieces.within_window(condoled, ctx.now) or condoled == ctx.now.isoformat():
            # condoled on this very message: its own reading holds ("anak sy gk ada kabar,
            # bapaknya baru meninggal, dia blm tau" is about finding him: stop 55's note)
            return reading
        others = tuple(s for s in (MISSING_TOPIC, *reading.offered) if s != DEATH_TOPIC)
        return replace(reading, topic=DEATH_TOPIC, offered=tuple(dict.fromkeys(others)))

    def respond(
        self,
        ctx: Ctx,
        reading: Reading,
        numbers_given: bool = False,
        place: Country | None = None,
        danger_told: bool = False,
    ) -> None:
        """`danger_told`: the danger reply was given minutes ago; a report asked for now ("mau
        lapor buat anak sy") is the urgent one, and its numbers are not given again without
        the place (a long-plea chat tester, stop 52)."""
        if tells_a_death(reading.text) and not pieces.within_window(
            ctx.data.get(CONDOLED_KEY), ctx.now
        ):
            ctx.say(ctx._("I am very sorry for your loss."))
            ctx.set_data(**{CONDOLED_KEY: ctx.now.isoformat()})
        if reading.meaning is not None and reading.topic is not None:
            replies.meaning(ctx, reading.meaning, self.librarian.topics)
            # what follows asks of that topic ("ssw itu apa", then "gajinya brp": Japan's, not
            # Hong Kong's wages: a regression tester, stop 52)
            ctx.set_data(
                **{pieces.ANSWERED_KEY: pieces.answered(reading.topic, reading.lang, ctx.now)}
            )
            return
        if reading.intent is not None:
            if reading.intent == ASK_OFFICER:
                self.ask_an_officer(ctx, reading.text)
            elif reading.intent in (SPEAK, CALL_ME):
                # "sy gk bisa baca tulis"; "ini nomor sy ..., tolong telpon sy pak"
                replies.speak_instead(ctx, self.numbers, phoned=reading.intent == CALL_ME)
            elif reading.intent == REPORT_COST:
                replies.reporting_is_free(ctx)
            elif reading.intent in ("menu", "help"):
                self.run_command(ctx, reading.intent)
            elif reading.intent in ("confused", "number", "bot"):
                # "gak ngerti" after an answer: a person to explain it, not the answer again
                ctx.say(
                    smalltalk_text(reading.intent, ctx.lang),
                    [
                        Button("cmd:report", short(ctx._("Ask an officer"))),
                        Button("cmd:menu", short(ctx._("Menu"))),
                    ],
                )
            else:
                ctx.say(smalltalk_text(reading.intent, ctx.lang))
            return
        if reading.urgent and numbers_given and not reading.command:
            if reading.danger is not None and reading.danger.kind == PLEA:
                replies.danger_next_steps(ctx)  # "tolong bantu kami": what to do now
            else:
                replies.story_noted(ctx, numbers=self.numbers)
        elif reading.urgent:
            replies.emergency(
                ctx,
                self.numbers,
                reading.country,
                with_report=not reading.command,
                caring=wishes_to_die(reading),
                home=reading.danger_at_home,
            )
        news_of = typed_update(ctx, reading)
        if news_of is not None:
            update(ctx, news_of)  # "lapor kepulangan": the register, not a report
            return
        if reading.command == "register" and register_news.offer(
            ctx, ctx.incoming.text or "", returned=False
        ):
            return  # "anak sy sudah berangkat kemarin" / "jadi berangkat besok": that entry
        if reading.command is not None:
            flows = {"report": "case", "register": "register"}
            # "sy mau lapor soal itu pak" after the story: the report carries every piece
            told = pieces.story_so_far(ctx) if reading.command == "report" else None
            self.start_form(
                ctx,
                flows.get(reading.command, "training"),
                opening=told or reading.text,
                urgent=reading.urgent or (danger_told and reading.command == "report"),
                opening_reply=pieces.replied(reading),
            )
            return
        pieces.keep_story(ctx, reading)
        if reading.company is not None:
            cheated = company.tells_money_taken(reading.text)
            about_company = (
                reading.topic is None or reading.topic in COMPANY_TOPICS
            ) and not cheated
            if about_company and self._company_of_a_trouble(ctx, reading):
                company.noted(ctx, reading.company)
                return
            self.check_company(ctx, reading, aside=not about_company)
            if about_company:
                if FEE_ASKED.search(fold(reading.text)) and COSTS_TOPIC in self.librarian.topics:
                    # "... lewat PT Sumber Rejeki Abadi, mrk minta 35 jt, wajar gk" got only the
                    # licence card, which may read as leave to pay (a register and company
                    # tester, stop 63): what may be charged, after it
                    self.answer_topic(ctx, COSTS_TOPIC, reading.lang)
                return
            if cheated and reading.topic in (None, company.HOW_TO_CHECK):
                # "pt X kabur bawa uang sy": what to do after paying, not "do not pay"; what
                # the chat does is what `migran ask` tells, and the answer is not offered again
                others = tuple(s for s in reading.offered if s != FRAUD_TOPIC)
                reading = ctx.reading = replace(reading, topic=FRAUD_TOPIC, offered=others)
        elif (
            reading.company_asked
            and (reading.topic is None or reading.topic in COMPANY_TOPICS)
            and company.ask_name(ctx)
        ):
            return  # "cek pt ini resmi gk": which company?
        reading = ctx.reading = self._in_mourning(ctx, reading)
        if reading.topic is not None and reading.topic == pieces.answered_just_now(
            ctx.data.get(pieces.ANSWERED_KEY), ctx.now, reading.lang
        ):
            follow_ups.same_topic(self, ctx, reading, place)
        elif reading.topic is not None:
            self.answer_topic(
                ctx,
                reading.topic,
                reading.lang,
                reading.offered,
                reading.guessed,
                place,
            )
        elif reading.offered:
            replies.offer(ctx, self.librarian.topics, reading.offered, reading.lang, reading.urgent)
        elif reading.falls_back:
            ctx.say(
                fallback_text(ctx.lang),
                [
                    Button("cmd:report", short(ctx._("Ask an officer"))),
                    *(
                        Button(f"topic:{slug}", short(ctx._("Emergency numbers")))
                        for slug in reading.shown_choices
                    ),
                    Button("cmd:menu", short(ctx._("Menu"))),
                ],
            )
        if reading.departure_question and not ctx.conversation.flow:
            # "anak sy jadi berangkat besok, apa yg hrs dibawa?": the entry already planned
            # (its news is the clause before the question), else the register as one button
            told = news_clause(ctx.incoming.text or "")
            if not register_news.offer(ctx, told, returned=False):
                offer_register(ctx)
        elif not ctx.conversation.flow:
            # "sy udh pulang dr malaysia", "anak sy gk jadi berangkat": one tap to record it
            register_news.offer(ctx, ctx.incoming.text or "", reading.return_told)

    def topic_text(self, ctx: Ctx, topic: Topic, lang: str, place: Country | None) -> str:
        """A topic's answer for the place the message is about (the caller's reading of it):
        that place's paragraph, not other places', and for the numbers ("nomor kbri malaysia
        brp") that country's own, then those for anywhere."""
        # the care, not a death's benefits, where no death is told or asked of
        text = topic.text(lang, living=speaks_of_no_death(ctx.incoming.text or ""))
        if place is None:
            return text
        names = tuple(n.lower() for n in place.name.values())
        named = {c.code: c for _, _, c in self.numbers.places_named(ctx.incoming.text)}
        if len(named) < PLACES_COMPARED:
            text = for_place(text, names, self.place_names)
        else:
            # "mau kerja ke taiwan atau hk, bagus mana?" compares two: both paragraphs stay,
            # and only theirs ("sy PRT di hongkong, majikan mau pindah ke shenzhen" got
            # Taiwan's 60 days: a tester of workers abroad, stop 60)
            each = tuple(n.lower() for c in named.values() for n in c.name.values())
            text = for_place(text, each, self.place_names)
        text = place_first(text, names)
        if topic.slug == EMERGENCY_TOPIC:
            # "nomor kbri phnom penh brp?": the place's numbers, or what is lacking of them said
            # first (the general list alone left the question unanswered: a chat tester, stop 49)
            head = replies.place_numbers(ctx, place) if place.lines else ""
            lacking = replies.lacking_numbers(ctx, place, ctx.incoming.text or "")
            text = "\n\n".join(x for x in (head, lacking, text) if x)
        return text

    def _place_talked_of(
        self,
        ctx: Ctx,
        text: str,
        earlier: list[str],
        here: Country | None,
        replied_to_danger: bool,
    ) -> Country | None:
        """The place the chat is about: where this message or the story puts the worker now,
        the place this message names, or the one the danger reply gave numbers for."""
        about = self.numbers.where_now([*earlier, text]) or here
        if about is None and replied_to_danger:
            code, _ = pieces.danger_place_given(ctx.data.get(pieces.DANGER_PLACE_KEY))
            about = self.numbers.country(code or None)
        return about

    def _lines_just_given(self, ctx: Ctx) -> list[tuple[Country | None, Line]]:
        """The listed lines the answer just given holds: those its text names, and the local
        lines added under it ("itu gratis gk?" after the answer on a worker out of reach got
        "my answer is above": a chat tester, stop 50)."""
        slug = pieces.answered_just_now(ctx.data.get(pieces.ANSWERED_KEY), ctx.now, None)
        topic = self.librarian.topics.get(slug or "")
        if topic is None:
            return []
        if slug != EMERGENCY_TOPIC and SPEAKS_OF_MONEY.search(topic.text(ctx.lang)):
            # "itu gratis gk?" under the answer on a passport renewed abroad, "biaya nya?"
            # under a wage asks about what the answer is about, not its hotline (a chat
            # tester, stop 51)
            return []
        given = self.numbers.lines_named(topic.text(ctx.lang))
        local = ctx.data.get(LOCAL_HELP_KEY) or {}
        country = self.numbers.country(local.get("code"))
        if country is not None and pieces.within_window(local.get("at"), ctx.now):
            given += [(country, line) for line in country.lines_of(topic.local_help)]
        return given

    def _help_where_the_worker_is(self, ctx: Ctx, topic: Topic, said: str) -> str:
        """For an answer about a worker's trouble abroad, the lines of the place the worker
        is in ("gaji sy gk dibayar d singapore"; "anak sy d taiwan", then "majikannya pukul
        dia"): the newest message placing someone there decides, not a place gone to or come
        from ("mau ke", "pulang dari"), nor one left behind ("skrg udh aman d rumah"). Not
        within minutes of the danger reply, which gave the place's numbers already."""
        if not topic.local_help or pieces.after_danger(ctx.data.get(pieces.DANGER_KEY), ctx.now):
            return ""
        detector = self.triage.detector
        for told in reversed(pieces.recent(ctx.data.get(PIECES_KEY), ctx.now)):
            if detector.is_over(detector.standard(told)):
                return ""  # "dulu d pukul majikan d arab, skrg udh aman d rumah": home now
            if at_sea(told, self.numbers.place_word_in):
                return ""  # a Taiwanese boat near Mauritius: no land's line reaches it
            country = self.numbers.where_now([told])
            if country is None:
                continue
            given = ctx.data.get(LOCAL_HELP_KEY) or {}
            if given.get("code") == country.code and pieces.within_window(given.get("at"), ctx.now):
                return ""  # the same place's lines a few minutes ago: not under every answer
            ctx.set_data(**{LOCAL_HELP_KEY: {"code": country.code, "at": ctx.now.isoformat()}})
            kinds = topic.local_help
            return replies.help_where_they_are(ctx, self.numbers, country, kinds, said, told)
        return ""

    def _company_of_a_trouble(self, ctx: Ctx, reading: Reading) -> bool:
        """A company named, not asked about, right after a worker's trouble abroad was
        answered or the danger reply given: the name is for the report."""
        last = reading.text.rsplit("\n", 1)[-1]
        if self.looks_like_question(last):
            return False  # "PT Bintang itu resmi gk?": checked
        answered = pieces.answered_just_now(ctx.data.get(pieces.ANSWERED_KEY), ctx.now, None)
        return answered in TROUBLE_ABROAD or pieces.after_danger(
            ctx.data.get(pieces.DANGER_KEY), ctx.now
        )

    def check_company(self, ctx: Ctx, reading: Reading, aside: bool = False) -> None:
        """A company named in a question is checked against the province's list; the check
        comes before the knowledge base's answer when that is about something else."""
        lang = reading.lang
        place = reading.country.name.get(lang, reading.country.code) if reading.country else None
        company.answer(ctx, reading.company or "", place, aside=aside)

    def answer_topic(
        self,
        ctx: Ctx,
        slug: str,
        lang: str | None = None,
        offered: tuple[str, ...] = (),
        guessed: bool = False,
        place: Country | None = None,
    ) -> None:
        """The topic's answer with the message's other needs beside it; a guess says so, so
        that the choices under it are read as the way on when it is not what was meant. The
        place the message named, or an earlier piece of it ("mau kerja ke taiwan", then
        "biayanya brp"), leads an answer with a paragraph per place."""
        topic = self.librarian.topics.get(slug)
        if topic is None:
            menu.show(ctx)
            return
        lang = lang or ctx.lang
        if (
            topic.form == "case"
            and not ctx.incoming.button
            and pieces.after_danger(ctx.data.get(pieces.DANGER_KEY), ctx.now)
        ):
            # the danger reply just offered the urgent report: its button, not a second form
            # opened untapped ("hp sy diambil majikan, smua data di hp dihapus": a
            # false-positive tester, stop 53)
            return
        if topic.form is not None:
            ctx.say(topic.text(lang))
            flow = "training" if topic.form == "training" else "case"
            # *Report a problem* pressed under an answer carries the story it answered, as
            # "lapor" typed does (the form asked it all again: a family chat tester, stop 51)
            opening = pieces.story_so_far(ctx) if flow == "case" and ctx.incoming.button else None
            reply = ctx.data.get(PENDING_REPLY) if opening else None
            self.start_form(ctx, flow, opening=opening, opening_reply=reply)
            return
        lead = ""
        if guessed:
            lead = ctx._("I think this is what you are asking about. If not, choose below.")
            lead += "\n\n"
        text = self.topic_text(ctx, topic, lang, place)
        help_here = self._help_where_the_worker_is(ctx, topic, text)
        text = f"{text}\n\n{help_here}" if help_here else text
        ctx.say(lead + text, replies.after_answer(ctx, self.librarian.topics, offered, lang))
        ctx.set_data(**{pieces.ANSWERED_KEY: pieces.answered(slug, lang, ctx.now)})
        replies.more_after_answer(ctx, self.librarian.topics, offered, lang)
