"""Builds the running service from settings: knowledge, store, core, dispatcher."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import Engine as DatabaseEngine
from sqlalchemy.orm import Session, sessionmaker

from api.container import Container
from bot.config import Settings
from bot.dispatch import Dispatcher
from bot.engine import Engine
from bot.registrations import sync_catalog
from bot.store.db import make_engine, make_sessionmaker, transaction
from bot.store.schema import upgrade
from knowledge import Librarian
from knowledge.training import TrainingCatalog
from knowledge.villages import VillageDirectory


@dataclass
class Services:
    settings: Settings
    librarian: Librarian
    database: DatabaseEngine
    factory: sessionmaker[Session]
    engine: Engine
    dispatcher: Dispatcher

    def container(self) -> Container:
        return Container(self.settings, self.librarian, self.engine, self.factory, self.dispatcher)


def build(
    settings: Settings, *, migrate: bool = True, librarian: Librarian | None = None
) -> Services:
    librarian = librarian or Librarian.from_directory(settings.content_path)
    if migrate:
        upgrade(settings.database_url)
    database = make_engine(settings.database_url)
    factory = make_sessionmaker(database)
    catalog = TrainingCatalog.load()
    with transaction(factory) as session:
        sync_catalog(session, catalog)
    engine = Engine(
        librarian=librarian,
        catalog=catalog,
        villages=VillageDirectory(),
        retention_days=settings.message_retention_days,
        form_resume=timedelta(hours=settings.form_resume_hours),
    )
    return Services(settings, librarian, database, factory, engine, Dispatcher(factory, engine))
