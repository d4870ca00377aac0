"""What the HTTP layer is given by the composition root (the CLI); it builds nothing itself."""

from __future__ import annotations

from dataclasses import dataclass

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
