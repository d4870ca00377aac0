"""A family records a departure through the web chat page, then tells that the worker left and
came home; the village officer sees each step in the dashboard."""

from __future__ import annotations

import re

from sqlalchemy import select

from bot.register.models import RegisterEntry
from migran.services import Services
from tests.api.test_dashboard import login
from tests.api.test_register_pages import MOTHER
from tests.api.test_webchat import client, send
from tests.officers_support import team


def test_a_family_records_a_departure_then_departed_then_returned_on_the_web(
    services: Services,
) -> None:
    people = team(services)
    web = client(services)
    page = ""
    for kind, value in MOTHER:
        page = send(web, text=value) if kind == "say" else send(web, button=value)
    code = re.search(r"R-[A-Z0-9]{6}", page)
    assert code, page
    assert "berangkat" in send(web, text="status")

    page = send(web, text="sudah berangkat")
    assert f"Dicatat: {code.group(0)} berangkat pada" in page
    page = send(web, text="sudah pulang")
    assert f"Dicatat: {code.group(0)} sudah pulang pada" in page
    with services.factory() as session:
        entry = session.scalars(select(RegisterEntry)).one()
        assert (entry.status, entry.source, entry.reporter_relation) == (
            "returned",
            "chat",
            "orang tua",
        )
        assert entry.departed_on is not None and entry.returned_on == entry.departed_on
        assert [e.kind for e in entry.events] == ["recorded", "departed", "returned"]
        assert entry.consent_at is not None

    login(web, people["anjani"])
    listing = web.get("/officer/register?status=returned").text
    assert code.group(0) in listing and "Baiq Nurhasanah" in listing
    assert code.group(0) not in web.get("/officer/register?status=planned").text
