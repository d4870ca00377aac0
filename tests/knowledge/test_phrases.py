import json
import re
from pathlib import Path

from knowledge.danger import fold_all
from knowledge.datafiles import data_entries
from knowledge.emergency import EmergencyNumbers
from knowledge.phrases import PhraseIndex

DATA = Path(__file__).resolve().parent.parent / "data"


def every_labelled_message() -> list[str]:
    texts = []
    for path in sorted(DATA.glob("*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                if "q" in record:
                    texts.append(str(record["q"]))
    return texts


def test_the_leftmost_phrase_is_found_and_the_longest_where_several_start_there() -> None:
    places = PhraseIndex(["hong kong", "hong", "kuala lumpur", "arab saudi", "arab"])
    assert places.first("kerja di hong kong sejak 2019") == "hong kong"
    assert places.first("dari arab saudi lalu ke hong kong") == "arab saudi"
    assert list(places.finditer("arab hong kong kuala lumpur")) == [
        "arab",
        "hong kong",
        "kuala lumpur",
    ]
    assert places.first("hongkong") is None  # whole words only
    assert places.first("kuala") is None
    assert PhraseIndex([]).first("kerja di hong kong") is None


def test_words_find_what_the_regular_expression_found_in_every_labelled_message() -> None:
    """The index replaced one regular expression of every phrase (longest first, between word
    edges); for destinations and the words of working abroad it finds the same, message by
    message."""
    numbers = EmergencyNumbers.load()
    places = list(numbers.place_words())
    domain = [fold_all(p) for p in data_entries("domain_words.txt")]
    for phrases in (places, [*domain, *places]):
        ordered = sorted({p for p in phrases if p}, key=len, reverse=True)
        pattern = re.compile(r"\b(" + "|".join(map(re.escape, ordered)) + r")\b")
        index = PhraseIndex(phrases)
        for text in every_labelled_message():
            folded = fold_all(text)
            found = pattern.search(folded)
            assert index.first(folded) == (found.group(1) if found else None), text
            assert set(index.finditer(folded)) == set(pattern.findall(folded)), text
