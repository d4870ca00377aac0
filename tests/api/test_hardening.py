"""What every response carries, and what the public app does not expose unless configured."""

from __future__ import annotations

from dataclasses import replace

from fastapi.testclient import TestClient

from api.app import create_app
from migran.services import Services
from tests.api.test_dashboard import login
from tests.api.test_officer_api import new_case
from tests.officers_support import ANJANI, team


def app(services: Services, **settings: object) -> TestClient:
    container = services.container()
    container.settings = replace(container.settings, **settings)  # type: ignore[arg-type]
    return TestClient(create_app(container, run_jobs=False))


def test_pages_forbid_framing_sniffing_caching_and_referrers(services: Services) -> None:
    web = app(services)
    people = team(services)
    case_id = new_case(services, ANJANI)
    login(web, people["timur"])
    for path in ("/", "/officer/login", f"/officer/cases/{case_id}", "/officer/export.csv"):
        headers = web.get(path).headers
        assert "frame-ancestors 'none'" in headers["content-security-policy"], path
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"
        assert headers["cache-control"] == "no-store", path
        assert "strict-transport-security" not in headers  # plain http: no HSTS


def test_hsts_only_over_https(services: Services) -> None:
    web = TestClient(create_app(services.container(), run_jobs=False), base_url="https://x")
    assert "max-age" in web.get("/healthz").headers["strict-transport-security"]


def test_docs_openapi_and_metrics_are_off_unless_configured(services: Services) -> None:
    web = app(services)
    for path in ("/docs", "/openapi.json", "/metrics"):
        assert web.get(path).status_code == 404, path
    web = app(services, expose_docs=True, metrics_token="scrape-token-123")
    assert web.get("/openapi.json").status_code == 200
    assert web.get("/metrics").status_code == 404
    scraped = web.get("/metrics", headers={"Authorization": "Bearer scrape-token-123"})
    assert scraped.status_code == 200 and "migran_open_cases" in scraped.text


def test_the_settings_come_from_the_environment() -> None:
    from bot.config import from_environment

    settings = from_environment({"MIGRAN_EXPOSE_DOCS": "true", "MIGRAN_METRICS_TOKEN": "t0ken!"})
    assert settings.expose_docs and settings.metrics_token == "t0ken!"
    assert not from_environment({"MIGRAN_EXPOSE_DOCS": "0"}).expose_docs
