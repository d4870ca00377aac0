"""`migran companies import` and `migran joborders import`: the office's files in, every bad row
named, nothing half-imported, each import audited."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from bot.companies.models import Company, CompanyList, JobOrder
from bot.store.db import make_engine, make_sessionmaker
from bot.store.models import OfficerAudit
from migran.cli import main
from tests.companies_support import SMALL_COMPANIES, SMALL_JOB_ORDERS


def test_import_both_lists_then_a_bad_file_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("MIGRAN_DATABASE_URL", url)
    companies = tmp_path / "p3mi.csv"
    companies.write_text(SMALL_COMPANIES, "utf-8")
    orders = tmp_path / "jo.csv"
    orders.write_text(SMALL_JOB_ORDERS, "utf-8")

    assert main(["joborders", "import", str(orders)]) == 1
    assert "load the company list first" in capsys.readouterr().err

    code = main(
        ["companies", "import", str(companies), "--list-date", "20/11/2026", "--source", "NTB"]
    )
    assert code == 0
    assert "6 companies imported: the list of 2026-11-20 is now current" in capsys.readouterr().out
    assert main(["joborders", "import", str(orders)]) == 0

    bad = tmp_path / "bad.csv"
    bad.write_text(
        "name,licence_number,valid_until,status\n"
        "PT Baru Satu,X-1,2029-01-01,active\n"
        "PT Baru Dua,X-2,31/02/2029,active\n"
        "PT Baru Tiga,,2029-01-01,kadaluarsa\n",
        "utf-8",
    )
    assert main(["companies", "import", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "line 3, valid_until" in err
    assert "line 4, licence_number: empty" in err and "line 4, status: unknown status" in err
    assert "nothing was imported" in err

    with make_sessionmaker(make_engine(url))() as session:
        current = session.scalars(select(CompanyList).where(CompanyList.current)).all()
        assert {(c.kind, c.row_count, c.source) for c in current} == {
            ("companies", 6, "NTB"),
            ("joborders", 4, None),
        }
        assert session.scalar(select(Company.name).where(Company.name.like("%Baru%"))) is None
        assert len(session.scalars(select(JobOrder)).all()) == 4
        events = [a.event for a in session.scalars(select(OfficerAudit))]
        assert events == ["companies_import", "joborders_import"]


def test_a_missing_file_or_a_bad_date_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("MIGRAN_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    assert main(["companies", "import", str(tmp_path / "nope.csv")]) == 2
    assert "cannot read" in capsys.readouterr().err
    assert main(["companies", "import", "x.csv", "--list-date", "kemarin"]) == 2
    assert "--list-date" in capsys.readouterr().err
