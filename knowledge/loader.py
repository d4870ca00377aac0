"""Reads topic files (Markdown with YAML front matter) into `Topic` objects."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from knowledge.topic import Source, Topic
from knowledge.yamlfast import load_yaml

SECTION = re.compile(r"^##[ \t]+(id|en)(?:[ \t]+(detail|living))?[ \t]*$", re.MULTILINE)


class ContentError(ValueError):
    """A content file that cannot be read; names the file and the field."""

    def __init__(self, path: Path | str, field: str, message: str) -> None:
        super().__init__(f"{path}: {field}: {message}")
        self.path = str(path)
        self.field = field
        self.message = message


def default_content_dir() -> Path:
    """The topics shipped inside the package (works from a non-editable install too)."""
    return Path(str(resources.files("knowledge") / "content" / "topics"))


def split_front_matter(text: str, path: Path | str) -> tuple[dict[str, Any], str]:
    if not text.startswith("---"):
        raise ContentError(path, "front matter", "file must start with a '---' line")
    parts = text.split("\n---", 1)
    if len(parts) != 2:
        raise ContentError(path, "front matter", "no closing '---' line")
    head = parts[0][3:]
    body = parts[1].split("\n", 1)[1] if "\n" in parts[1] else ""
    try:
        meta = load_yaml(head) or {}
    except yaml.YAMLError as exc:
        raise ContentError(path, "front matter", f"invalid YAML: {exc}") from exc
    if not isinstance(meta, dict):
        raise ContentError(path, "front matter", "must be a mapping of fields")
    return meta, body


def split_sections(body: str) -> dict[str, str]:
    """Maps 'id', 'en', 'id detail', 'en detail', 'id living', 'en living' to their text."""
    sections: dict[str, str] = {}
    matches = list(SECTION.finditer(body))
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(body)
        key = m.group(1) + (f" {m.group(2)}" if m.group(2) else "")
        sections[key] = body[m.end() : end].strip()
    return sections


def _strings(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v).strip() for v in value if v is not None and str(v).strip())


def _date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def parse_topic(text: str, path: Path | str = "<text>") -> Topic:
    meta, body = split_front_matter(text, path)
    sections = split_sections(body)
    title = meta.get("title") or {}
    if not isinstance(title, dict):
        raise ContentError(path, "title", "must have 'id' and 'en'")
    sources = []
    for i, src in enumerate(meta.get("sources") or []):
        if not isinstance(src, dict):
            raise ContentError(path, f"sources[{i}]", "must have name, url and legal_basis")
        sources.append(
            Source(
                name=str(src.get("name") or "").strip(),
                url=str(src.get("url") or "").strip(),
                legal_basis=str(src.get("legal_basis") or "").strip(),
            )
        )
    related = meta.get("related") or []
    return Topic(
        slug=str(meta.get("slug") or "").strip(),
        title={k: str(v).strip() for k, v in title.items()},
        answer={lang: sections[lang] for lang in ("id", "en") if lang in sections},
        detail={
            lang: sections[f"{lang} detail"]
            for lang in ("id", "en")
            if f"{lang} detail" in sections
        },
        living={
            lang: sections[f"{lang} living"]
            for lang in ("id", "en")
            if f"{lang} living" in sections
        },
        examples=_strings(meta.get("examples")),
        keywords=_strings(meta.get("keywords")),
        related=_strings(related),
        form=(str(meta["form"]).strip() if meta.get("form") else None),
        sources=tuple(sources),
        reviewed=_date(meta.get("reviewed")),
        path=Path(path) if not isinstance(path, Path) else path,
        label={k: str(v).strip() for k, v in (meta.get("label") or {}).items()},
        local_help=_strings(meta.get("local_help")),
    )


def topic_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.glob("*.md") if not p.name.startswith(("_", ".")))


def load_topics(directory: Path | None = None) -> list[Topic]:
    """Loads every topic file; raises `ContentError` on the first unreadable one."""
    directory = directory or default_content_dir()
    return [parse_topic(p.read_text(encoding="utf-8"), p) for p in topic_files(directory)]


def index_by_slug(topics: Iterable[Topic]) -> dict[str, Topic]:
    return {t.slug: t for t in topics}
