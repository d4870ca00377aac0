"""`make test`: runs the whole suite and says plainly which parts ran and which were skipped.

PostgreSQL tests run when MIGRAN_TEST_POSTGRES_URL points at a server (.ci/run starts one);
browser tests run when Chromium is installed (/usr/bin/chromium or MIGRAN_CHROMIUM).
"""

from __future__ import annotations

import os
import shutil
import sys

import pytest


def chromium_path() -> str | None:
    explicit = os.environ.get("MIGRAN_CHROMIUM")
    if explicit and os.path.exists(explicit):
        return explicit
    return shutil.which("chromium") or shutil.which("chromium-browser")


def postgres_url() -> str | None:
    return os.environ.get("MIGRAN_TEST_POSTGRES_URL") or None


def main() -> int:
    pg = postgres_url()
    chromium = chromium_path()
    print("Migran test suite")
    print("  SQLite tests:     running")
    pg_state = (
        f"running against {pg.split('@')[-1]}"
        if pg
        else ("SKIPPED (set MIGRAN_TEST_POSTGRES_URL; .ci/run starts a server)")
    )
    print(f"  PostgreSQL tests: {pg_state}")
    browser_state = (
        f"running with {chromium}"
        if chromium
        else ("SKIPPED (no Chromium: apt-get install chromium)")
    )
    print(f"  Browser tests:    {browser_state}")
    sys.stdout.flush()
    workers = os.environ.get("MIGRAN_TEST_WORKERS", "2")
    args = ["-n", workers, "--dist", "loadfile", *sys.argv[1:]] if workers != "0" else sys.argv[1:]
    code = pytest.main(["-ra", *args])
    if not pg or not chromium:
        print("Note: skipped parts are listed above; install them to run the full suite.")
    return int(code)


if __name__ == "__main__":
    raise SystemExit(main())
