"""Builds the running service from settings: knowledge, store, core, dispatcher, channels."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from sqlalchemy import Engine as DatabaseEngine
from sqlalchemy.orm import Session, sessionmaker

from api.container import Container
from bot.announcements.delivery import Pump, record_outcomes
from bot.config import Settings
from bot.dispatch import Dispatcher
from bot.engine import Engine
from bot.lane import Lane
from bot.outbox import OutboxSender
from bot.registrations import sync_catalog
from bot.scheduler import Scheduler
from bot.store.db import make_engine, make_sessionmaker, transaction
from bot.store.schema import upgrade
from knowledge import Librarian
from knowledge.training import TrainingCatalog
from knowledge.villages import VillageDirectory

log = logging.getLogger(__name__)


@dataclass
class Services:
    settings: Settings
    librarian: Librarian
    database: DatabaseEngine
    factory: sessionmaker[Session]
    engine: Engine
    dispatcher: Dispatcher
    transports: list[Any] = field(default_factory=list)
    telegram: Any = None
    sender: OutboxSender | None = None
    scheduler: Scheduler | None = None
    lane: Lane | None = None
    pump: Pump | None = None

    def container(self) -> Container:
        jobs: list[Any] = [self.scheduler.run] if self.scheduler is not None else []
        if self.sender is not None:
            jobs.append(self.sender.run)
        if self.lane is not None and self.pump is not None:
            jobs += [self.lane.run, self.pump.run]
        if self.telegram is not None:
            jobs.append(self._register_telegram_commands)
        return Container(
            self.settings,
            self.librarian,
            self.engine,
            self.factory,
            self.dispatcher,
            self.transports,
            self.telegram,
            jobs,
        )

    async def _register_telegram_commands(self, stop: asyncio.Event) -> None:
        try:
            await self.telegram.register_commands()
        except Exception:
            log.warning("could not register Telegram commands")


def transports_for(settings: Settings) -> tuple[list[Any], Any]:
    transports: list[Any] = []
    telegram = None
    if settings.telegram_enabled:
        from bot.channels.telegram import TelegramTransport, make_bot

        telegram = TelegramTransport(
            make_bot(settings.telegram_bot_token, settings.telegram_api_url)
        )
        transports.append(telegram)
    if settings.whatsapp_enabled:
        from bot.channels.whatsapp import WhatsAppTransport

        transports.append(
            WhatsAppTransport(
                api_url=settings.whatsapp_api_url,
                phone_number_id=settings.whatsapp_phone_number_id,
                access_token=settings.whatsapp_access_token,
                template_name=settings.whatsapp_template_name,
                rate_per_second=settings.whatsapp_rate_per_second,
            )
        )
    return transports, telegram


def build(
    settings: Settings,
    *,
    migrate: bool = True,
    librarian: Librarian | None = None,
    channels: bool = True,
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
        escalation=(settings.escalate_urgent_minutes, settings.escalate_any_hours),
        form_resume=timedelta(hours=settings.form_resume_hours),
    )
    transports, telegram = transports_for(settings) if channels else ([], None)
    sender = OutboxSender(factory, transports) if transports else None
    scheduler = Scheduler(
        factory,
        urgent_after=timedelta(minutes=settings.escalate_urgent_minutes),
        any_after=timedelta(hours=settings.escalate_any_hours),
        retention=timedelta(days=settings.message_retention_days),
    )
    dispatcher = Dispatcher(factory, engine)
    dispatcher.sender = sender
    scheduler.recover = lambda: dispatcher.process_pending(older_than=30.0)
    lane, pump = announcement_delivery(settings, factory, sender, dispatcher)
    return Services(
        settings,
        librarian,
        database,
        factory,
        engine,
        dispatcher,
        transports,
        telegram,
        sender,
        scheduler,
        lane,
        pump,
    )


def announcement_delivery(
    settings: Settings,
    factory: sessionmaker[Session],
    sender: OutboxSender | None,
    dispatcher: Dispatcher,
) -> tuple[Lane | None, Pump | None]:
    """The outbox's announcement lane and the pump that feeds it, for the channels running."""
    if sender is None:
        return None, None
    rates = {
        "telegram": settings.announce_rate_telegram,
        "whatsapp": settings.announce_rate_whatsapp,
    }
    rates = {channel: rate for channel, rate in rates.items() if channel in sender.transports}
    lane = Lane(sender, rates, listener=record_outcomes, busy=lambda: dispatcher.busy)
    pump = Pump(
        factory,
        rates=rates,
        template_name=settings.whatsapp_announcement_template,
        template_language=settings.whatsapp_announcement_language,
        busy=lambda: dispatcher.busy,
    )
    return lane, pump
