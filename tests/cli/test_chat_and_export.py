"""The terminal channel as a user meets it: `migran chat` then `migran export`, as processes."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path


def migran(args: list[str], env: dict[str, str], stdin: str = "") -> str:
    result = subprocess.run(
        [sys.executable, "-m", "migran.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )
    return result.stdout


def test_register_report_export_and_erase_through_the_terminal(tmp_path: Path) -> None:
    env = {**os.environ, "MIGRAN_DATABASE_URL": f"sqlite:///{tmp_path / 'chat.db'}"}
    out = migran(
        ["chat", "--user", "warga1"],
        env,
        "pelatihan\n1\n1\nSiti Aminah\n24\nds anjani suralaga\n1\n",
    )
    assert "1. Saya setuju" in out and "Desa Anjani, Kec. Suralaga" in out
    # the same user id continues the same form in a new run
    out = migran(["chat", "--user", "warga1"], env, "0812 3456 7890\nTaiwan\n3\nperempuan\nKirim\n")
    assert "P-" in out
    out = migran(
        ["chat", "--user", "warga2"],
        env,
        "lapor\n1\nKeluarga\nLalu Ahmad\n1\n"
        "Johor\nGaji tidak dibayar\ngaji belum dibayar 3 bulan\nTidak\nsakra\n1\n1\n1\n",
    )
    assert "K-" in out
    rows = list(csv.DictReader(io.StringIO(migran(["export", "registrations"], env))))
    assert rows[0]["name"] == "Siti Aminah" and rows[0]["district"] == "Lombok Timur"
    assert rows[0]["sex"] == "f"
    cases = [
        json.loads(x) for x in migran(["export", "cases", "--format", "jsonl"], env).splitlines()
    ]
    assert cases[0]["village"] == "Sakra" and cases[0]["category"] == "wages"
    out = migran(["chat", "--user", "warga1"], env, "hapus data saya\n1\n")
    assert "dihapus" in out
    assert list(csv.DictReader(io.StringIO(migran(["export", "registrations"], env)))) == []


def test_the_cli_export_neutralises_formulas_in_typed_text(tmp_path: Path) -> None:
    env = {**os.environ, "MIGRAN_DATABASE_URL": f"sqlite:///{tmp_path / 'chat.db'}"}
    migran(
        ["chat", "--user", "warga3"],
        env,
        "lapor\n1\nKeluarga\nLalu Ahmad\n1\n"
        "=cmd|' /C calc'!A0\nGaji tidak dibayar\n@SUM(1+1) gaji belum dibayar\n"
        "Tidak\nsakra\n1\n1\n1\n",
    )
    rows = list(csv.DictReader(io.StringIO(migran(["export", "cases"], env))))
    assert rows[0]["city"].startswith("'=") and rows[0]["story"].startswith("'@")
