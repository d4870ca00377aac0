"""The training catalog offered in the sign-up form (content in content/training.yaml)."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from knowledge.topic import Source
from knowledge.yamlfast import load_yaml


@dataclass(frozen=True)
class Programme:
    slug: str
    title: dict[str, str]
    teaches: dict[str, str]
    words: tuple[str, ...] = ()
    """How people name it ("perawat lansia", "kursus bhs korea", "welding"), folded."""


@dataclass(frozen=True)
class TrainingCatalog:
    programmes: tuple[Programme, ...]
    where: dict[str, str]
    who: dict[str, str]
    source: Source

    def get(self, slug: str) -> Programme | None:
        return next((p for p in self.programmes if p.slug == slug), None)

    @classmethod
    def load(cls, path: Path | None = None) -> TrainingCatalog:
        if path is None:
            text = (resources.files("knowledge") / "content" / "training.yaml").read_text("utf-8")
        else:
            text = path.read_text("utf-8")
        data = load_yaml(text)
        return cls(
            programmes=tuple(
                Programme(
                    p["slug"],
                    dict(p["title"]),
                    dict(p["teaches"]),
                    tuple(str(w) for w in p.get("words") or ()),
                )
                for p in data["programmes"]
            ),
            where=dict(data["where"]),
            who=dict(data["who"]),
            source=Source(**data["source"]),
        )
