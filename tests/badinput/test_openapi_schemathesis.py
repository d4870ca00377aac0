"""schemathesis against the OpenAPI document: no generated request makes the server fail."""

from __future__ import annotations

import tempfile
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings

from api.app import create_app
from bot.config import Settings
from migran.services import build
from tests.api.test_officer_api import new_case
from tests.officers_support import ANJANI, add_officer

# schemathesis reads the schema when the module is collected, so the app is built here once.
_services = build(
    Settings(database_url=f"sqlite:///{Path(tempfile.mkdtemp()) / 'api.db'}", expose_docs=True)
)
OFFICER = add_officer(_services, "Baiq Rina", villages=[ANJANI])
for n in range(3):
    new_case(_services, ANJANI, user=f"s{n}")
schema = schemathesis.openapi.from_asgi(
    "/openapi.json", create_app(_services.container(), run_jobs=False)
)


@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_errors_with_or_without_a_token(case) -> None:  # type: ignore[no-untyped-def]
    response = case.call(headers=OFFICER.headers)
    assert response.status_code < 500, (case.path, response.status_code, response.text[:300])
    anonymous = case.call()
    assert anonymous.status_code < 500
    if case.path.startswith("/api/v1"):
        assert 400 <= anonymous.status_code < 500  # never data without a token
