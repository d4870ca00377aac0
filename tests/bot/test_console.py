"""`migran chat` shows what an officer sent while the user was away, and echoes piped input."""

from __future__ import annotations

import io
import queue
import re
import threading

from bot.cases import service as handoff
from bot.channels.console import chat
from migran.services import Services
from tests.cases_support import as_officer
from tests.channels_support import wait_for
from tests.officers_support import team

REPORT = (
    "lapor\n1\nKeluarga\nLalu Ahmad\n1\nJohor\nGaji tidak dibayar\n"
    "gaji belum dibayar 3 bulan\nTidak\nanjani suralaga\n1\n1\n1\n"
)


def run(services: Services, text: str, user: str = "warga") -> str:
    out = io.StringIO()
    chat(services.dispatcher, io.StringIO(text), out, user_id=user)
    return out.getvalue()


def test_an_officers_reply_is_shown_when_the_chat_starts_and_after_the_next_message(
    sqlite_services: Services,
) -> None:
    services = sqlite_services
    transcript = run(services, REPORT)
    assert "> lapor\n" in transcript and "> Lalu Ahmad\n" in transcript
    number = re.findall(r"K-[A-Z0-9]{6}", transcript)[-1]
    officer_id = team(services)["anjani"].id
    as_officer(
        services,
        officer_id,
        number,
        lambda s, case, o: handoff.reply(s, case=case, officer=o, text="Kami hubungi KBRI besok."),
    )
    shown = run(services, "")
    assert "Kami hubungi KBRI besok." in shown and "Petugas sekarang menangani" in shown
    assert "Kami hubungi KBRI besok." not in run(services, "")  # shown once
    as_officer(
        services,
        officer_id,
        number,
        lambda s, case, o: handoff.resolve(s, case=case, officer=o, outcome="Gaji sudah dibayar."),
    )
    assert "Gaji sudah dibayar." in run(services, "status\n")


def test_another_users_replies_are_not_shown(sqlite_services: Services) -> None:
    transcript = run(sqlite_services, REPORT, user="a")
    number = re.findall(r"K-[A-Z0-9]{6}", transcript)[-1]
    as_officer(
        sqlite_services,
        team(sqlite_services)["anjani"].id,
        number,
        lambda s, case, o: handoff.reply(s, case=case, officer=o, text="Untuk a saja."),
    )
    assert "Untuk a saja." not in run(sqlite_services, "", user="b")


def test_a_reply_arriving_while_the_terminal_waits_is_printed(sqlite_services: Services) -> None:
    services = sqlite_services
    number = re.findall(r"K-[A-Z0-9]{6}", run(services, REPORT))[-1]
    officer_id = team(services)["anjani"].id
    typed: queue.Queue[str | None] = queue.Queue()
    out = io.StringIO()
    lines = iter(typed.get, None)  # the user types nothing until the end
    terminal = threading.Thread(
        target=chat,
        args=(services.dispatcher, lines, out),
        kwargs={"user_id": "warga", "interactive": True, "poll_seconds": 0.1},
    )
    terminal.start()
    try:
        as_officer(
            services,
            officer_id,
            number,
            lambda s, case, o: handoff.reply(s, case=case, officer=o, text="Sabar ya, Bu."),
        )
        wait_for(lambda: "Sabar ya, Bu." in out.getvalue(), timeout=10)
    finally:
        typed.put(None)
        terminal.join(timeout=10)
