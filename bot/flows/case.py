"""Case report: who reports, the worker, where, what happened, danger now, village, consent."""

from __future__ import annotations

import re

from bot import pieces
from bot.cases.categories import PROBLEMS
from bot.cases.hints import categories_in
from bot.cases.service import create_case
from bot.context import PENDING_STORY, PIECES_KEY, Ctx
from bot.flows import kept_from_village, news, question
from bot.flows.base import Invalid, Step
from bot.flows.common import (
    CITY,
    CITY_TYPED,
    CONSENT,
    COUNTRY_OTHER,
    FEARS,
    KNOWING,
    MEANING_ASKED,
    NO,
    OWN_NAME,
    VILLAGE_CONFIRM,
    VILLAGE_NAMED_WORDS,
    YES,
    confirm_guess,
    country_read,
    country_rows,
    declines,
    gives_own_name,
    name_told,
    nickname_in,
    not_known,
    reports_for_another,
    says_not,
    village_prompt,
    village_read,
    worker_name_read,
    yes_no,
)
from bot.flows.corrections import correct_earlier
from bot.flows.district_only import (
    DISTRICT_STEP,
    UNKNOWN_KEY,
    district_label,
    district_named,
    district_prompt,
    district_read,
    district_told,
    village_not_known,
)
from bot.flows.question import ASKS_ONLY
from bot.flows.report_labels import (
    REPORTERS,
    country_title,
    problems_label,
    reporter_label,
    reporter_of,
)
from bot.flows.report_opening import (
    STORY_MAX,
    add_to_story,
    prefill,
    whole_story,
)
from bot.flows.report_refusal import REFUSED_KEY, danger_country, refused_in_danger
from bot.flows.summary import CANCEL, CHANGE, SUBMIT, ChangeableForm
from bot.i18n import N_
from bot.options import NEGATORS, bullet, short
from bot.register.hints import writer_relation
from bot.register.service import link_new_case
from bot.triage import village_kept_out
from bot.types import Button, Row
from knowledge.danger_model import mentions_danger
from knowledge.normalize import fold

ONLY_NUMBERS = re.compile(
    r"^\s*\d+(?:\s*(?:,|;|/|&|\+|-|dan|and|sama|n)?\s*\d+)*\s*[.)]?\s*$", re.I
)
"""Choices typed as numbers ("1 2", "1,3", "1 dan 3"): nothing else in the message."""
ONLY_WORDS = frozenset("saja aja hanya cuma only just".split())
"""With "kabupaten", the district only, typed at the share question."""
STORY_SHOWN = 300
"""How much of the story the summary shows, cut at a word and said to be cut: the whole story
is sent (a summary ending "... sy takut sek" read as if the rest were lost: a chat tester,
stop 49)."""
EARLY_STORY_WORDS = 4
"""Typed instead of a choice, this many words or more are a story, not a mistyped choice."""
EARLY_STORY_STEPS = frozenset(("consent", "reporter", "worker_name"))
"""Steps before anything the story would answer (the country, the problem): a story typed
there is kept. A sentence at the country step ("di negara arab saudi pak") is a country."""
QUESTION_AT_CONSENT_WORDS = 8
"""A question this short at the consent step, naming no problem, is not the story begun."""
STORY_AT_CHOICE_WORDS = 8
"""Where the problem is asked, a message this long that names one is also the story."""
WHAT_IS_MEANT = re.compile(rf"\b(?:{MEANING_ASKED}|artinya|what does)\b")
"""A choice's meaning asked ("maksudnya hanya kabupaten gmn?"), not the choice made."""
OTHER_STEPS_WORDS = VILLAGE_NAMED_WORDS | {"alamat", "name"}
"""Words of another step's answer, typed where danger is asked."""
AFTER_THE_COUNTRY = frozenset(("city", "category", "danger"))
"""Steps at which a country corrected is taken as the new country."""
STORY_BEFORE_ITS_STEP = frozenset(("country", "category"))
"""Steps before the story is asked where a problem typed instead of the answer ("dia blm d gaji
2 bln" where the country is asked: a forms tester, stop 64) is kept as the story, and what it
names confirmed."""
LATER_STORY_STEPS = frozenset(("danger", "village_confirm", "share", "share_confirm", "summary"))
"""Steps after the story, where more of it typed instead of an answer ("sdh 3 bln gk digaji",
"hp nya jg diambil majikan") is added to it, not refused."""
NOT_KNOWN = "opt:unknown"
NOT_THE_VILLAGE = re.compile(
    r"\b(?:jangan|jgn|jngn|tanpa|bukan|not|dont|don t|no) (?:\w+ ){0,3}?"
    r"(?:desa|village|kades|kadus|perangkat desa)\b"
)
"""The village refused at the share question: *District only*."""
NO_MORE_SAID = frozenset(
    "gk ga gak nggak tidak tdk usah jadi kalo kalau klo gitu begitu aja saja deh dong ya pak bu "
    "pake pakai nama namanya".split()
)
"""A never-mind at a step: "gk usah kalo gitu", "kalo gitu gk jadi", "gk usah pake nama"."""
SAFE_WORDS = frozenset("aman safe fine".split())
ANSWER_WORDS = 6
STEP_WORDS = frozenset(
    "setuju agree kirim dikirim send bagikan dibagikan share tunggu wait batal cancel".split()
)
"""A message this short with a word of no and one of the steps' own words answers the step
it is typed at; "anak sy gk digaji 5 bln" is still a story."""
MAYBE = frozenset("mungkin entah entahlah maybe perhaps unsure".split())
SURE = frozenset("sure yakin pasti".split())
"""With a word of not: "not sure", "gk yakin" (English "not sure" was asked to choose again:
a family-side tester, stop 56)."""
DISTRICT_ONLY = "share:district"
"""Shared with the district's officers and the province's, not the village's: the reporter
fears the village learns (the broker is kin of the village head; a chat tester, stop 48)."""
CHANGE_FIELDS = (
    ("reporter", N_("Reporter")),
    ("worker_name", N_("Worker")),
    ("country", N_("Country")),
    ("category", N_("Problem")),
    ("story", N_("Story")),
    ("danger", N_("Danger now")),
    ("village", N_("Village")),
    ("share", N_("Seen by")),
)
"""What *Ubah* can change: also the danger answer and who sees the report (a family chat
tester, stop 49, could change neither)."""
EDITED_LAST = frozenset(
    ("reporter", "worker_name", "city", "country_other", "category", "story", "danger")
)
"""Steps after which a correction goes back to the summary (a country goes on to its city)."""
GUESSES = {"worker_name": "name_guess", "country": "country_guess", "category": "categories_guess"}
"""What the story named is asked again openly when that answer is changed."""
QUESTION_FIELDS = (("story", N_("Question")), ("village", N_("Village")))
"""What *Ubah* can change in a question for the officer."""
CORRECTING = frozenset("salah keliru ganti ubah ralat bukan koreksi wrong change".split())


def _village_kept_out(text: str) -> bool:
    """The village must not see the report: feared in the story (`triage.village_kept_out`),
    or asked in the words a family uses after sending ("tolong rahasiakan dari desa ya": a
    tester, stop 57; `kept_from_village.wished`)."""
    return village_kept_out(text) or kept_from_village.wished(text)


class CaseForm(ChangeableForm):
    name = "case"
    change_fields = CHANGE_FIELDS

    def __init__(self) -> None:
        self.steps = (
            CONSENT,
            Step("reporter", self.reporter_prompt, self.reporter_read, store_as="reporter"),
            Step(
                "worker_name",
                self.worker_prompt,
                self.worker_read,
                store_as="worker_name",
                free_text=True,
            ),
            Step("country", self.country_prompt, country_read, store_as="country"),
            COUNTRY_OTHER,
            CITY,
            Step("category", self.category_prompt, self.category_read, store_as="category"),
            Step(
                "story",
                self.story_prompt,
                self.story_read,
                store_as="story",
                free_text=True,
                questions_allowed=False,
            ),
            # a question here ("bahaya gk?") is told what counts, not given a topic's answer
            Step(
                "danger",
                self.danger_prompt,
                self.danger_read,
                store_as="danger",
                questions_allowed=False,
            ),
            Step(
                "village",
                village_prompt,
                self.village_read,
                store_as="village_candidates",
                free_text=True,
            ),
            VILLAGE_CONFIRM,
            Step(DISTRICT_STEP, district_prompt, district_read, store_as="village_code"),
            Step("share", self.share_prompt, self.share_read, store_as="share"),
            Step(
                "share_confirm",
                self.share_confirm_prompt,
                self.share_confirm_read,
                store_as="share",
            ),
            Step("summary", self.summary_prompt, self.summary_read, store_as="decision"),
            Step("change", self.change_prompt, self.change_read, store_as="change_field"),
        )

    def first(self, ctx: Ctx) -> Step:
        if not ctx.contact.consent_at:
            return self.steps[0]
        if ctx.data.get(ASKS_ONLY):
            return self._question_or_on(ctx)
        return self._reporter_or_on(ctx)

    def _question_or_on(self, ctx: Ctx) -> Step:
        """A question for the officer: asked, unless the message that opened it holds it."""
        step = self.step("village" if ctx.data.get("story") else "story")
        assert step is not None  # both are steps of this form
        return step

    def _reporter_or_on(self, ctx: Ctx) -> Step:
        """Who reports is asked, unless the story said it ("anak sy ...")."""
        return self.steps[2] if ctx.data.get("reporter") else self.steps[1]

    def keep_early_story(self, ctx: Ctx, step: str, text: str) -> bool:
        """The story a family types before it is asked for (at the consent question, or where
        who reports or the worker's name was asked: "anak saya siti di arab saudi, majikan tdk
        kasih gaji 8 bulan") becomes the report's story, as a message that opened the report
        does: its danger is answered at once, and the country and problem it names are
        confirmed rather than asked. If consent is refused, the form's data goes with the
        form."""
        if len(text.split()) < EARLY_STORY_WORDS:
            return False
        if ctx.data.get(ASKS_ONLY) and step == "consent":
            return self._keep_early_question(ctx, text)
        words = set(fold(text).split())
        if (
            len(words) <= ANSWER_WORDS
            and not NEGATORS.isdisjoint(words)
            and not STEP_WORDS.isdisjoint(words)
        ):
            # "tidak setuju sama sekali", "tunggu dulu jgn dikirim": an answer to the step,
            # not more of the story (both were kept in it: a regression tester, stop 56)
            return False
        if declines(words) or (len(words) <= ANSWER_WORDS and words <= NO_MORE_SAID):
            # "prefer not to say", "gk usah pake nama", "gk usah kalo gitu": an answer to the
            # step (kept as the story: a regression tester, stop 57)
            return False
        if step == "worker_name" and ctx.engine.looks_like_question(text):
            return False  # "nama sy atau nama anak sy pak?": what the step is for, not a story
        if (
            step == "consent"
            and len(words) <= QUESTION_AT_CONSENT_WORDS
            and ctx.engine.looks_like_question(text)
            and not categories_in(text)
        ):
            # "trus nanti siapa yg hubungi sy?" was thanked as kept for the report before any
            # consent (a follow-up tester, stop 60): a question, not the story
            return False
        if step == "worker_name" and gives_own_name(ctx, text):
            return False  # "sy ibunya pak, nama sy inaq Sahnun": told whose name is asked
        if step == "worker_name" and ctx.data.get("reporter") == "self" and name_told(text):
            return False  # "sy sendiri, nama sy Yuli": the worker's own name, not a story
        if step == "worker_name" and not FEARS.isdisjoint(fold(text).split()):
            # "sy gk mau sebut nama dulu pak, takut ketauan agen": who sees a report, not a
            # story kept and the name asked again (a chat tester, stop 53)
            return False
        if step == "danger" and ctx.engine.looks_like_question(text):
            return False  # "itu termasuk bahaya gk?": what counts is said (`danger_read`)
        if step == "danger" and mentions_danger(text):
            # "bahaya, dia gk boleh keluar" at "in danger now?": more of the story, and the
            # answer yes (it was asked again: a regression tester, stop 56)
            add_to_story(ctx, text)
            return False
        if (
            step in LATER_STORY_STEPS
            and ctx.data.get("story")
            and not WHAT_IS_MEANT.search(fold(text))
        ):
            add_to_story(ctx, text)
            return True
        if step in STORY_BEFORE_ITS_STEP and not question.tells_a_problem(text):
            return False  # neither a place nor a problem read: the step asked again
        if step not in EARLY_STORY_STEPS | STORY_BEFORE_ITS_STEP:
            return False
        # a story sent in pieces ("anak sy namanya ...", "kerja d taiwan ...", "sdh 5 bln
        # gajinya d potong"), after the message that opened the report or not: each piece is
        # added (these steps come before the story is asked), and what the whole names is
        # confirmed
        earlier = str(ctx.data.get("story") or "")
        prefill(ctx, f"{earlier}\n{text}" if earlier else text, ctx.data.get("opening_reply"))
        return True

    def corrected(self, ctx: Ctx, step: str, text: str) -> bool:
        return correct_earlier(ctx, step, text, after_the_country=AFTER_THE_COUNTRY)

    def turned_to_a_question(self, ctx: Ctx, step: str, text: str) -> Step | None:
        """ "gk usah lapor, cuma mau tanya2 aja" at the report's first questions: a question for
        the officer instead; the step to ask next (consent still, where it is not given). A
        problem already told keeps the report."""
        if (
            step not in EARLY_STORY_STEPS
            or ctx.data.get(ASKS_ONLY)
            or ctx.data.get("categories_guess")
            or not question.only_asking(text)
        ):
            return None
        ctx.set_data(**{ASKS_ONLY: True}, story=None, reporter=None, name_guess=None)
        ctx.say(ctx._("All right: not a report, a question for the officer of your village."))
        if step == "consent":
            return self.step("consent")
        return self._question_or_on(ctx)

    def question_turned_to_report(self, ctx: Ctx, step: str, text: str) -> Step | None:
        """A problem or danger told as the question, or at a later step of it (the village,
        the summary: "sy lg d kurung agen di penampungan surabaya" was sent as a plain, not
        urgent, question: an officers-wanted tester, stop 62): the report, its questions
        from who reports on, with this as its story (after the question already asked)."""
        if not ctx.data.get(ASKS_ONLY) or step == "consent":
            return None
        if not (question.tells_a_problem(text) or ctx.data.get("urgent")):
            return None
        asked = None if step == "story" else ctx.data.get("story")  # "story": typed afresh
        self._as_a_report(ctx, "\n".join(str(t) for t in (asked, text) if t))
        ctx.set_data(editing=False, village_candidates=None)
        ctx.say(
            ctx._(
                "That is a problem to report: a few questions, so that the officer can act on it."
            )
        )
        return self._reporter_or_on(ctx)

    def _as_a_report(self, ctx: Ctx, story: str) -> None:
        """A question for the officer that told a problem: the report, `story` its story."""
        ctx.set_data(**{ASKS_ONLY: False, "story_added": None})
        prefill(ctx, story, ctx.data.get("opening_reply"))

    def _keep_early_question(self, ctx: Ctx, text: str) -> bool:
        """What someone who asked for an officer types at the consent question is the question
        to pass on; a problem told there makes it a report after all."""
        if question.tells_a_problem(text):
            self._as_a_report(ctx, text)
        else:
            ctx.set_data(story=text[:STORY_MAX])
        return True

    def after(self, ctx: Ctx, step: Step) -> Step | None:
        following = self._following(ctx, step)
        if ctx.data.get(ASKS_ONLY) and following is not None and following.name == "share":
            # a question is read by the village's officers (or the district's, where the
            # village is not known): there is no one to keep it from
            ctx.set_data(share=True)
            return self.step("summary")
        return following

    def _following(self, ctx: Ctx, step: Step) -> Step | None:
        data = ctx.data
        if step.name == "consent" and not data.get("consent"):
            if data.get("urgent") and data.get("opening"):
                refused_in_danger(ctx)
                return None
            ctx.say(
                ctx._(
                    "All right, nothing was saved. For help without sharing details, "
                    "call the KP2MI call centre 0800-1000 (free, from Indonesia; from abroad "
                    "+62-21-2924-4800) or write to its WhatsApp 0811-8080-141. Type *menu* for "
                    "other options."
                )
            )
            return None
        if step.name == "consent":
            return self._question_or_on(ctx) if data.get(ASKS_ONLY) else self._reporter_or_on(ctx)
        if step.name in ("country", COUNTRY_OTHER.name) and data.get("country") != "other":
            # a city typed with the country ("riyadh", "di kota wroclaw, polandia") is kept
            typed = data.get(CITY_TYPED)
            city = self.step("city")
            if typed and city is not None and not data.get("editing"):
                ctx.set_data(city=typed, **{CITY_TYPED: None})
                return super().after(ctx, city)  # "riyadh": the city is known
            return city
        if data.get("editing") and step.name in EDITED_LAST:
            return self.step("summary")  # a corrected answer: back to the summary
        if step.name == "category" and data.get("story"):
            return self._danger_or_on(ctx)  # the opening message is the story
        if step.name == "story" and data.get(ASKS_ONLY):
            return self._after_danger(ctx)  # no danger asked of a question: its village
        if step.name == "story":
            return self._danger_or_on(ctx)
        if step.name == "danger":
            return self._after_danger(ctx)
        if step.name == "village_confirm" and not data.get("village_code"):
            return self.step("village")
        if step.name == "village" and data.get("village_candidates") == [DISTRICT_STEP]:
            # the village not known: the district's officers, asked unless the same message
            # named the district ("lupa nama desa nya, pokok nya d lombok tengah")
            if not district_told(ctx, ctx.incoming.text or ""):
                return self.step(DISTRICT_STEP)
            return self.step("summary") if data.get("editing") else self.step("share")
        if step.name == "village_confirm" or step.name == DISTRICT_STEP:
            if data.get("editing"):
                return self.step("summary")
            return self.step("share")
        if step.name == "share":
            if data.get("share"):
                return self.step("summary")
            # someone in danger: not sending is asked once more, not taken at a word
            return self.step("share_confirm") if data.get("urgent") else None
        if step.name == "share_confirm":
            if data.get("share"):
                return self.step("summary")
            refused_in_danger(ctx)
            return None
        if step.name == "summary":
            return self.step("change") if data.get("decision") == CHANGE else None
        if step.name == "change":
            field = str(data.get("change_field"))
            ctx.set_data(editing=True, **{GUESSES.get(field, "_none"): None})
            return self.step(field)
        return super().after(ctx, step)

    def _danger_or_on(self, ctx: Ctx) -> Step | None:
        """Whether someone is in danger now is asked, unless the story said so: its danger
        reply was given, and the report is already urgent."""
        if ctx.data.get("urgent"):
            ctx.set_data(danger=True)
            return self._after_danger(ctx)
        return self.step("danger")

    def _after_danger(self, ctx: Ctx) -> Step | None:
        """The village: confirmed when the story named it, else asked."""
        guess = ctx.data.get("village_guess")
        if guess:
            ctx.set_data(village_candidates=[guess], village_guess=None)
            return self.step("village_confirm")
        return self.step("village")

    def village_read(self, ctx: Ctx) -> list[str]:
        """The village typed; not knowing it leads to the district instead (a friend abroad
        or a family that forgot it could only cancel an urgent report: testers, stop 56), as
        does a district named where no village of that name is found ("Lombok Tengah")."""
        text = "" if ctx.incoming.button else ctx.incoming.text or ""
        ctx.set_data(**{UNKNOWN_KEY: None})
        if text and village_not_known(text):
            return [DISTRICT_STEP]
        try:
            return village_read(ctx)
        except Invalid:
            if text and district_named(text) is not None:
                return [DISTRICT_STEP]
            raise

    def reporter_prompt(self, ctx: Ctx) -> None:
        ctx.say(
            ctx._(
                "I will ask a few questions and pass your report to the officer of your "
                "village. Who is reporting?"
            ),
            [Button(f"rep:{k}", short(ctx._(t))) for k, t in REPORTERS],
        )

    def reporter_read(self, ctx: Ctx) -> str:
        buttons = [Button(f"rep:{k}", short(ctx._(t))) for k, t in REPORTERS]
        text = ctx.incoming.text or ""
        # the writer's side: "sy ibunya" is a mother, and so is "anak sy di arab ..."
        relation = None if ctx.incoming.button else writer_relation(text)
        if relation is None:
            reporter = self.option(ctx, buttons).split(":", 1)[1]
        else:
            reporter = reporter_of(relation)
        ctx.set_data(relation=relation if reporter != "self" else None)
        if relation is not None:
            self.keep_early_story(ctx, "reporter", text)  # "anak sy di arab gk digaji 8 bln"
        return reporter

    def worker_prompt(self, ctx: Ctx) -> None:
        guess = ctx.data.get("name_guess")
        if guess:
            ctx.say(
                ctx._("Name of the worker: {name} — correct?").format(name=guess),
                yes_no(ctx, N_("Yes, correct"), N_("No")),
            )
            return
        if ctx.data.get("reporter") == "self":
            ctx.say(ctx._("What is your full name?"))
        else:
            # also someone still at home: cheated by a broker, or kept from leaving (the form
            # asked for "the worker abroad": a tester, stop 55)
            ctx.say(ctx._("What is the full name of the worker (abroad, or about to leave)?"))

    def worker_read(self, ctx: Ctx) -> str:
        """The name the story gave once confirmed, or the one typed."""
        guess = ctx.data.get("name_guess")
        if guess and confirm_guess(ctx, "name_guess", N_("All right, please type the name.")):
            return str(guess)
        text = "" if ctx.incoming.button else ctx.incoming.text or ""
        relation = writer_relation(text) if text else None
        family = reports_for_another(ctx)
        if family and not ctx.data.get("relation") and relation not in (None, "self"):
            # "adik sy namanya Sri Wahyuni" after the Family button: the writer is her elder
            # sibling (the case kept no relation: an English chat tester, stop 51)
            ctx.set_data(relation=relation)
        words = set(fold(text).split())
        if words and len(words) <= 8 and not_known(words) and not nickname_in(text):
            return ctx._("not known")  # "sy lupa pak": the report goes on, the officer asks
        if text and ctx.engine.looks_like_question(text):
            raise Invalid(
                ctx._(
                    "Your village officer needs the worker's name to find them and follow it "
                    "up. If you do not know it, type *tidak tahu*."
                )
            )
        own = name_told(text) if text and ctx.data.get("reporter") == "self" else None
        if own and OWN_NAME.search(fold(text)):
            return own  # "sy sendiri, nama sy Yuli"
        name = worker_name_read(ctx)
        if guess and text and fold(name) != fold(str(guess)):
            # another name typed at "Name of the worker: Sri — correct?" replaced it unasked,
            # also the writer's own ("Pak Lalu Ahmad, kadus": a danger look-alike tester, stop
            # 55): the new one is asked about in turn
            ctx.set_data(name_guess=name)
            raise Invalid(ctx._("Changed. Please check it:"))
        return name

    def country_prompt(self, ctx: Ctx) -> None:
        guess = ctx.data.get("country_guess")
        if guess:
            ctx.say(
                ctx._("Country: {country} — correct?").format(country=country_title(ctx, guess)),
                yes_no(ctx, N_("Yes, correct"), N_("No")),
            )
            return
        ctx.say(
            ctx._("In which country is the worker? (Still in Indonesia? Type *Indonesia*.)"),
            rows=country_rows(ctx),
            list_label=ctx._("Countries"),
        )

    def _category_rows(self, ctx: Ctx) -> list[Row]:
        return [Row(f"cat:{k}", short(ctx._(t), 24)) for k, t in PROBLEMS]

    def category_prompt(self, ctx: Ctx) -> None:
        guess = ctx.data.get("categories_guess")
        if guess:
            ctx.say(
                ctx._("Problem: {problems} — correct?").format(problems=problems_label(ctx, guess)),
                yes_no(ctx, N_("Yes, correct"), N_("No")),
            )
            return
        ctx.say(
            ctx._("What is the problem? (More than one: type the numbers, e.g. *1 2*.)"),
            rows=self._category_rows(ctx),
            list_label=ctx._("Problems"),
        )

    def category_read(self, ctx: Ctx) -> str:
        guess = ctx.data.get("categories_guess")
        if guess and confirm_guess(ctx, "categories_guess"):
            chosen = list(guess)
        else:
            try:
                chosen = self.several(ctx)
            except Invalid:
                if guess:
                    # neither yes, no nor a problem ("Siti Aminah" typed at "Masalah: ... —
                    # benar?"): the guess stays asked; dropping it showed the whole list, and
                    # "ya" there was no choice, again and again (a chat tester, stop 46)
                    ctx.set_data(categories_guess=guess)
                raise
        ctx.set_data(categories=chosen)
        text = " ".join((ctx.incoming.text or "").split())
        if len(text.split()) >= STORY_AT_CHOICE_WORDS and not ctx.data.get("story"):
            # "sy setor 15jt ke calo ..." where the problem was asked: the problem it names and
            # the story itself, which is then not asked for again
            ctx.set_data(story=text[:STORY_MAX])
        elif len(text.split()) >= STORY_AT_CHOICE_WORDS:
            # the story already holds the opening ("sy mau lapor lagi utk anak sy di
            # malaysia"): the problem told here joins it (it was lost: a family chat tester,
            # stop 50)
            add_to_story(ctx, text)
        return chosen[0]  # the main problem, for routing

    def several(self, ctx: Ctx) -> list[str]:
        """One option, several numbers ('1 dan 2', '1,2') or the problems named in words."""
        rows = self._category_rows(ctx)
        try:
            return [self.option(ctx, rows).split(":", 1)[1]]
        except Invalid:
            text = ctx.incoming.text or ""
            # only a message of numbers picks by number: "sdh 2 bln gk ada kabar" is a missing
            # worker, not choice 2 (kept papers: a family chat tester, stop 50)
            numbers = [int(n) for n in re.findall(r"\d+", text)] if ONLY_NUMBERS.match(text) else []
            codes = [r.id.split(":", 1)[1] for r in rows]
            picked = [codes[n - 1] for n in numbers if 1 <= n <= len(codes)]
            picked = picked or categories_in(text)
            if not picked:
                raise
            return list(dict.fromkeys(picked))

    def story_prompt(self, ctx: Ctx) -> None:
        if ctx.data.get(ASKS_ONLY):
            question.question_prompt(ctx)
            return
        if ctx.data.get("editing") and ctx.data.get("story"):
            # *Ubah* → *Cerita*: families add what they forgot; the story told stays
            ctx.say(ctx._("Type what you want to add to your story."))
            return
        ctx.say(
            ctx._(
                "Tell us what happened, in your own words: since when, who is involved, "
                "what you need. You may also send photos or voice notes."
            )
        )

    def story_read(self, ctx: Ctx) -> str:
        if ctx.data.get(ASKS_ONLY):
            return self._question_read(ctx)
        if ctx.incoming.media:
            attachments = [
                *ctx.data.get("attachments", []),
                {"kind": ctx.incoming.media, "ref": ctx.incoming.media_ref or ""},
            ]
            ctx.set_data(attachments=attachments[:20])
            raise Invalid(
                ctx._("Received, thank you. Now please also type a short description in words.")
            )
        story = " ".join((ctx.incoming.text or "").split())
        if len(story) < 5 or declines(set(fold(story).split())):
            # "rahasia", "skip aja", "gak mau cerita" were sent as the story (a tester, stop 57)
            raise Invalid(ctx._("Please describe the problem in a few words."))
        if mentions_danger(story) and not ctx.data.get("urgent"):
            ctx.set_data(urgent=True)
            ctx.engine.emergency(ctx)
        named = [*ctx.data.get("categories", []), *categories_in(story)]
        ctx.set_data(categories=list(dict.fromkeys(named)))
        if ctx.data.get("editing") and ctx.data.get("story"):
            story = f"{ctx.data['story']}\n{story}"
        return story[:STORY_MAX]

    def _question_read(self, ctx: Ctx) -> str:
        """The question for the officer, typed again in full when changed (a problem told here
        was made the report before: `question_turned_to_report`)."""
        if ctx.incoming.media:
            raise Invalid(ctx._("Please type your question in words."))
        text = " ".join((ctx.incoming.text or "").split())
        if len(text) < 5 or declines(set(fold(text).split())):
            raise Invalid(ctx._("Please type your question in a few words."))
        return text[:STORY_MAX]

    def _danger_buttons(self, ctx: Ctx) -> list[Button]:
        return [
            *yes_no(ctx, N_("Yes, in danger"), N_("No")),
            Button(NOT_KNOWN, short(ctx._("I don't know"))),
        ]

    @staticmethod
    def _danger_label(ctx: Ctx) -> str:
        """ "Tidak tahu" at the danger question is urgent all the same, and said as it was
        answered: the summary said "Bahaya sekarang: Ya" (a family chat tester, stop 49)."""
        if not ctx.data.get("urgent"):
            return ctx._("No")
        if ctx.data.get("danger_not_known"):
            return ctx._("Not known, so marked urgent")
        return ctx._("Yes")

    def danger_prompt(self, ctx: Ctx) -> None:
        ctx.say(ctx._("Is someone in danger right now?"), self._danger_buttons(ctx))

    def danger_read(self, ctx: Ctx) -> bool:
        """A family that cannot know ("gk tau pak", "mungkin": no news for weeks) is taken as
        possible danger: the numbers, and the report marked urgent."""
        typed = "" if ctx.incoming.button else ctx.incoming.text or ""
        words = set(fold(typed).split())
        other_step = {w.removesuffix("nya") for w in words} & OTHER_STEPS_WORDS
        if other_step and not ctx.incoming.button and not mentions_danger(typed):
            # "ndk tau desanya" at "in danger now?" (the village asked one step early) was read
            # as not knowing, and a wage report got the numbers and was marked urgent (a forms
            # tester, stop 65): an answer to another step, the question again
            raise Invalid(ctx._("I will ask for the village next."))
        if ctx.incoming.button == NOT_KNOWN or says_not(words, KNOWING | SURE) or words & MAYBE:
            chosen = NOT_KNOWN
        elif typed and mentions_danger(typed):
            chosen = YES  # "ya gk dikasih makan", "bahaya, dia gk boleh keluar"
        elif words & SAFE_WORDS and NEGATORS.isdisjoint(words):
            chosen = NO  # "aman kok", "kayaknya sih aman"
        elif typed and ctx.engine.looks_like_question(typed):
            # "bahaya gk?" was kept as no: what counts, and the question again
            raise Invalid(
                ctx._(
                    "Someone is in danger now if they are held or locked in, beaten, starved, "
                    "threatened, abused, or ill without care. If you cannot tell, press "
                    "*I don't know*."
                )
            )
        else:
            chosen = self.option(ctx, self._danger_buttons(ctx))
        danger = chosen in (YES, NOT_KNOWN)
        ctx.set_data(danger_not_known=chosen == NOT_KNOWN)
        if not danger and ctx.data.get("editing"):
            ctx.set_data(urgent=False)  # corrected through *Ubah*: the family's answer holds
        if danger:
            if not ctx.data.get("urgent"):
                ctx.engine.emergency(ctx)
            ctx.set_data(urgent=True)
        return danger

    def _share_buttons(self, ctx: Ctx, no: str = N_("No")) -> list[Button]:
        """Always in one order: a family used to *District only* second typed "2" where it led
        and shared a rape with the village it feared (a family chat tester, stop 50)."""
        yes, refused = yes_no(ctx, N_("Yes, share it"), no)
        district = Button(DISTRICT_ONLY, short(ctx._("District only")))
        return [yes, district, refused]

    def keeps_out_the_village(self, text: str) -> bool:
        return _village_kept_out(text)

    def keep_out_the_village(self, ctx: Ctx, text: str) -> None:
        """The story keeps the words, and the sharing question proposes *District only* (it
        reads the whole story); what the step was asking is asked again."""
        if ctx.conversation.step != "consent":  # nothing is kept before the consent is given
            add_to_story(ctx, text)
        ctx.set_data(village_hidden=True)
        ctx.say(
            ctx._(
                "Noted: the village must not know. At the end, choose *District only*: your "
                "district's officers will see the report, not your village's."
            )
        )

    def share_prompt(self, ctx: Ctx) -> None:
        """When the story fears the village learns of it ("calonya ipar pak kades, sy takut
        kalau ketahuan", "jangan sampai kades tau"), the question says *District only* fits."""
        lead = ""
        if _village_kept_out(whole_story(ctx.data)):
            lead = ctx._("You wrote that the village must not know: choose *District only*.")
            lead += "\n\n"
        ctx.say(
            lead
            + ctx._(
                "May we share this report with the officers of your village and district "
                "so that they can help? If the village must not know (the broker is close to "
                "the village head, say), choose *District only*: the district's officers and "
                "the province's administrators handle it, and your village's officers do not "
                "see it."
            ),
            self._share_buttons(ctx),
        )

    def share_read(self, ctx: Ctx) -> bool:
        typed = ctx.incoming.text or ""
        words = set(fold(typed).split())
        if not ctx.incoming.button and WHAT_IS_MEANT.search(fold(typed)):
            # "maksudnya hanya kabupaten gmn?" was taken as choosing it (a forms tester, stop
            # 65): what each choice means, and the question again
            raise Invalid(
                ctx._(
                    "*Yes, share it*: your village's officers and your district's see the "
                    "report. *District only*: only your district's officers and the province's "
                    "administrators see it, not your village's. *No*: the report is not sent."
                )
            )
        district_said = "kabupaten" in words and bool(ONLY_WORDS & words)
        # "boleh tp jgn desa" was shared with the village (a regression tester, stop 56)
        district_said = district_said or NOT_THE_VILLAGE.search(fold(typed)) is not None
        if not ctx.incoming.button and (_village_kept_out(typed) or district_said):
            # also "tidak usah ke desa, ke kabupaten saja" (asked again: stop 50)
            # "sy gk mau desa tau" at the question (a tester, stop 48)
            shared = self._shared_as(ctx, DISTRICT_ONLY)
        else:
            shared = self._shared_as(ctx, self.option(ctx, self._share_buttons(ctx)))
        if not shared and not ctx.data.get("urgent"):
            ctx.say(
                ctx._(
                    "Without sharing, no officer can act on it, so the report was not sent "
                    "and nothing was saved. You can call the KP2MI call centre 0800-1000 "
                    "yourself (free, from Indonesia; from abroad +62-21-2924-4800) or write to "
                    "its WhatsApp 0811-8080-141. Type *lapor* to start again."
                )
            )
        return shared

    def _share_confirm_buttons(self, ctx: Ctx) -> list[Button]:
        return self._share_buttons(ctx, N_("Don't share"))

    def share_confirm_prompt(self, ctx: Ctx) -> None:
        ctx.say(
            ctx._(
                "This report is about someone in danger. If it is not shared, no officer will "
                "know about it and no one can help. Share it anyway?"
            ),
            self._share_confirm_buttons(ctx),
        )

    def share_confirm_read(self, ctx: Ctx) -> bool:
        return self._shared_as(ctx, self.option(ctx, self._share_confirm_buttons(ctx)))

    @staticmethod
    def _shared_as(ctx: Ctx, chosen: str) -> bool:
        """Keeps whether the village is left out; whether the report is shared at all."""
        ctx.set_data(village_hidden=chosen == DISTRICT_ONLY)
        return chosen != NO

    def summary_text(self, ctx: Ctx) -> str:
        _ = ctx._
        d = ctx.data
        where = self._village_shown(ctx)
        if d.get(ASKS_ONLY):
            return "\n".join(question.summary_lines(ctx, where, self._story_shown(ctx)))
        country = d.get("country")
        country_label = country_title(ctx, country)
        place = f"{country_label}, {d['city']}" if d.get("city") else country_label
        lines = [
            _("Please check your report:"),
            bullet(_("Reporter"), reporter_label(ctx)),
            bullet(_("Worker"), d.get("worker_name", "-")),
            bullet(_("Country"), place),
            bullet(_("Problem"), problems_label(ctx, d.get("categories") or [d.get("category")])),
            bullet(_("Danger now"), self._danger_label(ctx)),
            bullet(_("Village"), where),
            bullet(_("Story"), self._story_shown(ctx)),
        ]
        if d.get("village_hidden") or d.get(UNKNOWN_KEY):
            lines.append(bullet(_("Seen by"), _("district and province officers, not the village")))
        return "\n".join(lines)

    @staticmethod
    def _village_shown(ctx: Ctx) -> str:
        """The village chosen, else the district when the village is not known."""
        d = ctx.data
        village = ctx.engine.villages.get(d.get("village_code", ""))
        if village:
            return village.label
        return district_label(ctx, str(d.get("village_code"))) if d.get(UNKNOWN_KEY) else "-"

    @staticmethod
    def _story_shown(ctx: Ctx) -> str:
        story = " ".join(whole_story(ctx.data).split())
        shown = short(story, STORY_SHOWN)
        if shown == story:
            return shown
        return shown + " " + ctx._("(the whole story is sent)")

    def _summary_buttons(self, ctx: Ctx) -> list[Button]:
        if ctx.data.get(ASKS_ONLY):
            return super()._summary_buttons(ctx)  # *Send*: a question, not a report
        return [
            Button(SUBMIT, short(ctx._("Send report"))),
            Button(CHANGE, short(ctx._("Change"))),
            Button(CANCEL, short(ctx._("Cancel"))),
        ]

    def _field_rows(self, ctx: Ctx) -> list[Row]:
        if ctx.data.get(ASKS_ONLY):
            return [Row(f"field:{k}", short(ctx._(t), 24)) for k, t in QUESTION_FIELDS]
        return super()._field_rows(ctx)

    def summary_read(self, ctx: Ctx) -> str:
        """A button, or a correction typed in words ("eh salah pak, negaranya saudi"): the
        list of what can be changed."""
        typed = ctx.incoming.text or ""
        if not ctx.incoming.button and kept_from_village.wished(typed):
            # "rahasiakan dari desa" at the summary was refused, and the report went to the
            # village (a regression tester, stop 57): the district only, and the summary again
            ctx.set_data(village_hidden=True)
            raise Invalid(
                ctx._("All right: only your district's officers will see it, not the village's.")
            )
        try:
            return super().summary_read(ctx)
        except Invalid:
            if CORRECTING.intersection(fold(typed).split()):
                return CHANGE
            raise

    def left_behind(self, ctx: Ctx) -> dict[str, object]:
        """After consent was refused, or sharing a danger report, the report's opening stays
        a few minutes: *Report again*, "lapor" or "ya setuju" starts it again with it; after a
        danger opening the danger reply's window stays too, so "terus gimana pak?" gets what
        to do now."""
        d = ctx.data
        step = ctx.conversation.step
        refused = (step == "consent" and not d.get("consent")) or (
            step == "share_confirm" and not d.get("share")
        )
        opening = d.get("opening") or (whole_story(d) if step == "share_confirm" else None)
        if not refused:
            return {}
        refusal: dict[str, object] = {
            "at": ctx.now.isoformat(),
            "opening": opening or "",
            "urgent": d.get("urgent"),
        }
        if not opening:
            # a bare "lapor" refused, then "ya udh sy setuju" was not understood, twice (a
            # journeys tester, stop 61): the change of mind starts the report afresh
            return {REFUSED_KEY: refusal}
        if step == "share_confirm":
            # the whole form was answered: a change of mind asks only who may see it
            refusal["answers"] = {k: v for k, v in d.items() if not k.startswith("_")}
        kept: dict[str, object] = {REFUSED_KEY: refusal, PENDING_STORY: opening}
        if d.get("urgent"):
            # read after the danger reply, each message alone: the opening's "LAPOR" does not
            # open the form again with every message, and more of the story joins it
            place = pieces.danger_place(danger_country(ctx), ctx.lang)
            kept.update(
                {
                    PIECES_KEY: pieces.remembered(None, str(opening), ctx.now),
                    pieces.DANGER_KEY: ctx.now.isoformat(),
                    pieces.DANGER_PLACE_KEY: place,
                }
            )
        return kept

    def finish(self, ctx: Ctx) -> None:
        d = ctx.data
        if not d.get("share") or d.get("decision") != SUBMIT:
            if d.get("decision") == CANCEL:
                ctx.say(ctx._("Report cancelled; nothing was sent."))
            return
        story = whole_story(d)
        answered_first = bool(d.get("opening")) and story == str(d["opening"])[:STORY_MAX]
        if d.get(ASKS_ONLY):
            self._send_question(ctx, story, answered_first)
            return
        case = create_case(
            ctx.session,
            contact=ctx.contact,
            reporter=d["reporter"],
            worker_name=d.get("worker_name"),
            country=d["country"],
            city=d.get("city"),
            category=d["category"],
            categories=d.get("categories") or [d["category"]],
            relation=d.get("relation"),
            story=story,
            urgent=bool(d.get("urgent")),
            village_code=d["village_code"],
            share_consent=True,
            village_hidden=bool(d.get("village_hidden") or d.get(UNKNOWN_KEY)),
            attachments=d.get("attachments", []),
            story_read=answered_first,
            assistant_reply=d.get("opening_reply") if answered_first else None,
        )
        link_new_case(ctx.session, case=case, contact=ctx.contact)
        if not d.get(UNKNOWN_KEY):
            ctx.contact.village_code = d["village_code"]
        sent = (
            ctx._(
                "Your report was sent. Case number *{number}*. An officer of your district, "
                "not of your village, will answer here in this chat. Anything you write here "
                "now is added to the report. Type *status* to see where it stands."
            )
            if case.village_hidden
            else ctx._(
                "Your report was sent. Case number *{number}*. The officer of your village "
                "will answer here in this chat. Anything you write here now is added to the "
                "report. Type *status* to see where it stands."
            )
        )
        if case.urgent:
            # a worker locked in was told only that the officer will answer here (a journeys
            # tester, stop 62): not to wait for it
            sent += "\n\n" + ctx._(
                "If you are in danger now, do not wait for the officer: call the emergency "
                "numbers I gave you (type *nomor darurat* to see them again)."
            )
        # the village's news is not offered to a family that keeps its report from the village
        ctx.say(sent.format(number=case.number), [] if case.village_hidden else news.offer(ctx))

    def _send_question(self, ctx: Ctx, story: str, answered_first: bool) -> None:
        """A question for the officer, kept as a case: the officer's queue, the reply in this
        chat, escalation if no one answers, *status*, are the report's."""
        d = ctx.data
        hidden = bool(d.get(UNKNOWN_KEY))
        case = create_case(
            ctx.session,
            contact=ctx.contact,
            reporter="self",
            worker_name=None,
            country="",
            city=None,
            category=question.CATEGORY,
            story=story,
            urgent=bool(d.get("urgent")),  # never so by now; kept, should a path lead here
            village_code=d["village_code"],
            share_consent=True,
            village_hidden=hidden,
            story_read=answered_first,
            assistant_reply=d.get("opening_reply") if answered_first else None,
        )
        if not hidden:
            ctx.contact.village_code = d["village_code"]
        ctx.say(question.sent(ctx, case.number, hidden), [] if hidden else news.offer(ctx))
