"""Keeps personal data and secrets out of every log line, whoever logs it.

SQLAlchemy, httpx and uvicorn log with their own loggers and handlers, so a filter on one
handler would miss them; a record factory sees every record when it is made."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from typing import Any

from bot.masking import mask_text

BOT_TOKEN = re.compile(r"bot\d{5,}:[A-Za-z0-9_-]{20,}")
SECRET = "[SECRET]"
NOISY_LOGGERS = ("httpx", "httpcore", "telegram", "hpack")
"""They log request URLs at INFO, and a Telegram Bot API URL carries the token."""


def redact(text: str, secrets: Iterable[str] = ()) -> str:
    for secret in secrets:
        text = text.replace(secret, SECRET)
    return mask_text(BOT_TOKEN.sub("bot" + SECRET, text))


def install_log_redaction(secrets: Iterable[str] = ()) -> Callable[..., logging.LogRecord]:
    """Masks phones, NIK, names, bot tokens and the given secrets in every record from now on;
    returns the previous factory (tests put it back)."""
    known = sorted({s for s in secrets if len(s) >= 6}, key=len, reverse=True)
    previous = logging.getLogRecordFactory()
    # installed again (another command in the same process): replace, do not stack
    previous = getattr(previous, "wrapped", previous)

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = previous(*args, **kwargs)
        try:
            message = record.getMessage()
        except Exception:  # a bad format string: keep the raw parts, masked
            message = f"{record.msg} {record.args}"
        record.msg, record.args = redact(message, known), ()
        if record.exc_info and record.exc_info[1] is not None:
            record.exc_text = redact(logging.Formatter().formatException(record.exc_info), known)
        return record

    factory.wrapped = previous  # type: ignore[attr-defined]
    logging.setLogRecordFactory(factory)
    for name in NOISY_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)
    return previous
