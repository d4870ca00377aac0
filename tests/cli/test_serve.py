"""`migran serve` as a process: WhatsApp verified, de-duplicated, answered, retried."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import httpx

from tests.channels_support import APP_SECRET, VERIFY_TOKEN, sign, wa_message, wa_payload, wait_for
from tests.fakes import FakeGraphAPI

USER = "6281777000111"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve_env(tmp_path: Path, graph_url: str) -> dict[str, str]:
    return {
        **os.environ,
        "MIGRAN_DATABASE_URL": f"sqlite:///{tmp_path / 'serve.db'}",
        "WHATSAPP_ACCESS_TOKEN": "tok",
        "WHATSAPP_PHONE_NUMBER_ID": "1555000",
        "WHATSAPP_APP_SECRET": APP_SECRET,
        "WHATSAPP_VERIFY_TOKEN": VERIFY_TOKEN,
        "WHATSAPP_API_URL": graph_url,
    }


def test_serve_verifies_deduplicates_answers_and_retries(
    tmp_path: Path, graph: FakeGraphAPI
) -> None:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "migran.cli", "serve"],
        env={**serve_env(tmp_path, graph.url), "MIGRAN_PORT": str(port)},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(lambda: _healthy(base), timeout=60)
        with httpx.Client(base_url=base, timeout=10) as client:
            verify = client.get(
                "/webhooks/whatsapp",
                params={
                    "hub.mode": "subscribe",
                    "hub.verify_token": VERIFY_TOKEN,
                    "hub.challenge": "42",
                },
            )
            assert verify.text == "42"
            body = wa_payload(
                wa_message(USER, text="paspor sy ditahan majikan", message_id="wamid.S1")
            )
            bad = client.post(
                "/webhooks/whatsapp",
                content=body,
                headers={"X-Hub-Signature-256": sign(body, "wrong")},
            )
            assert bad.status_code == 401
            graph.fail_next(2, status=502)
            for _ in range(2):  # WhatsApp delivers at least once: the second is a redelivery
                ok = client.post(
                    "/webhooks/whatsapp",
                    content=body,
                    headers={"X-Hub-Signature-256": sign(body), "Content-Type": "application/json"},
                )
                assert ok.status_code == 200
            wait_for(lambda: graph.texts_to(USER), timeout=30)
            assert graph.attempts >= 3
            assert len(graph.texts_to(USER)) == 1
            assert "paspor" in graph.texts_to(USER)[0].lower()
    finally:
        process.terminate()
        output, _ = process.communicate(timeout=20)
    # the access log names routes, never query strings, phone numbers or bodies
    assert "GET /webhooks/whatsapp 200" in output and "POST /webhooks/whatsapp 401" in output
    assert VERIFY_TOKEN not in output and USER not in output and "paspor" not in output


def test_make_run_leaves_host_and_port_to_the_environment() -> None:
    makefile = (Path(__file__).resolve().parents[2] / "Makefile").read_text("utf-8")
    run = makefile.split("\nrun:", 1)[1].split("\n\n", 1)[0]
    assert "migran serve" in run and "--host" not in run and "--port" not in run


def test_serve_refuses_to_start_with_an_incomplete_whatsapp_configuration(tmp_path: Path) -> None:
    env = serve_env(tmp_path, "http://127.0.0.1:9")
    env.pop("WHATSAPP_APP_SECRET")
    result = subprocess.run(
        [sys.executable, "-m", "migran.cli", "serve", "--port", "9"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "WHATSAPP_APP_SECRET" in result.stderr


def _healthy(base: str) -> bool:
    try:
        return httpx.get(base + "/healthz", timeout=1).status_code == 200
    except httpx.HTTPError:
        return False
