"""Written pleas: messages written in the voice of real ones, for the models to learn from.

The models learnt from examples and training messages written for this project, and people
write otherwise: long stories told by a mother, a plea to "Bapak Presiden", a worker's Malay
with her employer's words in it. Real messages may not be learnt from (they measure the
engine), so for each message of the read halves (knowledge/real_halves.py) a helper wrote a
new one by another imagined person in a like situation, with other words and other details,
and the same labels: data/written_pleas.jsonl. A second round (data/written_pleas_2.jsonl, stop
45) is a second plea after every read message, and the first after sets 18-21. None is a near
copy of any real message (a test checks it), and none was written from an unread message, so
the unread halves and the fresh sets still measure the engine on words it never learnt from.
The topic model learns from both rounds (`Matcher.plea_docs`). The second danger model, which
gives the emergency reply when it is sure (knowledge/danger_model.py), learns the first round
only: with the second too it gave the reply to 2-3 fewer unread people in danger under each
of three seeds (docs/benchmarks.md, stop 45). The first danger model, the safety net, learns
none, since learning them did not bring the numbers within reach of more people in danger
(stop 36).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from knowledge.datafiles import read_data

FIRST_ROUND = "written_pleas.jsonl"
SECOND_ROUND = "written_pleas_2.jsonl"
EVERY_ROUND = (FIRST_ROUND, SECOND_ROUND)


@dataclass(frozen=True)
class Plea:
    text: str
    topics: tuple[str, ...]
    """The topics whose answer would help, best first; none for a message outside the service."""
    urgent: bool
    """Someone is in danger now."""
    after: str
    """The read message it was written after ("real_messages_5.jsonl:7"), for review."""


def read_pleas(text: str | None = None, rounds: tuple[str, ...] = EVERY_ROUND) -> list[Plea]:
    """The written pleas of the data files of these rounds (or of the given JSON lines)."""
    pleas = []
    lines = text if text is not None else "\n".join(read_data(name) for name in rounds)
    for line in lines.splitlines():
        if line.strip():
            row = json.loads(line)
            pleas.append(
                Plea(str(row["q"]), tuple(row["topics"]), bool(row["urgent"]), str(row["after"]))
            )
    return pleas
