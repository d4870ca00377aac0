"""Finding a person's village from what they type: a name, with its kecamatan or district as
people write them."""

from __future__ import annotations

import pytest

from knowledge.villages import VillageDirectory


@pytest.fixture(scope="module")
def villages() -> VillageDirectory:
    return VillageDirectory()


@pytest.mark.parametrize(
    ("typed", "village", "district"),
    [
        ("gerung lobar", "Gerung Utara", "Lombok Barat"),
        ("kuta pujut loteng", "Kuta", "Lombok Tengah"),
        ("desa sakra kec sakra lotim", "Sakra", "Lombok Timur"),
        ("anjani suralaga", "Anjani", "Lombok Timur"),
    ],
)
def test_a_district_written_short_keeps_the_candidates_to_it(
    villages: VillageDirectory, typed: str, village: str, district: str
) -> None:
    found = villages.search(typed)
    assert found and all(m.village.district == district for m in found), found
    assert found[0].village.name == village


def test_a_name_shared_across_districts_without_one_keeps_them_all(
    villages: VillageDirectory,
) -> None:
    assert len({m.village.district for m in villages.search("kuta")}) > 1


@pytest.mark.parametrize(
    ("typed", "village", "subdistrict"),
    [
        ("labuhan lombok", "Labuhan Lombok", "Pringgabaya"),
        ("ds. labuhan lombok", "Labuhan Lombok", "Pringgabaya"),
        ("desa kotaraja, sikur", "Kota Raja", "Sikur"),
        ("kota raja sikur", "Kota Raja", "Sikur"),
    ],
)
def test_a_name_holding_a_place_word_or_written_joined_is_found_first(
    villages: VillageDirectory, typed: str, village: str, subdistrict: str
) -> None:
    """ "lombok" and "kota" were dropped as place words: Labuhan Lombok was missing and Sikur
    came before Kota Raja (a family chat tester, stop 50)."""
    found = villages.search(typed)
    assert found[0].village.name == village and subdistrict in found[0].village.subdistrict


@pytest.mark.parametrize(
    ("typed", "kecamatan"),
    [("sakra timur", "Sakra Timur"), ("kec bolo", "Bolo"), ("sakra", None), ("suralaga", None)],
)
def test_a_kecamatan_typed_for_the_village_is_known_as_one(
    villages: VillageDirectory, typed: str, kecamatan: str | None
) -> None:
    """They were offered a village of the same name in another kecamatan (a family chat
    tester, stop 50); a name both village and kecamatan is the village."""
    assert villages.subdistrict_only(typed) == kecamatan
