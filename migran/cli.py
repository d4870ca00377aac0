"""`migran`: the composition root. Reads settings once and wires knowledge, store, core, edges."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from bot.config import Settings, SettingsError, from_environment


def _librarian(settings: Settings):  # type: ignore[no-untyped-def]
    from knowledge import Librarian

    return Librarian.from_directory(settings.content_path)


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    from bot.answers import answer_text

    librarian = _librarian(settings)
    questions: Sequence[str] = [args.question] if args.question else sys.stdin
    for raw in questions:
        question = raw.rstrip("\n")
        if not question.strip() and not args.question:
            continue
        answer = librarian.ask(question, args.lang)
        text = answer_text(answer)
        if args.json:
            print(
                json.dumps(
                    {
                        "question": question,
                        "topic": answer.topic.slug if answer.topic else None,
                        "score": round(answer.score, 4),
                        "lang": answer.lang,
                        "answer": text,
                    },
                    ensure_ascii=False,
                ),
                flush=True,
            )
        else:
            label = answer.topic.slug if answer.topic else (answer.intent or "no answer")
            print(f"[{label} {answer.score:.2f}]\n{text}\n", flush=True)
    return 0


def cmd_eval(args: argparse.Namespace, settings: Settings) -> int:
    from knowledge.evaluation import evaluate, read_labelled

    report = evaluate(_librarian(settings), read_labelled(Path(args.file)))
    if args.misses:
        for question, gold, got in report.misses:
            print(f"MISS want={gold} got={got}: {question}")
    if report.confusions:
        print("confusions (expected -> got: count):")
        for (gold, got), n in report.confusions.most_common(args.top):
            print(f"  {gold} -> {got}: {n}")
    for line in report.summary_lines():
        print(line)
    return 0


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


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    from api.app import create_app

    app = create_app(settings, _librarian(settings))
    uvicorn.run(app, host=args.host or settings.host, port=args.port or settings.port)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="migran", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    ask = sub.add_parser("ask", help="answer questions from the knowledge base")
    ask.add_argument("question", nargs="?", help="a question; without it, one per line on stdin")
    ask.add_argument("--lang", choices=["id", "en"], help="answer language (default: follow)")
    ask.add_argument("--json", action="store_true", help="one JSON object per question")
    ask.set_defaults(func=cmd_ask)

    ev = sub.add_parser("eval", help="measure the matcher on a JSONL file of {q, topic}")
    ev.add_argument("file")
    ev.add_argument("--misses", action="store_true", help="print every wrong answer")
    ev.add_argument("--top", type=int, default=20, help="confusions to list")
    ev.set_defaults(func=cmd_eval)

    kb = sub.add_parser("kb", help="knowledge-base tools")
    kb_sub = kb.add_subparsers(dest="kb_command", required=True)
    check = kb_sub.add_parser("check", help="validate every topic file")
    check.set_defaults(func=cmd_kb_check)

    serve = sub.add_parser("serve", help="run the web service")
    serve.add_argument("--host")
    serve.add_argument("--port", type=int)
    serve.set_defaults(func=cmd_serve)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = from_environment()
    except SettingsError as exc:
        print(f"configuration error: {exc}", file=sys.stderr)
        return 2
    return int(args.func(args, settings) or 0)


if __name__ == "__main__":
    raise SystemExit(main())
