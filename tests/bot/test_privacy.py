"""Erasure and retention reach every copy of personal data: log, outbox, notifications, cases."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.commands import command_of
from bot.i18n import language_of_tag
from bot.masking import mask_text
from bot.privacy import prune_message_bodies
from bot.store.db import transaction
from bot.store.models import Case, CaseEvent, Conversation, Message, OutboxMessage
from bot.triage import village_kept_out
from bot.types import Incoming
from migran.services import Services
from tests.bot.test_store import register, report
from tests.cases_support import REPORT_STEPS, report_to_the_village
from tests.conftest import Chat
from tests.officers_support import SAKRA, add_officer

CASES = Path(__file__).parents[1] / "data" / "masking_cases.jsonl"
PERSONAL = ("Baiq Nurhasanah", "Nurhasanah", "081299998888", "Siti Aminah", "81234567890")


def _outbox_text(services: Services) -> str:
    with services.factory() as session:
        rows = session.scalars(select(OutboxMessage)).all()
        return "\n".join(f"{row.recipient} {json.dumps(row.payload)}" for row in rows)


def test_erasure_masks_the_outbox_and_the_officers_notifications(services: Services) -> None:
    add_officer(services, "Lalu Sakra", villages=[SAKRA], telegram="900002")
    chat = Chat(services, user="6281234567890", channel="whatsapp", phone="+6281234567890")
    register(chat)
    report(chat)
    chat.say("ibu saya Baiq Nurhasanah minta tolong")
    before = _outbox_text(services)
    assert "Nurhasanah" in before and "081299998888" in before  # the officer was told the story
    chat.say("hapus data saya")
    chat.say(button="erase:yes")
    assert services.scheduler is not None
    services.scheduler.tick()  # the confirmation has been delivered: its number goes too
    after = _outbox_text(services)
    for value in PERSONAL:
        assert value not in after, value
    assert "dibayar" in after  # the officer still reads what happened


def test_dedup_still_drops_a_redelivered_message_after_erasure(services: Services) -> None:
    first = Incoming(channel="whatsapp", user_id="6281234567890", text="halo", platform_id="w.1")
    assert services.dispatcher.receive(first)
    erase = Incoming(channel="whatsapp", user_id="6281234567890", text="hapus data saya")
    services.dispatcher.receive(erase)
    services.dispatcher.receive(
        Incoming(channel="whatsapp", user_id="6281234567890", button="erase:yes")
    )
    assert services.dispatcher.receive(first) == []


def test_retention_drops_old_outbox_rows_and_message_extras(chat: Chat, services: Services) -> None:
    chat.say("syarat jadi tki apa aja")
    with transaction(services.factory) as session:
        later = services.dispatcher.clock() + timedelta(days=181)
        prune_message_bodies(session, older_than=timedelta(days=180), now=later)
    with services.factory() as session:
        assert session.scalar(select(func.count()).select_from(OutboxMessage)) == 0
        assert (
            session.scalar(
                select(func.count()).select_from(Message).where(Message.extra.is_not(None))
            )
            == 0
        )


def test_retention_drops_the_words_an_idle_conversation_holds_for_a_moment(
    chat: Chat, services: Services
) -> None:
    """The last story (kept so that "Report" carries it) and a plea's recent pieces go with
    the message bodies; what the conversation is doing stays."""
    from bot.context import PENDING_REPLY, PENDING_STORY, PIECES_KEY
    from bot.privacy import MOMENT_KEYS

    assert set(MOMENT_KEYS) == {PENDING_STORY, PENDING_REPLY, PIECES_KEY}
    chat.say("gaji istri saya di malaysia belum dibayar 3 bulan")
    with services.factory() as session:
        (data,) = [c.data for c in session.scalars(select(Conversation))]
    assert "belum dibayar" in data[PENDING_STORY] and data[PIECES_KEY]
    with transaction(services.factory) as session:
        soon = services.dispatcher.clock() + timedelta(days=1)
        prune_message_bodies(session, older_than=timedelta(days=180), now=soon)
    with services.factory() as session:
        (data,) = [c.data for c in session.scalars(select(Conversation))]
    assert PENDING_STORY in data  # not idle long enough
    with transaction(services.factory) as session:
        later = services.dispatcher.clock() + timedelta(days=181)
        prune_message_bodies(session, older_than=timedelta(days=180), now=later)
    with services.factory() as session:
        (data,) = [c.data for c in session.scalars(select(Conversation))]
    assert not set(MOMENT_KEYS) & set(data)


def test_erasure_masks_the_name_known_from_the_case_wherever_it_appears(
    chat: Chat, services: Services
) -> None:
    report(chat)  # worker name "Baiq Nurhasanah"
    with transaction(services.factory) as session:
        case = session.scalars(select(Case)).one()
        case.story = "Nurhasanah belum digaji, suaminya Zulkarnaen, nomor +60123456789"
        case.events.append(
            CaseEvent(kind="note", actor="officer:1", body="sudah telepon nurhasanah, ok")
        )
    chat.say("hapus data saya")
    chat.say(button="erase:yes")
    with services.factory() as session:
        case = session.scalars(select(Case)).one()
        notes = " ".join(event.body or "" for event in case.events)
    assert "Nurhasanah" not in case.story and "+60123456789" not in case.story
    assert "belum digaji" in case.story
    assert "nurhasanah" not in notes.lower() and "sudah telepon" in notes


def test_masking_recall_and_over_masking_on_the_labelled_set() -> None:
    lines = [json.loads(line) for line in CASES.read_text(encoding="utf-8").splitlines()]
    assert len(lines) >= 80
    to_mask = [(c["text"], s) for c in lines for s in c["mask"]]
    to_keep = [(c["text"], s) for c in lines for s in c["keep"]]
    missed = [(t, s) for t, s in to_mask if s in mask_text(t)]
    lost = [(t, s) for t, s in to_keep if s not in mask_text(t)]
    assert len(missed) / len(to_mask) <= 0.05, missed
    assert len(lost) / len(to_keep) <= 0.05, lost


def test_local_names_and_foreign_numbers_are_masked() -> None:
    masked = mask_text("suami saya Lalu Rahman, Baiq Nurhasanah, Lalu Ahmad, +60123456789")
    for value in ("Rahman", "Nurhasanah", "Ahmad", "60123456789"):
        assert value not in masked
    assert "suami saya" in masked


def test_an_ok_before_the_wish_to_erase_is_still_the_wish(sqlite_chat: Chat) -> None:
    """ "ok sy mau hapus data saya" was told to type *hapus data saya* (a chat tester, stop
    46): it asks to confirm the erasure, as the command alone does."""
    assert "Ini akan menghapus" in sqlite_chat.say("ok sy mau hapus data saya")


def test_the_fear_that_the_company_learns_of_a_report_gets_who_sees_it(sqlite_chat: Chat) -> None:
    """ "kl sy lapor, PT nya tau g pak?" started the report form (a chat tester, stop 46): who
    sees a report is the answer, and the report one tap away. "lapor pak, majikan tau sy
    kabur" is a report."""
    reply = sqlite_chat.say("kl sy lapor, PT nya tau g pak? nanti anak sy d apa2in")
    assert "Siapa yang melihat:" in reply and "Lapor" in reply, reply
    other = Chat(sqlite_chat.services, user="u3").say("nnti sponsor nya tau gk sy yg lapor pak")
    assert "Siapa yang melihat:" in other, other
    assert "Sebelum saya menanyakan data diri" in Chat(sqlite_chat.services, user="u2").say(
        "lapor pak, majikan tau sy kabur"
    )


def test_the_fear_that_the_broker_or_the_village_head_learns_of_it_gets_who_sees_it(
    sqlite_chat: Chat,
) -> None:
    """The broker next door, a village head related to him, an agent in English: each fear got
    a broker's signs, "not sure" or the lost-contact answer (a chat tester, stop 47). A fear
    that the employer learns of an illness is not about a report."""
    for n, text in enumerate(
        (
            "takut ketahuan sama sponsornya, dia orang kampung sini jg",
            "apakah kepala desa bs tau sy lapor? dia sodaranya sponsor",
            "can the agent find out that I reported him?",
            "will my broker know it was me who complained?",
            "is my report anonymous? I'm scared the agency will find out",
            "sy mau lapor tp takut kadesnya tau, dia temen calo nya",
        )
    ):
        reply = Chat(sqlite_chat.services, user=f"fear{n}").say(text)
        assert "Siapa yang melihat:" in reply or "Who sees it:" in reply, (text, reply)
    ill = Chat(sqlite_chat.services, user="ill").say("sy takut majikan tau kalau sy sakit")
    assert "Siapa yang melihat:" not in ill, ill


def test_the_fear_that_the_village_learns_is_told_the_report_can_skip_the_village(
    sqlite_chat: Chat,
) -> None:
    """ "calonya sodara pak kades, sy takut lapor" got "not sure"; "sy gk mau petugas desa tau"
    got what the village offers (a family chat tester, stop 48). Both get who sees a report
    and that it can go to the district only."""
    for n, text in enumerate(
        (
            "calonya sodara pak kades, sy takut lapor",
            "sy gk mau petugas desa tau, bisa langsung ke kabupaten aja?",
        )
    ):
        reply = Chat(sqlite_chat.services, user=f"village{n}").say(text)
        assert "Siapa yang melihat:" in reply and "*Hanya kabupaten*" in reply, (text, reply)
    told = Chat(sqlite_chat.services, user="told").say("kades bilang lapor aja ke desa")
    assert "Hanya kabupaten" not in told, told


def test_a_story_that_fears_the_village_is_told_district_only_fits_in_the_usual_order(
    sqlite_chat: Chat,
) -> None:
    """The chat tester's report named the broker as the village head's in-law and was asked
    only to share with the village and the district (stop 48). Put first, *District only*
    moved; a family typed "2" for it and shared with the village (stop 50): the order stays,
    and the question says which fits."""
    report_to_the_village(
        sqlite_chat,
        "calo",
        "adik sy dibrgkatkan calo pake paspor pelancong. calonya ipar pak kades, sy takut "
        "kalau ketahuan",
    )
    sqlite_chat.say("anjani suralaga")
    reply = sqlite_chat.say("ya")
    assert "desa tidak boleh tahu: pilih *Hanya kabupaten*" in reply, reply
    assert reply.index("1. Ya, boleh dibagikan") < reply.index("2. Hanya kabupaten"), reply


def test_who_sees_a_report_or_the_village_kept_out_in_other_words(sqlite_chat: Chat) -> None:
    """A tester's other words for the same fear (stop 48) got "not sure" or a broker's signs;
    each gets who sees a report and the district-only option."""
    for n, text in enumerate(
        (
            "bisa gk lapor tanpa lewat desa?",
            "laporan sy nanti d baca sapa aja?",
            "apa petugas desa bisa liat laporan sy",
            "calonya sodara kades, tlg jgn sampe desa tau",
            "calo na semeton kades, tiang jerih",
        )
    ):
        reply = Chat(sqlite_chat.services, user=f"sees{n}").say(text)
        assert "Siapa yang melihat:" in reply, (text, reply)
    told = Chat(sqlite_chat.services, user="asked").say("sy mau lapor ke kades")
    assert "Siapa yang melihat:" not in told, told


def test_a_village_kept_out_in_a_typed_answer_or_by_the_kades_broker() -> None:
    from bot.triage import village_kept_out

    assert village_kept_out("sy gk mau desa tau")
    assert village_kept_out("calo nya pak kades sendiri, uang sy 10jt hilang")
    for plain in ("ya boleh", "desa anjani", "gaji anak sy blm dibayar 3 bulan"):
        assert not village_kept_out(plain), plain


SHARE_STEP = 11
"""Where REPORT_STEPS answers the sharing question."""


def test_a_report_kept_from_the_village_is_not_offered_the_villages_news(
    sqlite_services: Services,
) -> None:
    """The confirmation of a district-only report offered to subscribe to the village officers'
    news (an officer-side tester, stop 48); a report shared with the village still offers it."""
    sent = {}
    for who, share in (("kept", "share:district"), ("shared", "opt:yes")):
        chat = Chat(sqlite_services, user=who, channel="telegram")
        for n, step in enumerate(REPORT_STEPS):
            chat.send(**({"button": share} if n == SHARE_STEP else step))
        sent[who] = chat.history[-1][1]
    titles = {who: [b.title for r in replies for b in r.buttons] for who, replies in sent.items()}
    assert "Info desa" not in titles["kept"] and "Info desa" in titles["shared"], titles


def test_the_district_only_typed_in_words_at_the_share_question(sqlite_chat: Chat) -> None:
    """ "tidak usah ke desa, ke kabupaten saja" was asked again (a family chat tester, stop
    50)."""
    report_to_the_village(sqlite_chat, "gaji", "gaji anak sy tidak dibayar 4 bulan")
    sqlite_chat.say("anjani suralaga")
    sqlite_chat.say("ya")
    summary = sqlite_chat.say("tidak usah ke desa, ke kabupaten saja")
    assert "Dilihat oleh" in summary, summary


@pytest.mark.parametrize("wish", ["hapus data nahu", "tolong hapus data tiang pak"])
def test_a_wish_to_erase_in_sasak_or_mbojo_is_the_erase_command(wish: str) -> None:
    """It got the privacy text (a family chat tester, stop 51)."""
    assert command_of(wish) == "erase"


@pytest.mark.parametrize(
    "story",
    [
        "majikan gk mau bawa ke rumah sakit. Keluarga di desa Masbagik Utara. sy takut adik sy "
        "kenapa2",
        "dia takut ditangkap polisi, kami dr desa sakra",
    ],
)
def test_a_village_named_as_home_beside_a_fear_is_no_wish_to_keep_it_out(story: str) -> None:
    """Four of sixteen reports were told "you wrote the village must not know" (a family
    chat tester, stop 51)."""
    assert not village_kept_out(story)


def test_the_village_named_as_who_must_not_know_is_kept_out() -> None:
    assert village_kept_out("tlg jgn sampe desa tau")
    assert village_kept_out("sy gk mau orang desa tau")
    assert village_kept_out("calonya sodara pak kades, sy takut lapor")


def test_after_erasing_an_english_app_is_still_answered_in_english(services: Services) -> None:
    """Erasing drops the chat id, so the next message makes a new contact; an English user's
    "menu" after it got the Indonesian menu (a forms tester, stop 55). The app's language
    decides where the first words do not."""
    chat = Chat(services, user="en1", language="en")
    chat.say("hi")
    assert "Delete now?" in chat.say("hapus data saya")
    chat.say("Yes, delete")
    assert "Record a departure" in chat.say("menu")
    indonesian = Chat(services, user="id1", language="id")
    assert "Lapor keberangkatan" in indonesian.say("menu")


def test_the_apps_language_tag_names_the_chat_language() -> None:
    assert language_of_tag("en-GB") == "en"
    assert language_of_tag("en-US,en;q=0.9,id;q=0.8") == "en"
    assert language_of_tag("id-ID,id;q=0.9,en;q=0.8") == "id"
    assert language_of_tag("ms") == "id"
    assert language_of_tag("fr-FR") is None
    assert language_of_tag(None) is None


@pytest.mark.parametrize(
    ("wish", "command"),
    [
        ("minta salinan data sy", "mydata"),
        ("can i get a copy of my data", "mydata"),
        ("sy mau tarik persetujuan sy", "erase"),
        ("I withdraw my consent", "erase"),
    ],
)
def test_a_copy_of_the_data_or_consent_withdrawn_is_its_command(wish: str, command: str) -> None:
    """With a report open both got "added to your report" (a family-side tester, stop 65). A
    copy is what "data saya" shows; consent withdrawn ends the keeping, asked to confirm."""
    assert command_of(wish) == command


def test_a_question_about_the_consent_is_not_its_withdrawal() -> None:
    assert command_of("persetujuan apa ini pak?") != "erase"
