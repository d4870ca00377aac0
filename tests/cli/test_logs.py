"""No personal data or secret reaches a log line: database errors, library URLs, any logger."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError

from bot.logredact import install_log_redaction
from bot.store.db import make_engine, make_sessionmaker, transaction
from bot.store.models import Contact
from bot.store.schema import upgrade
from migran import cli

TOKEN = "123456789:AAH-secret_token_value_abcdefghijklmn"


@pytest.fixture
def restore_logging() -> Iterator[None]:
    factory = logging.getLogRecordFactory()
    levels = {name: logging.getLogger(name).level for name in ("httpx", "httpcore")}
    yield
    logging.setLogRecordFactory(factory)
    for name, level in levels.items():
        logging.getLogger(name).setLevel(level)


def test_a_database_error_does_not_carry_the_statement_parameters(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    upgrade(url)
    factory = make_sessionmaker(make_engine(url))
    row = {"channel": "whatsapp", "channel_user_id": "6281234567890", "phone": "+6281234567890"}
    with transaction(factory) as session:
        session.add(Contact(**row))
    with pytest.raises(IntegrityError) as caught, transaction(factory) as session:
        session.add(Contact(**row))
    assert "6281234567890" not in str(caught.value)


def test_the_cli_installs_a_filter_that_masks_every_record(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    restore_logging: None,
) -> None:
    monkeypatch.setenv("MIGRAN_DATABASE_URL", f"sqlite:///{tmp_path / 'db.sqlite'}")
    monkeypatch.setenv("TELEGRAM_WEBHOOK_SECRET", "webhook-secret-value")
    assert cli.main(["db", "upgrade"]) == 0
    caplog.set_level(logging.INFO)
    logging.getLogger("anything").error(
        "could not store %s from %s (NIK %s) secret %s",
        "Baiq Nurhasanah",
        "+60123456789",
        "5203123456780001",
        "webhook-secret-value",
    )
    logging.getLogger("httpx").warning(
        'HTTP Request: POST https://api.telegram.org/bot%s/sendMessage "200 OK"', TOKEN
    )
    text = caplog.text
    for secret in ("Nurhasanah", "60123456789", "5203123456780001", "webhook-secret", TOKEN):
        assert secret not in text, secret
    assert "could not store" in text


def test_exception_text_in_a_record_is_masked(
    caplog: pytest.LogCaptureFixture, restore_logging: None
) -> None:
    install_log_redaction([])
    try:
        raise ValueError("contact +6281234567890 failed")
    except ValueError:
        logging.getLogger("anything").exception("failed")
    assert "6281234567890" not in caplog.text
    assert logging.getLogger("httpx").level == logging.WARNING


def test_installing_twice_does_not_stack_filters(restore_logging: None) -> None:
    install_log_redaction(["first-secret"])
    install_log_redaction(["second-secret"])
    underneath = logging.getLogRecordFactory().wrapped  # type: ignore[attr-defined]
    assert not hasattr(underneath, "wrapped"), "one redaction layer, not two"
