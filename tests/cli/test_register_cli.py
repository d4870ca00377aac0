"""`migran register import` and `migran export register` as processes: a good file goes in
whole, a bad one names its rows and leaves nothing; the export has no contact abroad."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

from tests.officers_support import ANJANI


def migran(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "migran.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_import_then_export_the_register(tmp_path: Path) -> None:
    env = {**os.environ, "MIGRAN_DATABASE_URL": f"sqlite:///{tmp_path / 'r.db'}"}
    bad = tmp_path / "bad.csv"
    bad.write_text(
        f"nama,desa,negara,tahun_lahir\nSiti,{ANJANI},Taiwan,1998\nAhmad,{ANJANI},,abc\n"
    )
    result = migran(["register", "import", str(bad)], env)
    assert result.returncode == 1
    assert "line 3, country: empty" in result.stderr and "line 3, birth_year" in result.stderr
    good = tmp_path / "good.csv"
    good.write_text(
        "nama,desa,negara,perusahaan,tanggal_berangkat\n"
        f"Siti,{ANJANI},Taiwan,=HYPERLINK(1),2025-01-15\n"
        f"Ahmad,{ANJANI},Malaysia,PT B,\n"
    )
    assert "2 rows are fine" in migran(["register", "import", str(good), "--check"], env).stdout
    assert migran(["export", "register"], env).stdout.count("\n") == 1  # the header only
    result = migran(["register", "import", str(good)], env)
    assert result.returncode == 0 and "2 entries imported" in result.stdout
    rows = list(csv.DictReader(io.StringIO(migran(["export", "register"], env).stdout)))
    assert [(r["worker_name"], r["status"], r["village"]) for r in rows] == [
        ("Siti", "departed", "Anjani"),
        ("Ahmad", "planned", "Anjani"),
    ]
    assert rows[0]["company"] == "'=HYPERLINK(1)" and "contact_abroad" not in rows[0]
    lines = migran(["export", "register", "--format", "jsonl"], env).stdout.splitlines()
    assert json.loads(lines[1])["country"] == "malaysia"
