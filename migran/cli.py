"""`migran`: the composition root. Reads settings once and wires knowledge, store, core, edges."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from bot.config import Settings, SettingsError, from_environment

if TYPE_CHECKING:
    from bot.cases.review import GivenReply
    from bot.preview import Preview
    from bot.triage import Reading, Triage
    from knowledge import Librarian
    from knowledge.evaluation import Labelled
    from migran.services import Services


def _librarian(settings: Settings) -> Librarian:
    from knowledge import Librarian

    return Librarian.from_directory(settings.content_path)


def _triage(settings: Settings) -> Triage:
    from bot.triage import Triage

    return Triage(_librarian(settings))


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    from bot.channels.plain import render_plain
    from bot.engine import Engine
    from bot.preview import Previewer
    from knowledge.villages import VillageDirectory

    engine = Engine(librarian=_librarian(settings), villages=VillageDirectory())
    previewer = Previewer(engine)
    questions: Iterable[str] = [args.question] if args.question else sys.stdin
    for raw in questions:
        question = raw.rstrip("\n")
        if not question.strip() and not args.question:
            continue
        preview = previewer.first_replies(question, args.lang)
        reading = preview.reading
        first = preview.replies[0].text if preview.replies else ""
        if args.json:
            print(json.dumps(_ask_record(question, preview), ensure_ascii=False), flush=True)
        else:
            label = (reading.first_topic or reading.intent) if reading else None
            score = reading.score if reading else 1.0
            text = "\n\n".join(render_plain(r) for r in preview.replies) or first
            print(f"[{label or 'no answer'} {score:.2f}]\n{text}\n", flush=True)
    return 0


def _ask_record(question: str, preview: Preview) -> dict[str, object]:
    """One line of `migran ask --json`: what the chat would do for a fresh user."""
    reading = preview.reading
    return {
        "question": question,
        "topic": reading.first_topic if reading else None,
        "score": round(reading.score, 4) if reading else 1.0,
        "lang": reading.lang if reading else None,
        # every message the chat sends in reply, as it shows them: a condolence or the danger
        # reply comes as its own message before the answer (a tester of workers abroad, stop
        # 60, read only "Saya turut berduka cita" for a death asked about)
        "answer": "\n\n".join(reply.text for reply in preview.replies),
        "replies": [reply.text for reply in preview.replies],
        "answered": list(reading.answered) if reading else [],
        "offered": list(reading.shown_choices) if reading else [],
        "urgent": bool(reading and reading.urgent),
        "guessed": bool(reading and reading.guessed),
        "command": reading.command if reading else None,
    }


def cmd_eval(args: argparse.Namespace, settings: Settings) -> int:
    from knowledge.evaluation import evaluate, read_labelled, tally

    if args.cases:
        from bot.cases.review import guesses_agreed

        if args.file or args.misses or args.second:
            print("--cases reads the officers' reviews alone: no file, --misses or --second")
            return 2
        reviewed = _reviewed_cases(settings, args.limit)
        if not reviewed:
            print("No reviewed cases yet: officers review them on a case's page.")
            return 0
        print(f"{len(reviewed)} messages reviewed by officers (their text stays in the database)")
        kept = [(row, given) for row, given in reviewed if given is not None]
        if kept:
            print(f"what the families got then ({len(kept)} with the reply kept):")
            for line in tally(kept).summary_lines():
                print(f"  {line}")
            guessed, agreed = guesses_agreed(kept)
            if guessed:
                print(f"  answered as a guess: {guessed}, the review agreeing: {agreed}")
        print("today's engine:")
        rows = [row for row, _given in reviewed]
    elif args.halves:
        if args.file or args.misses or args.second:
            print(
                "--halves reads the real sets in its directory alone: no file, --misses or --second"
            )
            return 2
        return _print_halves(Path(args.halves), _reading_once(settings))
    elif args.file:
        rows = read_labelled(Path(args.file))
    else:
        print("Give a JSONL file of labelled questions, --halves DIR or --cases.")
        return 2
    decide = _reading_once(settings)
    report = evaluate(decide, rows)
    if args.misses:
        for question, gold, got in report.misses:
            print(f"MISS want={gold} got={got}: {question}")
        for question in report.danger_misses:
            print(f"DANGER MISSED: {question}")
    if report.confusions:
        print("confusions (expected -> got: count):")
        for (gold, got), n in report.confusions.most_common(args.top):
            print(f"  {gold} -> {got}: {n}")
    for line in report.summary_lines():
        print(line)
    if args.second:
        _print_second_labelling(Path(args.second), Path(args.file).name, rows, decide)
    return 0


def _reading_once(settings: Settings) -> Callable[[str], Reading]:
    """Today's engine, reading each distinct message once: a set and its second labelling,
    or the halves of the real sets, ask about the same messages again."""
    from functools import lru_cache

    return lru_cache(maxsize=None)(_triage(settings).read)


def _print_halves(data: Path, decide: Callable[[str], Reading]) -> int:
    """The real sets as docs/benchmarks.md reads them: what was read, what never was."""
    from knowledge.evaluation import evaluate
    from knowledge.real_halves import split

    halves = split(data)
    if not halves.read and not halves.unread:
        print(f"No real-message sets in {data}.")
        return 2
    groups = [
        ("unread, sets 3-10 (the headline)", halves.headline),
        ("unread, every set", halves.unread),
        ("read", halves.read),
        *((f"unread, set {n}", rows) for n, rows in halves.by_set.items()),
    ]
    for name, rows in groups:
        if rows:
            print(f"{name} ({len(rows)} messages): {evaluate(decide, rows).one_line()}")
    labels = data / "second_labelling.jsonl"
    if labels.exists():
        _print_labellers(data, labels, decide)
    return 0


def _print_labellers(data: Path, labels: Path, decide: Callable[[str], Reading]) -> None:
    """The unread messages labelled twice, where the labellers agree, and the second labeller
    scored as if it were an engine: how far two people agree on what the goals measure."""
    from knowledge.evaluation import LabelsAsVerdict, agreed, evaluate, tally
    from knowledge.real_halves import split_second

    first, second = split_second(data, labels)
    for name, ones, others in (
        ("sets 3-10", first.headline, second.headline),
        ("every set", first.unread, second.unread),
    ):
        both = agreed(ones, others)
        placed = sum(row.placed for row in both)
        danger = sum(row.urgent is not None for row in both)
        print(
            f"unread, {name}, where both labellers agree ({placed} of {len(both)} placed alike, "
            f"{danger} alike on danger): {evaluate(decide, both).one_line()}"
        )
        human = tally(
            (one, LabelsAsVerdict(other)) for one, other in zip(ones, others, strict=True)
        )
        print(f"unread, {name}, the second labeller scored against the first: {human.one_line()}")


def _reviewed_cases(
    settings: Settings, limit: int | None
) -> list[tuple[Labelled, GivenReply | None]]:
    """The messages cases were opened from, as officers reviewed them, and what the assistant
    gave each then (bot/cases/review.py)."""
    from bot.cases.review import reviews
    from bot.store.db import make_engine, make_sessionmaker

    engine = make_engine(settings.database_url)
    try:
        with make_sessionmaker(engine)() as session:
            return reviews(session, limit)
    finally:
        engine.dispose()


def _print_second_labelling(
    path: Path, set_name: str, rows: list[Labelled], decide: Callable[[str], Reading]
) -> None:
    """The same figures under a second, blind labelling, on the danger labels both agree on,
    and how far the labellers and the engine agree (docs/benchmarks.md)."""
    from knowledge.evaluation import agreed_on_danger, evaluate, kappa, read_second_labels

    second = read_second_labels(path, set_name, rows)
    print("second labeller:")
    for line in evaluate(decide, second).summary_lines():
        print(f"  {line}")
    agreed = evaluate(decide, agreed_on_danger(rows, second))
    print(
        f"danger labels both agree on: in danger {agreed.in_danger}, urgent recall "
        f"{agreed.urgent_recall:.3f}; not in danger {agreed.not_in_danger}, false alarms "
        f"{agreed.false_alarm_rate:.3f}; numbers reachable {agreed.reachable_rate:.3f}"
    )
    first = [bool(r.urgent) for r in rows]
    other = [bool(r.urgent) for r in second]
    engine = [decide(r.question).urgent for r in rows]
    print(
        f"agreement on danger (Cohen's kappa): labellers {kappa(first, other):.2f}, "
        f"engine~first {kappa(engine, first):.2f}, engine~second {kappa(engine, other):.2f}"
    )


def cmd_kb_check(args: argparse.Namespace, settings: Settings) -> int:
    from knowledge import check_directory

    topics, problems = check_directory(settings.content_path)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s) in the knowledge base", file=sys.stderr)
        return 1
    print(f"ok: {len(topics)} topics")
    return 0


def _write_data(name: str, text: str) -> Path:
    """Writes one of the knowledge base's fitted files (knowledge/data/NAME); where it went."""
    from importlib import resources

    target = Path(str(resources.files("knowledge") / "data" / name))
    target.write_text(text, encoding="utf-8")
    return target


def cmd_kb_calibrate(args: argparse.Namespace, settings: Settings) -> int:
    from knowledge.fitting import calibrate

    librarian = _librarian(settings)
    calibration, stats = calibrate(librarian.matcher, args.max_out_of_scope)
    text = calibration.to_json(stats)
    if args.write:
        print(f"written to {_write_data('calibration.json', text)}")
    print(text, end="")
    return 0


def cmd_kb_train_danger(args: argparse.Namespace, settings: Settings) -> int:
    """Refits both danger models (deterministic): the safety net on data/danger_train.jsonl,
    the sure reading on it and the written pleas."""
    from knowledge.danger_model import (
        MODEL_FILE,
        PLEA_CONFIG,
        PLEA_MODEL_FILE,
        read_plea_training,
        read_training,
        train,
    )

    for name, rows, config in (
        (MODEL_FILE, read_training(), None),
        (PLEA_MODEL_FILE, read_plea_training(), PLEA_CONFIG),
    ):
        model = train(rows, config=config)
        if args.write:
            target = _write_data(name, model.to_json() + "\n")
            print(f"written to {target}")
        urgent = sum(label for _, label in rows)
        print(
            f"{name}: trained on {len(rows)} messages ({urgent} in danger), "
            f"{len(model.weights)} weights"
        )
    return 0


def cmd_kb_train_topics(args: argparse.Namespace, settings: Settings) -> int:
    """Refits the topic model on the content's examples (deterministic)."""
    from knowledge.topic_model import MODEL_FILE

    matcher = _librarian(settings).matcher
    model = matcher.train_topic_model()
    text = model.to_json()
    if args.write:
        target = _write_data(MODEL_FILE, text + "\n")
        print(f"written to {target}; run `migran kb calibrate --write` next")
    weights = sum(len(ws) for ws in model.weights.values())
    print(
        f"trained on {len(matcher.example_docs)} examples of {len(model.classes)} classes, "
        f"{len(model.weights)} terms, {weights} weights"
    )
    return 0


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    import logging

    import uvicorn

    from bot.store.schema import upgrade

    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    # httpx logs every request at INFO: a formatted line per reply sent
    logging.getLogger("httpx").setLevel(logging.WARNING)
    host, port = args.host or settings.host, args.port or settings.port
    upgrade(settings.database_url)
    if args.workers > 1:
        if settings.database_url.startswith("sqlite"):
            print(
                "configuration error: several workers need PostgreSQL (SQLite has one writer)",
                file=sys.stderr,
            )
            return 2
        uvicorn.run(
            "migran.asgi:create",
            factory=True,
            host=host,
            port=port,
            workers=args.workers,
            log_level="warning",
            access_log=False,  # api/access_log.py writes one without personal data
        )
        return 0
    from api.app import create_app
    from migran.services import build

    services = build(settings, migrate=False)
    uvicorn.run(
        create_app(services.container()),
        host=host,
        port=port,
        log_level="warning",
        access_log=False,  # api/access_log.py writes one without personal data
    )
    return 0


def cmd_chat(args: argparse.Namespace, settings: Settings) -> int:
    from bot.channels.console import chat
    from migran.services import build

    if args.lang:
        settings = replace(settings, default_language=args.lang)
    services = build(settings)
    interactive = sys.stdin.isatty()
    if args.lang:
        _prefer_language(services, args.user, args.lang)
    chat(
        services.dispatcher,
        sys.stdin,
        sys.stdout,
        user_id=args.user,
        interactive=interactive,
        language=args.lang,
    )
    return 0


def _prefer_language(services: Services, user: str, lang: str) -> None:
    from bot.store.db import transaction
    from bot.types import Incoming

    with transaction(services.factory) as session:
        contact = services.engine.contact_for(
            session, Incoming(channel="console", user_id=user), services.dispatcher.clock()
        )
        contact.language = lang


def cmd_telegram(args: argparse.Namespace, settings: Settings) -> int:
    import asyncio
    import signal

    from bot.channels.telegram import poll
    from migran.services import build

    if not settings.telegram_enabled:
        print("configuration error: set TELEGRAM_BOT_TOKEN", file=sys.stderr)
        return 2
    services = build(settings)
    telegram = services.telegram
    if args.action == "set-webhook":
        if not args.url:
            print("usage: migran telegram set-webhook URL", file=sys.stderr)
            return 2
        if not settings.telegram_webhook_secret:
            print("configuration error: set TELEGRAM_WEBHOOK_SECRET", file=sys.stderr)
            return 2

        async def register() -> None:
            await telegram.set_webhook(args.url, settings.telegram_webhook_secret)
            await telegram.register_commands()
            await telegram.aclose()

        asyncio.run(register())
        print(f"webhook set to {args.url}")
        return 0

    async def run() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        await asyncio.to_thread(services.dispatcher.process_pending)
        await telegram.register_commands()
        sender = asyncio.create_task(services.sender.run(stop))  # type: ignore[union-attr]
        try:
            await poll(telegram, services.dispatcher.receive, stop)
        finally:
            stop.set()
            await sender
            for transport in services.transports:
                await transport.aclose()

    print("Migran on Telegram (long polling); Ctrl-C to stop", file=sys.stderr)
    asyncio.run(run())
    return 0


def cmd_outbox(args: argparse.Namespace, settings: Settings) -> int:
    from sqlalchemy import func, select, update

    from bot.store.db import make_engine, make_sessionmaker, transaction
    from bot.store.models import OutboxMessage, utcnow

    factory = make_sessionmaker(make_engine(settings.database_url))
    if args.action == "retry":
        with transaction(factory) as session:
            query = update(OutboxMessage).where(OutboxMessage.status == "dead")
            if args.id:
                query = query.where(OutboxMessage.id.in_(args.id))
            result = session.execute(
                query.values(status="pending", attempts=0, next_attempt_at=utcnow())
            )
        print(f"{getattr(result, 'rowcount', 0)} message(s) queued again")
        return 0
    with factory() as session:
        counts = session.execute(
            select(OutboxMessage.status, func.count()).group_by(OutboxMessage.status)
        ).all()
        print("outbox: " + ", ".join(f"{status} {n}" for status, n in sorted(counts)))
        rows = session.scalars(
            select(OutboxMessage)
            .where(OutboxMessage.status == args.status)
            .order_by(OutboxMessage.id)
            .limit(args.limit)
        ).all()
        for row in rows:
            print(
                f"#{row.id} {row.channel} attempts={row.attempts} "
                f"created={row.created_at:%Y-%m-%d %H:%M} error={row.last_error or '-'}"
            )
    return 0


def cmd_officer(args: argparse.Namespace, settings: Settings) -> int:
    from sqlalchemy import select

    from bot.officers.audit import audit
    from bot.officers.service import (
        OfficerError,
        create_officer,
        officer_by_username,
        reset_password,
        resolve_district,
        resolve_villages,
        rotate_api_token,
    )
    from bot.store.db import make_engine, make_sessionmaker, transaction
    from bot.store.models import Officer, utcnow
    from bot.store.schema import upgrade
    from knowledge.villages import VillageDirectory

    upgrade(settings.database_url)
    factory = make_sessionmaker(make_engine(settings.database_url))
    villages = VillageDirectory()
    if args.action == "list":
        with factory() as session:
            for o in session.scalars(select(Officer).order_by(Officer.id)):
                area = (
                    ", ".join(o.village_codes)
                    if o.role == "officer"
                    else (o.district_code or "NTB")
                )
                state = "active" if o.active else "disabled"
                print(f"{o.id}\t{o.username}\t{o.role}\t{state}\t{area}\t{o.name}")
        return 0
    if args.action in ("disable", "reset-password", "rotate-token"):
        with transaction(factory) as session:
            officer = officer_by_username(session, args.username)
            if officer is None:
                print(f"no officer {args.username!r}", file=sys.stderr)
                return 1
            now = utcnow()
            if args.action == "disable":
                officer.active = False
                audit(session, "disabled", officer=officer, now=now)
                print(f"{args.username} disabled")
            elif args.action == "rotate-token":
                token = rotate_api_token(session, officer, now=now)
                print(f"new API token for {args.username}: {token}")
            else:
                password, token = reset_password(session, officer, now=now)
                print(f"new API token for {args.username}: {token}")
                print(f"new password for {args.username}: {password}")
        return 0
    try:
        codes = resolve_villages(villages, args.village or [])
        district = resolve_district(villages, args.district) if args.district else None
        role = args.role or ("officer" if codes else "supervisor" if district else "admin")
        with transaction(factory) as session:
            created = create_officer(
                session,
                name=args.name,
                role=role,
                village_codes=codes,
                district_code=district,
                telegram_chat_id=args.telegram_chat_id,
            )
            result = {
                "id": created.officer.id,
                "username": created.officer.username,
                "password": created.password,
                "api_token": created.api_token,
            }
    except OfficerError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(result))
    else:
        print(f"officer {result['username']} (id {result['id']}, {role}) created")
        print(f"password:  {result['password']}")
        print(f"API token: {result['api_token']}")
        print("These are shown once; store them safely.")
    return 0


def cmd_db_upgrade(args: argparse.Namespace, settings: Settings) -> int:
    from bot.store.schema import upgrade

    upgrade(settings.database_url)
    print("database is up to date")
    return 0


def cmd_export(args: argparse.Namespace, settings: Settings) -> int:
    from bot.exports import (
        CASE_COLUMNS,
        REGISTRATION_COLUMNS,
        case_rows,
        registration_rows,
        write_csv,
    )
    from bot.store.db import make_engine, make_sessionmaker
    from knowledge.villages import VillageDirectory

    factory = make_sessionmaker(make_engine(settings.database_url))
    villages = VillageDirectory()
    columns: Sequence[str]
    with factory() as session:
        if args.what == "registrations":
            columns, rows = REGISTRATION_COLUMNS, registration_rows(session, villages)
        elif args.what == "register":
            from bot.register.export import REGISTER_COLUMNS, register_rows

            columns, rows = REGISTER_COLUMNS, register_rows(session, villages)
        else:
            columns, rows = CASE_COLUMNS, case_rows(session, villages)
        if args.format == "jsonl":
            for row in rows:
                print(json.dumps(row, ensure_ascii=False))
        else:
            write_csv(sys.stdout, columns, rows)
    return 0


def cmd_register_import(args: argparse.Namespace, settings: Settings) -> int:
    """Adds a village's existing list to the register: all rows or, on any problem, none."""
    from bot.register.importer import import_register
    from bot.store.db import make_engine, make_sessionmaker
    from bot.store.models import utcnow
    from bot.store.schema import upgrade
    from bot.tables import TableError
    from knowledge.villages import VillageDirectory

    path = Path(args.file)
    if not path.is_file():
        print(f"error: no file {path}", file=sys.stderr)
        return 2
    upgrade(settings.database_url)
    factory = make_sessionmaker(make_engine(settings.database_url))
    with factory() as session:
        try:
            result = import_register(
                session,
                path.read_bytes(),
                path.name,
                villages=VillageDirectory(),
                officer=None,
                now=utcnow(),
            )
        except TableError as error:
            session.rollback()
            print(f"nothing imported: {len(error.problems)} problem(s)", file=sys.stderr)
            for problem in error.problems[:200]:
                print(f"  {problem}", file=sys.stderr)
            return 1
        if args.check:
            session.rollback()
            print(f"{result.count} rows are fine; nothing imported (--check)")
            return 0
        session.commit()
    print(f"{result.count} entries imported")
    return 0


def cmd_list_import(args: argparse.Namespace, settings: Settings) -> int:
    """`migran companies import FILE` / `migran joborders import FILE`."""
    from datetime import date

    from bot.companies import service
    from bot.store.db import make_engine, make_sessionmaker, transaction
    from bot.store.models import utcnow
    from bot.store.schema import upgrade
    from bot.tables import TableError, parse_date

    try:
        list_date = parse_date(args.list_date) if args.list_date else date.today()
    except ValueError as error:
        print(f"--list-date: {error}", file=sys.stderr)
        return 2
    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError as error:
        print(f"cannot read {path}: {error.strerror}", file=sys.stderr)
        return 2
    upgrade(settings.database_url)
    factory = make_sessionmaker(make_engine(settings.database_url))
    load = service.import_companies if args.command == "companies" else service.import_job_orders
    try:
        with transaction(factory) as session:
            imported = load(
                session,
                data,
                path.name,
                list_date=list_date,
                source=args.source,
                officer=None,
                now=utcnow(),
            )
            rows, day = imported.row_count, imported.list_date
    except TableError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(f"{len(error.problems)} problem(s); nothing was imported", file=sys.stderr)
        return 1
    print(f"{rows} {args.command} imported: the list of {day.isoformat()} is now current")
    return 0


def cmd_demo(args: argparse.Namespace, settings: Settings) -> int:
    """Synthetic, labelled records so a fresh install shows its charts (bot/stats/demo.py)."""
    from datetime import UTC, datetime

    from bot.registrations import sync_catalog
    from bot.stats import demo
    from bot.store.db import make_engine, make_sessionmaker, transaction
    from bot.store.schema import upgrade
    from knowledge.training import TrainingCatalog
    from knowledge.villages import VillageDirectory

    upgrade(settings.database_url)
    database = make_engine(settings.database_url)
    try:
        with transaction(make_sessionmaker(database)) as session:
            if args.action == "clear":
                print(f"deleted {demo.clear(session)} demo rows")
                return 0
            if demo.has_demo(session) and not demo.real_data(session):
                print("this database already holds the demo data; `migran demo clear` removes it")
                return 0
            sync_catalog(session, TrainingCatalog.load())
            seeded = demo.seed(session, VillageDirectory(), today=datetime.now(UTC).date())
    except demo.RealDataPresent as refused:
        print(f"refused: {refused}; demo data goes only into an empty database", file=sys.stderr)
        return 2
    finally:
        database.dispose()
    print(
        f"demo data: {seeded.entries} register entries, {seeded.cases} cases and "
        f"{seeded.registrations} training registrations in {seeded.villages} villages, "
        "all labelled DEMO-/(demo); `migran demo clear` removes them"
    )
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="migran", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    ask = sub.add_parser("ask", help="answer questions from the knowledge base")
    ask.add_argument("question", nargs="?", help="a question; without it, one per line on stdin")
    ask.add_argument("--lang", choices=["id", "en"], help="answer language (default: follow)")
    ask.add_argument("--json", action="store_true", help="one JSON object per question")
    ask.set_defaults(func=cmd_ask)

    ev = sub.add_parser(
        "eval", help="measure the assistant on a JSONL file of {q, topics} or on reviewed cases"
    )
    ev.add_argument("file", nargs="?")
    ev.add_argument(
        "--cases",
        action="store_true",
        help="the messages cases were opened from, as officers reviewed them (figures only)",
    )
    ev.add_argument("--limit", type=int, help="with --cases: only the newest N reviews")
    ev.add_argument(
        "--halves",
        metavar="DIR",
        help="the real sets in DIR (tests/data), split into the messages read and never read",
    )
    ev.add_argument("--misses", action="store_true", help="print every wrong answer")
    ev.add_argument("--top", type=int, default=20, help="confusions to list")
    ev.add_argument(
        "--second",
        metavar="LABELS",
        help="a second labelling (tests/data/second_labelling.jsonl): figures under it too",
    )
    ev.set_defaults(func=cmd_eval)

    kb = sub.add_parser("kb", help="knowledge-base tools")
    kb_sub = kb.add_subparsers(dest="kb_command", required=True)
    check = kb_sub.add_parser("check", help="validate every topic file")
    check.set_defaults(func=cmd_kb_check)
    cal = kb_sub.add_parser("calibrate", help="refit confidence by leave-one-out on the content")
    cal.add_argument("--max-out-of-scope", type=float, default=0.05)
    cal.add_argument("--write", action="store_true", help="store it in knowledge/data")
    cal.set_defaults(func=cmd_kb_calibrate)
    danger = kb_sub.add_parser("train-danger", help="refit the danger models on their written sets")
    danger.add_argument("--write", action="store_true", help="store it in knowledge/data")
    danger.set_defaults(func=cmd_kb_train_danger)
    topics = kb_sub.add_parser("train-topics", help="refit the topic model on the content")
    topics.add_argument("--write", action="store_true", help="store it in knowledge/data")
    topics.set_defaults(func=cmd_kb_train_topics)

    chat = sub.add_parser("chat", help="talk to the bot in the terminal")
    chat.add_argument("--user", default="local", help="user id; the same id resumes the chat")
    chat.add_argument("--lang", choices=["id", "en"])
    chat.set_defaults(func=cmd_chat)

    tg = sub.add_parser("telegram", help="run on Telegram by long polling, or set the webhook")
    tg.add_argument("action", nargs="?", choices=["poll", "set-webhook"], default="poll")
    tg.add_argument("url", nargs="?", help="public HTTPS address of /webhooks/telegram")
    tg.set_defaults(func=cmd_telegram)

    outbox = sub.add_parser("outbox", help="inspect the outbox; requeue dead letters")
    outbox.add_argument("action", nargs="?", choices=["list", "retry"], default="list")
    outbox.add_argument("id", nargs="*", type=int, help="message ids for retry (default: all dead)")
    outbox.add_argument("--status", default="dead", help="status to list (default: dead)")
    outbox.add_argument("--limit", type=int, default=50)
    outbox.set_defaults(func=cmd_outbox)

    officer = sub.add_parser("officer", help="village officers, supervisors and admins")
    officer_sub = officer.add_subparsers(dest="action", required=True)
    add = officer_sub.add_parser("add", help="create an officer; prints credentials once")
    add.add_argument("--name", required=True)
    area = add.add_mutually_exclusive_group()
    area.add_argument("--village", action="append", help="village name or code (repeatable)")
    area.add_argument("--district", help="kabupaten/kota name or code, for a supervisor")
    add.add_argument("--role", choices=["officer", "supervisor", "admin"])
    add.add_argument("--telegram-chat-id")
    add.add_argument("--json", action="store_true")
    officer_sub.add_parser("list", help="all officers")
    disable = officer_sub.add_parser("disable", help="block an officer's login and token")
    disable.add_argument("username")
    reset = officer_sub.add_parser(
        "reset-password", help="give an officer a new password; ends their logins, lifts a lock"
    )
    reset.add_argument("username")
    rotate = officer_sub.add_parser(
        "rotate-token", help="give an officer a new API token; the old one stops working"
    )
    rotate.add_argument("username")
    officer.set_defaults(func=cmd_officer)

    db = sub.add_parser("db", help="database tools")
    db_sub = db.add_subparsers(dest="db_command", required=True)
    db_sub.add_parser("upgrade", help="apply migrations").set_defaults(func=cmd_db_upgrade)

    export = sub.add_parser("export", help="registrations, cases or the register to stdout")
    export.add_argument("what", choices=["registrations", "cases", "register"])
    export.add_argument("--format", choices=["csv", "jsonl"], default="csv")
    export.set_defaults(func=cmd_export)

    register = sub.add_parser("register", help="the village register of departures")
    register_sub = register.add_subparsers(dest="register_command", required=True)
    reg_import = register_sub.add_parser("import", help="add a village list (CSV or XLSX)")
    reg_import.add_argument("file")
    reg_import.add_argument("--check", action="store_true", help="only check the rows")
    reg_import.set_defaults(func=cmd_register_import)
    for kind, what in (("companies", "licensed placement companies"), ("joborders", "job orders")):
        lists = sub.add_parser(kind, help=f"the province's list of {what}")
        lists_sub = lists.add_subparsers(dest="action", required=True)
        load = lists_sub.add_parser("import", help=f"replace the current list of {what}")
        load.add_argument("file", help="CSV or XLSX with a header row")
        load.add_argument("--list-date", help="the date the list carries (default: today)")
        load.add_argument("--source", help="who published the list, e.g. 'Disnakertrans NTB'")
        load.set_defaults(func=cmd_list_import)
    demo = sub.add_parser("demo", help="synthetic, labelled demo records for a fresh install")
    demo.add_argument("action", choices=["seed", "clear"])
    demo.set_defaults(func=cmd_demo)

    serve = sub.add_parser("serve", help="run the web service")
    serve.add_argument("--host")
    serve.add_argument("--port", type=int)
    serve.add_argument("--workers", type=int, default=1, help="worker processes (PostgreSQL only)")
    serve.set_defaults(func=cmd_serve)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = from_environment()
    except SettingsError as exc:
        print(f"configuration error: {exc}", file=sys.stderr)
        return 2
    from bot.logredact import install_log_redaction

    install_log_redaction(settings.secrets)
    try:
        return int(args.func(args, settings) or 0)
    except BrokenPipeError:
        # the reader went away ("migran eval --halves tests/data | head -3"): stop quietly,
        # and keep Python's own flush at exit from failing on the closed pipe again
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
