"""The company typed as a family says it ("lewat PT Lombok Mandiri Jaya") is the company's
name, so that it is found on the list and a revoked licence is warned of (a register tester,
stop 63: it was kept with its "lewat" and saved without a warning)."""

from __future__ import annotations

from bot.flows.register import VIA_BEFORE


def test_the_word_of_by_whom_is_not_part_of_the_company_name() -> None:
    assert VIA_BEFORE.sub("", "lewat PT Lombok Mandiri Jaya") == "PT Lombok Mandiri Jaya"
    assert VIA_BEFORE.sub("", "melalui pt sinar jaya") == "pt sinar jaya"
    assert VIA_BEFORE.sub("", "PT Dari Timur Sejahtera") == "PT Dari Timur Sejahtera"
