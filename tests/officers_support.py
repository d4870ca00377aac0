"""Officers for tests: one per role and area, with their credentials."""

from __future__ import annotations

from dataclasses import dataclass

from bot.officers.service import create_officer
from bot.store.db import transaction
from migran.services import Services

ANJANI = "52.03.13.2001"  # Anjani, Suralaga, Lombok Timur
SAKRA = "52.03.02.2002"  # Sakra, Sakra, Lombok Timur
LENENG = "52.02.01.1002"  # Leneng, Praya, Lombok Tengah
LOMBOK_TIMUR, LOMBOK_TENGAH = "52.03", "52.02"


@dataclass
class Login:
    id: int
    username: str
    password: str
    token: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


def add_officer(
    services: Services,
    name: str,
    role: str = "officer",
    villages: list[str] | None = None,
    district: str | None = None,
    telegram: str | None = None,
) -> Login:
    with transaction(services.factory) as session:
        created = create_officer(
            session,
            name=name,
            role=role,
            village_codes=villages,
            district_code=district,
            telegram_chat_id=telegram,
        )
        return Login(
            created.officer.id, created.officer.username, created.password, created.api_token
        )


def team(services: Services) -> dict[str, Login]:
    return {
        "anjani": add_officer(services, "Baiq Rina", villages=[ANJANI], telegram="900001"),
        "sakra": add_officer(services, "Lalu Sakra", villages=[SAKRA]),
        "timur": add_officer(services, "Pak Timur", "supervisor", district=LOMBOK_TIMUR),
        "tengah": add_officer(services, "Bu Tengah", "supervisor", district=LOMBOK_TENGAH),
        "admin": add_officer(services, "Admin NTB", "admin"),
    }
