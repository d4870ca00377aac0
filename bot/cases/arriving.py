"""The one who holds or hurts the worker arriving, typed in the middle of a plea or a report:
"majikan dtg", "majikan dtg, nanti lg", "she is coming now".

A worker locked in by her employer got "choose one" and the consent question again, or had the
words saved as her city or her story (a family-side tester, stop 63). What she needs then is a
line to keep safe, and to know nothing is lost if she stops writing.
"""

from __future__ import annotations

import re

from knowledge.normalize import fold

HOLDERS = (
    r"(?:majikan|madam|mam|maam|mem|sir|bos|boss|employer|agen|agent|mandor|kapten|captain|"
    r"tauke|towkay|dia|she|he|they|mereka|suaminya|istrinya|anaknya)"
)
ARRIVES = (
    r"(?:datang|dtg|dateng|dtang|datng|pulang|plg|balik|masuk|kembali|coming|come|comes|came|"
    r"here|back|home|arrive|arrives|arrived|knocking|ketuk)"
)
ARRIVING = re.compile(
    rf"^(?:\w+ ){{0,2}}{HOLDERS}\w* (?:\w+ )?(?:sudah |udah |udh |sdh |dah |baru |lagi |lg |"
    rf"mau |is |has |just |already )?{ARRIVES}\b"
)
AFTER_ARRIVING = frozenset(
    "now skrg sekarang nanti lg lagi later dulu ya pak bu tolong help sy saya aku takut bye ok "
    "already just in the door pintu ke kamar room".split()
)
"""What may follow the arrival in such a message: a "now", a "later", a fear, a door."""
MOST_WORDS = 9


def holder_arriving(text: str | None) -> bool:
    """A short message saying the employer (or whoever holds the worker) is arriving now."""
    folded = fold(text or "")
    words = folded.split()
    if not words or len(words) > MOST_WORDS:
        return False
    found = ARRIVING.match(folded)
    return found is not None and set(folded[found.end() :].split()) <= AFTER_ARRIVING
