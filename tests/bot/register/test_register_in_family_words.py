"""The register as families ask for it: the company typed "lewat PT Lombok Mandiri Jaya" is the
company's name, so that it is found on the list and a revoked licence is warned of (it was kept
with its "lewat" and saved without a warning), and a departure to record asked in English
starts the register (a register tester, stop 63)."""

from __future__ import annotations

from bot.flows.register import VIA_BEFORE


def test_the_word_of_by_whom_is_not_part_of_the_company_name() -> None:
    assert VIA_BEFORE.sub("", "lewat PT Lombok Mandiri Jaya") == "PT Lombok Mandiri Jaya"
    assert VIA_BEFORE.sub("", "melalui pt sinar jaya") == "pt sinar jaya"
    assert VIA_BEFORE.sub("", "PT Dari Timur Sejahtera") == "PT Dari Timur Sejahtera"


def test_a_departure_to_record_asked_in_english_starts_the_register() -> None:
    """ "I want to record my sister's departure" got choices of topics (a register tester,
    stop 63)."""
    from bot.commands import command_of

    assert command_of("I want to record my sister's departure") == "register"
    assert command_of("how to report a failed departure") is None
