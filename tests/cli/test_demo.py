"""`migran demo seed` as a newcomer runs it: fills an empty database, refuses a real one."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import create_engine, text

from migran.cli import main


def run(args: list[str], database: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "migran.cli", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "MIGRAN_DATABASE_URL": database},
        timeout=180,
        check=False,
    )


def test_demo_seed_fills_an_empty_database_once_and_clear_empties_it(tmp_path: Path) -> None:
    database = f"sqlite:///{tmp_path / 'demo.db'}"
    first = run(["demo", "seed"], database)
    assert first.returncode == 0, first.stderr
    assert "1200 register entries" in first.stdout and "DEMO-" in first.stdout
    again = run(["demo", "seed"], database)
    assert again.returncode == 0 and "already holds the demo data" in again.stdout
    engine = create_engine(database)
    with engine.connect() as conn:
        assert conn.scalar(text("select count(*) from register_entries")) == 1200
    cleared = run(["demo", "clear"], database)
    assert cleared.returncode == 0 and "deleted" in cleared.stdout
    with engine.connect() as conn:
        assert conn.scalar(text("select count(*) from cases")) == 0
    engine.dispose()


def test_demo_seed_refuses_a_database_with_real_data(
    tmp_path: Path,
    monkeypatch,
    capsys,  # type: ignore[no-untyped-def]
) -> None:
    database = f"sqlite:///{tmp_path / 'real.db'}"
    monkeypatch.setenv("MIGRAN_DATABASE_URL", database)
    assert main(["db", "upgrade"]) == 0
    engine = create_engine(database)
    with engine.begin() as conn:
        conn.execute(
            text(
                "insert into contacts (channel, channel_user_id, language, created_at, "
                "last_seen_at) values ('web', 'u1', 'id', '2026-01-01', '2026-01-01')"
            )
        )
    assert main(["demo", "seed"]) == 2
    assert "refused: this database holds real data (1 contacts)" in capsys.readouterr().err
    with engine.connect() as conn:
        assert conn.scalar(text("select count(*) from register_entries")) == 0
    engine.dispose()
