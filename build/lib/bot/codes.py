"""Short reference codes people can read over the phone (no 0/O, 1/I)."""

from __future__ import annotations

import secrets

ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"


def new_code(prefix: str, length: int = 6) -> str:
    return prefix + "-" + "".join(secrets.choice(ALPHABET) for _ in range(length))
