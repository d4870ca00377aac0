"""What the HTTP layer is given by the composition root (the CLI); it builds nothing itself."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from bot.config import Settings
from bot.dispatch import Dispatcher
from bot.engine import Engine
from knowledge import Librarian


@dataclass
class Container:
    settings: Settings
    librarian: Librarian
    engine: Engine
    factory: sessionmaker[Session]
    dispatcher: Dispatcher
    transports: list[Any] = field(default_factory=list)
    """Channel senders (Telegram, WhatsApp) for the outbox worker that `migran serve` runs."""
    telegram: Any = None
    background_jobs: list[Any] = field(default_factory=list)
    """Async callables `job(stop_event)` started with the app (outbox sender, escalation)."""
