"""Danger now is recognised in informal writing, and everyday questions do not raise alarms.

- tests/data/danger_cases.jsonl: 260 messages written for this (130 in danger, 130 hard
  everyday ones sharing their words: hypotheticals, definitions, dangers that are over, held
  passports, "nomor darurat", "pukul 9"); used to build the rules.
- tests/data/danger_chat.jsonl: 240 written blind to the rules in chat style (half read).
- tests/data/danger_chat_2.jsonl: 200 more, written blind by another helper (stop 27; half read).
- tests/data/danger_chat_3.jsonl: 200 more, written blind by a third helper (stop 29; half read).
- tests/data/danger_chat_4.jsonl: 200 more on the weakest kinds (illness, not allowed home,
  stranded, threat), written blind (stop 29; half read).
- tests/data/danger_english.jsonl: 200 in the English workers write (100 in danger, 100 not),
  written blind (stop 29; half read).
- tests/data/danger_family_long.jsonl: 160 long messages from families in the village (80 in
  danger, 80 not), written blind (stop 29; half read).
- tests/data/danger_quotes.jsonl: 200 in the words quoted workers and families use (100 in
  danger, a third only implied; 100 not), written blind (stop 34; odd lines read).
- tests/data/danger_lookalikes.jsonl: 200 everyday messages that look like danger, written blind
  (stop 29; half read).
- tests/data/real_messages.jsonl: 226 messages migrants and families published, labelled by
  whether someone is in danger now; the figure that matters (recall must stay 1.0).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from knowledge.danger import default_detector, detect_danger
from tests.knowledge.real_sets import LATER_SET_IDS

DATA = Path(__file__).resolve().parent.parent / "data"
CONTENT = Path(__file__).resolve().parents[2] / "knowledge" / "content" / "topics"
SUFFIX = re.compile(r"(?:ku|mu|nya|lah|kah|pun)\b")


def _rows(name: str) -> list[dict[str, object]]:
    return [json.loads(x) for x in (DATA / name).read_text("utf-8").splitlines() if x.strip()]


def _read_as_danger(rows: list[dict[str, object]]) -> float:
    """The share of the rows the rules read as danger."""
    return sum(detect_danger(str(r["q"])) is not None for r in rows) / len(rows)


def _rates(rows: list[dict[str, object]]) -> tuple[float, float]:
    """Recall on the rows in danger and false alarms on the others."""
    danger = [r for r in rows if r["urgent"]]
    everyday = [r for r in rows if not r["urgent"]]
    return _read_as_danger(danger), _read_as_danger(everyday)


def test_written_danger_cases_are_caught_without_false_alarms() -> None:
    recall, alarms = _rates(_rows("danger_cases.jsonl"))
    assert recall >= 0.99 and alarms <= 0.02, (recall, alarms)


@pytest.mark.parametrize(
    ("name", "pick", "recall_floor", "alarm_ceiling"),
    [
        # pairs 1-2, 5-6, ...: the rules' misses here were read and fixed (0.700 -> 0.933,
        # false alarms 0.083 -> 0.017)
        ("danger_chat.jsonl", lambda n: (n // 2) % 2 == 0, 0.93, 0.02),
        # pairs 3-4, 7-8, ...: never read; the estimate of the rules on chat writing they
        # were not built from (0.650 at the start of stop 24, 0.683 after the first half)
        ("danger_chat.jsonl", lambda n: (n // 2) % 2 == 1, 0.68, 0.09),
        # lines 1, 3, 5, ...: the rules' misses here were read and fixed (0.84 -> 1.00, false
        # alarms 0.08 -> 0.04)
        ("danger_chat_2.jsonl", lambda n: n % 2 == 0, 0.98, 0.04),
        # lines 2, 4, 6, ...: never read; the rules written from the other half caught none of
        # its misses (0.76 before and after); false alarms 0.10 -> 0.06 in stop 29, when a
        # time long past before the harm was read as the past (a choice the unread halves'
        # counts by kind guided, so no longer a clean estimate for that change)
        ("danger_chat_2.jsonl", lambda n: n % 2 == 1, 0.76, 0.06),
        # pairs 1-2, 5-6, ...: read and fixed in stop 29 (0.56 -> 0.92, false alarms
        # 0.10 -> 0.02)
        ("danger_chat_3.jsonl", lambda n: (n // 2) % 2 == 0, 0.92, 0.02),
        # pairs 3-4, 7-8, ...: never read (0.80 and 0.20 on arrival; 0.80 and 0.18 after its
        # read half; 0.12 after the time long past, chosen with the counts by kind in view)
        ("danger_chat_3.jsonl", lambda n: (n // 2) % 2 == 1, 0.80, 0.12),
        # all English, as workers write it (stop 29): pairs 1-2, 5-6, ... read and fixed
        # (0.54 -> 0.98, false alarms 0.18 -> 0.00); pairs 3-4, 7-8, ... never read
        # (0.60 -> 0.64, 0.10 before and after)
        ("danger_english.jsonl", lambda n: (n // 2) % 2 == 0, 0.98, 0.00),
        ("danger_english.jsonl", lambda n: (n // 2) % 2 == 1, 0.64, 0.10),
        # long family messages (stop 29): read half 0.875 -> 1.00, false alarms 0.22 -> 0.08;
        # unread half 0.95; its false alarms were 0.20 with the rules at the stop's start and
        # 0.10 on arrival, cut by the general readings the earlier probes led to
        ("danger_family_long.jsonl", lambda n: (n // 2) % 2 == 0, 1.00, 0.08),
        ("danger_family_long.jsonl", lambda n: (n // 2) % 2 == 1, 0.95, 0.10),
        # danger as quoted workers and families say it, much of it implied (stop 34): lines
        # 1, 3, 5, ... read and fixed (recall 27 -> 42 of 54, false alarms 7 -> 2 of 46);
        # lines 2, 4, 6, ... never read (28 of 46 before and after, false alarms 8 -> 6 of 54)
        ("danger_quotes.jsonl", lambda n: n % 2 == 0, 0.77, 0.05),
        ("danger_quotes.jsonl", lambda n: n % 2 == 1, 0.60, 0.12),
    ],
    ids=[
        "chat-read",
        "chat-unread",
        "chat2-read",
        "chat2-unread",
        "chat3-read",
        "chat3-unread",
        "english-read",
        "english-unread",
        "family-read",
        "family-unread",
        "quotes-read",
        "quotes-unread",
    ],
)
def test_blind_chat_style_probes_keep_their_floors(
    name: str, pick: Callable[[int], bool], recall_floor: float, alarm_ceiling: float
) -> None:
    """Messages helpers wrote as families in NTB type on a cheap phone, blind to the rules:
    danger_chat.jsonl (240, alternating in danger / hard everyday, stop 24) and
    danger_chat_2.jsonl (100 in danger now and 100 look-alikes: past, hypothetical, news,
    safe, everyday; some English, Sasak and Mbojo; by a helper who saw no rule and no data
    set, stop 27) and danger_chat_3.jsonl (100 and 100 again, with Javanese and Malay, by
    another such helper, stop 29); danger_quotes.jsonl (100 and 100 in the words quoted
    workers and families use, a third of the danger only implied, stop 34)."""
    rows = _rows(name)
    recall, alarms = _rates([r for n, r in enumerate(rows) if pick(n)])
    assert recall >= recall_floor and alarms <= alarm_ceiling, (recall, alarms)


@pytest.mark.parametrize(
    ("pick", "alarm_ceiling"),
    [
        # lines 1, 3, 5, ...: read and fixed in stop 29 (false alarms 0.39 at the stop's
        # start, 0.36 on arrival, 0.08 after)
        (lambda n: n % 2 == 0, 0.08),
        # lines 2, 4, 6, ...: never read (0.29 at the stop's start, 0.25 on arrival, 0.24 after)
        (lambda n: n % 2 == 1, 0.24),
    ],
    ids=["read", "unread"],
)
def test_everyday_look_alikes_written_blind_keep_their_ceiling(
    pick: Callable[[int], bool], alarm_ceiling: float
) -> None:
    """200 messages that use danger's words but are not danger now (the past, a supposition,
    a question, the news, someone else's trouble that is over, everyday life, an idiom or a
    joke, a helper asking how to help), by a helper who saw no rule (stop 29)."""
    rows = [r for n, r in enumerate(_rows("danger_lookalikes.jsonl")) if pick(n)]
    assert all(r["urgent"] is False for r in rows)
    alarms = _read_as_danger(rows)
    assert alarms <= alarm_ceiling, alarms


def _halves_by_kind(rows: list[dict[str, object]]) -> list[bool]:
    """True for the read half: every other message of each kind and label, so that both
    halves hold every kind (the file groups them)."""
    seen: dict[tuple[object, object], int] = {}
    read = []
    for row in rows:
        key = (row["kind"], row["urgent"])
        read.append(seen.get(key, 0) % 2 == 0)
        seen[key] = seen.get(key, 0) + 1
    return read


@pytest.mark.parametrize(
    ("half", "recall_floor", "alarm_ceiling"),
    [
        # read and fixed in stop 29: 0.51 -> 0.90, false alarms 0.08 -> 0.08
        (True, 0.89, 0.08),
        # never read: 0.56 on arrival and after, false alarms 0.06
        (False, 0.55, 0.07),
    ],
    ids=["read", "unread"],
)
def test_the_fourth_chat_probe_on_the_weakest_kinds_keeps_its_floors(
    half: bool, recall_floor: float, alarm_ceiling: float
) -> None:
    """danger_chat_4.jsonl: 25 in danger and 25 look-alikes for each of illness without care,
    not allowed home, stranded and threats (a helper who saw no rule, stop 29). Stranded is
    not danger on its own under this project's labels (docs/benchmarks.md), so its 25 "in
    danger" are left out of recall; its look-alikes still count for false alarms."""
    rows = _rows("danger_chat_4.jsonl")
    picked = [r for r, read in zip(rows, _halves_by_kind(rows), strict=True) if read is half]
    recall, alarms = _rates([r for r in picked if not r["urgent"] or r["kind"] != "stranded"])
    assert recall >= recall_floor and alarms <= alarm_ceiling, (recall, alarms)


def test_every_real_message_from_someone_in_danger_gets_the_emergency_reply() -> None:
    recall, alarms = _rates(_rows("real_messages.jsonl"))
    assert recall == 1.0, recall
    assert alarms <= 0.06, alarms


@pytest.mark.parametrize(
    ("name", "recall_floor", "alarm_ceiling"),
    [
        # 147 messages collected after the rules were built; the rules were then tuned on half
        # of it, so this is a floor, not a fresh estimate
        ("real_messages_2.jsonl", 0.80, 0.10),
        # 180 collected blind on 3 December; rules were added for misses in its odd lines
        # only. Its even lines are the fresh estimate in docs/benchmarks.md (recall 0.42)
        ("real_messages_3.jsonl", 0.60, 0.17),
        # 180 collected blind in the next session: recall 0.456 on arrival; words every
        # reader knows were then added from its odd lines (terjebak, perdagangan manusia,
        # mohon dibantu). Its even lines stayed unread
        ("real_messages_4.jsonl", 0.58, 0.11),
        # 180 collected blind at the end of a session: recall 0.48, false alarms 0.17 on
        # arrival. Its odd lines were read in the next session (recall there 0.44 -> 0.74);
        # its even lines stayed unread and unchanged (0.52)
        ("real_messages_5.jsonl", 0.60, 0.18),
        # 180 collected blind during stop 22 and measured on arrival: recall 0.60, false
        # alarms 0.14, the same as the rules at that session's start, although they had
        # gained eleven patterns since. Its odd lines were then read (recall there 0.53 ->
        # 0.74); its even lines stayed unread (0.67, false alarms 0.10 -> 0.09)
        ("real_messages_6.jsonl", 0.67, 0.14),
        # 180 collected blind at the end of stop 22, measured on arrival and not read then:
        # recall 0.61, false alarms 0.14 (the rules at that session's start: 0.59 / 0.12;
        # the session added 19 patterns and widened others)
        ("real_messages_7.jsonl", 0.58, 0.15),
        # 180 collected blind during stop 23 and measured on arrival: recall 0.42, false
        # alarms 0.10 (labeller 2: 0.59 / 0.07). Its odd lines were then read
        ("real_messages_8.jsonl", 0.40, 0.11),
        # 116 collected blind at the end of stop 23 (the search index had few unused pages
        # left), measured on arrival and not read: recall 0.60 (9 of 15), false alarms 0.13
        # (labeller 2: 0.67 / 0.08)
        ("real_messages_9.jsonl", 0.53, 0.14),
        # 150 collected blind during stop 24 (sources outside the pages earlier sets used) and
        # measured on arrival: recall 0.375 (9 of 24), false alarms 0.151 (the session's start:
        # 0.333 / 0.151; labeller 2: 0.556 / 0.144). Its odd lines were then read
        ("real_messages_10.jsonl", 0.41, 0.15),
        # 169 collected blind during stop 29 (pages and quotes no earlier set used) and
        # measured on arrival: recall 0.40 (6 of 15), false alarms 0.084. Its odd lines were
        # then read (recall there 0.33 -> 0.78); its even lines stayed unread (0.50 / 0.05)
        ("real_messages_11.jsonl", 0.60, 0.08),
        # 124 collected at the end of stop 29 and measured on arrival, unread: only 3 in
        # danger (1 caught), false alarms 0.074; the same with the engine at its start
        ("real_messages_12.jsonl", 0.30, 0.08),
        # 137 collected during stop 30 (pages no earlier set used; news quotes of families'
        # pleas, Q&A columns, letters), measured on arrival and unread: recall 0.25 (3 of 12),
        # false alarms 0.112 (labeller 2: 0.20 / 0.118), the same with the engine at the start
        ("real_messages_13.jsonl", 0.20, 0.12),
        # 99 collected during stop 31 (pages no earlier set used; 29 in English), measured on
        # arrival and unread: recall 0.33 (3 of 9), false alarms 0.078 (labeller 2: 0.50 of 14
        # / 0.035), the same with the engine at the start of that stop
        ("real_messages_14.jsonl", 0.30, 0.09),
        # 133 collected during stop 33 (106 pages on 86 sites no earlier set used), measured on
        # arrival: recall 0.44 (8 of 18), false alarms 0.061, the same with the engine at the
        # start; its odd lines were then read
        ("real_messages_15.jsonl", 0.40, 0.08),
        # 111 collected during stop 34 (75 pages on 69 sites no earlier set used; 30 in
        # danger), measured on arrival and unread: recall 0.40 (12 of 30; 11 with the engine at
        # that stop's start), false alarms 0.136 (11 of 81, the same); labelled twice (kappa
        # on danger 0.62; labeller 2: 15 of 21, 0.089)
        ("real_messages_16.jsonl", 0.36, 0.15),
        # 125 collected during stop 35 (104 pages on 100 sites no earlier set used; 19 in
        # danger), measured on arrival and unread: recall 0.26 (5 of 19), false alarms 0.113
        # (12 of 106), the same with the engine at that stop's start; labelled twice (kappa on
        # danger 0.64; labeller 2: 6 of 16, 0.101)
        ("real_messages_17.jsonl", 0.22, 0.13),
        # 102 collected at the end of stop 35 (80 pages on 73 sites no earlier set used; 13 in
        # danger), measured on arrival and unread with the engine at that stop's end: recall
        # 0.54 (7 of 13), false alarms 0.135 (12 of 89), the same with the engine at its
        # start; labelled twice (kappa on danger 0.77; labeller 2: 8 of 12, 0.122)
        ("real_messages_18.jsonl", 0.50, 0.15),
        # 120 collected at the start of stop 36 (98 pages no earlier set used, on 83 sites; 16
        # in danger, many of them told by a family with the danger known from elsewhere: a
        # daughter held in a Myanmar scam compound, a mother on death row), measured on
        # arrival and unread: recall 0 of 16, false alarms 0.067 (7 of 104); labelled twice
        # (kappa on danger 0.48; labeller 2: 1 of 7, 0.053)
        ("real_messages_19.jsonl", 0.0, 0.08),
        # 119 collected at the start of stop 37 (100 pages no earlier set used, on 86 sites; 18
        # in danger), measured on arrival and unread: the rules' recall 0.50 (9 of 18), false
        # alarms 0.079 (8 of 101); with the sure reading of the plea-trained model, the chat's
        # danger reply reaches 10 of 18 for 9 alarms
        ("real_messages_20.jsonl", 0.44, 0.09),
        # 118 collected during stop 38 (106 pages on 93 sites no earlier set used; 20 in
        # danger), measured on arrival and unread: the rules' recall 0.60 (12 of 20), false
        # alarms 0.102 (10 of 98); with the sure reading, the chat's danger reply reaches 14
        ("real_messages_21.jsonl", 0.57, 0.12),
        # 114 collected during stop 39 (106 pages on 88 sites no earlier set used; 17 in
        # danger), measured on arrival and unread: the rules' recall 0.53 (9 of 17), false
        # alarms 0.093 (9 of 97), the same with the rules at that stop's start; with the sure
        # reading, the chat's danger reply reaches 9 of 17 for 10 alarms; labelled twice
        # (kappa on danger 0.79)
        ("real_messages_22.jsonl", 0.50, 0.10),
        # 107 collected at the start of stop 57 (82 pages no earlier set used; 14 in danger,
        # many told by a family whose worker faces a court or execution), measured on arrival
        # and unread: the rules' recall 0.36 (5 of 14), false alarms 0.097 (9 of 93), the same
        # with the engine at that stop's start; labelled twice (kappa on danger 0.69)
        ("real_messages_23.jsonl", 0.35, 0.10),
    ],
    ids=list(LATER_SET_IDS),
)
def test_later_real_sets_collected_blind_keep_their_floors(
    name: str, recall_floor: float, alarm_ceiling: float
) -> None:
    """Sets collected blind after the rules were built (tests/data/real_messages_N.jsonl):
    floors a little under what was measured, not goals met."""
    recall, alarms = _rates(_rows(name))
    assert recall >= recall_floor, recall
    assert alarms <= alarm_ceiling, alarms


def test_messages_both_labellers_call_danger_are_mostly_caught() -> None:
    """Sets 2-23 were labelled a second time, blind to the engine and to the first labels
    (tests/data/second_labelling.jsonl; agreement on danger: kappa 0.47-0.85 by set or half,
    0.48 on set 19, 0.79 on set 20, 0.88 on set 21, 0.79 on set 22, 0.69 on set 23; sets 9 to 23
    were labelled twice from the start).
    Where both labellers agree, the figures carry no labelling doubt."""
    second = {(r["set"], r["line"]): r["urgent"] for r in _rows("second_labelling.jsonl")}
    floors = {
        "real_messages_2.jsonl": (0.90, 0.07),
        "real_messages_3.jsonl": (0.75, 0.12),
        "real_messages_4.jsonl": (0.65, 0.07),
        "real_messages_5.jsonl": (0.60, 0.14),
        "real_messages_6.jsonl": (0.70, 0.08),
        "real_messages_7.jsonl": (0.67, 0.09),
        "real_messages_8.jsonl": (0.45, 0.06),
        "real_messages_9.jsonl": (0.70, 0.08),
        "real_messages_10.jsonl": (0.57, 0.14),
        "real_messages_11.jsonl": (0.70, 0.07),
        "real_messages_12.jsonl": (0.30, 0.08),
        "real_messages_13.jsonl": (0.20, 0.12),
        "real_messages_14.jsonl": (0.35, 0.05),
        "real_messages_15.jsonl": (0.50, 0.08),
        "real_messages_16.jsonl": (0.60, 0.11),
        "real_messages_17.jsonl": (0.38, 0.12),
        "real_messages_18.jsonl": (0.65, 0.14),
        "real_messages_19.jsonl": (0.0, 0.07),
        "real_messages_20.jsonl": (0.42, 0.09),
        "real_messages_21.jsonl": (0.63, 0.10),
        "real_messages_22.jsonl": (0.55, 0.09),
        "real_messages_23.jsonl": (0.45, 0.07),
    }
    for name, (recall_floor, alarm_ceiling) in floors.items():
        rows = _rows(name)
        assert len(rows) == sum(1 for set_name, _ in second if set_name == name)
        agreed = [r for n, r in enumerate(rows, 1) if bool(r["urgent"]) == second[(name, n)]]
        recall, alarms = _rates(agreed)
        assert recall >= recall_floor and alarms <= alarm_ceiling, (name, recall, alarms)


def test_split_prefixes_slang_english_and_sasak_are_read() -> None:
    for text in (
        "anak sy d sekap majikan pak tlg",
        "gak dikasih makan udh 3 hari",
        "ga boleh pulang sama agen",
        "my employer locked me in the room",
        "tiang ndek dikasih ulek sama majikan",
        "majikan nyiksa aku tiap hari",
        "sy kene pukul dgn majikan, tolong",
        "aku ora oleh mulih karo majikan",
        "she pull my hair every day and shout",
        "kami kerja rodi di kapal ini",
        "tolong jangan balas pesan ini, nanti ketahuan",
        "kami terjebak di sini gak bisa pulang",
        "majikan sy suka mukul kl sy telat bangun",
        "tiap hari aku ditapoki anak majikan",
        "kami digebugi mandor terus, tolong",
        "bos ngeludahin muka saya kalau marah",
        "majikan sering assault me kalau saya minta gaji",
        "pintu rumah selalu dikunci dari luar, saya mau pulang",
        "saya dijual agen ke majikan lain seharga 30 juta",
        "agen paksa kami tetap kerja walau lagi sakit",
        "majikan bilang sudah beli kamu jadi diam saja",
        "majikan tidak kasih saya pulang padahal kontrak habis",
        "di rumah itu kami tidak diberi kebebasan sama sekali",
        "my sister is always hungry there, they give her nothing",
        "kalau saya lapor polisi dia akan bunuh keluarga saya",
        "anak saya cerita kalau dia dipukul majikan tiap hari",
        "istri sy bilang kalo dia disekap agen di penampungan",
        "adik saya kena pukul majikan lagi semalam",
        "anak saya terkurung di rumah majikan",
        "ga dibolehin pulang sama agen padahal kontrak udah habis",
        "majikan sering lempar piring ke saya",
        "my agent refuses to send me home",
        "majikan laki2 suka pegang2 badan saya",
        "saya diajak tidur sama bos tiap malam",
        "paspor dan hp ditahan, saya gak bisa kemana2",
        "saya gak kuat lagi pak tolong",
        "majikan nampar saya kalau masakan keasinan",
        "majikan tak benarkan saya keluar rumah",
        "saya kena kurung dalam bilik",
        "aku ora entuk mulih karo majikan",
        "saya sudah kabur dari majikan tapi sekarang di jalan, tolong",
        "i havent eaten since monday",
        "I am sick and my employer wont take me to hospital",
        "they took away my phone so I cannot call my mother",
        "I am being held by my agent in a small room",
        "tolong bantu kami, kami mau pulang",
        "bebaskan saya pak, saya mau pulang",
        "bebaskan adik saya dari agen itu",
        "the company not let us go until we pay",
        "agen kunci kami di dalam mess, gak ada yg boleh keluar",
        "majikan tak bagi makan sejak semalam",
        "di penampungan ada petugas masuk kamar malam malam raba raba dia",
        "kata mandor kami sudah dibeli jadi harus kerja",
        "he said he will send people to hurt my family",
        "I already took many pills, sorry",
        "suami sy ditangkap waktu razia, dibawa ke depot imigresen",
        "my brother was arrested and we do not know which jail",
        "I am kept in a locked room above the shop",
        "di KL anak saya disekap agen",
        "my boss keeps trying to touch me at night",
    ):
        assert detect_danger(text) is not None, text


def test_a_message_that_is_only_a_plea_is_danger_but_a_lone_word_is_not() -> None:
    for text in (
        "Help me, help me!",
        "tolong saya pak",
        "tolong pak",
        "tolong tolong",
        "please help us",
        "mohon bantuan pak",
        "bantu saya",
    ):
        assert detect_danger(text) is not None, text
    for text in (
        "help",
        "tolong",
        "please",
        "please sir",
        "halo pak",
        "tolong saya mau tanya syarat ke taiwan",
        "help me find a job in Japan",
    ):
        assert detect_danger(text) is None, text


def test_a_refusal_after_the_wish_to_go_home_is_being_held() -> None:
    """The wish first, then who refuses it: word orders the rules missed (written, 2026-12-03)."""
    for text in (
        "istri sy di arab saudi minta pulang tp majikan gk ngasih",
        "anak saya mau pulang tapi tidak diizinkan majikan",
        "adik sy minta pulang terus tp agennya gak ngebolehin",
        "kakak saya sudah 2 tahun minta pulang tidak dikasih sama majikannya",
        "ibu saya pengen pulang tp gak dibolehin sama bosnya",
        "dia minta dipulangkan tapi agen menolak",
        "sudah minta pulang berkali kali tapi majikan bilang tidak boleh",
        "my daughter wants to go home but her employer will not let her",
        "my sister asked to go home many times but the employer said no",
    ):
        assert detect_danger(text) is not None, text
    for text in (
        "saya mau pulang cuti tapi agen belum kasih jawaban",
        "mau pulang tapi belum dikasih gaji majikan",
        "minta pulang tapi majikan belum kasih tiket",
        "saya mau pulang bulan depan, majikan sudah kasih izin",
        "when I go home my husband will not let me work abroad again",
        "I want to go home next month, my employer already agreed",
    ):
        assert detect_danger(text) is None, text


def assert_danger(*texts: str) -> None:
    """Each text is danger; those that are not are all named at once."""
    assert [t for t in texts if not detect_danger(t)] == []


def assert_no_danger(*texts: str) -> None:
    for text in texts:
        assert detect_danger(text) is None, text


def assert_read_as(field: str, *cases: tuple[str, str]) -> None:
    """Each text is danger, of the given kind or with the given topic after the numbers."""
    for text, expected in cases:
        found = detect_danger(text)
        assert found is not None and getattr(found, field) == expected, (text, found)


def test_someone_facing_execution_or_held_hostage_is_danger() -> None:
    """A relative on death row needs the mission now; the reply then offers a report. A figure
    about workers in general, a definition or an execution long past is not danger now
    (written, 2026-12-03)."""
    assert_read_as(
        "topic",
        ("adik saya divonis mati di Saudi, tolong pak", "lapor-kasus"),
        ("suami saya terancam hukuman mati di Malaysia karena narkoba", "lapor-kasus"),
        ("anak sy akan dihukum mati di malaysia, dia dijebak", "lapor-kasus"),
        ("my brother is on death row in Malaysia", "lapor-kasus"),
        ("my son was sentenced to death last month in Saudi", "lapor-kasus"),
        ("they are holding us hostage on the boat", "kekerasan-majikan"),
    )
    assert_no_danger(
        "apa itu hukuman mati qisas",
        "kakak saya sudah dieksekusi tahun 2015",
        "film tentang hukuman mati bagus gak",
        "kalau kena narkoba di malaysia bisa dihukum mati ya",
        "what is the death penalty for drugs in Singapore",
    )


def test_a_pet_land_or_parents_left_uncared_for_are_not_a_worker_stranded() -> None:
    """A chat tester (stop 43): "kucing sy terlantar" got the emergency numbers."""
    assert_no_danger(
        "kucing sy terlantar di jalan kasian",
        "tanah sy terlantar, bisa dijual?",
        "rumah sy terlantar udh lama gk ditempati",
        "ortu sy terlantar di kampung gk ada yg urus krn sy kerja di hk",
    )
    assert_read_as("kind", ("kami terlantar di malaysia, tidak punya tempat tinggal", "plea"))


def test_harms_written_from_a_list_of_what_befalls_workers_are_read() -> None:
    """Kidnapping, a held passport with no way home, hiding after running away, being scalded
    or shot, days without food, a boat going down; and wanting to die is suicide, not a threat
    (written from the kinds of harm, not from a message, 2026-12-03)."""
    assert_read_as(
        "kind",
        ("anak saya diculik agen di malaysia", "held"),
        ("gaji tidak dibayar 8 bulan dan paspor ditahan, tidak bisa pulang", "held"),
        ("saya kabur dari majikan dan sekarang sembunyi di masjid", "held"),
        ("majikan menyiram saya dengan air panas", "violence"),
        ("suami saya ditembak polisi perbatasan", "violence"),
        ("kami di hutan perbatasan sabah, sudah 3 hari tidak makan", "starved"),
        ("kapal kami bocor di tengah laut, tolong", "conflict"),
        ("saya sudah tidak kuat hidup, mau bunuh diri saja", "suicide"),
        ("mereka bilang akan bunuh saya kalau kabur", "threat"),
    )
    assert_no_danger(
        "berita penculikan anak di kota bikin takut",
        "paspor ditahan agen itu boleh gak? saya belum mau pulang",
        "anak saya suka main petak umpet, lari terus sembunyi",
        "cara menyiram tanaman cabai yang benar",
        "kapal tenggelam tahun 2015 itu sudah diselidiki",
        "puasa 3 hari tidak makan nasi, boleh minum susu?",
    )
    assert_read_as(
        "kind",
        ("saya diusir majikan tengah malam, sekarang di pinggir jalan", "plea"),
        ("adik saya dipaksa menikah dengan anak majikan", "trafficking"),
        ("saya disuruh bawa paket narkoba ke bandara sama agen", "trafficking"),
        ("mereka ambil ginjal orang di sini, saya takut", "trafficking"),
        ("majikan paksa saya aborsi", "violence"),
        ("majikan menyundut tangan saya pakai rokok", "violence"),
        ("my employer burns me with the iron when I make mistakes", "violence"),
        ("the agent says I must pay 3000 ringgit debt before I can leave", "held"),
        ("majikan lelaki masuk kamar saya malam malam, saya takut sekali", "sexual"),
    )
    assert_no_danger(
        "kalau disuruh bawa narkoba, tolak dan lapor polisi",
        "berita jual ginjal di kamboja bikin ngeri",
        "my employer burned my shirt with the iron",
        "diusir dari kos karena telat bayar, sekarang numpang di rumah teman",
        "orang tua memaksa saya menikah dengan tetangga",
        "majikan laki laki masuk kamar mandi lama sekali",
        "suami disuruh bawa paket ke bandara",
    )
    assert_read_as(
        "kind",
        ("they took my passport and won't give it back, I am stuck here", "held"),
        ("they do not allow me to talk to my family", "held"),
        ("she threw boiling water on my arm", "violence"),
        ("i am hungry they give me food only once a day", "starved"),
    )
    assert_no_danger(
        "my passport is with the agency, is it legal? I am not stuck, just asking",
        "we eat only once a day during Ramadan fasting",
        "she threw hot water on the plants",
        "my employer keeps my passport but I can go out on Sunday",
    )


def test_harms_a_second_chat_probe_showed_missing_are_read() -> None:
    """Food cut to almost nothing, work without pay until a debt is paid, months at sea never
    docking, bodies thrown overboard, a company that "bought" the worker, threats to cut off a
    hand, drinking insecticide, the police taking someone, bombs close by (written for the
    test, not taken from the probe, stop 27)."""
    assert_read_as(
        "kind",
        ("di penampungan jatah makan kami dikurangi, air minum juga dibatasi", "starved"),
        ("they rationed our food, one bowl of rice for three people", "starved"),
        ("adik sy dipaksa kerja di pabrik tanpa digaji sampai utangnya lunas", "trafficking"),
        ("kata temannya kami sudah dibeli oleh perusahaan lain di perbatasan", "trafficking"),
        ("ada abk yang meninggal lalu dibuang ke laut oleh kapten", "trafficking"),
        ("suami sy 10 bulan di laut tidak pernah bersandar, hp disita kapten", "held"),
        ("the police took me at the bus station and they keep me in a small room", "detained"),
        ("mandor bilang siapa yang kabur akan dipotong jarinya", "threat"),
        ("sy sudah minum baygon", "suicide"),
        ("ada ledakan dekat apartemen kami, majikan mengungsi dan saya ditinggal", "conflict"),
    )
    assert_no_danger(
        "jatah cuti saya dikurangi jadi 5 hari, boleh gak?",
        "kerja lembur tanpa dibayar itu melanggar kontrak gak sih",
        "saya sudah membeli tiket pulang lewat agen",
        "sampah plastik dibuang ke laut itu merusak terumbu karang",
        "tolong potong rambut anak saya sebelum lebaran",
        "obat nyamuk yang aman buat bayi apa ya",
        "I was abused by my old employer years ago, now I am home and well",
        "di grup wa katanya ada tkw disiksa di taiwan, adik sy disana baik baik saja",
    )
    assert_read_as("kind", ("rame orang dipukuli di penampungan ini pak", "violence"))


def test_jakarta_in_suffix_reads_as_the_written_verb() -> None:
    """ "dikembaliin", "dilaporin": speech ends a verb in "-in" where the rules name "-kan"
    or "-i". A threat to report someone is a threat of paper, not of harm, however it is
    spelled; words that only end in "in" stay as typed."""
    detector = default_detector()
    assert detector.standard("dikembaliin dimintain dilepasin") == (
        "dikembalikan dimintai dilepas "
    )
    assert detector.standard("ingin kemarin dibuatin") == "ingin kemarin dibuatin "
    assert_no_danger("majikan ngancam mau laporin saya ke polisi kalau minta gaji")
    assert_read_as("kind", ("adik saya mau pulang tapi tidak dilepasin sama agen", "held"))


def test_inhuman_treatment_a_hostage_typo_and_being_here_now_are_read() -> None:
    """A family's "diperlakukan tidak manusiawi", "not a free man", the hostage word as it is
    often mistyped ("penyenderaan"), and "di sini" as the sign that a plea is from where it
    happens (written for the test, not taken from the sets, stop 28)."""
    assert_read_as(
        "kind",
        ("adik saya di kapal itu diperlakukan tidak manusiawi", "held"),
        ("here I am not a free woman, they watch me all day", "held"),
        ("kapal suami saya dalam penyenderaan perompak sudah dua minggu", "held"),
        ("bu saya sudah tidak tahan lagi kerja di sini", "plea"),
    )
    assert_no_danger(
        "apa hak pmi supaya diperlakukan manusiawi?",
        "saya sudah tidak tahan lagi menunggu jadwal terbang",
        "is a free visa the same as a work visa?",
    )


def test_a_story_that_ends_with_going_home_or_to_the_consulate_is_over() -> None:
    """ "... akhirnya ke KJRI", "akhirnya dipulangkan": the harm told is behind the person;
    the same harm with a word of now still counts (written for the test, stop 28)."""
    assert_no_danger(
        "majikan saya suka menampar, akhirnya ke kjri minta dipulangkan",
        "di penampungan kami ditelantarkan dua minggu, akhirnya dipulangkan oleh bp3mi",
        "my employer beat me, I was finally home in march and now I want to claim my wages",
    )
    assert_read_as(
        "kind", ("akhirnya pulang ke agen tapi sekarang saya masih dipukul di sini", "violence")
    )


def test_the_written_active_voice_of_a_harm_is_read() -> None:
    """ "majikan menampar saya": the written active form drops the root's first sound
    (tampar, siksa, keroyok), and was not read at all before stop 28. Chores keep theirs:
    ironing and watering are a worker's day, not harm."""
    assert_read_as(
        "kind",
        ("majikan menampar saya kalau masakannya kurang asin", "violence"),
        ("anak majikan sering menendang dan menyiksa adik saya", "violence"),
        ("tiga orang mengeroyok suami saya di kebun", "violence"),
        ("majikan melarang saya pulang walaupun kontrak sudah habis", "held"),
        ("agen menyita hp kami semua", "held"),
    )
    assert_no_danger(
        "saya menyetrika baju majikan tiap pagi, boleh minta libur?",
        "tugas saya menyiram tanaman dan menyapu halaman",
        "meminta surat keterangan kerja ke agensi caranya gimana",
        "orang tua melarang saya berangkat ke malaysia",
    )


def test_freedom_taken_a_plea_to_be_freed_no_means_for_care_and_blood_money_are_read() -> None:
    """Forms the read half of set 11 showed missing, written for the test (stop 29); and two
    that were read as harm by accident: "dipukul rata" (averaged) and "tidak amanah"."""
    assert_read_as(
        "kind",
        ("sudah lima tahun tidak digaji, tidak boleh memegang hp sama sekali", "held"),
        ("kebebasan istri saya dirampas agen di sana", "held"),
        ("tolong bantu bebaskan suami saya dari kapal itu", "held"),
        ("saya masih sakit di mess, uang untuk berobat tidak ada", "illness"),
        ("keluarga korban masih belum mau menerima diyat, kakak saya menunggu", "sentenced"),
    )
    assert_no_danger(
        "saya takut dibunuh kalau kerja di arab, benar tidak?",
        "kalau menolak lembur dipotong gajinya, boleh?",
        "majikan saya suka nanti-nanti kalau saya minta libur",
        "anak majikan suka masuk kamar saya untuk main game siang hari",
        "sekarang gaji semua pekerja di pukul rata, tidak ada bonus",
        "agen itu penipu dan tidak amanah, jangan lewat dia",
        "I served two years in jail in Sabah before I came home to Lombok",
        "mohon dibebaskan dari biaya penempatan, apakah bisa?",
        "apa itu diyat dalam hukum saudi?",
    )


def test_plain_written_sentences_of_danger_are_all_read() -> None:
    """Forty plain sentences in written Indonesian and English, composed in stop 28 to check
    the rules (not from any set); five were missed then. Kept here less the one still left to
    a word of now ("istri saya dipenjara di arab saudi": news of past sentences says it too)."""
    path = Path(__file__).resolve().parents[1] / "data" / "danger_plain.txt"
    missed = [line for line in path.read_text("utf-8").splitlines() if not detect_danger(line)]
    assert missed == []


def test_the_illness_of_the_old_person_a_carer_looks_after_is_not_danger() -> None:
    """Carers in Taiwan and Hong Kong tell of their ward's illness as their work; the worker's
    own illness told after the ward still counts (written for the test, stop 29)."""
    assert_no_danger(
        "nenek yg sy jaga stroke, tidak bisa bergerak, apa sy harus jaga 24 jam?",
        "the grandma I take care of had a stroke and cannot walk, how many hours can I rest",
        "akong masuk rumah sakit lagi, tidak bisa jalan, saya harus tidur di RS",
    )
    assert_read_as(
        "kind",
        ("saya jaga akong tapi saya sendiri sakit parah tidak dibawa ke dokter", "illness"),
        (
            "I take care of grandma but I am very sick and they don't take me to the doctor",
            "illness",
        ),
        ("saya merawat nenek, saya demam tinggi tidak dikasih obat", "illness"),
        ("akong pukul saya tiap hari", "violence"),
    )


def test_harms_the_third_chat_probe_showed_missing_are_read() -> None:
    """Forms from the read half of danger_chat_3.jsonl, written again for the test (stop 29):
    Javanese words, arrest by the Malay "polis", being kept in a shed, a fee for one's own
    passport, a refusal punished, no water, unconscious for days, adrift at sea, a plea to
    keep the message secret; and look-alikes that laugh, talk about a subject or eat no rice."""
    assert_read_as(
        "kind",
        ("ibuku ora dikei mangan karo majikane, dikunci saka njaba", "held"),
        ("bojoku ditangkap polis wingi, saiki ora ngerti neng ngendi, tolong", "detained"),
        ("they keep her in the storeroom at night", "held"),
        ("paspor ditahan agen, kalau mau diambil harus bayar 20 juta, sy masih di sini", "held"),
        ("mandor bilang kalau kabur ditembak", "threat"),
        ("sdh 2 hari gk dikasih minum sama majikan", "starved"),
        ("adik sy di rumah sakit Johor, belum sadarkan diri 3 hari", "illness"),
        ("kami di tengah laut, mesin mati, tidak ada air", "plea"),
        ("please don't reply to this number, madam checks my phone", "plea"),
        ("the man at the gate has a gun and we cannot go out", "held"),
        ("she holds my hair and bangs my head on the table", "violence"),
        ("I think of jumping from the balcony every night", "suicide"),
    )
    assert_no_danger(
        "wkwk majikan bilang mau bunuh sy kalau kalah main kartu lagi",
        "di grup banyak yang bahas perdagangan orang, emang separah itu?",
        "sudah 3 hari tidak makan nasi, di sini roti terus",
        "dulu pernah kabur dari majikan, sekarang kerja resmi di Kuwait, bisa tuntut gaji?",
    )


def test_the_news_a_supposition_a_definition_and_a_story_now_over_are_not_danger() -> None:
    """Look-alikes the read half of danger_lookalikes.jsonl showed, written again for the test
    (stop 29); the same harm told by the writer after the news, or with a plea, still counts."""
    assert_no_danger(
        "kemarin lihat di tiktok ada PMI dari Sumbawa disekap majikan, kasihan",
        "film tentang TKW yang dikurung majikan itu bikin sedih, ada judul lain?",
        "seandainya nanti di kapal ada ABK yang dipukuli kapten, lapornya ke mana?",
        "in case my employer hit me, can I change employer? just asking before I sign",
        "apa itu kerja paksa? tadi disebut di penyuluhan desa",
        "kalau nanti majikan tidak izinkan saya pulang waktu kontrak habis, bagaimana?",
        "We just need the number to follow up, nobody in danger now",
        "the agency threatened to send me home if I complain, is that allowed?",
        "anak majikan sandera hp saya buat main game, hadeh",
        "dulu tiap hari ditampar nyonya, tapi itu sudah lewat, mau tanya uang long service",
        "my cousin who was trapped in a scam company is rescued by police, who pays the ticket",
        "adik saya jatuh dari lantai dua di rumah majikan, sudah operasi dan pulih",
        "cuma nanya, belum kejadian: kalau kabur dari majikan saya jadi ilegal?",
    )
    assert_read_as(
        "kind",
        ("lihat video anak saya dipukuli majikan, tolong pak", "violence"),
        ("mohon nonton video ini | saya diancam dibunuh majikan", "threat"),
        ("saya lihat di tiktok info KBRI, saya sekarang dikurung agen", "held"),
    )


def test_a_time_long_past_before_the_harm_puts_it_in_the_past_unless_it_pleads() -> None:
    """ "Tahun lalu", "waktu itu", "dulu saya ..." anywhere before the harm in its sentence
    tell it from after; "sejak tahun 2019" runs until now, and "sabar dulu" is "for now"
    (written for the test, stop 29)."""
    assert_no_danger(
        "tahun lalu sy ditangkap razia di Johor, skrg mau perpanjang permit dimana",
        "waktu itu saya dipukul tiap hari, sekarang mau tanya cara klaim gaji",
        "dulu majikan sy di Singapura jarang kasih makan, sekarang sudah transfer",
        "in 2019 my employer locked me in, now I want to apply to Taiwan",
    )
    assert_read_as(
        "kind",
        ("sejak tahun 2019 saya disekap majikan di Riyadh", "held"),
        ("sabar dulu ya bu, sy dikunci di kamar sm majikan", "held"),
        ("tahun 2020 saya dipukul majikan, tolong bantu saya sekarang", "violence"),
        ("majikan bilang bayar dulu baru boleh pulang, sy ditahan di rumah", "held"),
    )


def test_weather_a_lockdown_a_longing_and_a_likeness_are_not_a_person_doing_harm() -> None:
    """What holds or torments is not a person ("terkurung hujan", "disiksa rindu"), or the
    harm is a likeness ("rasanya seperti disiksa"), or the message says it jokes. A blow has
    a hand behind it whatever the reason, and a plea keeps its danger (written a priori,
    before any labelled set was looked at for it, stop 30)."""
    assert_no_danger(
        "kami terkurung hujan di stasiun, jadi telat pulang ke asrama",
        "saya disiksa rindu sama anak di kampung, tiap malam nangis",
        "saya dikurung di kamar karena pandemi, karantina 14 hari dari pemerintah",
        "we cannot go out on sunday because of the rain storm signal",
        "kerja di pabrik panas sekali rasanya seperti disiksa, tapi gajinya lumayan",
        "it feels like a prison sometimes but my employer is kind, just tired",
        "majikan bilang kalau kalah catur dia mau bunuh diri, dia memang suka bercanda",
        "saya mau mati ketawa lihat video kucing itu",
        "anak majikan diculik di game, dia nangis kalah",
        "saya terjebak di grup WA keluarga yang ribut terus",
        "dia dipukul KO di pertandingan tinju semalam, seru banget",
        "harga cabai sekarang mencekik leher, di kampung mahal semua",
        "motor saya ditahan polisi karena tidak ada STNK, besok mau diurus",
    )
    assert_read_as(
        "kind",
        ("she beat me because of the rain, I was late", "violence"),
        ("saya dikurung majikan selama pandemi, tidak dikasih makan", "held"),
        ("saya dikunci di kamar karena majikan marah", "held"),
        ("tolong saya terkurung di rumah majikan karena banjir, dia tidak mau buka pintu", "held"),
        ("majikan bilang jangan bercanda, lalu dia pukul saya", "violence"),
        ("anak saya ditahan polisi Malaysia karena tidak ada paspor", "detained"),
        ("majikan mencekik leher saya tadi malam", "violence"),
    )


def test_harm_told_of_workers_in_general_is_not_danger_now() -> None:
    """A number or a group ("berapa banyak TKW", "para PMI", "so many maids"), research,
    teaching, a prayer for all, or the law's punishment: told of others, unless the writer or
    their family is named after them (written a priori, stop 30)."""
    assert_no_danger(
        "berapa banyak TKW yang disiksa majikan tiap tahun di Malaysia?",
        "how many migrant workers are trafficked every year from Indonesia",
        "saya mahasiswa, sedang meneliti kasus PMI yang disekap majikan, boleh minta data?",
        "kenapa banyak TKW yang kabur dari majikan di Arab?",
        "why do so many maids get abused in the Gulf",
        "apa hukuman untuk majikan yang memukul pekerja di Singapura?",
        "what is the punishment for employers who lock their maids in Hong Kong",
        "I am writing a thesis on forced labour on fishing boats, can I interview officers",
        "semoga tidak ada lagi TKW yang disiksa seperti di berita itu, amin",
        "ya Allah lindungilah para PMI yang disiksa di luar negeri",
    )
    assert_read_as(
        "kind",
        ("banyak TKW disiksa di sana, anak saya juga disiksa majikannya", "violence"),
        ("berapa banyak lagi yang harus disiksa, tolong selamatkan adik saya", "violence"),
        ("para pekerja di kapal itu disekap termasuk saya", "held"),
    )


def test_a_holiday_refused_an_animal_harmed_and_illness_at_home_are_not_danger() -> None:
    """Not home for Lebaran is a day off refused; the cat an employer torments is not a
    person; a mother ill in Indonesia is a reason to go home, not a worker without care
    (written a priori, stop 30). Held past the contract, or for years, is still held."""
    assert_no_danger(
        "istri saya dilarang pulang kampung lebaran sama majikan, katanya tahun depan saja",
        "saya tidak boleh pulang kampung lebaran ini karena tiket mahal",
        "majikan suka menyiksa kucingnya, saya kasihan sama kucing itu",
        "my mother in indonesia is very sick, can I break contract to go home",
    )
    assert_read_as(
        "kind",
        ("saya tidak boleh pulang, kontrak sudah habis", "held"),
        ("sudah 5 kali lebaran saya tidak boleh pulang sama majikan", "held"),
        ("majikan menyiksa saya dan kucingnya", "violence"),
        (
            "my mother in indonesia is sick and I am sick too, employer not bring me to doctor",
            "illness",
        ),
    )


def test_harm_verbs_that_are_also_chores_count_when_done_to_a_person() -> None:
    """ "Siram", "bakar", "lempar", "banting", "sayat" are chores or figures of speech done to
    things; done to a person, as the passive's subject or the active's object, in writing or
    chat, they are harm (composed from the grammar, stop 30)."""
    assert_read_as(
        "kind",
        ("saya disiram majikan tiap hari", "violence"),
        ("istri saya sering disiramin majikan", "violence"),
        ("majikan sering nyiram aku pakai air panas", "violence"),
        ("majikan melempar saya pakai piring", "violence"),
        ("anak saya dbanting sm majikannya", "violence"),
        ("anak saya dgebuk sm majikannya", "violence"),
        ("saya disayat majikan", "violence"),
        ("majikan menyetrika saya kalau bajunya kusut", "violence"),
        ("saya dikunci majikan tiap hari", "held"),
        ("majikan sering ngunci aku", "held"),
        ("majikan sering ngelecehin aku", "sexual"),
    )
    assert_no_danger(
        "hp saya dikunci anak majikan, lupa password",
        "saya lupa mengunci pintu kamar",
        "saya menyetrika baju majikan tiap sore",
        "saya menyiram tanaman majikan tiap pagi",
        "tanaman saya disiram tiap pagi",
        "majikan membakar sampah di belakang",
        "saya membanting tulang demi anak",
        "saya lempar bola sama anak majikan",
        "bakar saya punya sate dulu",
    )


HARM_VERBS = {
    # root: (written active, chat active)
    "pukul": ("memukul", "mukul"),
    "siksa": ("menyiksa", "nyiksa"),
    "tampar": ("menampar", "nampar"),
    "tendang": ("menendang", "nendang"),
    "sekap": ("menyekap", "nyekap"),
    "kurung": ("mengurung", "ngurung"),
    "aniaya": ("menganiaya", "nganiaya"),
    "perkosa": ("memperkosa", "merkosa"),
    "lecehkan": ("melecehkan", "ngelecehin"),
    "ancam": ("mengancam", "ngancam"),
    "setrika": ("menyetrika", "nyetrika"),
    "siram": ("menyiram", "nyiram"),
    "bakar": ("membakar", "bakar"),
    "cekik": ("mencekik", "nyekik"),
    "jambak": ("menjambak", "njambak"),
    "injak": ("menginjak", "nginjak"),
    "cambuk": ("mencambuk", "nyambuk"),
    "sundut": ("menyundut", "nyundut"),
    "gebuk": ("menggebuk", "gebukin"),
    "hajar": ("menghajar", "ngehajar"),
    "tonjok": ("menonjok", "nonjok"),
    "jotos": ("menjotos", "njotos"),
    "gampar": ("menggampar", "ngegampar"),
    "keroyok": ("mengeroyok", "ngeroyok"),
    "sayat": ("menyayat", "nyayat"),
    "tusuk": ("menusuk", "nusuk"),
    "lempar": ("melempar", "ngelempar"),
    "banting": ("membanting", "banting"),
    "kunci": ("mengunci", "ngunci"),
    "sabet": ("menyabet", "nyabet"),
}


@pytest.mark.parametrize("root", sorted(HARM_VERBS))
def test_every_form_of_a_harm_verb_done_to_a_person_is_read(root: str) -> None:
    """The passive, the chat "d" + root, the written active, the chat active and the Jakarta
    "-in" of 30 harm verbs, done to the writer or their family: a grid composed from the
    grammar, not from any set (stop 30: 34 of these 150 were missed at its start)."""
    active, chat = HARM_VERBS[root]
    missed = [
        sentence
        for sentence in (
            f"saya di{root} majikan tiap hari",
            f"anak saya d{root} sm majikannya",
            f"majikan {active} saya setiap hari",
            f"majikan sering {chat} aku",
            f"istri saya sering di{root}in majikan",
        )
        if not detect_danger(sentence)
    ]
    assert missed == []


CHAT_NEGATIONS = ("tidak", "tdk", "gak", "ga", "gk", "nggak", "ngga", "enggak", "ndak", "g")


@pytest.mark.parametrize("negation", CHAT_NEGATIONS)
def test_not_let_home_out_or_to_call_in_every_spelling_is_held(negation: str) -> None:
    """Each chat negation x six ways of letting ("boleh", "dikasih", "dibolehin"...) x five
    things not allowed (home, out, run away, call the family, hold a phone), composed from the
    grammar (stop 30: 180 of these 900 were missed at its start)."""
    missed = [
        f"{who} {negation} {permit} {what} sama majikan"
        for who in ("saya", "anak saya", "istri sy")
        for permit in ("boleh", "dikasih", "diizinkan", "dibolehin", "diijinin", "dibolehkan")
        for what in ("pulang", "keluar rumah", "kabur", "telpon keluarga", "pegang hp")
        if not detect_danger(f"{who} {negation} {permit} {what} sama majikan")
    ]
    assert missed == []


def test_given_no_food_or_no_care_in_every_spelling_is_read() -> None:
    """Not given food in each chat negation, given nothing but bread, ill and made to keep
    working (composed from the grammar, stop 30)."""
    sentences = [
        f"saya {negation} {given} makan sama majikan"
        for negation in CHAT_NEGATIONS
        for given in ("dikasih", "diberi", "dikasi")
    ]
    sentences += [
        "anak saya cuma dikasih makan roti saja",
        "istri sy cuma dikasih makan sekali sehari",
        "saya sakit tapi disuruh tetap kerja",
        "anak saya sakit tapi dipaksa tetap kerja sama majikan",
    ]
    assert [s for s in sentences if not detect_danger(s)] == []
    assert_no_danger(
        "saya cuma makan roti saja pagi ini, lagi diet",
        "kalau sakit tapi harus kerja, boleh minta cuti?",
    )


@pytest.mark.parametrize(
    "refusal", ["won't", "will not", "doesn't", "does not", "didn't", "refuses to", "never"]
)
def test_not_let_home_out_or_to_call_in_english_is_held(refusal: str) -> None:
    """Four holders x two verbs of letting x three persons x six things (home, leave, out,
    call the family, use one's phone), composed from English grammar (stop 30: 448 of these
    1,008 were missed at its start); a phone kept only during work hours is not held."""
    missed = [
        sentence
        for holder in ("my employer", "madam", "the agent", "my boss")
        for let in ("let", "allow")
        for person in ("me", "my sister", "us")
        for what in (
            "go home",
            "leave",
            "go out",
            "call my family",
            "use my phone",
            "leave the house",
        )
        if not detect_danger(sentence := f"{holder} {refusal} {let} {person} {what}")
    ]
    assert missed == []
    assert_no_danger(
        f"my employer {refusal} let me use my phone during work hours, only at night",
        f"madam {refusal} let me use her phone",
    )


def test_taken_by_the_police_a_plea_for_the_family_and_english_present_forms_are_read() -> None:
    """Composed from the grammar (stop 30): held, picked up or taken by the police or
    immigration in each spelling; a message that is only a plea for a child or a sister; and
    English present forms of trafficking, detention and a jump. (A family member harmed in the
    English past, "my sister was sold", is read since stop 32: see the test of the passive.)"""
    detained = [
        f"{who} {verb} {by} kemarin"
        for who in ("saya", "anak saya", "suami saya")
        for verb in ("ditangkap", "dtangkap", "ditahan", "dtahan", "diciduk", "dibawa")
        for by in ("polisi", "imigrasi", "polis", "petugas imigrasi")
    ]
    assert [s for s in detained if not detect_danger(s)] == []
    assert_read_as(
        "kind",
        ("tolong anak saya pak", "plea"),
        ("help my sister please", "plea"),
        ("my sister is forced into prostitution", "trafficking"),
        ("we are kept in a scam compound near the border", "trafficking"),
        ("I got arrested at the market this morning", "detained"),
        ("my husband was caught by immigration yesterday", "detained"),
        ("she tried to jump from the balcony", "suicide"),
    )
    assert_no_danger(
        "anak saya dibawa polisi karena kecelakaan motor, sudah pulang",
        "tolong ya bu",
    )


def test_malaysian_malay_as_workers_in_malaysia_write_it_is_read() -> None:
    """ "Kena" for the passive, "tak bagi/benarkan/kasi" for not letting, "balik" for going
    home after a word of permission, "telefon" (composed from the grammar, stop 30), and the
    chat "x" for "tak" before a word of letting (stop 31). After "dikasih", "balik" is giving
    back: a passport not given back is not someone held; "balik raya" is the holiday."""
    assert_read_as(
        "kind",
        ("saya kena ugut dengan majikan", "threat"),
        ("majikan tak benarkan saya balik", "held"),
        ("majikan tak bagi aku balik kampung sudah dua tahun", "held"),
        ("majikan tak kasi saya telefon keluarga", "held"),
        ("majikan tak bagi aku pegang telefon", "held"),
        ("majikan tak benarkan saya keluar", "held"),
        ("agen tidak mengizinkan adik saya keluar", "held"),
        ("majikan x bagi saya balik sudah 2 tahun", "held"),
        ("majikan x bagi makan dari semalam", "starved"),
    )
    assert_no_danger(
        "paspor saya belum dikasih balik sama agen, harus bagaimana",
        "makan 3 x sehari, x ray paru paru saya bersih",
        "majikan tak benarkan saya balik raya tahun ni, tiket mahal",
        "saya tidak boleh balik kampung lebaran ini, tiket mahal",
    )


def test_a_time_past_right_after_the_harm_tells_it_from_after_until_the_clause_turns() -> None:
    """ "Dipukul majikan waktu masih di Malaysia", "... beberapa tahun lalu": the time right
    after the harm in its clause puts it in the past; after "padahal" or "tapi" the time is
    something else's (written for the test, stop 30)."""
    assert_no_danger(
        "saya dipukul majikan waktu masih di Malaysia, sekarang mau daftar ke Taiwan",
        "sepupu saya diperkosa majikan di Yordania beberapa tahun lalu, mau bikin sosialisasi",
        "misalkan dipukul majikan, harus lapor ke mana?",
        "boleh gak majikan mukul pembantu kalau salah?",
        "is it legal for my employer to lock me in the house?",
        "can my employer take my phone at night?",
        "andaikata disekap agen, apa yang harus dilakukan?",
    )
    assert_read_as(
        "kind",
        ("saya tidak boleh pulang padahal kontrak selesai 1 tahun lalu", "held"),
        ("sudah lama saya dikurung, tolong", "held"),
        ("can my employer hit me every day like this? please help me", "violence"),
    )


def test_a_time_that_runs_until_now_is_not_long_past() -> None:
    """ "Sejak tahun lalu", "sejak 2 tahun lalu": the harm began then and goes on; the same
    time without "sejak" tells it from after (written for the test, stop 30)."""
    assert_read_as(
        "kind",
        ("sejak tahun lalu saya dikurung majikan di rumah", "held"),
        ("sejak 2 tahun lalu anak saya disekap agen", "held"),
        ("sejak 12 tahun lalu ibu saya tidak boleh pulang", "held"),
        ("semenjak lebaran kemarin adik saya tidak dikasih makan yang layak", "starved"),
    )
    assert_no_danger("2 tahun lalu anak saya disekap agen, sekarang sudah di rumah")


def test_kept_past_the_contract_refused_care_and_threats_to_the_family_are_read() -> None:
    """Forms from the read half of danger_chat_4.jsonl, written again for the test (stop 29);
    a plan to go home next month or two years away from home are not danger."""
    assert_read_as(
        "kind",
        ("kontrak istri saya sudah habis 5 bulan lalu, dia mau pulang tapi disuruh tunggu", "held"),
        ("my contract ended 3 months ago and they keep my passport", "held"),
        ("tiap minta pulang dibilang tahun depan, sudah 4 tahun", "held"),
        ("sudah 7 tahun tidak dipulangkan majikan", "held"),
        ("majikan tidak mau urus exit, saya mau pulang", "held"),
        ("harus bayar 10 juta dulu baru boleh pulang kata agen", "held"),
        ("kapten tidak mau balik ke darat padahal suami saya demam", "held"),
        ("adik saya kecelakaan, tidak dibawa kontrol lagi ke rumah sakit", "illness"),
        ("my friend fainted in the field and the boss says wait", "illness"),
        ("doctor says I need operation but company says no insurance", "illness"),
        ("agen bilang keluarga saya di Sumbawa akan didatangi orangnya", "threat"),
        ("majikan menuduh saya mencuri emas, katanya saya akan dipenjara", "threat"),
    )
    assert_no_danger(
        "saya mau pulang bulan depan, tiket sudah dibelikan majikan",
        "sudah 2 tahun tidak pulang, kangen anak",
        "kontrak saya selesai bulan depan, mau pulang, bagasi boleh berapa kilo?",
    )


def test_english_as_workers_write_it_is_read() -> None:
    """Forms from the read half of danger_english.jsonl, written again for the test (stop 29);
    its look-alikes that laughed, ended, or only limit the day off are not danger."""
    assert_read_as(
        "kind",
        ("madam close me in the store room since yesterday", "held"),
        ("i beg my sir let me go home but he say no", "held"),
        ("agency say i must pay 2000 dollar first then can go home", "held"),
        ("i only eat one time a day, always hungry", "starved"),
        ("he try to open my door at night when madam sleep", "sexual"),
        ("they force us to serve men in the karaoke", "sexual"),
        ("if we not reach target they give electric shock", "violence"),
        ("boss threat to throw me from the balcony", "threat"),
        ("employer say i steal her gold, she will call police with false case", "threat"),
        ("my leg is swollen and the boss says just rest and work tomorrow", "illness"),
        ("i want die, i cannot take it anymore", "suicide"),
        ("please tell my mother I am sorry and goodbye", "suicide"),
        ("my sister was taken by immigration this morning", "detained"),
        ("the court sentenced my son to death last week", "sentenced"),
        ("agent say he will have my mother hurt if i not pay", "threat"),
        # every tense of the harm verbs, composed from English grammar (stop 30)
        ("my employer burns me with the iron", "violence"),
        ("madam whipped me with a belt yesterday", "violence"),
        ("he chokes my sister when he is drunk", "violence"),
        ("he stabbed me with scissors", "violence"),
        ("the agent sold my daughter to a karaoke", "trafficking"),
        ("my boss touches my daughter at night", "sexual"),
        ("my employer pushed me down the stairs", "violence"),
        ("she cut me with a knife", "violence"),
        ("he said he will cut my hand if I run", "threat"),
        ("my employer told me she will kill my family if i run away", "threat"),
    )
    assert_no_danger(
        "the movie was about a man who wanted to kill his wife",
        "the chef whipped the cream for the cake",
        "she pushed me to finish the work faster",
        "I cut my hand while cooking, it is ok now",
        "they sold my brother's motorbike to pay the debt",
        "sir touched my heart with his kind words",
        "i want to die of shame, i called my madam mom by mistake",
        "employer not let me go out on weekdays, only sunday, it is ok",
        "long time ago my boss not give me enough food, now I am happy in village",
        "last time I wanted to kill myself in Kuwait but now I am better",
        "my brother was detained in Johor but already released and deported",
        "I heard there are maids facing death penalty in Saudi, how many?",
    )


def test_long_family_messages_are_read_for_the_danger_inside_them() -> None:
    """Forms from the read half of danger_family_long.jsonl, written again for the test (stop
    29), and the look-alikes it showed: a family member at home who is ill, an agency that is
    "not safe", a question of what may happen, thanks for help."""
    assert_read_as(
        "kind",
        ("her employer son come in her room many times at night, she is scared", "sexual"),
        ("kakak sy kirim foto obat tidur satu plastik, bilang mau istirahat selamanya", "suicide"),
        ("my mother is on the balcony and she says she wants to end it", "suicide"),
        ("majikan bilang adik saya tidak akan keluar dari rumah itu hidup-hidup", "threat"),
        ("tangannya bernanah, demam, bos bilang tidak ada biaya rumah sakit", "illness"),
        ("admin tolong sy lg di luar negri ga aman, gmn caranya kabur", "plea"),
    )
    assert_no_danger(
        "ibu saya di rumah kena stroke minggu lalu, bapak kerja di Malaysia, ada bantuan?",
        "I am worried the new agency is not safe, how to check the job order? Thank you",
        "apa dia bisa dipenjara lama kalau kecelakaan di sana? kemarin temannya ditahan",
        "I hear many story in the news about workers beaten. Thank you for your help",
        "sy mau kirim pesan darurat ke kapal suami, gimana caranya?",
    )


def test_english_help_is_a_plea_with_a_person_or_urgency_not_as_a_noun() -> None:
    """ "Help me", "please help", "send help" plead; "a help program" or "cried for help" in a
    story told after do not, so they no longer override the readings of the past (stop 29)."""
    assert_read_as(
        "kind",
        ("pls help my sister is locked", "held"),
        ("help me please", "plea"),
    )
    assert_no_danger(
        "I was trafficked in 2018 and police rescue me, is there a help program for victims?",
        "i got locked out of the house lol",
        "the gate is locked at night for safety",
        "my phone is locked, forgot password",
    )


@pytest.mark.parametrize("name", ["danger_plain_english.txt", "danger_chat_written.txt"])
def test_plain_english_and_chat_sentences_of_danger_are_all_read(name: str) -> None:
    """Forty plain English sentences and the same forty harms as Indonesian chat, composed
    in stop 29 (not from any set); 6 and 9 were missed then: "nobody takes me to the
    doctor", "won't let me call my family", "electrocuted", "strangle", "spits on me",
    "afraid my employer will kill me", "majikan suka nampar", "jual sy ke majikan lain",
    "masuk kamar malem2", "gk ngebolehin nelpon", "kalo nolak disiksa", "gk boleh
    periksa", "takut dibunuh majikan", "dibenturin ke tembok", "nyayat tangan"."""
    path = Path(__file__).resolve().parents[1] / "data" / name
    missed = [line for line in path.read_text("utf-8").splitlines() if not detect_danger(line)]
    assert missed == []


def test_everyday_sentences_that_use_dangers_words_rarely_raise_the_alarm() -> None:
    """125 everyday sentences composed a priori in stop 30 (not from any set): weather and
    lockdowns, figures of speech, games and sport, workers in general, research, prayers,
    holidays refused, pets, a past case's status, a harm told from after ("waktu masih di
    Malaysia", "years ago"), a supposition ("misalkan", "boleh gak"). 48 raised the alarm at
    the stop's start, 10 at its end (a starving joke, a 'kidnapped' workload...)."""
    path = Path(__file__).resolve().parents[1] / "data" / "everyday_written.txt"
    lines = [line for line in path.read_text("utf-8").splitlines() if line.strip()]
    alarms = [line for line in lines if detect_danger(line)]
    assert len(lines) == 125
    assert len(alarms) <= 12, alarms


def test_no_rule_loses_a_word_it_names_to_the_respelling() -> None:
    """The lexicon respells words before the rules read them ("mukul" -> "pukul"); a rule
    written for the word as typed would then never see it. For every respelled word, a rule
    that matches it as typed must also match what the reader sees."""
    detector = default_detector()
    hidden = []
    for typed, standard in detector.spellings.items():
        if typed == standard:
            continue
        for rule in detector.rules:
            for context in ("{} ", "dia {} saya ", "saya {} "):
                if rule.pattern.search(context.format(typed)) and not rule.pattern.search(
                    context.format(standard)
                ):
                    hidden.append((typed, standard, rule.kind))
                    break
    assert not hidden, hidden


def test_no_rule_matches_inside_a_longer_word() -> None:
    """ "memar" (a bruise) once matched the start of "memarahi" (to scold). Every word of the
    content and of the real messages, read alone: a rule's match starts and ends at a word's
    edge (or before a suffix: -ku, -mu, -nya, -lah, -kah, -pun)."""
    detector = default_detector()
    texts = [p.read_text("utf-8") for p in sorted(CONTENT.glob("*.md"))]
    texts += [p.read_text("utf-8") for p in sorted(DATA.glob("real_messages*.jsonl"))]
    words = {w for text in texts for w in re.findall(r"[a-z]{4,}", text.lower())}
    inside = []
    for word in sorted(words):
        standard = detector.standard(word)
        for rule in detector.rules:
            for found in rule.pattern.finditer(standard):
                start, end = found.span()
                starts = start == 0 or not standard[start - 1].isalnum()
                ends = (
                    end == len(standard)
                    or not standard[end - 1].isalnum()
                    or not standard[end].isalnum()
                    or SUFFIX.match(standard, end)
                )
                if not (starts and ends):
                    inside.append((word, rule.kind, found.group(0)))
    assert not inside, inside


def test_hypotheticals_definitions_and_things_are_not_danger() -> None:
    for text in (
        "kalau dipukul majikan harus lapor ke mana?",
        "apa itu TPPO",
        "paspor saya ditahan agen",
        "majikan sering memarahi saya kalau piring jatuh",
        "My passport was held by my agent and I did not get a copy of the contract",
        "jam pukul 9 kantor buka?",
        "nomor darurat kbri brp",
        "rumah dijual buat biaya berangkat",
        "dulu pernah dipukul tapi sekarang sudah pulang, mau tanya klaim BPJS",
        "kalau diancam majikan harus gimana",
        "saya tahu kalau dipukul majikan harus lapor ke KBRI",
        "kena pukul 9 pagi harus sudah di kantor imigrasi",
        "saya gak kuat lagi nunggu visa, tolong kapan berangkat",
        "nyetrika baju majikan tiap hari capek juga",
        "motor beat sy susah distater pagi2, kira2 rusak apanya",  # a Honda Beat
        "ayah saya didera penyakit jantung, boleh klaim bpjs?",
        "Saya sudah beli dia tiket pesawat buat pulang",
        "saya menunda kepulangan karena mau lebaran di sana",
        "majikan sering mukul sy, akhirnya sy berhasil kabur ke KBRI, mau tanya gaji yg blm",
        "She beat me every day for a year until I escaped from the house, can I claim my salary",
        "sudah tidak tahan menunggu kabar visa dari PT, kapan berangkat",
        "tanah saya dijual buat biaya berangkat",
        "ancaman potong gaji kalau telat masuk kerja boleh gak",
        "kami diancam mau dilaporkan ke polisi kalau tidak berangkat",
        "madam say I burn her shirt with iron, can she cut my salary",
        "hp sy rasa nak mati je, bateri cepat habis",
        "dulu pernah dipukul majikan tapi sekarang sudah di kampung, mau daftar lagi",
        "kunci saya hilang di asrama, gimana",
        "pulang kerja saya masuk kamar tiap malam, capek",
        "my husband won't let me go abroad to work, is his letter needed",
        "we already bought the tickets for next month",
    ):
        assert detect_danger(text) is None, text


def test_the_literal_filter_changes_no_verdict() -> None:
    """Rules are skipped when none of their required letters is in the message; on every
    message the project holds, the verdicts are the same as running every rule."""
    detector = default_detector()
    texts = [
        str(row["q"])
        for path in sorted(DATA.glob("*.jsonl"))
        for row in _rows(path.name)
        if "q" in row
    ]
    filtered = [detector.detect(t) for t in texts]
    unfiltered_rules = [replace(rule, literals=frozenset()) for rule in detector.rules]
    kept = detector.rules
    try:
        detector.rules = unfiltered_rules
        assert [detector.detect(t) for t in texts] == filtered
    finally:
        detector.rules = kept


@pytest.mark.parametrize("abuser", ["majikan", "anak majikan", "bos saya", "suami majikan", "agen"])
def test_sexual_abuse_in_the_active_voice_is_read(abuser: str) -> None:
    """The active voice of sexual abuse, composed from the grammar (stop 31: 20 of these 90
    were missed at its start; the passive forms were read already)."""
    acts = (
        "memaksa saya tidur dengan dia",
        "nyuruh aku buka baju",
        "menyuruh saya telanjang",
        "memfoto saya telanjang",
        "ngintip saya mandi",
        "mencoba mencium saya",
        "suka pegang-pegang saya",
        "mengancam akan membunuh saya",
    )
    assert [act for act in acts if not detect_danger(f"{abuser} {act}")] == []


@pytest.mark.parametrize("abuser", ["my employer", "my boss", "the employer's son", "sir"])
def test_sexual_abuse_told_in_english_present_or_past_is_read(abuser: str) -> None:
    """English in the present and the plain past, as the Indonesian forms are read whatever
    their time (stop 32); the times long past and the medical checks still hold."""
    acts = (
        "always tries to kiss me",
        "keeps asking me for sex",
        "gropes me",
        "makes me take off my clothes",
        "forces me to sleep with him",
        "tried to kiss me",
        "asked me for sex",
        "groped me",
        "made me take off my clothes",
        "tried to rape me last night",
    )
    assert not detect_danger(f"{abuser} groped me when I worked there ten years ago")
    assert not detect_danger(f"{abuser} made me take off my clothes for the medical check")
    assert [act for act in acts if not detect_danger(f"{abuser} {act}")] == []


def test_undressing_for_a_medical_check_and_sleeping_beside_a_ward_are_not_abuse() -> None:
    assert_no_danger(
        "waktu medical check up dokter minta saya buka baju, itu normal gak?",
        "petugas klinik nyuruh saya lepas baju untuk rontgen",
        "agen minta saya lepas baju untuk rontgen besok",
        "the doctor makes me take off my clothes for the x-ray",
        "majikan menyuruh saya tidur dengan anaknya yang kecil",
        "my employer asks me to sleep with her mother in the same room",
    )


def test_a_macro_may_use_the_macros_defined_before_it() -> None:
    """NOT_MEDICAL is written with {W}: left unexpanded, its look-ahead never matched."""
    macros = default_detector().macros
    assert all("{" + name + "}" not in value for value in macros.values() for name in macros)


@pytest.mark.parametrize(
    ("pressed", "plain"),
    [
        ("tolonglah anak saya", "tolong anak saya"),
        ("bantulah kami pak", "bantu kami pak"),
        ("selamatkanlah istri saya", "selamatkan istri saya"),
        ("pulangkanlah anak saya", "pulangkan anak saya"),
        ("mohonlah bantu kami", "mohon bantu kami"),
    ],
)
def test_a_plea_pressed_with_lah_reads_as_the_plea_itself(pressed: str, plain: str) -> None:
    """ "-lah" leans on a plea; the rules name the word without it. Words that end in "lah" of
    their own ("masalah", "sekolah", "salah") keep it."""
    detector = default_detector()
    assert detector.standard(pressed) == detector.standard(plain)
    assert bool(detect_danger(pressed)) == bool(detect_danger(plain))
    assert detector.standard("ada masalah di sekolah, itu salah saya") == (
        "ada masalah di sekolah | itu salah saya "
    )


def test_a_plea_to_an_official_to_bring_someone_home_keeps_the_numbers_near() -> None:
    """Families write to the president, the governor or the government to have a worker
    brought home; such a plea keeps the emergency numbers within reach like "tolong" does
    (bot/triage.py). Hoping to come home for a holiday or with savings does not."""
    detector = default_detector()
    near = [
        f"{asking} {verb}"
        for asking in (
            "kami memohon kepada bapak presiden untuk",
            "saya memohon kepada pemerintah agar",
            "semoga pemerintah bisa",
            "kami berharap KBRI segera",
            "harapan kami pemerintah bisa",
            "mohon pemerintah segera",
        )
        for verb in ("memulangkan anak saya", "memulangkan kami", "pulangkan adik saya")
    ]
    near += ["We appeal to the embassy, my sister is still there", "kami mohon perhatiannya pak"]
    # the one who can help and the trouble named before the bringing home (stop 33)
    near += [
        "kami sekeluarga berharap pihak KBRI di Riyadh bisa membantu masalah ibu kami agar "
        "segera dipulangkan",
        "mohon bapak bupati dan dinas tenaga kerja membantu urusan suami saya supaya bisa "
        "dipulangkan",
    ]
    far = [
        "semoga lebaran tahun ini bisa pulang kampung",
        "kami berharap anak saya betah kerja di sana",
        "semoga cepat selesai kontrak lalu pulang bawa uang",
        "semoga sukses dan pulang membawa hasil",
        "kami berharap pemerintah memperbaiki pelayanan",
        "kami mohon maaf atas keterlambatan balasan",
        "kami berharap anak saya bisa kerja dengan baik di sana dan nanti pulang membawa hasil",
    ]

    def keeps_near(text: str) -> bool:
        standard = detector.standard(text)
        return detector.pleads(standard) or detector.wants_home(standard)

    assert [t for t in near if not keeps_near(t)] == []
    assert [t for t in far if keeps_near(t)] == []


def test_a_family_member_harmed_in_the_english_passive_past_is_read() -> None:
    """ "My sister was raped by her employer" is a family writing of someone still there, as
    "adik saya diperkosa majikan" is; with a time long past it is over."""
    harmed = (
        "my sister was raped by her employer",
        "my daughter was trafficked to cambodia",
        "my wife was beaten by the madam",
        "my son was sold to another boat",
        "my sister was locked in the house",
    )
    assert_danger(*harmed)
    assert_no_danger(
        "my sister was beaten by her employer ten years ago",
        "I was beaten by my employer when I worked in Saudi",
    )


def test_hajar_is_a_name_after_a_title_or_nama_and_a_beating_otherwise() -> None:
    """ "nama anak sy Hajar, mau daftar pelatihan" got the emergency numbers, and "Siti Hajar"
    typed as the worker's name marked the report "in danger now" (a chat tester, stop 46)."""
    assert_no_danger("nama anak sy Hajar, mau daftar pelatihan", "Siti Hajar", "namanya hajar")
    assert_read_as(
        "kind",
        ("dia hajar saya tiap hari", "violence"),
        ("majikan hajar saya", "violence"),
        ("sy di hajar bos", "violence"),
    )


def test_a_wish_never_to_wake_up_is_a_wish_to_die() -> None:
    """ "i just want to sleep and never wake up" got the abuse answer's pointer (a chat
    tester, stop 46)."""
    assert_read_as(
        "kind",
        ("i just want to sleep and never wake up", "suicide"),
        ("pengen tidur aja terus gak bangun lagi", "suicide"),
        ("sy gk mau bangun lagi", "suicide"),
        ("gk ada guna nya sy hidup", "suicide"),
        ("capek hidup pak", "suicide"),
    )
    assert_no_danger("capek kerja pak")
    assert_no_danger("he never wake up early", "anak sy tidak bangun pagi")


def test_a_plea_that_says_where_the_person_is_is_still_nothing_but_a_plea() -> None:
    """ "tolong saya" is danger; so is "tolong saya di malaysia" or "help me in saudi". A lone
    place or "saya di malaysia" pleads for nothing."""
    assert_read_as(
        "kind",
        ("tolong saya di malaysia", "plea"),
        ("tolong anak saya di arab", "plea"),
        ("help me in saudi", "plea"),
        ("tolong pak saya di sini", "plea"),
        # with an address between and "d" for "di" (a chat tester, stop 46)
        ("help pak anak sy d saudi", "plea"),
        ("tolong bu suami sy d malaysia", "plea"),
        ("pls help my sister in dubai", "plea"),
        # Sasak "sekep" is "sekap" since stop 63: held, the plea's own kind no longer needed
        ("tulung pak anak tiang lekan arab te sekep isik majikan", "held"),
    )
    assert_no_danger(
        "di malaysia", "saya di malaysia", "anak saya di taiwan", "pak anak sy d saudi"
    )


def test_not_allowed_to_eat_in_the_words_of_permission_is_starved_but_a_diet_is_not() -> None:
    assert_read_as(
        "kind",
        ("majikan tidak mengizinkan saya makan", "starved"),
        ("majikan tak benarkan saya makan", "starved"),
        ("majikan x benarkan saya makan", "starved"),
        ("agen tidak membolehkan kami makan sampai malam", "starved"),
    )
    assert_no_danger(
        "dokter tidak mengizinkan saya makan garam",
        "saya tidak diizinkan makan babi",
        "kami tidak dibenarkan makan di kamar",
    )


def test_an_agencys_shelter_can_hold_a_worker_the_embassys_is_safe() -> None:
    """ "In the shelter" alone said the danger was over; an agency's shelter is where workers
    are held. The embassy's shelter, or being taken to a shelter, is still safe."""
    assert_read_as(
        "kind",
        ("saya ditahan di shelter agen tidak boleh pulang", "held"),
        ("the agency keeps me in the shelter and does not let me go home", "held"),
    )
    assert_no_danger(
        "saya dulu dipukul majikan, sekarang sudah di shelter KBRI dan aman",
        "my sister was beaten by her employer but KBRI already took her to the shelter",
        "dia dipukul kapten, sekarang di shelter, kapan bisa pulang?",
    )


def test_a_sale_threatened_in_english_is_trafficking() -> None:
    assert_read_as(
        "kind",
        ("they said they will sell me to another employer", "trafficking"),
        ("the agent wants to sell me to another boss", "trafficking"),
    )
    assert_no_danger("I want to sell my phone", "we will sell our house to pay the agent")


def test_a_plea_typed_in_a_hurry_is_still_a_plea() -> None:
    """A letter typed twice ("toloong", "dipukull"), a particle ("tolongin dong pak") or "plis"
    leave a plea a plea; "maaf", "saat" and other words with a double letter of their own keep
    it, and English words are not respelled into Indonesian ones."""
    assert_read_as(
        "kind",
        ("toloong saya", "plea"),
        ("tolongin dong pak", "plea"),
        ("plis bantu saya", "plea"),
        ("saya dipukull majikan", "violence"),
    )
    detector = default_detector()
    assert detector.standard("maaf pak, saat ini saya di malaysia") == (
        "maaf pak | saat ini saya di malaysia "
    )
    assert_no_danger("I want to sell my phone", "I will pass the exam, please pray for me")


def test_what_someone_told_of_their_present_in_the_english_past_is_read() -> None:
    """English shifts what a person says of now into the past: "she said she was being held by
    the agent" is a family passing on "I am being held". The writer's own "I was being beaten
    back then", a time long past and a rescue still put it in the past."""
    told = (
        "my sister said she was being held by the agent",
        "the last time my father called, he said he and his crew were being detained on the ship",
        "my daughter texted me that she was being beaten by her employer",
        "my husband told us he was being forced to work and not allowed to leave",
    )
    assert_danger(*told)
    assert_no_danger(
        "I was being beaten by my employer back then, now I am home",
        "we were being held by the pirates for months before the rescue",
        "she said she was being beaten years ago by her first employer",
        "she told me she was being taught how to cook",
    )


def test_a_person_kept_in_a_room_in_the_english_passive_is_read() -> None:
    """ "The agent keeps us in a room" was read and "we are being kept in a small room by the
    agent" was not. Things kept in a room, and a stay told in the past, are not danger."""
    kept = (
        "we are being kept in a small room by the agent",
        "my sister is still kept in a room and cannot go out",
        "i am kept locked in the room",
        "she said she was being kept in a room",
    )
    assert_danger(*kept)
    assert_no_danger(
        "the food is kept in the room",
        "my passport is kept in the office",
        "medicine must be kept in a cool room",
        "we were kept in a room for covid quarantine before the flight",
    )


def test_a_family_back_home_does_not_end_the_story_at_home() -> None:
    """ "Back home" says the person is safe ("now I am back home"); "my family back home" only
    says where the family is, and used to silence the harm told beside it."""
    assert_read_as(
        "kind",
        ("my employer beats me every day, i miss my family back home", "violence"),
        ("she locks me in the house, my children back home need me", "held"),
    )
    assert_no_danger(
        "i was beaten but now i am back home",
        "she was beaten by her employer but she is back home now",
    )


@pytest.mark.parametrize("purpose", ["biar", "agar", "supaya"])
@pytest.mark.parametrize("negation", ["tidak", "gak", "enggak", "nggak"])
def test_a_harm_paid_or_pleaded_to_stop_again_or_every_day_goes_on(
    purpose: str, negation: str
) -> None:
    """ "Minta duit ... biar enggak terus digebukin tiap hari": the purpose and its "tidak"
    read as a hypothetical and a denial, so a beating happening every day got no numbers.
    Prevention asked in general ("agar tidak dipukul majikan") and a past told as over are
    still not danger."""
    goes_on = [
        f"minta uang {purpose} {negation} terus digebukin tiap hari",
        f"tolong kirim uang {purpose} dia {negation} disiksa lagi",
        f"{purpose} anak saya {negation} dipukuli setiap hari, tolong bantu",
    ]
    assert_danger(*goes_on)
    assert_no_danger(
        f"bagaimana caranya {purpose} {negation} dipukul majikan",
        f"tips {purpose} {negation} disiksa majikan di arab",
        f"dulu saya kabur {purpose} {negation} dipukul lagi, sekarang sudah di rumah",
    )


def test_put_to_work_as_a_scammer_left_behind_in_a_war_or_held_abroad_is_read() -> None:
    """Three ways families told of danger that no rule read (read halves of sets 11, 14 and
    15): put to work as a scammer, left behind when the employer fled a war, and detained in
    the country named. A warning, a question and papers held are not."""
    assert_read_as(
        "kind",
        ("kami tidak tahu bahwa kami akan dipekerjakan sebagai scammer", "trafficking"),
        ("adik saya disuruh jadi scammer di kamboja", "trafficking"),
        ("saya ditinggal oleh majikan untuk mengungsi, di sini ada tembakan", "conflict"),
        ("kami ditinggal majikan ngungsi", "conflict"),
        ("anak saya tetap ditahan di malaysia", "detained"),
        ("suami saya ditahan di arab saudi", "detained"),
    )
    assert_no_danger(
        "hati hati jangan mau dipekerjakan sebagai scammer",
        "apakah kerja jadi scammer di kamboja itu legal",
        "paspor saya ditahan di malaysia oleh agen",
        "gaji saya ditahan di taiwan",
        "barang kiriman saya ditahan di bea cukai malaysia",
        "dulu saya pernah ditahan di malaysia 2 tahun lalu",
    )


def test_a_worker_no_one_knows_and_a_film_watched_are_told_of_others() -> None:
    """ "Katanya di Taiwan ada PMI yang bunuh diri" and "di film yang saya tonton ada TKW
    diancam" tell of strangers: they raised the alarm. "Ada orang yang mengurung saya" names the
    writer after, and a plea for a neighbour is still read."""
    assert_no_danger(
        "katanya di Taiwan ada PMI yg bunuh diri krn gaji dipotong agensi, dpt dr status temen",
        "pak, di film yg sy tonton ada TKW diancam dibakar, apa itu kisah nyata?",
        "rumor di desa katanya ada org jual ginjal lewat PT penyalur, itu isu aja kan?",
    )
    assert_read_as(
        "kind",
        ("ada orang yang mengurung saya di kamar", "held"),
        ("di rumah sebelah ada tkw yang disiksa majikannya tiap malam, tolong", "violence"),
    )


def test_a_harm_dated_long_past_by_the_next_clause_or_ended_by_care_is_over() -> None:
    """ "..., tp itu thn 2010" and "but that was years ago" date what was just told; "udh
    sehat" and "udh diurus KBRI" end it. A next clause about something else, and care not yet
    given, do not."""
    assert_no_danger(
        "temen sy pernah tidur di jalan pas kabur dr majikan, tp itu thn 2010",
        "my employer beat me, but that was years ago",
        "my employer beat me but that was years ago",
        "sy pernah pingsan di pabrik krn kepanasan, dibawa ke rs. skrg udh sehat",
        "kami ABK yg kemarin terlantar di port louis udh diurus KBRI dan terbang besok",
    )
    assert_read_as(
        "kind",
        ("saya dipukul majikan tiap hari, tapi itu bukan masalah utama, tolong", "violence"),
        ("anak saya disekap majikan, sudah lapor tapi belum diurus kbri", "held"),
    )


def test_not_knowing_how_to_use_a_phone_is_not_being_kept_from_one() -> None:
    """ "Tidak bisa pakai ponsel" is as often a mother who never learnt how; not being let to
    use one, or unable to hold one, is still held."""
    assert_no_danger("ibu saya tidak bisa pakai hp jadi saya yang wa")
    assert_read_as(
        "kind",
        ("saya tidak boleh pakai hp sama majikan", "held"),
        ("saya tidak dikasih pakai hp", "held"),
        ("anak saya tidak bisa pegang hp, semua diambil agen", "held"),
    )


def test_a_word_of_now_speaks_for_its_own_part_of_a_long_story() -> None:
    """ "Now" at the end of a long story ("now I am looking for a new job") used to put a
    threat told four sentences earlier in the present; a harm with its "sekarang" beside it, or
    a few sentences before, is still now."""
    assert_no_danger(
        "She would threaten me every day that she would call the police. I was always afraid. "
        "My contract was terminated. I asked my agency for help but got no money. Now I am "
        "looking for a new job.",
        "Torture can happen in any country. Nobody knows. I pray. Better to work as a maid, I "
        "save money now for a house",
    )
    assert_read_as(
        "kind",
        ("Saya dulu pernah dipukul majikan. Sekarang masih sering dipukul juga", "violence"),
        (
            "Aku bekerja sejak subuh sampai saat ini. Aku bilang pada majikan tidak betah. "
            "Kenapa tega. Kalau minta tidur bareng, kenapa tidak minta sama istrinya",
            "sexual",
        ),
    )


def test_a_plea_keeps_every_harm_it_tells_in_the_present() -> None:
    """A message that pleads is about now, however far the plea is from the harm: a family's
    story that ends "please help me" keeps its danger (a blind probe's read half)."""
    assert_read_as(
        "kind",
        (
            "Passport my madam keep. Every day door lock from outside. I am in Sharjah. "
            "Please help me sister.",
            "held",
        ),
        ("she lock the door from outside when she go to work", "held"),
        ("my madam always locked my room from outside", "held"),
    )
    assert_no_danger("please lock the door from outside when you leave, said my roommate")


def test_danger_said_the_way_quoted_workers_say_it_is_read() -> None:
    """Forms a blind quote-style probe (stop 34, its read half) showed missing: bleeding that
    goes on, care refused by the agency, a jump as the better way out, Javanese and Sundanese
    words, no rice handed out, one bread a day, freedom for a transfer, work for free to pay
    the fare, fake accounts, shooting and a drone near, a boat taking in water. Their
    look-alikes are not."""
    assert_read_as(
        "kind",
        ("saya keluar darah dari tadi pagi, majikan suruh tidur saja", "illness"),
        ("agensi bilang jangan ke rumah sakit nanti dipulangkan", "illness"),
        ("mending aku lompat saja dari lantai sembilan", "suicide"),
        ("aku arep mati wae", "suicide"),
        ("teteh saya dikonci di kamar ku majikan", "held"),
        ("kami dua minggu tidak dapat beras dari bos", "starved"),
        ("roti satu buat sehari, kalau minta lagi dimarahi", "starved"),
        ("anak saya bisa dilepas kalau kami transfer 80 juta", "trafficking"),
        ("tekong bilang kerja tiga bulan gratis buat bayar ongkos", "trafficking"),
        ("kami disuruh bikin akun palsu cari korban", "trafficking"),
        ("tembak-tembakan di ujung gang sejak subuh", "conflict"),
        ("semalam ada drone jatuh dekat sini", "conflict"),
        ("kami di perahu karet, air sudah masuk", "conflict"),
    )
    assert_no_danger(
        "gusi saya keluar darah kalau sikat gigi",
        "kalau cuma flu jangan ke rumah sakit",
        "kami belum dapat beras bansos dari desa",
    )


def test_kept_past_a_contract_over_since_a_year_or_taken_to_a_depot_is_read() -> None:
    """ "Kontrak saya sudah habis dari 2022 ... tiap minta pulang, madam bilang tunggu" was
    read only with "N bulan lalu"; "dibawa truk imigresen ke depot" only with one word between
    (a blind probe's read half, stop 34). A contract over and the worker home is not."""
    assert_read_as(
        "kind",
        ("kontrak saya sudah habis dari 2022, bu. tiap minta pulang, madam bilang tunggu", "held"),
        ("temannya bilang dia dibawa truk imigresen ke depot tawau", "detained"),
    )
    assert_no_danger("kontrak saya habis tahun 2019 dan saya sudah pulang ke lombok")


def test_pay_held_with_its_nya_and_a_worker_heard_of_are_not_danger() -> None:
    """ "Gajinya ditahan majikan" is the pay held, as "gaji ditahan" is; "dengar-dengar ada PMI
    di Taiwan meninggal" tells of a stranger (a blind probe's read half). A child held is
    still held."""
    assert_no_danger(
        "anak saya di saudi gajinya ditahan majikan, katanya dikasih nanti pas selesai kontrak",
        "dengar-dengar ada PMI di Taiwan meninggal karena majikan tidak bawa berobat",
    )
    assert_read_as("kind", ("anaknya ditahan majikan di rumah", "held"))


def test_held_captive_ransomed_accused_or_threatened_with_jail_is_read() -> None:
    assert_danger(
        "kakak saya sekarang ditawan di sebuah gedung di kuala lumpur",
        "mereka dijadikan tawanan oleh bos perusahaan itu",
        "agen minta saya kirim 5 juta, agar adik saya dilepas dari penampungan",
        "suami disuruh transfer uang dulu supaya istrinya bisa keluar dari tempat itu",
        "majikan mengancam kalau saya kabur, saya dibawa ke kantor polisi",
        "bos bilang kalau saya minta pulang nanti saya dipenjarakan",
        "istri saya takut mati di tangan majikannya kalau tidak segera pulang",
        "anak saya dicurigai mencuri perhiasan majikan",
        "dalam surat disebutkan kalau adik saya mencuri uang bosnya",
        "ibu saya dituduh menyantet anak majikan",
        "persediaan makanan di kapal sudah habis, kami makan seadanya",
    )
    assert_no_danger(
        "wah pemandangan di sana menawan sekali",
        "saya takut mati kalau naik pesawat pertama kali",
        "majikan bilang kalau saya telat, gaji dipotong",
        "bos bilang dia pernah dipenjara dulu waktu muda",
        "uang sudah saya transfer agar prosesnya cepat",
        "saya bayar 2 juta biar bisa keluar dari penampungan dulu, sekarang sudah di rumah",
        "air minum di mess sudah habis, nanti saya beli",
        "anak saya disebut pintar oleh gurunya",
    )


def test_a_ransom_to_go_home_and_a_message_that_may_be_the_last_are_read() -> None:
    assert_danger(
        "kalau adik saya mau pulang harus ditebus 50 juta kata agennya",
        "mereka bisa keluar dari sana harus menebus ratusan juta per orang",
        "tolong pak, mungkin ini pesan terakhir saya",
        "kami minta bantu pulangkan beliau, sakit lah parah di sana",
        "adik saya sakit sangat parah di kapal, tidak ada dokter",
        "maybe this is my last message, they took everything",
    )
    assert_no_danger(
        "bpkb motor harus ditebus dulu di pegadaian",
        "kalau mau pulang harus bayar tiket sendiri ya?",
        "ini video terakhir saya tahun ini, terima kasih yang sudah menonton",
    )


def test_the_word_danger_alone_is_a_signal_asking_whether_something_is_dangerous_is_not() -> None:
    assert_danger("bahaya", "bahaya!!", "Bahaya pak", "tolong bahaya", "danger", "EMERGENCY!!!")
    assert_no_danger(
        "bahaya gak?",
        "bahaya calo",
        "emergency number",
        "apakah bahaya kerja di kapal pesiar",
    )


def test_a_boat_gone_down_with_ones_own_on_board_or_not_knowing_they_are_safe_is_danger() -> None:
    """A chat tester's family (stop 40): the news of a sinking, then "anak sy ikut kapal itu",
    then "sy gk tau dia selamat atau tdk"; and an employer's hands on a worker."""
    assert_danger(
        "kapal yang bawa suami saya tenggelam di selat malaka",
        "perahu yang ditumpangi anak saya terbalik",
        "sy gk tau dia selamat atau tdk",
        "majikan nya sering pegang2 dia",
        "suami sy naik kapal kecil dr batam ke malaysia\nkata nya kapal nya tenggelam",
    )
    assert_no_danger(
        "suami sy pergi 20 thn lalu, sy gk tau dia msh hidup atau gk",  # a lost contact
        "kakak sy d deportasi, skrg d nunukan, hp nya mau mati",  # a phone's battery
        "anak saya naik kapal ke malaysia tahun lalu, tidak ada yang tenggelam kok",
        "anak sy d malaysia mau pulang lebaran tp majikan gk kasi izin",  # leave, a right
        "majikan gk kasi cuti pulang",
        "anak sy mau brgkt ke arab, sy takut dia disiksa majikan\nblm brgkt kok, msh di rumah",
        "kapal keluarga saya ada di pelabuhan",
        "majikan pegang paspor dia",
        "ada berita kapal tenggelam di batam tahun lalu",
    )


def test_a_smugglers_boat_about_to_leave_and_being_made_to_defraud_people_are_danger() -> None:
    """A chat tester's scam victims (stop 42): a crossing by small boat tonight, a friend in a
    scam compound who cannot come home; a crossing told afterwards or warned of is not."""
    assert_danger(
        "sy d pelabuhan tanjung pinang skrg, sponsor suruh naik kapal kecil malam ini ke malaysia",
        "istri sy d batam mau d brangkatin lwt jalur laut ke malaysia malam ini",
        "teman sy udh brangkat kesana skrg gk bisa pulang d suruh nipu org",
        # a second round (stop 42): SMS spelling, a beach at night, a leak at sea, gambling
        "sy dsuruh naik kpl kcl mlm ni",
        "agen suruh sy nunggu di pantai jam 2 malam, nanti dijemput boat ke malaysia",
        "anak sy di tanjung pinang mau dinaikin perahu kecil malam ini ke malaysia",
        "sy di pelabuhan, mau diselundupkan malam ini",
        "kapal kecilnya bocor, kami di laut",
        "sy kerja judi online di kamboja gk bisa pulang",
        "sy gk mau nipu org tp dipaksa",
        # a third round: any order of boat, boarding and tonight; a leak said plainly
        "besok subuh kami naik kapal kecil dr pantai ke malaysia",
        "nanti malem sy naik boat ke johor lewat jalan tikus",
        "sy skrg di pantai, disuruh nunggu boat jam 1 mlm",
        "we are told to board a small boat tonight from the beach",
        "perahu bocor",
        "air masuk ke perahu, mesin mati",
        "anak sy kerja di kamboja, katanya kerjanya judi online, dia gk bisa pulang",
        "sy disuruh ngescam org tiap hari di kamboja",
    )
    assert_no_danger(
        "Awalnya sy khawatir, dapat kabar mau diberangkatkan melalui jalur laut dari Batam",
        "dulu sponsor suruh naik kapal kecil ke malaysia",
        "klo disuruh naik kapal kecil ke malaysia jgn mau ya",
        "sy disuruh nipu umur sm calo",  # forged papers: a broker's sign, no one held
        "besok kami dijemput boat ke gili trawangan",  # a day trip to the islands
        "th 2019 sy dijemput boat jam 2 malam, skrg sy mau kerja resmi",
        "sy dulu ABK, kapalnya sering bocor di laut",
        "malam ini bapak naik perahu cari ikan",
    )


def test_the_writers_own_english_i_was_is_danger_now_unless_told_from_after() -> None:
    """ "i was raped", typed to this chat, has just happened, as "saya diperkosa" has: the
    English "was" read it as over, and a person raped or beaten got choices instead of the
    numbers (a chat tester, stop 45). A time long past, a childhood, being safe now, "before"
    or a story narrated in the past ("... I found it hard, I was locked in ...") still put it
    in the past, and someone else's "she was beaten" stays as it was."""
    assert_danger(
        "i was raped",
        "i was raped, im in taiwan",
        "i was beaten by my employer",
        "I was hit yesterday by madam",
        "i was locked in the room all day",
        "I was sexually abused",
        "we were beaten by the agent",
        "i was beaten by madam, i was so scared",
        "i was slapped by madam",
        "my brother was kicked by the captain",
    )
    assert_no_danger(
        "i was beaten by my employer in 2019",
        "I was beaten years ago by my employer",
        "i was beaten before, now i work for a good family",
        "when i was a child my uncle beat me",
        "i was beaten but now i am back home",
        "In the first year I did not get a day off. I was locked in the house and felt alone.",
        "I was whipped on my back. It was the worst year of my life.",
        "my neighbour said she was beaten by her employer",
        "i was hit by a car on the way to the market",
    )


def test_plain_english_harms_the_indonesian_rules_read_are_read() -> None:
    """ "majikan sy suka lempar barang", "nyubit sy" got the numbers; the same in plain English
    did not (a chat tester, stop 45). A party thrown at someone's house, food thrown away, the
    worker's own locking up, a ward who pinches and a day off spent inside are not danger."""
    assert_read_as(
        "kind",
        ("she throws things at me when she is angry", "violence"),
        ("my boss threw a cup at me", "violence"),
        ("she scratched my face", "violence"),
        ("madam pinches me every day", "violence"),
        ("i always get slapped when the food is late", "violence"),
        ("my employer locks the door when she goes out", "held"),
        ("they keep me in the house", "held"),
        ("sir is not letting me out", "held"),
        ("madam doesnt let me go out", "held"),
        ("she doesnt give me food", "starved"),
        ("they never give us food", "starved"),
    )
    assert_no_danger(
        "she throws away my food",
        "they throw a party at her house on sunday",
        "i lock the door when madam goes out",
        "my employer locks the door at night for safety, is that normal?",
        "grandma has dementia, sometimes she pinches me",
        "the baby scratched my face",
        "she keeps me in the house on my day off to clean",
        "madam doesnt let me eat pork",
        "she doesnt let me go out on sunday",
    )


def test_english_passives_with_the_one_who_did_it_and_joined_to_the_writers_clause() -> None:
    """A second chat tester (stop 45): "I was groped by the agent" and "I have not been paid
    and was beaten by madam" were not danger; someone else's joined "was" stays the past, and
    a game lost is no beating."""
    detector = default_detector()
    for text in (
        "I was groped by the agent",
        "I was hurt by my employer",
        "I was touched by my boss at night",
        "I have not been paid and was beaten by madam",
        "I was not paid and was beaten",
    ):
        assert detector.detect(text) is not None, text
    for text in (
        "she cried and was beaten by madam",
        "I was beaten at badminton by my friend",
        "I went to the market and was hit by a car",
        "I was not paid and was beaten by my old employer",
    ):
        assert detector.detect(text) is None, text


def test_a_wish_to_die_beside_a_harm_keeps_the_harms_kind_and_is_known() -> None:
    detector = default_detector()
    both = detector.detect("I want to die, my boss hits me every day")
    assert both is not None and both.kind == "violence" and both.wishes_to_die
    beaten = detector.detect("my boss hits me every day")
    assert beaten is not None and not beaten.wishes_to_die
    for text in ("sy mau meninggal aja", "i feel like dying", "better if i die"):
        found = detector.detect(text)
        assert found is not None and found.kind == "suicide", text


def test_a_harm_named_as_a_noun_the_person_receives_is_read() -> None:
    """ "Mendapat kekerasan", "mengalami penyiksaan", "dapat perlakuan kasar": the harm as a
    noun, as families write it, not only as a verb ("dipukul"). A story that says it never
    happened, before or after the noun, is not danger (stop 47, written)."""
    assert_read_as(
        "kind",
        ("istri sy sering dpt kekerasan dr majikan", "violence"),
        ("adik saya mengalami penyiksaan di rumah majikannya", "violence"),
        ("anak saya dapat perlakuan kasar dari agen, tolong pak", "violence"),
        ("ibu saya diperlakukan kasar oleh majikan di Riyadh", "violence"),
    )
    assert_no_danger(
        "Alhamdulillah selama kerja saya tidak pernah mengalami kekerasan",
        "soal perlakuan kekerasan, kata suami saya belum pernah ada",
        "di tempat baru saya tidak pernah diperlakukan kasar",
        "apakah PMI di taiwan sering mengalami kekerasan? sy mau daftar",
    )


def test_what_chat_testers_wrote_in_english_and_slang_in_stop_47_is_read() -> None:
    """A wish to die likened to a feeling is no likeness ("I feel like ending my life"); a
    ransom to go home, a threat for running away and a touch by the employer, in English as
    in Indonesian. Pests killed, a longing one "could die" of, and expired papers are not
    danger (chat testers, stop 47)."""
    assert_read_as(
        "kind",
        ("I feel like ending my life", "suicide"),
        ("i feel like killing myself", "suicide"),
        ("lebih baik sy tiada", "suicide"),
        ("I want to go home but the agent said I must pay RM 3000, I am in Penang now", "plea"),
        ("If I run away the police will catch me", "threat"),
        ("her employer touches her at night", "sexual"),
    )
    assert_no_danger(
        "sy mau bunuh nyamuk di mess pake apa ya",
        "sy kangen bgt sampai mau mati rasanya",
        "the baby touches her face when she sings",
        "I am killing myself at work to pay the debt",
    )


def test_expired_papers_are_not_a_death_the_learnt_model_alone_may_read() -> None:
    """ "Visa suami sy mati d dubai" is an expired visa; the plea model reads "suami ... mati"
    as danger (0.99) and the veto keeps it from the emergency reply (a chat tester, stop 47)."""
    from knowledge.danger_model import read_danger

    for text in (
        "visa suami sy mati d dubai, dia masih kerja tp bos gk mau perpanjang",
        "permit sy mati, majikan gk mau urus",
    ):
        assert read_danger(text) is None, text
    assert read_danger("visa sy mati dan sy dikurung majikan") is not None


def test_signs_of_forced_labour_together_are_trafficking_though_no_harm_is_named() -> None:
    """Papers withheld, unpaid, shut in, cut off, worked without rest, threatened, without
    papers: each alone is a problem, three together are forced labour (the ILO's indicators).
    Long English pleas of this kind got no numbers (a chat tester, stop 47). Two signs, a
    story over, or a worker not yet gone are not danger now."""
    assert_read_as(
        "kind",
        (
            "My sister works in Kuwait. The employer keeps her documents, she is not paid "
            "since March, she works from 5 am to midnight and can call us once a month.",
            "trafficking",
        ),
        (
            "my husband is on a fishing boat, they keep his passport, 8 months at sea, no "
            "contact, not paid. please help us",
            "trafficking",
        ),
        (
            "my daughter's boss locks the door at night, she has no permit and cant call us",
            "trafficking",
        ),
        ("paspor ditahan, tidak digaji, dikunci", "trafficking"),  # terse, and no rule reads it
    )
    assert_no_danger(
        "the employer keeps her passport and she is not paid yet, is that allowed?",
        "dulu majikan ambil paspor, gaji tidak dibayar, kerja 18 jam, sekarang sudah pulang",
        "majikan tahan paspor, gaji belum dibayar, 16 jam kerja, itu kata kakak sy, sy belum "
        "berangkat, masih di rumah",
    )


def test_a_debt_the_worker_is_held_by_is_a_sign_of_forced_labour() -> None:
    """A passport kept, no pay and a debt for the trip showed two signs of three (stop 56's
    list). Wages the employer owes are the unpaid sign again, not a debt the worker is held by."""
    assert_read_as(
        "kind",
        (
            "majikan pegang paspor suami sy, gaji nya tdk dibayar sama sekali, katanya dia masih "
            "punya utang biaya berangkat",
            "trafficking",
        ),
        (
            "my husband's boss keeps his passport, pays him nothing and says he owes for the trip",
            "trafficking",
        ),
    )
    assert_no_danger(
        "my employer keeps my passport, I am not paid for 3 months, she owes me my salary",
        "majikan pegang paspor sy, gaji blm dibayar, majikan masih utang gaji 3 bulan",
    )


def test_what_a_place_tester_found_in_stop_57_is_read() -> None:
    """Debt bondage with pay "not given", shut in beside a kept passport, forced to scam
    online, "not allowed out", a death threat made at home after a story at sea; a rule asked
    about in the same words is a question."""
    assert_read_as(
        "kind",
        (
            "kata agen anak sy masih utang biaya berangkat jd gajinya gk dikasih, paspornya jg "
            "dipegang agen, skrg gk bisa dihubungi",
            "trafficking",
        ),
        ("anak sy kerja di restoran cina di singapura, dikunci, paspor ditahan", "trafficking"),
        ("anak sy di kamboja disuruh nipu online", "trafficking"),
        ("they took her passport and phone and she is not allowed out", "held"),
        ("dulu kerja di kapal ikan. skrg di rumah diancam agen mau dibunuh", "threat"),
    )
    assert_no_danger(
        "kalau paspor ditahan dan gaji blm dibayar, boleh gk agen minta bayar utang?",
        "hp sy dikunci majikan, paspor dipegang majikan, normal kan?",
        "rumah majikan dikunci kalau malam, paspor dipegang majikan",
        "dulu sy diancam majikan, skrg sudah di rumah aman",
    )


def test_what_a_look_alike_tester_wrote_in_stop_57_is_read() -> None:
    """Shut in, in other words, beside one other sign; forced to do online scams; a threat of
    no harm (a creditor's, a teacher's, a family's), an animal caged, a door's rule, a song, a
    question of law."""
    assert_read_as(
        "kind",
        ("anak sy gk dikasih keluar, paspornya ditahan", "trafficking"),
        ("istri sy gk dikasih keluar sm majikan, gaji nya gk dibayar", "trafficking"),
        ("my daughter is kept inside, passport taken", "trafficking"),
        ("boleh gk majikan ngunci sy di rumah? paspor sy jg ditahan, sy takut", "trafficking"),
        ("my brother is forced to do online scams in cambodia", "trafficking"),
        ("adik sy kerja di KK park, disuruh nipu, paspor diambil", "trafficking"),
        (
            "my sister still owes the recruitment fee, they keep her passport and don't pay her",
            "trafficking",
        ),
    )
    assert_no_danger(
        "anjing tetangga dikurung terus kasian",
        "burung sy lepas dr kurungan",
        "pintu kos dikunci jam 11 malam",
        "kuncinya ilang, pintu kekunci dr dalam",
        "kata dokter sy gk boleh keluar rumah dulu, lagi sakit tifus",
        "di pondok anak sy gk boleh keluar dan hp disita, itu aturan pondok, aman kok",
        "hp anak sy disita sm sy krn main game terus",
        "debt collector dtg ke rumah ngancam narik motor krn telat cicilan",
        "sy diteror pinjol, mereka ngancam, sy tinggal di praya",
        "bapak sy ngancam gk kasih izin kerja ke luar negeri",
        "kakak sy ngancam mau bunuh ayam tetangga krn masuk kebun",
        '"mau dibunuh" itu judul lagu kan?',
        "serial netflix ttg orang disekap di kamboja",
        "kalau kerja 12 jam dan gk boleh keluar rumah, itu termasuk kerja paksa gk?",
        "what counts as forced labour? not allowed out, passport kept?",
        "apa bedanya disekap sama dikurung? lg belajar bahasa",
    )


def test_a_wish_away_is_of_its_own_sentence() -> None:
    """ "jangan sampai anak sy dijual pak, dia disekap agen" read the captive child as feared,
    not happening (a regression round, stop 57)."""
    assert_read_as("kind", ("jangan sampai anak sy dijual pak, dia disekap agen", "held"))
    assert_no_danger("jangan sampai anak sy disekap agen nanti di malaysia")


def test_what_a_blind_look_alike_round_wrote_in_stop_57_is_no_danger() -> None:
    """Older rules of a single word alarmed on these (a blind round after the stop's mends: 22
    of 120); the same words of people held or threatened still read."""
    assert_no_danger(
        "pintu kamar sy kekunci dr dalam, gmn cara bukanya ya",
        "kambing sy kabur krn pintu kandangnya gk dikunci",
        "berita td pagi ada pejabat diancam di mataram, serem jg",
        "sy dengar di kapal ikan sering diancam, gmn cari kapal yg aman",
        "anjing sy dikunci d luar semalaman, kasihan",
        "santri dikurung sebulan pas ramadhan di pesantren, ada libur gk",
        "di pabrik tempat sy kerja d lombok barat, kita gk boleh keluar pas shift",
        "dia ngancam putus kalo sy berangkat ke malaysia, gmn ya",
        "my landlord threatened to raise the rent, normal?",
        "mertua sy ngancam gk restui kalo sy kerja ke luar, gmn ngomongnya",
        "tadi ada org telp ngaku polisi, bilang sy diancam pidana, ternyata penipu, sy udah blokir",
        "sapi sy dikandangin, gk boleh keluar krn PMK",
        "kemarin listrik mati, kami kekunci d lift mall mataram 10 menit, serem tp aman",
    )
    assert_read_as(
        "kind",
        ("anak sy dikunci di kamar sama majikan", "held"),
        ("anak sy di pabrik malaysia gk boleh keluar sama sekali, tolong", "held"),
        ("istri sy diancam majikan mau dibunuh", "threat"),
    )


def test_what_stop_56_left_among_false_alarms_is_no_danger() -> None:
    """A documentary on crews ("abk" read "anak buah kapal", and "anak" as the writer's kin),
    a hospital's visiting rules, a wedding's customary payment, livestock hurt (stop 56's
    list); the same words of people still read."""
    assert_no_danger(
        "td sy nonton dokumenter ttg abk yg gk boleh turun dari kapal bertahun2",
        "di rumah sakit ada aturan harus tenang, ICU gk boleh dikunjungi sembarangan",
        "tetangga sy mau nikah, keluarga perempuan minta tebusan adat 10 juta",
        "sapi sy luka parah kena pagar, berdarah terus",
    )
    assert_read_as(
        "kind",
        ("suami sy abk, gk boleh turun dari kapal udh 2 tahun", "held"),
        ("ibu sy masuk icu di riyadh, majikan gk mau bayar", "illness"),
        ("anak sy digigit anjing, berdarah terus", "illness"),
        ("anak sy disekap, agen minta uang tebusan 50 juta", "held"),
    )


def test_what_a_third_chat_tester_wrote_in_stop_47_is_read() -> None:
    """A wish to be gone in other words, violence as an English noun with the person it
    befalls, a hand caught in a machine; a general question, a small cut and a door are not
    danger (a third chat tester, stop 47)."""
    assert_read_as(
        "kind",
        ("mending sy gk usah hidup lg", "suicide"),
        ("pengen ngilang aja dr dunia ini", "suicide"),
        ("sometimes i think everyone would be better off without me", "suicide"),
        ("my wife experienced violence at her employer's house in Taiwan", "violence"),
        ("my daughter gets rough treatment from the employer", "violence"),
        ("jari adik sy putus kena mesin di pabrik", "illness"),
        ("tangan saya luka kena mesin, bos suruh diam aja", "illness"),
    )
    assert_no_danger(
        "do migrant workers in taiwan often experience violence?",
        "luka di mesin jahit sedikit, gpp",
        "tangan sy kejepit pintu tadi",
    )


def test_long_hours_or_a_phone_kept_asked_about_as_a_rule_is_a_question() -> None:
    """ "sy kerja 16 jam sehari gk ada libur, itu normal gk?" got the emergency reply (a third
    chat tester, stop 47): asked as a rule, without a plea, it is answered as a question.
    Locked in and asked the same, or pleading, it stays danger."""
    assert_no_danger(
        "sy kerja 16 jam sehari gk ada libur, itu normal gk?",
        "hp sy diambil majikan, cuma boleh pakai hari minggu. boleh gk gitu?",
    )
    assert_read_as(
        "kind",
        ("sy dikurung di rumah, itu normal gk?", "held"),
        ("tolong pak sy kerja 18 jam tanpa libur, itu normal gk?", "trafficking"),
    )


def test_long_hours_with_a_question_of_changing_employer_is_a_question() -> None:
    """ "sy kerja 16 jam, gaji telat, bisa pindah majikan gk?" got the emergency reply (a chat
    tester, stop 47): whether one may change employer is asked, not help now."""
    assert_no_danger(
        "sy kerja 16 jam, gaji telat, bisa pindah majikan gk?",
        "i work 16 hours no day off, can i change employer?",
    )
    assert_read_as(
        "kind",
        ("sy dikurung majikan, bisa pindah majikan gk?", "held"),
        ("tolong sy kerja 18 jam, bisa pindah majikan gk?", "trafficking"),
    )


def test_a_fishing_crew_kept_on_board_is_danger() -> None:
    """A captain who lets no one ashore, or a crew's passport kept with months unpaid, got the
    Korea job guide and the wages text (a chat tester, stop 48)."""
    assert_read_as(
        "kind",
        ("sy ABK kapal ikan, skrg sandar d busan, kapten gk kasih turun", "held"),
        ("kami tidak boleh turun dari kapal sudah 6 bulan", "held"),
        ("we are not allowed to go ashore for 8 months", "held"),
        ("sy ABK d kapal cina, paspor dipegang kapten, gaji blm dibayar 5 bln", "trafficking"),
    )
    assert_no_danger("harga cabe gk boleh turun", "sy abk kapal taiwan, gaji telat sebulan")


def test_things_given_back_and_plans_to_send_home_are_not_a_person_held() -> None:
    """ "agensi lama gk mau kasih balik dokumen sy" is documents kept, and "majikan blg mau
    pulangin sy" an early end of contract; both got the emergency reply (a chat tester, stop
    48). Asked to be sent home, or kept from going, it stays danger."""
    assert_no_danger(
        "sy d hk mau pindah agensi, agensi lama gk mau kasih balik dokumen sy",
        "sy d taiwan, majikan blg mau pulangin sy sebelum kontrak habis",
    )
    assert_danger("majikan gk kasih sy pulang", "majikan jahat, pulangkan saya pak")


def test_a_child_hit_at_school_or_a_holiday_refused_is_not_danger_now() -> None:
    """A classmate's blow at school got the emergency reply with the missions' numbers, and so
    did a holiday home refused after eight years (chat testers, stop 48). Not let go home, or
    hit by the employer, stays danger."""
    assert_no_danger(
        "anak sy dipukul temannya di sekolah, sy hrs lapor kemana",
        "sy d arab saudi udh 8 thn, gaji dibayar tp sy kangen anak, majikan gk kasih cuti pulang",
        "majikan tidak mau kasih pulang lebaran",
    )
    assert_danger("saya dipukul majikan", "majikan gk kasih sy pulang")


def test_held_on_board_or_beaten_in_other_words_a_tester_tried() -> None:
    """A tester's other words for this stop's mends (stop 48): the Sasak passive, "d bolehin"
    written apart, months at sea never ashore, and English. A ferry's cargo, a fishing boat's
    day at home and a holiday refused in Sasak are not danger."""
    assert_danger(
        "inaq tiang tepukul siq majikan na d malaysia",
        "tiang te pukul isiq majikan",
        "sy gk d bolehin pulang sama majikan",
        "anak sy ABK, udh 8 bln d laut gk pernah turun, paspornya d pegang kapten",
        "anak sy kerja d kapal ikan, udh 1 thn gk pernah mendarat, gaji gk d bayar",
        "we re at sea, the captain won t let us off the ship",
        "tiang lagi di laut, ndek bau turun",
    )
    assert_no_danger(
        "sy nyebrang ke bali naik kapal, kapten gk kasi turun motor sy",
        "sy nelayan d pantai labuhan haji, tiap hari d tengah laut, kapten perahu gk kasih turun "
        "sblm ikan dpt",
        "majikan ndak bau beng cuti pulang",
        "te pukul 9 pagi",
    )


def test_a_weapon_a_child_taken_by_a_broker_and_cant_leave_in_other_words_are_danger() -> None:
    """A danger chat tester's misses (stop 50): a knife brought to the room, a child's age told
    after the taking or without "umur", someone claiming to be a sponsor, "cant" without its
    apostrophe. A safe home now, a knife packed, a request to be phoned are not danger."""
    assert_danger(
        "pak ada org arab ngaku majikan dtg ke kamar sy bawa pisau",
        "my boss came to my room with a knife",
        "ana nahu di bawa calo ke jakarta umur 15 thn, gk bisa d hubungi lg",
        "anak sy perempuan 17 thn d bawa tekong ke malaysia tanpa paspor",
        "tetangga sy anak gadisnya 14 thn d bawa org ngaku sponsor, mau d jadikan TKW",
        "we are stuck in a house in kota kinabalu, the boss says we cant leave until we pay",
    )
    assert_no_danger(
        "boleh gk bawa pisau lipat di koper ke taiwan?",
        "I was abused by my employer in Saudi in 2018, I am home safe now, can I still claim "
        "compensation?",
        "ini nomor sy 081934567890 tolong telpon sy pak, sy gk ngerti hp",
        "sy udah 15 thn kerja di malaysia, dulu berangkat lewat sponsor",
    )


def test_restraint_a_runaway_hiding_and_pills_swallowed_in_english_chat_are_danger() -> None:
    """An English chat tester's misses (stop 50). Pills for a headache, locking a door oneself
    or being locked out, a gold chain and tying one's hair are not danger."""
    assert_danger(
        "pls help i am in Saudi, my boss lock me and take my passport",
        "my boss in Malaysia chain me in the house when he go out, pls help me",
        "my employer tie my hand with rope in Riyadh when she go out",
        "majikan ikat tangan sy pake tali",
        "majikan sy rantai kaki sy",
        "madam i run away from employer in Jeddah, now in street",
        "ma'am i run away from employer in Singapore, now i am hiding under staircase",
        "pls help my friend in Hong Kong swallow pills, she not answer phone",
        "teman sy minum obat banyak, gk sadar",
    )
    assert_no_danger(
        "she swallow pills for headache every day",
        "i lock the door when madam goes out",
        "my boss lock me out of the house",
        "kalung rantai emas sy diambil majikan",
        "sy ikat rambut dulu",
        "dulu sy kabur dari majikan, sekarang sudah di rumah",
    )


def test_a_wish_that_something_else_not_happen_after_a_harm_keeps_the_harm() -> None:
    """ "jangan sampai kades tau" after a rape told made it "not yet happened" (a family chat
    tester, stop 50); before the harm it still wishes the harm away."""
    assert_danger("dia diperkosa anak majikan, jangan sampai kades tau krn sponsornya ipar kades")
    assert_no_danger("jangan sampai anak sy dipukul majikan", "amit amit kalau diperkosa")


def test_poison_got_ready_ending_it_all_and_not_wanting_to_live_are_a_wish_to_die() -> None:
    """A danger chat tester's misses (stop 51), and what must stay calm beside them."""
    assert_read_as(
        "kind",
        ("adik sy udh beli racun katanya, dia d taiwan", "suicide"),
        ("sy gk kuat lg, pengen mengakhiri semuanya", "suicide"),
        ("my daughter in hong kong said she doesnt want to live anymore", "suicide"),
        ("majikan marah2 trs tiap hari, sy gk kuat lg pengen mengakhiri semuanya", "suicide"),
    )
    assert_no_danger(
        "sy beli racun tikus di pasar",
        "mau mengakhiri semua kontrak dgn agen",
    )


def test_a_tester_s_everyday_messages_with_words_of_harm_are_not_danger() -> None:
    """Killing time, a divorce threatened, debts one is caught in, money or a deadline called
    urgent, a dream, a phone kept during an exam asked about as a rule, a door locked with a
    key given (a danger and an English chat tester, stop 51)."""
    assert_no_danger(
        "sy mau bunuh waktu sambil nunggu visa, ada pelatihan gk",
        "sy mau jd pmi tp suami gk izinin, dia ngancam cerai, gmn dapet izin keluarga",
        "pak sy terjebak utang rentenir buat biaya calo dulu, skrg mau pinjam kur",
        "darurat pak, besok hari terakhir pendaftaran pelatihan, gmn caranya",
        "pak tlg bantu sy darurat butuh uang, bisa pinjam KUR gk",
        "kemarin sy mimpi dipukul majikan, apa itu pertanda buruk? sy mau brgkt bulan depan",
        "hp sy disita panitia pas ujian eps topik korea, itu wajar kan?",
        "my employer locked the door when she go out for 1 hour, she give me key to the back "
        "door. is it ok? i still can go out on sunday",
    )
    assert_danger(
        "darurat pak anak sy dikurung",
        "majikan kunci pintu kalau dia pergi, sy gk bs keluar",
        "hi po, HK helper here. got fever 39 and cough 1 week, employer no want bring me to "
        "doctor, say i lazy. still must work",
    )


def test_held_and_unfed_in_sasak_and_mbojo_are_read() -> None:
    """A family chat tester's misses (stop 51); going abroad refused is not being held."""
    assert_read_as(
        "kind",
        ("pak, anak ku d arab ndek bau lalo kluar, hp na te ambil majikan", "held"),
        ("ana nahu di malaysia ede, na kurung ba majikan, wati wa'a ngaha", "held"),
    )
    assert_no_danger(
        "tiang ndek bau lalo keluar negeri krn blm punya paspor",
        "hp na kurung d lemari",
    )


def test_a_parent_ill_at_home_a_former_employer_and_a_ticket_unpaid_are_not_danger() -> None:
    """A reason to go home, a runaway long past, a return ticket owed (a family chat tester,
    stop 51); ill in the employer's house, or in a hospital abroad, still is."""
    assert_no_danger(
        "inaq tiang sakit keras d rumah, tiang mau pulang dr malaysia gmn",
        "suami sy kabur dr majikan lama, skrg kerja d malaysia tanpa permit, gmn caranya pulang",
        "kontrak anak sy udh habis d brunei tp agensi gk mau beliin tiket pulang",
    )
    assert_danger(
        "sy sakit keras d rumah majikan, gk dibawa ke dokter",
        "adik sy sedang kritis di rumah sakit malaysia",
        "majikan gk mau kasih sy pulang",
        "sy kabur dari majikan, skrg di jalan",
    )


def test_off_to_work_abroad_by_the_back_way_is_not_fleeing() -> None:
    """A prospective-migrant chat tester (stop 51); fleeing to the mission or an employer is."""
    assert_no_danger("sy mau kabur aja ke malaysia lwt jalur tikus, lbh murah kt tmn")
    assert_danger("sy mau kabur ke kbri", "sy mau kabur dari majikan")


def test_a_wish_to_die_in_the_words_of_a_chat_tester_after_the_danger_reply() -> None:
    """Stop 51: poison and no way left, no point in living, a jump thought of, all better off
    without one, a will, a farewell, a burden; rat poison bought at the market is not one."""
    for text in (
        "sy udh beli racun tikus, gk tau lg hrs gmn",
        "what is the point of living, i want it all to end",
        "kadang sy mikir loncat dr lantai 20 apartemen majikan biar selesai semua",
        "sy ngerasa semua org lebih baik tanpa sy",
        "kalau sy gk ada, semua masalah selesai kan bu",
        "sy udah nulis surat wasiat buat anak2 sy",
        "my mom in saudi keeps saying she is a burden and we would be better off without her",
        "istri sy d malaysia kirim pesan pamit, minta maaf sm anak2, skrg gk bisa dihubungi",
    ):
        assert_read_as("kind", (text, "suicide"))
    assert_no_danger(
        "lebih baik tanpa agen", "what is the point of paying agency", "sy beli racun tikus"
    )


def test_a_benefit_for_victims_asked_of_a_story_over_is_not_danger() -> None:
    """A family chat tester (stop 51): the harm was over, "korban kekerasan" named who the
    benefit is for."""
    assert_no_danger(
        "Pak sy mau tanya, adik sy dulu thn 2022 pernah disekap dan dipukuli majikan d Arab, sdh "
        "pulang alhamdulillah thn 2023. Tp skrg sy baca ada santunan BPJS utk korban kekerasan. "
        "Apa dia masih bisa klaim?"
    )
    assert_danger("anak sy mengalami kekerasan d arab")


def test_the_broker_held_by_the_police_is_not_the_worker_detained() -> None:
    """A sponsor held by the police is justice done; the worker held by it is still detained (a
    long-plea chat tester, stop 52)."""
    assert_no_danger(
        "sy korban TPPO thn 2022, dulu dibawa ke Irak sama sponsor, skrg sdh pulang 2023 dan "
        "sponsornya sdh ditahan polisi, kasusnya lagi sidang",
        "calonya sudah ditahan polisi kemarin",
    )
    assert_read_as("kind", ("anak sy ditahan polisi malaysia", "detained"))


def test_a_rope_made_ready_and_all_the_pills_are_a_wish_to_die() -> None:
    assert_read_as(
        "kind",
        ("semalam sy udah siapin tali d kamar mandi asrama, sy pengen selesai aja", "suicide"),
        ("tonight I will take all the pills in the cabinet", "suicide"),
    )
    assert_no_danger("tolong pasang tali jemuran di belakang rumah majikan bisa gk")


def test_not_eaten_since_yesterday_is_starved_but_not_since_the_morning() -> None:
    """A chat tester of short questions, stop 52."""
    assert_read_as("kind", ("sy lapar blm makan dr kemarin", "starved"))
    assert_no_danger(
        "sy blm makan dr pagi, sibuk bgt",
        "sy blm makan dr kemarin krn sibuk packing, besok berangkat ke taiwan",
        "sy blm makan dr kemarin pak, lg puasa sunah, mau tanya syarat ke korea",
    )


def test_a_leap_to_another_employer_and_all_over_before_going_home_are_not_a_wish_to_die() -> None:
    """A regression tester after the danger reply, stop 52; the chat spellings of a wish to
    die are read."""
    assert_no_danger(
        "sy mau loncat ke majikan lain di hongkong boleh gk",
        "kontrak sy di hongkong udh mau abis, sy mau selesai aja semuanya trus pulang buka warung",
    )
    assert_read_as(
        "kind",
        ("sy gk mau idup lg", "suicide"),
        ("kepikiran bundir terus pak", "suicide"),
        ("sy pengen bnh diri", "suicide"),
    )


def test_a_former_victim_home_and_an_offender_sentenced_are_over() -> None:
    """A regression tester after the danger reply, stop 52; held again is danger again."""
    assert_no_danger(
        "sy mantan korban perdagangan orang, sdh 2 th di kampung, mau usaha, ada pinjaman kur gk",
        "kasus anak sy yg dijual ke kamboja, pelakunya divonis 5 th, restitusi kapan cairnya",
    )
    assert_read_as("kind", ("sy mantan korban tppo, skrg sy dikurung lagi sama majikan", "held"))


def test_touched_over_and_over_is_sexual_abuse_but_a_phone_handled_is_not() -> None:
    """A regression tester after the danger reply, stop 52."""
    assert_read_as(
        "kind", ("anak sy di taiwan dipegang2 anak majikan, dia gk nyaman, hrs gmn", "sexual")
    )
    assert_no_danger("hp sy dipegang2 anak majikan", "barang2 sy dipegang dipegang terus")


def test_a_door_locked_at_night_for_safety_is_not_being_held() -> None:
    """A chat tester, stop 53: a kind employer's door locked at night got the numbers."""
    assert_no_danger(
        "majikan sy baik bgt, cuma pintu d kunci malam biar aman. sy mau tanya cara kirim uang"
    )
    assert_read_as("kind", ("pintu d kunci biar sy gk kabur", "held"))


def test_being_made_to_end_a_pregnancy_is_a_threat_but_a_question_of_it_is_not() -> None:
    """A chat tester, stop 53: "go home or abortion" got Taiwan's wages."""
    assert_read_as(
        "kind",
        (
            "Hello po, I am pregnant 3 months here in taiwan factory. my agency say i must go "
            "home or abortion. what can i do?",
            "threat",
        ),
        ("majikan suruh sy gugurin kandungan", "threat"),
    )
    assert_no_danger("apakah aborsi dilarang di malaysia")


def test_a_flight_from_the_employer_told_from_home_is_over() -> None:
    """ "skrg sdh d rumah", with "d" as typed, was not read as home (a chat tester, stop 53)."""
    assert_no_danger(
        "ponakan sy sudah pulang pak, kabur dr majikan krn gk digaji, skrg sdh d rumah"
    )
    assert_read_as("kind", ("sy d rumah majikan, sy kabur dr majikan tp dikejar", "plea"))


def test_the_last_message_a_family_got_is_not_a_farewell() -> None:
    """ "pesan terakhirnya bulan juli" and "her last message was 3 weeks ago" got the numbers
    for a wish to die (a chat tester, stop 53); one's own last message keeps them."""
    assert_no_danger(
        "pak anak sy di malaysia sdh 2 bln gk ada kabar, pesan terakhirnya bulan juli katanya "
        "mau pindah kerja",
        "her last message was 3 weeks ago",
    )
    assert_read_as(
        "kind",
        ("ini pesan terakhir sy, maafkan sy ma", "suicide"),
        ("this is my last message, goodbye", "suicide"),
    )


def test_swallowing_as_typed_and_a_husband_beaten_where_he_works_are_danger() -> None:
    """ "nelen" got "maaf", and "my husband in malaysia was beaten" was read as the past (a
    regression tester, stop 53); one tablet a morning is no overdose."""
    assert_read_as(
        "kind",
        ("sy udh nelen pil banyak", "suicide"),
        ("adik sy nelen racun d saudi", "suicide"),
        ("dia udh minum obat sakit kepala 10 biji", "suicide"),
        ("my husband in malaysia was beaten by his boss", "violence"),
    )
    assert_no_danger("sy nelen obat 1 tablet tiap pagi", "anak sy nelen permen karet")


def test_a_stroke_already_in_a_hospitals_care_is_not_danger_now() -> None:
    """Told to go to a hospital now, with a bill the question (a family danger tester, stop
    53); bleeding not taken to one still is."""
    assert_no_danger(
        "bapak mertua sy sakit stroke, skrg dirawat d rumah sakit taichung, tagihannya 200 "
        "juta, siapa yg bayar"
    )
    assert_read_as("kind", ("istri sy pendarahan d rumah majikan, gk dibawa ke rs", "illness"))


def test_ones_own_saliva_swallowed_is_not_being_spat_on() -> None:
    """A sore throat got the numbers (a false-positive tester, stop 53)."""
    assert_no_danger("nelen ludah aja susah krn sakit gigi, bisa lolos medical gk")
    assert_read_as("kind", ("majikan ludahin sy tiap hari", "violence"))


def test_a_house_that_is_not_home_is_no_safety() -> None:
    """ "skrg di rumah penampungan" was read as "now at home", safe (a pre-departure tester,
    stop 54); home itself still is."""
    assert_read_as(
        "kind",
        (
            "sy dijual sponsor ke agen lain di batam, skrg di rumah penampungan gk boleh keluar",
            "held",
        ),
        ("skrg di rumah majikan baru, gk boleh keluar", "held"),
    )
    assert_no_danger("anak sy kabur dr majikan, skrg di rumah sy aman")


def test_let_me_die_said_with_aja_is_a_wish_to_die_but_a_phone_that_dies_is_not() -> None:
    """ "mati aja lah sy pak, udh bayar 25jt ..." got the failed departure only (a
    pre-departure tester, stop 54)."""
    assert_read_as(
        "kind",
        (
            "mati aja lah sy pak, udh bayar 25jt ke sponsor gk jadi brgkt, tanah udh digadai",
            "suicide",
        ),
        ("biar sy mati aja pak", "suicide"),
    )
    assert_no_danger(
        "hp sy mati aja dari kemarin", "motor mati aja sy dorong", "biar sy mati lampunya"
    )


def test_a_parent_ill_at_home_of_someone_about_to_leave_is_not_danger() -> None:
    """A pre-departure tester, stop 54: a mother's illness, the reason to go, got the
    numbers; a worker ill abroad and not taken to a doctor still does."""
    assert_no_danger(
        "ibu sy sakit keras, sy mau brgkt kerja buat biaya berobat",
        "bapak sy kritis di rs, sy jd ragu mau brgkt ke hongkong",
    )
    assert_read_as("kind", ("anak sy sakit keras di malaysia gk dibawa ke dokter", "illness"))


def test_a_child_taken_across_by_the_back_way_is_trafficking() -> None:
    """A danger-in-stories tester, stop 54: a child taken to the harbour tonight, or gone with
    a friend to work abroad, got the minimum age or "not sure"."""
    assert_read_as(
        "kind",
        ("ponakan sy 17 thn lg d nunukan mau nyebrang ke tawau malam ini sm tekong", "trafficking"),
        (
            "cucu tiang umur 16 ndeq tao lek mbe, kata sponsor wah dibawa ojok pelabuhan lembar",
            "trafficking",
        ),
        (
            "adek ku yg msh SMP di ajak temennya kerja ke malaysia lewat batam, udh brgkt td pagi",
            "trafficking",
        ),
        (
            "my cousin is 16 and an agent is taking him to the harbour tonight to cross to "
            "malaysia by boat",
            "trafficking",
        ),
        (
            "barusan calonya dtg, adik sy udh dibawa ke pelabuhan malam ini katanya lgsg nyebrang",
            "trafficking",
        ),
    )
    assert_no_danger(
        "adik sy 16 thn mau sekolah di malaysia",
        "adik sy umur 16 mau ikut lomba ke malaysia sm sekolahnya, perlu paspor gk",
        "anak sy 17 thn mau nyebrang ke bali liburan",
        "anak sy umur 17 diajak temennya kerja ke malaysia, boleh gk pak?",
        "suami sy 35 thn dibawa ke pelabuhan sm temennya",
    )


def test_moved_far_by_the_agent_and_out_of_reach_since_is_trafficking() -> None:
    """Lost contact after being moved far away was never urgent (a danger-in-stories tester,
    stop 54); a move with news since is not danger."""
    assert_read_as(
        "kind",
        (
            "anak saya hilang kontak 2 bulan di malaysia, terakhir katanya dipindah ke rumah lain "
            "yg jauh sm agen, skrg hp nya mati trs",
            "trafficking",
        ),
        (
            "my brother in saudi hasnt called for 6 weeks, last time he said he was moved to "
            "another house far away",
            "trafficking",
        ),
        ("dia dibawa agen ke tempat lain, gk tau dimana, hp nya mati", "trafficking"),
    )
    assert_no_danger(
        "sy dipindah ke cabang lain krn promosi, hp sy rusak",
        "anak sy dipindah majikan ke rumah lain, skrg baik2 aja",
    )


def test_locked_in_by_the_employer_in_sasak_and_mbojo_and_a_room_entered_at_night() -> None:
    """A danger-in-stories tester, stop 54."""
    assert_read_as(
        "kind",
        ("inaq, anak tiang kekunci isiq majikan ne, ndeq ne kanggo mangan telu jelo", "held"),
        ("ana mada d saudi wati wara kabar 2 wura, katanya dikunci ba majikan", "held"),
        (
            "istri sy d hongkong baik2 aj, cuma kmrn dia bilang majikan laki2nya sering masuk "
            "kamarnya malam2 pas istrinya gk d rumah, dia takut",
            "sexual",
        ),
    )
    assert_no_danger(
        "hp sy dikunci sama agen", "majikan sy masuk kamar buat ambil barang pas siang"
    )


def test_a_school_rule_a_broken_phone_halal_food_and_a_hotels_guests_are_not_danger() -> None:
    """False alarms a danger-in-stories tester found, stop 54."""
    assert_no_danger(
        "hp anak sy disita guru di pondok, gmn cara hubungi dia",
        "gk ada makanan halal d asrama sy d taiwan, gmn ya",
        "HP sy rusak jd gk bs hubungi keluarga 2 minggu, skrg udh beli baru",
        "bos sy bilang sy hrs melayani tamu hotel dgn ramah, sy kerja d hotel d dubai resmi",
    )
    assert_read_as(
        "kind",
        ("hp sy disita majikan, gk boleh hubungi keluarga", "held"),
        ("sy dipaksa melayani tamu laki2 tiap malam", "sexual"),
    )


def test_a_harm_of_yesterday_told_by_someone_safe_home_now_is_over() -> None:
    """ "istri sy udh d rumah skrg, kmrn d rumah majikan gk boleh keluar" and "I am back home
    now ..., the shelter did not let me out" got the numbers (a look-alike tester, stop 54);
    yesterday's harm of someone else, or without a word of safety, is danger."""
    assert_no_danger(
        "alhamdulillah istri sy udh d rumah skrg, kmrn d rumah majikan gk boleh keluar. skrg mau "
        "urus gaji yg blm dibayar 3 bln",
        "I am back home now in Lombok, the shelter in Jakarta did not let me out for 2 months. "
        "How can I get my money back from the agency?",
        "sy udh d rumah skrg pak, td sy d penampungan tp udh dijemput keluarga. skrg mau lapor "
        "agen nya",
    )
    assert_read_as(
        "kind",
        ("sy udh d rumah skrg, tp adik sy kemarin dikunci majikan di malaysia", "held"),
        ("anak sy kemarin dipukul majikan", "violence"),
    )


def test_an_iron_fetched_and_a_dead_phone_in_sasak_are_not_danger() -> None:
    """A look-alike tester, stop 54; burned with an iron still is."""
    assert_no_danger(
        "majikan sy masuk kamar sy siang td mau ambil setrika, wajar gk sih pak",
        "baju majikan hrs disetrika tiap hari",
        "hp ku mate, ndeq bau nelpon inaq ku leq malaysia. ape kanggo?",
    )
    assert_read_as("kind", ("tangan sy disetrika majikan", "violence"))


def test_a_child_gone_with_a_broker_to_a_harbour_or_an_airport_is_trafficking() -> None:
    """Wordings a look-alike and an open-report tester found missed (stop 54); a child going
    to fetch a parent or to trade at the harbour is not."""
    assert_read_as(
        "kind",
        (
            "anak sy 15 thn pergi sama sponsor ke pelabuhan sape td subuh, katanya mau kerja "
            "ke malaysia",
            "trafficking",
        ),
        (
            "My little brother is only 14, a man from the village took him to Lembar harbour "
            "last night to work on a palm oil plantation in Malaysia",
            "trafficking",
        ),
        (
            "ana sy umur 16 ne, lao ba sponsor ke pelabuhan bima, mau dikirim kerja k malaysia",
            "trafficking",
        ),
        ("anakku masih SD kelas 6 wah te ajak isiq sponsor jok pelabuhan kayangan", "trafficking"),
        (
            "pak ada anak tetangga d bawa orang ke surabaya td malam katanya mau d kirim ke arab, "
            "umurnya 16",
            "trafficking",
        ),
    )
    assert_no_danger(
        "anak sy 17 thn mau ke bandara jemput bapaknya",
        "anak sy umur 16 ikut pamannya ke pelabuhan lembar jualan",
        "adik sy 16 thn dianter bapak ke bandara mau sekolah di jakarta",
    )


def test_moved_far_and_held_in_other_words_and_in_sasak() -> None:
    """A look-alike tester, stop 54."""
    assert_read_as(
        "kind",
        (
            "My wife was moved by the agency to another employer far away in Saudi and since "
            "then we cannot reach her at all",
            "trafficking",
        ),
        (
            "semame ku leq arab te pindah isiq agen jok bale lain saq jaoq, sejak nu ndeq bau te "
            "hubungi",
            "trafficking",
        ),
        (
            "agen mindahin adik sy ke tempat lain jauh d pedalaman sabah, sejak itu hilang kabar",
            "trafficking",
        ),
        ("inaq ku leq bale penampungan leq jakarta, ndeq te bau sugul, wah 3 bulan", "held"),
        (
            "majikan ku mame sering tame jok kamar ku lamun bian, aku takut pak, leq taiwan",
            "sexual",
        ),
    )
    assert_no_danger("sy mau jok pasar dulu", "aku tame jok kamar ku")


def test_taken_by_a_broker_with_the_age_after_or_across_by_boat_is_trafficking() -> None:
    """A danger regression tester, stop 54."""
    assert_read_as(
        "kind",
        ("anak sy dibawa tekong ke pelabuhan lembar, umur 16", "trafficking"),
        (
            "pak adik sy dibawa sponsor ke bandara lombok praya, blm 17 thn, mau d berangkatkan "
            "ke arab",
            "trafficking",
        ),
        ("anak sy dibawa calo ke pelabuhan lembar", "trafficking"),
        ("ank sy dibawa tekong nyebrang pake perahu ke tawau", "trafficking"),
        ("my son was taken by a broker to the harbour", "trafficking"),
        (
            "adik sy 15 thn udh d tawau, dibawa tekong lwt nunukan, kerja d kebun sawit gk digaji",
            "trafficking",
        ),
        ("anak sy dipindah agen jauh ke sabah, udh 2 bulan gk ada kabar", "trafficking"),
        (
            "my sister was moved by the agent to a far city and we have not heard from her for "
            "2 months",
            "trafficking",
        ),
    )
    assert_no_danger("sponsor antar anak sy ke bandara buat berangkat resmi lewat PT")


def test_a_wish_to_die_after_the_words_of_safety_is_still_danger() -> None:
    """ "dulu dipukul majikan, skrg udh d rumah, tp kadang pengen mati aja" got the abuse
    page only (a danger regression tester, stop 54); safe home with no such wish is over."""
    assert_read_as(
        "kind",
        ("sy trauma, dulu dipukul majikan, skrg udh d rumah, tp kadang pengen mati aja", "suicide"),
    )
    assert_no_danger(
        "yesterday my employer slapped me but now im home in lombok and safe, can i get "
        "compensation?",
        "kmrn sy dipukul suami, skrg sy d rmh ortu, aman. mau kerja ke hongkong syaratnya apa",
    )


def test_children_travelling_or_trained_with_family_teachers_or_for_school_are_not_trafficked() -> (
    None
):
    """A false-alarm tester, stop 54: this stop's rules for children taken by the back way
    alarmed on everyday trips."""
    assert_no_danger(
        "cucu sy umur 12 dibawa pamannya ke pelabuhan jual ikan",
        "anak sy 15 thn dibawa orang ke pelabuhan kayangan, naik kapal ke sumbawa pulang kampung "
        "ke rumah neneknya",
        "my son is 16, his uncle took him to the harbour to sell fish this morning",
        "adik sy 16 thn naik perahu ke gili tiap hari jualan gelang ke turis",
        "my brother 17 is going with his school by boat to Gili Trawangan for a study trip",
        "anak sy 16 thn ikut kemah pramuka d pulau, nyebrang naik perahu",
        "anak sy dibawa sponsor ke BLK d mataram, umur 17, buat pelatihan aja dulu blm brgkt",
        "anak saya 17 thn dijemput sponsor utk daftar LPK, nanti brgkt kalau udh 18",
        "kalau ada anak umur 15 dibawa calo ke pelabuhan, itu termasuk TPPO gk pak? sy guru",
        "anak sy umur 16 kemarin diajak calo ke pelabuhan tp sy larang, skrg anaknya d rumah",
        "pak anak sy umur 16, pengen kerja ke jepang nanti. besok dia mau mancing sama "
        "temen2nya naik perahu ke gili",
    )


def test_a_dream_told_is_not_danger_now() -> None:
    """A false-alarm tester (stop 55): a parent's nightmare, in Indonesian, Sasak and
    English, with the child well this morning; the same harm told awake still is."""
    assert_no_danger(
        "pak sy semalem mimpi anak sy disekap majikan d malaysia, sy jd kepikiran. tp td pagi "
        "dia vc sehat2 aja. gmn cara sy tau dia aman?",
        "tiang mimpi semalem anak tiang te kunci isiq majikan lek malaysia, laguk ye baruq "
        "telpon, ye sehat-sehat doang. ape ye pertanda?",
        "I had a nightmare that my daughter was locked up by her employer in Malaysia. She "
        "called this morning and she is fine. How can I check on her regularly?",
        "sy mimpi anak sy disekap majikan, apa itu tanda ya pak",
    )
    assert_danger(
        "anak sy disekap majikan d malaysia, td pagi dia vc nangis",
        "tolong pak, sy mimpi buruk tiap malam, skrg anak sy disekap majikan",
    )


def test_everyday_words_of_urgency_and_weariness_are_not_danger() -> None:
    """A false-alarm tester (stop 55): "SOS"/"darurat" before a test or missing papers,
    fainting at the medical, a teacher or officer asking how to help. Tiredness said as "mau
    mati rasanya" and a complaint quoted laughing stay danger: the look-alike tester after
    them found despair and an employer laughing while he hit read as nothing."""
    assert_no_danger(
        "SOS pak besok sy tes EPS korea, blm hafal kosakata, gmn ya",
        "darurat pak dokumen sy kurang 1 yaitu surat izin suami, besok hrs setor ke PT",
        "SOS pak, sy ditipu calo 15jt, gk jd brgkt",
        "pak sy pingsan pas medical td d mataram, krn blm sarapan. apa bs tes ulang?",
        "I fainted at the medical check today in mataram, can i take it again?",
        "sy petugas desa d sumbawa. klo ada warga lapor anaknya dipukul majikan d luar negeri, "
        "sy hrs arahin kmn ya? buat pegangan aja",
        "I am a teacher in Mataram. How can I help students recognise trafficking and fake "
        "recruiters? any materials?",
    )
    assert_danger(
        "SOS pak sy dikunci majikan",
        "darurat pak, anak sy dipukul majikan",
        "sy gk kuat lg, mau mati rasanya",
        "anak sy pingsan di rumah majikan gk dibawa ke dokter",
        "adik sy sedang kritis di rumah sakit malaysia",
    )


def test_a_child_sent_by_a_broker_or_made_older_on_paper_is_trafficking() -> None:
    """A false-alarm tester's missed danger (stop 55): a child of 16 to be sent by a sponsor
    tomorrow with the age made older on the family card; a past, a question and a school
    trip are not."""
    assert_danger(
        "pak keponakan sy baru 16 thn mau diberangkatin sponsor besok subuh ke malaysia lwt "
        "batam, umur dituakan d KK. ortunya udh dikasih uang. gmn cegahnya?",
        "anak tetangga umurnya 15 mau dikirim calo ke arab minggu dpn",
        "they faked her age on the passport, she is only 16 and leaving for saudi tomorrow",
    )
    assert_no_danger(
        "umur sy dulu dituakan pas brgkt ke malaysia thn 2010, skrg mau bikin paspor baru gmn",
        "boleh gk umur dituakan biar bs daftar ke taiwan?",
        "anak sy 17 thn mau dikirim sekolah ke jawa sama pamannya",
    )


def test_a_friend_harmed_is_told_of_as_kin_is() -> None:
    """ "was" with a friend as its subject read as the past (an English tester, stop 55)."""
    assert_danger("my friend was raped by her employer in hong kong, what do i do")
    assert_no_danger(
        "my friend was beaten by her employer last year but now she is fine and back home"
    )


def test_danger_beside_the_words_that_excuse_look_alikes_is_still_danger() -> None:
    """A danger look-alike tester after the first mends (stop 55): laughter, a teacher's own
    student, a resident's case told now, a plea after "SOS", a harm that causes the dreams, a
    worker still unconscious after fainting at a medical check abroad."""
    assert_danger(
        "my employer was laughing while he hit me yesterday",
        "adik sy nelpon nangis, majikannya ketawa ketawa sambil mukul dia",
        "sy guru, murid sy umur 16 mau diberangkatkan calo malam ini",
        "pak sy kadus, ada warga sy lapor barusan anaknya dikunci majikan di malaysia skrg, gmn",
        "SOS pak butuh bantuan skrg",
        "darurat pak perlu bantuan segera",
        "I keep having nightmares because my daughter is locked in by her employer in Dubai",
        "sy mimpi buruk tiap mlm krn anak sy dikunci majikan di arab",
        "adik sy pingsan pas medical check di klinik majikan di taiwan, skrg blm sadar",
        "umur anak sy dituakan d KK sm sponsor, dia baru 16, mau brgkt bulan dpn ke arab",
        "my niece is 16, her father wants to send her with a sponsor to Malaysia next week",
        "my sister is only 16 and the sponsor will send her to saudi next week",
        "my daughter is 15 and the agent wants to send her abroad as a maid",
    )
    assert_no_danger(
        "my son is 17, can an agency send him to japan for school",
        "our school sends 16 year old students with the sponsor to singapore for a study tour",
    )


def test_law_questions_rumours_school_work_and_age_rules_are_not_danger() -> None:
    assert_no_danger(
        "hukuman buat majikan yg mukul TKW apa pak?",
        "berapa tahun penjara buat orang yg nyekap TKW?",
        "di grup WA rame TKW NTB dikurung majikan di malaysia, itu beneran gk?",
        "my teacher asked us to write an essay about trafficking of children, what should I write",
        "bu guru, td ada murid sy pingsan pas upacara",
        "istri sy jualan sos tomat di pasar, sy mau ke malaysia, gmn caranya",
        "sy perawat IGD, instalasi gawat darurat, mau kerja ke jepang jd caregiver bisa gk",
        "apa benar batas usia PMI dinaikkan jadi 21 thn?",
        "can I get my birth date changed on my passport because it is wrong",
        "is it illegal if they faked my age when I was 16? I'm 24 now",
        "anak sy umur 17 diberangkatkan agen umroh bulan depan sm ibunya",
        "adik sy 17 thn ikut pertukaran pelajar ke amerika, diberangkatkan sponsor AFS",
        "anak sy 17 thn, sponsor nawarin umurnya dinaikin di KK, boleh gk?",
    )


def test_a_regression_round_of_missed_dangers_told_in_other_words() -> None:
    """A broad regression tester (stop 55): a wish to be gone told indirectly, a ship taken by
    pirates, a boat sunk or never arrived, a child's age made older in other spellings, a
    child taken for a karaoke or spa job, a worker sold on by the agent and moved on four
    times."""
    assert_danger(
        "sometimes i think everyone would be better if i was gone",
        "mending sy gk ada aja, semua org jd lebih tenang",
        "i have been thinking of ending it all",
        "sy ABK, kapal sy d tahan d pelabuhan somalia sm perompak",
        "kapal anak sy tenggelam d perairan malaysia, skrg blm ada kabar",
        "my uncle left on a small boat from batam to malaysia 4 days ago and the boat never "
        "arrived",
        "pak anak sy msh 15 thn, umur nya d tua in jd 21 biar bs kerja d malaysia",
        "my cousin (16 yo) was taken by a broker to jakarta, they changed her birth year in the "
        "KTP so she looks 19",
        "anak sy Rina, umur 16, d ajak tetangga kerja d bali jd terapis spa, hrs berangkat malam "
        "ini",
        "my 16 year old niece was taken by a man to Bali for a job in a karaoke bar",
        "pak anak sy d jual sm agen nya ke majikan lain, udh pindah 4 kali majikan, skrg gk tau "
        "d mana",
    )


def test_a_regression_round_of_everyday_look_alikes() -> None:
    assert_no_danger(
        "hari ini sy ujian eps topik, doain ya pak, deg2an bgt kyk mau mati",
        "sy pingsan pas d ambil darah waktu medical td, skrg udh gpp",
        "darurat! hp sy rusak gmn cara cek status pendaftaran",
        "SOS! my registration form got rejected, what do I do",
        "SOS = save our souls kan artinya pak? buat tugas b inggris",
        "sy lagi nulis cerpen ttg tkw yg d siksa majikan, boleh minta info realistis gk",
        "Good evening. I am a social worker from an NGO in Mataram. How can I help a returned "
        "worker who was trafficked and now has trauma?",
        "kapal pesiar tempat sy kerja nanti kapalnya besar gk pak",
        "sy jualan kue di kafe, anak sy 17 thn bantu2",
    )


def test_todays_rules_are_not_tripped_by_everyday_look_alikes() -> None:
    """A false-alarm tester of the rules this stop added (stop 55): a stolen boat, a child
    helping at a cafe or singing karaoke, a retirement age raised, an agency or a departure
    'ended', a song, a soap, civil emergency. The dangers they were written for still read."""
    assert_no_danger(
        "perahu paman sy hilang dicuri orang, skrg paman mau kerja ke malaysia aja",
        "anak sy umur 12 bantu jualan gorengan di kafe dekat pasar tiap sore, sy mau tny kerja "
        "ke jepang",
        "pak, anak sy umur 16 kerja paruh waktu di cafe pas libur sekolah, bapaknya mau ke "
        "malaysia, syaratnya apa",
        "my 17 year old likes to sing at karaoke on weekends with his friends",
        "usia pensiun dinaikkan ya di hongkong? majikan sy nanya",
        "i'm ending it all with this agency, they are too slow, how do i choose another P3MI",
        "it would be better if i was gone to work abroad, my family needs money. how to start",
        "mending sy gk ada aja di rumah, mending kerja di luar negri biar ada uang",
        "lagu SOS dari ABBA enak ya pak, sy mau kerja ke hongkong",
        "darurat sipil di negara tujuan gmn?",
        "sy pakai sabun cuci merek SOS, bisa dibawa ke taiwan gk",
    )
    assert_danger(
        "sometimes i think everyone would be better if i was gone",
        "my uncle left on a small boat from batam to malaysia 4 days ago and the boat never "
        "arrived",
        "kapal anak sy tenggelam d perairan malaysia, skrg blm ada kabar",
    )


def test_food_through_a_window_a_bone_showing_and_a_silent_compound_are_danger() -> None:
    """Read halves of sets 4, 5 and 9 (stop 56): locked in and fed through a window, a wound
    so deep the bone shows, a compound whose watchers let no one speak."""
    assert_danger(
        "adik sy dikunci di kamar, cuma dikasi makan lewat jendela sm majikan",
        "my employer locks me in and feeds me through the window",
        "luka di kaki anak sy makin parah sampe keliatan tulangnya",
        "her wound got worse, you can see the bone now",
        "anak sy d kamboja gk boleh bersuara, pengawas dimana2, tolong",
    )
    assert_no_danger(
        "sy kasih makan kucing lewat jendela",
        "the wound on my finger is healing, you can't see the bone anymore",
        "patah tulang kaki sy dulu waktu kecil, lukanya sudah sembuh, keliatan di rontgen",
        "saat ujian tidak boleh bersuara, pengawas ujian keliling",
        "di kantor kami tidak boleh bicara keras, pengawas galak",
    )


def test_a_film_a_sermon_or_a_post_is_of_strangers_a_video_of_ones_own_is_danger() -> None:
    """A long-plea tester, stop 56: the writer frightened by a film is not the one harmed; a
    sermon or a Facebook post tells of strangers; a video of one's own child beaten is seen,
    not heard of."""
    assert_no_danger(
        "film ttg TKW d siksa td malam bikin sy takut berangkat, apa benar majikan Arab kejam?",
        "Pak ustadz td ceramah soal TKW yg d jual ke Kamboja, ngeri. Gmn cara cek PT resmi?",
        "I saw a Facebook post about a maid in Saudi who was locked in and starved. Is it true?",
    )
    assert_danger(
        "sy liat video anak sy dipukul majikan, sy takut sekali",
        "I watched a video of my daughter being beaten by her employer",
    )


def test_stranded_without_food_and_a_price_for_release_are_danger() -> None:
    """A long-plea tester, stop 56: workers stranded after the company closed, with no food
    for days or little left, and a family asked to pay before a worker is let go."""
    assert_danger(
        "suami sy sama kawan2 nya d asrama gk ada makan udh 4 hari, perusahaan bangkrut",
        "Our company in Kuala Lumpur closed down. We have only rice for 2 days",
        "kami 6 org TKI d Oman, kafil gk bayar gaji, kami tinggal d masjid, makan dr sedekah org",
        "majikan tutup pabrik dan kabur, beras tinggal sedikit, gaji 3 bulan belum dibayar",
        "Majikan adik sy minta 40 juta ke keluarga kalau mau adik sy di lepas pulang",
        "adek sy d jadikan jaminan sama agensi nya d Taiwan",
        "kata sponsor, istri sy bisa pulang kalau kami bayar ganti rugi 50 jt",
    )
    assert_no_danger(
        "sy lagi diet, gk ada makan nasi udh 4 hari",
        "beras di rumah tinggal sedikit, mau pinjam KUR buat modal",
        "we ran out of food at the party",
        "sertifikat tanah bapak sy dijadikan jaminan utang",
        "PT minta 5 juta buat biaya medical sebelum berangkat",
        "orang itu minta uang 20 juta untuk memulangkan jenazah istri saya",
    )


def test_a_family_kept_from_speaking_with_the_worker_is_danger() -> None:
    """ "the agency says she is fine but won't let me talk to her" (a long-plea tester, stop
    56); a boss's rule about customers is not."""
    assert_danger(
        "lost contact with my wife 10 days, the agency says she is fine but won't let me talk "
        "to her",
        "agensi gk ngebolehin sy ngomong sama istri sy, udh 2 minggu",
    )
    assert_no_danger(
        "my boss won't let me talk to customers in english",
        "majikan gk ngizinin sy telpon sama pacar sy pas jam kerja",
    )


def test_grave_illness_still_worked_hidden_or_kept_aboard_is_danger() -> None:
    """A long-plea tester, stop 56."""
    assert_danger(
        "adik ipar sy d Taiwan, dia kena kanker rahim stadium 3, tp dia masih d suruh kerja",
        "My aunt has a big wound on her back from burns, her employer hides her from visitors",
        "my brother on a tuna boat is not paid for 10 months and the captain refuses to let him "
        "off",
        "she has a big wound from burns on her back and she is still working every day",
    )
    assert_no_danger(
        "the employer won't let her go home for lebaran",
        "my broken arm healed, I am still working in the same factory",
        "my husband won't let me go abroad",
    )


def test_the_new_rules_narrowed_after_their_own_false_alarm_round() -> None:
    """A false-alarm tester of stop 56's rules: food runs short at markets, parties and in
    hospital, a pesantren's kitchen window, a dog's wound, a child's silat practice, a quiet
    hostel, a body or money sent home; and the dangers said in new ways."""
    assert_no_danger(
        "beras tinggal sedikit pak, harga beras naik terus d pasar",
        "little food left in the fridge, gonna order pizza",
        "pas banjir kemarin kami kehabisan makanan, skrg udh normal",
        "makan dr sedekah org waktu bulan puasa d masjid, berkahnya luar biasa",
        "gk ada makan udh 4 hari d rumah sakit, pasca operasi cuma infus",
        "d pesantren dikasih makan lewat jendela dapur, antri",
        "anjing sy luka d kaki, sampe keliatan tulangnya, dokter hewan d mana",
        "sy liat video anak sy d pukul temennya waktu main silat, cuma latihan",
        "d asrama gk boleh bersuara malam2, ada pengawas asrama",
        "di kelas dilarang bicara, ada pengawas ujian",
        "tolong pulangkan jenazah paman sy dr malaysia, prosedurnya gmn",
        "tolong pulangkan uang sy, sy batal daftar LPK",
        "keluarga cewek minta 50 juta baru boleh dilamar",
    )
    assert_danger(
        "stuck in Kuala Lumpur, food almost finished, agent not answering",
        "our food ran out 3 days ago, we are stuck in the boat",
        "udah 5 hari kami cuma minum air, d tinggal agen d gudang",
        "tangan adik sy robek sampe tulang nya kelihatan, dia d kapal",
        "istri sy jatuh d rumah majikan, kakinya patah, tulangnya nongol, majikan diam aja",
        "kami d tempat tertutup, dilarang bicara, ada yang jaga pake senjata",
        "we are not allowed to talk, guards watch us all day, cannot leave",
        "they want 5000 ringgit before they release my husband",
        "my daughter will only be released if we pay 20 million, the agent said",
        "agensi minta 60 juta baru adik sy boleh keluar dr penampungan d malaysia",
        "bos nya bilang suami sy gk d lepas kalau gk bayar denda 80 jt",
    )


def test_a_second_look_alike_round_of_stop_56() -> None:
    """Curfews are not being held; a child about to be sent with the broker named first, a
    worker hidden from inspectors, a crew kept aboard, a family kept from talking, and a
    release price in English are danger."""
    assert_no_danger(
        "di asrama putri gk boleh keluar tanpa izin, biasa kan?",
        "santri di pondok gk boleh keluar kecuali hari jumat, anak sy betah kok",
        "in the dorm we can't go out after curfew, is that normal?",
        "majikan gk izinkan keluar malam, tp hari minggu sy libur dan boleh jalan2",
        "my employer doesn't allow me to leave the house at night for my safety",
        "waktu petugas datang, sy sembunyikan kue nya biar surprise",
    )
    assert_danger(
        "sponsor akan berangkatkan keponakan sy umur 15 ke arab minggu depan, tolong cegah",
        "the broker is sending my 14 year old niece to saudi tomorrow",
        "calo bawa anak sd ke pelabuhan lembar, katanya mau dikerjakan di kapal",
        "waktu petugas kbri datang, majikan sembunyikan istri sy di gudang",
        "the employer hid my wife in the storeroom when the embassy staff came",
        "kapten tidak izinkan abk turun ke darat sudah 1 tahun",
        "the crew are kept on board, the captain says nobody leaves until the catch is full",
        "keluarga gk boleh ngomong sama anak sy di saudi, majikan ambil hp nya",
        "we are not allowed to call our families, the agent took our phones",
        "the agency wants 3000 ringgit before they let my wife go home",
        "the boss said my husband must pay back 10000 before he is allowed to go home",
        "majikan gk izinkan keluar, hp diambil",
    )
