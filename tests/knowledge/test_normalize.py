"""Informal text becomes comparable terms: lexicon, repeated letters, reduplication, stems."""

from __future__ import annotations

import pytest

from knowledge.language import detect_language
from knowledge.normalize import Normalizer, fold, load_lexicon


@pytest.fixture(scope="module")
def norm() -> Normalizer:
    return Normalizer()


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("brp biaya jd tkw ke hongkong", ["berapa", "biaya", "jadi", "pmi", "ke", "hongkong"]),
        ("tolongggg", ["tolong"]),
        ("anak2 sy", ["anak", "saya"]),
        ("Gmn caranya???", ["bagaimana", "caranya"]),
        ("psport sy ditahan", ["paspor", "saya", "ditahan"]),
        ("tiang mele lalo", ["saya", "mau", "pergi"]),
        ("nahu lao", ["saya", "pergi"]),
        ("kl gaji telat", ["kalau", "gaji", "telat"]),
        ("kerja di KL", ["kerja", "di", "kuala", "lumpur"]),
        ("adik sy di SG", ["adik", "saya", "di", "singapore"]),
        ("ape syaratne", ["apa", "syarat"]),
        ("gajine telat, carane gmn", ["gaji", "telat", "cara", "bagaimana"]),
        ("online alone senine", ["online", "alone", "istri"]),
        # Sasak and Malay speech end with -e what Indonesian ends with -a
        ("biaye pire", ["biaya", "berapa"]),
        ("kerje ke malaysia, berape gajine", ["kerja", "ke", "malaysia", "berapa", "gaji"]),
        ("ade sy makan tempe", ["ade", "saya", "makan", "tempe"]),
    ],
)
def test_informal_words_become_standard(norm: Normalizer, text: str, words: list[str]) -> None:
    assert norm.words(text) == words


def test_terms_drop_stopwords_and_stem(norm: Normalizer) -> None:
    terms = norm.terms("saya mau mendaftar pelatihan", "id")
    assert "daftar" in terms and "latih" in terms
    assert "saya" not in terms


def test_fold_removes_emoji_and_punctuation() -> None:
    assert fold("Halo!!! 😀 Kak, apa kabar?") == "halo kak apa kabar"
    assert fold("😀😀") == ""


def test_lexicon_file_is_well_formed() -> None:
    lexicon = load_lexicon()
    assert len(lexicon) > 300
    for variant, standard in lexicon.items():
        assert variant == variant.lower() and " " not in variant, variant
        assert standard and variant != standard
    # no chains: a replacement is never itself replaced again
    assert not [v for v, s in lexicon.items() if s in lexicon and " " not in s]


def test_parser_ignores_comments_and_does_not_map_a_word_to_itself() -> None:
    lexicon = load_lexicon("# comment\nsy\tsaya\tslang\nbagus\tbagus\tslang\n")
    assert lexicon == {"sy": "saya"}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("how much does it cost to work in taiwan", "en"),
        ("brp biaya kerja ke taiwan", "id"),
        ("Bagaimana cara membuat paspor?", "id"),
        ("my daughter in malaysia is not answering", "en"),
        ("beda g to g sama p to p apa", "id"),  # the schemes' names are no English said
        ("what is g to g", "en"),
    ],
)
def test_language_follows_the_question(text: str, lang: str) -> None:
    assert detect_language(text) == lang


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("dibutuhin", "butuh"),
        ("bantuin", "bantu"),
        ("ngurus", "urus"),
        ("ngirim", "kirim"),
        ("pelatihan", "latih"),
        ("dingin", "dingin"),
        ("nolak", "tolak"),  # chat drops 'me-': n- stands for t-
        ("mantau", "pantau"),  # m- for p-
        ("nyiksa", "siksa"),  # ny- for s-
        ("nyimpen", "simpan"),  # and the Javanese-style vowel of '-an'
        ("dimarahin", "marah"),
        ("ngelapor", "lapor"),  # 'nge-' before a consonant
        ("makan", "makan"),  # a real root is never 'restored'
        ("nanya", "nanya"),  # 'mena' would not keep the dropped consonant's place
    ],
)
def test_informal_affixes_meet_the_standard_stem(word: str, stem: str) -> None:
    from knowledge.normalize import stem_indonesian

    assert stem_indonesian(word) == stem


def test_a_clitic_on_a_chat_abbreviation_is_understood(norm: Normalizer) -> None:
    assert norm.words("kbri no telpnya") == ["kbri", "no", "telepon"]


def test_english_contractions_keep_their_negation() -> None:
    from knowledge.normalize import fold

    assert fold("He doesn't pay me, it's my boss’s rule") == "he does not pay me it my boss rule"
