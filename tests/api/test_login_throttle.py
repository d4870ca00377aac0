"""Login throttling: strangers cannot lock an officer out, names do not leak by timing, and
every worker sees the same counts (they are in the database)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.officers import service as officers
from bot.officers.service import LoginThrottled, authenticate
from bot.store.db import make_engine, make_sessionmaker, transaction
from migran.services import Services
from tests.officers_support import ANJANI, add_officer


def attempt(services: Services, username: str, password: str, address: str, at: int = 0) -> str:
    now = services.dispatcher.clock() + timedelta(seconds=at)
    try:
        with transaction(services.factory) as session:
            found = authenticate(
                session, username=username, password=password, now=now, address=address
            )
            return "ok" if found is not None else "wrong"
    except LoginThrottled:
        return "throttled"


def test_wrong_passwords_from_many_addresses_do_not_lock_the_officer_out(
    services: Services,
) -> None:
    rina = add_officer(services, "Baiq Rina", villages=[ANJANI])
    assert attempt(services, rina.username, rina.password, "198.51.100.7") == "ok"
    for n in range(12):
        attempt(services, rina.username, "salah", f"203.0.113.{n}", at=n)
    # from the office, where she logged in before: at once
    assert attempt(services, rina.username, rina.password, "198.51.100.7", at=13) == "ok"
    # from a new place: slowed for strangers, but not locked
    assert attempt(services, rina.username, rina.password, "192.0.2.1", at=14) == "throttled"
    assert attempt(services, rina.username, rina.password, "192.0.2.1", at=60) == "ok"


def test_one_address_guessing_is_locked_for_that_account_only(services: Services) -> None:
    rina = add_officer(services, "Baiq Rina", villages=[ANJANI])
    for n in range(10):
        assert attempt(services, rina.username, "salah", "203.0.113.9", at=n) == "wrong"
    assert attempt(services, rina.username, rina.password, "203.0.113.9", at=11) == "throttled"
    assert attempt(services, rina.username, rina.password, "198.51.100.7", at=45) == "ok"
    assert attempt(services, rina.username, rina.password, "203.0.113.9", at=16 * 60) == "ok"


def test_throttling_is_shared_by_workers(services: Services) -> None:
    rina = add_officer(services, "Baiq Rina", villages=[ANJANI])
    for n in range(10):
        attempt(services, rina.username, "salah", "203.0.113.9", at=n)
    other_worker = make_sessionmaker(make_engine(services.settings.database_url))
    with pytest.raises(LoginThrottled), transaction(other_worker) as session:
        authenticate(
            session,
            username=rina.username,
            password=rina.password,
            now=services.dispatcher.clock() + timedelta(seconds=11),
            address="203.0.113.9",
        )
    other_worker.kw["bind"].dispose()


class CountingHasher:
    """The real argon2 hasher, counting verifications."""

    def __init__(self) -> None:
        self.real = officers.HASHER
        self.verified = 0

    def verify(self, hashed: str, password: str) -> bool:
        self.verified += 1
        return self.real.verify(hashed, password)

    def hash(self, password: str) -> str:
        return self.real.hash(password)


def test_an_unknown_name_costs_one_argon2_verification_like_a_real_one(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    rina = add_officer(services, "Baiq Rina", villages=[ANJANI])
    hasher = CountingHasher()
    monkeypatch.setattr(officers, "HASHER", hasher)
    attempt(services, rina.username, "salah", "203.0.113.1")
    assert hasher.verified == 1
    attempt(services, "nobody.here", "salah", "203.0.113.1")
    assert hasher.verified == 2


def test_a_name_that_matches_no_officer_is_not_stored(services: Services) -> None:
    from sqlalchemy import select

    from bot.store.models import LoginAttempt

    attempt(services, "rahasia-salah-ketik", "x", "203.0.113.1")
    with services.factory() as session:
        assert session.scalars(select(LoginAttempt.username)).all() == ["?"]
