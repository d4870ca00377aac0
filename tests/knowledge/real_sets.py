"""Names of the real-message sets collected blind after the first (tests/data/real_messages_N.jsonl,
N = 2..20), as test ids: the danger floors and the answer floors list the same sets."""

LATER_SET_IDS = (
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
)
