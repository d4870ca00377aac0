"""A family that records a departure learns at once what the province's list says about the
company they named."""

from __future__ import annotations

from migran.services import Services
from tests.companies_support import load_small
from tests.conftest import Chat
from tests.register_support import record_departure


def test_a_suspended_company_is_flagged_when_the_departure_is_recorded(
    chat: Chat, services: Services
) -> None:
    load_small(services.factory)
    reply = record_departure(chat, "pt kelindra sejahtra mandiri")
    assert "R-" in reply and "DIBEKUKAN" in reply and "20-11-2026" in reply


def test_a_licensed_company_without_a_job_order_for_the_country_is_said(
    chat: Chat, services: Services
) -> None:
    load_small(services.factory)
    reply = record_departure(chat, "PT Sinar Qirvana Jaya")
    assert "FIKTIF-106/2024" in reply
    assert "Tidak ada job order yang berlaku untuk Taiwan" in reply


def test_no_list_loaded_means_nothing_is_said_about_the_company(chat: Chat) -> None:
    reply = record_departure(chat, "PT Maju Jaya Abadi")
    assert "R-" in reply and "daftar" not in reply.split("R-", 1)[1].lower()
