"""A family that asks, with a report open, that the village not see it.

"jgn diteruskan ke desa ya pak" was passed on to the village officer like any other news (stop
56's list). A family may learn only after sending that the broker is the village head's
cousin; the report form offers *Only the district* before it is sent, and this is the same
choice made afterwards. It is done at once, not asked: the family has said it, and a question
would leave the message waiting where they fear it. One tap undoes it.
"""

from __future__ import annotations

import re
from itertools import pairwise

from bot.cases.service import keep_from_village, let_village_see
from bot.context import Ctx
from bot.i18n import N_
from bot.options import short
from bot.store.models import Case
from bot.triage import VILLAGE_NOT_TO_KNOW
from bot.types import Button
from knowledge.normalize import fold

VILLAGE_MAY_SEE = "village_may_see"
ALREADY_KEPT = N_(
    "Your report {numbers} is already kept from the village: only your district's officers "
    "and the province's administrators see it."
)
"""Said of a report kept from the village, when the wish is told again or who sees it asked."""

VILLAGE_WORDS = frozenset(
    "desa kades kdes kadus dusun kampung village kepdes pemdes kelurahan lurah".split()
)
"""Who the family fears will learn: the village's officers, its head, the hamlet."""
FORBIDDING = frozenset("jgn jangan jngn jgan usah gausah gusah dont ndaq aina".split())
"""A word that forbids: "jangan", "gk usah", "don't" (folded "don t": see `_forbids`), the
Sasak "ndaq" and the Mbojo "aina" (both "jangan" in knowledge/data/lexicon.tsv)."""
PASSING_ON = frozenset(
    "teruskan diteruskan terusin diterusin teruskn neruskan nerusin kasih kasi dikasih "
    "kasitau kasitahu dikasitau dikasi ksh diksh bilang dibilang bilangin sampaikan "
    "disampaikan sampein beritahu diberitahu beritahukan kabari dikabari kabarin laporkan "
    "dilaporkan laporin kirim dikirim kirimkan tau tahu tw taon taoq uninga lihat liat "
    "dilihat melihat baca dibaca membaca buka dibuka denger dengar mendengar mengetahui "
    "libatkan dilibatkan terlibat pegang dipegang urus diurus lewat melalui "
    "tell forward forwarded pass share shared send sent see know show hear".split()
)
"""The verbs of passing a report on or of learning of it, and the way it goes ("jgn lewat
desa")."""
NOT_FORBIDDING = frozenset("lupa lupain".split())
"""After a word that forbids, a word that turns it into a reminder: "jangan lupa kabari desa"
(a tester, stop 57: it hid the report)."""
NEGATING = frozenset("gk ga gak nggak ngga tidak tdk tak ndak ndek not".split())
"""Between the word that forbids and its verb, a second no undoes it: "desa jgn sampe gk tau"."""
REACH = 5
"""How far after the word that forbids its verb may come ("jangan sampai desa tau")."""
DISTRICT_ONLY_WISH = re.compile(
    r"(?:\b(?:hanya|cuma|cukup|khusus|only)\b (?:ke |sampai |sama |the )?(?:kabupaten|district)"
    r"\b|\bkabupaten (?:aja|saja|only)\b|\bdistrict only\b)"
    r"(?! (?:lombok|sumbawa|bima|dompu|mataram|kota|barat|timur|tengah|utara)\b)"
)
"""The form's own choice typed: "hanya kabupaten", "cukup kabupaten aja pak", "laporan ni utk
kabupaten aja" (a tester, stop 57)."""
SECRET_FROM = re.compile(
    r"(?<!usah )(?<!perlu )(?<!need to )\b(?:rahasiakan|dirahasiakan|rahasiain|dirahasiain|"
    r"sembunyikan|disembunyikan|keep (?:it |this )?(?:secret )?from|"
    r"hide(?: [a-z]+){0,2} from|keep (?:it |this )?secret from)\b"
    r"|\b(?:tutup|tutupi|tutupin) (?:dari |dr )(?:pak |bu |pihak )?(?:desa|kades|kdes|kadus|"
    r"pemdes|kepala desa|kantor desa)"
)
"""Kept secret from the village: "tolong rahasiakan dari desa", "please keep this from the
village office" (a tester, stop 57); not "tidak usah dirahasiakan dari desa"."""
ASKED_NOT_PASSED = re.compile(
    r"\b(?:mohon|tolong|tlg|minta|harap|please|pls)\b(?: [a-z]+){0,2} (?:tidak|tdk|gk|ga|gak|"
    r"nggak|not) (?:usah |perlu )?(?:di)?(?:sampaikan|teruskan|kasih tau|kasi tau|beritahu|"
    r"laporkan|kirim|forward|tell|share|pass)"
)
"""Asked not to be passed on: "mohon tdk disampaikan ke aparat desa"."""
ASKED_NOT_TO_SEE = re.compile(
    r"\b(?:minta|mohon|tolong|tlg|pls|plis|please|bisa|bisakah|boleh|can|could)\b(?: [a-z]+){0,4} "
    r"(?:desa|kades|kdes|kadus|pemdes|kepala desa|aparat desa|village)[a-z]*(?: [a-z]+){0,2} "
    r"(?:tidak|tdk|gk|ga|gak|nggak|jangan|jgn|not) (?:bisa |boleh |usah |perlu |be )?"
    r"(?:buka|baca|membaca|lihat|liat|melihat|tau|tahu|mengetahui|dikasih tau|diberi tahu|"
    r"diberitahu|dilibatkan|told|see|know)"
    r"|\b(?:forbid|jangan|jgn|gk usah|tidak usah|ga usah|gak usah)(?: [a-z]+){0,2} ke "
    r"(?:[a-z]+ ){0,2}(?:desa|kades|kantor desa|tangan desa)\b"
    r"|\b(?:gk|ga|gak|tidak|tdk|nggak) mau (?:[a-z]+ ){0,3}(?:desa|kades|kadus|aparat desa)[a-z]*"
    r" (?:[a-z]+ )?(?:baca|lihat|liat|tau|tahu|ikut campur|terlibat|pegang|urus)"
    r"|\b(?:desa|kades|kepala desa)[a-z]* (?:[a-z]+ ){0,2}(?:jangan|jgn)(?: ya| pak| bu| dong|"
    r" kak)?\s*$"
    r"|\bkeep (?:the |my |our )?(?:[a-z]+ ){0,2}(?:village|desa|kades)[a-z]*(?: [a-z]+){0,2} out\b"
    r"|\b(?:village|desa)[a-z]* (?:[a-z]+ )?not be (?:told|informed|shown)"
    r"|\bcukup (?:[a-z]+ ){0,2}kabupaten\b"
)
"""Asked that the village not see it, in a tester's blind round (stop 57): "apa bisa desa
tidak melihat laporan saya", "kalo bisa laporan ini jangan ke kantor desa", "sy gk mau aparat
desa baca laporan ini", "kasusnya cukup ditangani kabupaten, desa jangan", "keep the kepala
desa out of this please", "can the village not be told?"."""
FEARS_VILLAGE_KNOWS = re.compile(
    r"(?<!tidak )(?<!tdk )(?<!gk )(?<!ga )(?<!gak )(?<!nggak )(?<!ndak )(?<!not )"
    r"\b(?:takut|khawatir|kuatir|afraid|scared|worried)\b(?: [a-z]+){0,3} (?:pak |bu )?"
    r"(?:desa|kades|kadus|village|kepala desa)[a-z]*(?: [a-z]+){0,2} "
    r"(?:tau|tahu|know|knows|find out|finds out|liat|lihat|baca)\b"
)
"""Afraid the village learns: "sy takut kalo kades tau". Not a fear denied ("sy gk takut sama
kades"), nor a fear with no learning in it ("bilang ke pak kades jgn khawatir")."""
NOT_KEPT_SECRET = r"\b(?:tidak|tdk|gk|ga|gak|nggak) (?:usah|perlu) dirahasiakan"
"""No need to keep it secret ("tidak usah dirahasiakan dari desa"): allowed, even as a
question."""
ALLOWING = re.compile(
    r"\b(?:desa|kades|village)[a-z]* (?:[a-z]+ )?(?:boleh|may|can|bisa) (?:[a-z]+ )?"
    r"(?:lihat|liat|tau|tahu|see|know)\b|\bboleh (?:dikasih tau|dikasi tau|diteruskan|dibagikan) "
    rf"(?:ke )?(?:desa|kades)|{NOT_KEPT_SECRET} dari "
    r"(?:desa|kades)|\b(?:gpp|gapapa|tidak apa apa|gak apa apa|ga apa apa) (?:kalau|kalo|klo) "
    r"(?:desa|kades) (?:tau|tahu|liat|lihat)"
)
"""The village allowed to see it after all, typed: "desa boleh lihat" (the button's own words),
"gpp kalo kades tau" (a tester, stop 57: typed, they were only added to the report)."""


VILLAGE_OFFICIAL = (
    r"(?:petugas desa|kades|kepala desa|aparat desa|perangkat desa|pemdes|kadus|kepala dusun|"
    r"sekdes|pak desa|village officer|village head|village official)"
)
COMPLAINS_OF_THE_VILLAGE = re.compile(
    r"\b(?:lapor|laporkan|laporin|melaporkan|ngelaporin|adukan|mengadukan|ngadu|ngaduin|"
    r"komplain|complain|complaint|report)\b(?! (?:ke|k|kepada|pada|sama|sm|ama|to|lewat)\b)"
    r"(?: (?:about|tentang|soal|ttg|on))?"
    r"(?: [a-z]+){0,2} " + VILLAGE_OFFICIAL + r"[a-z]*"
    r"|" + VILLAGE_OFFICIAL + r"[a-z]*(?: [a-z]+){0,3} (?:minta|meminta|mintain|mintak|malak|"
    r"memalak|memeras|meras|peras|ngancam|mengancam|ngancem|asks? for|asked for|demand\w*)"
    r"(?: [a-z]+){0,2} (?:duit|uang|money|bayaran|imbalan|pungli|jatah|rp|\d)"
)
"""A complaint about the village's own officers ("sy mau lapor petugas desa sy, dia minta duit
1 juta" was passed to that officer: a family-side tester, stop 65): kept from the village."""


def wished(text: str) -> bool:
    """ "jgn diteruskan ke desa ya pak", "yg ini jangan dikasih tau ke petugas desa", "please
    don't tell the village head", "tolong rahasiakan dari desa", "hanya kabupaten". Not "kok
    desa gk tau?" (a complaint that it does not know), "jangan lupa kabari desa", "sy gk takut
    sama kades" (a tester, stop 57), which forbid nothing."""
    folded = fold(text)
    if DISTRICT_ONLY_WISH.search(folded):
        return True
    words = folded.split()
    if VILLAGE_WORDS.isdisjoint(w.removesuffix("nya") for w in words):
        return False  # also "kadesnya jgn tau ya kak"
    if VILLAGE_NOT_TO_KNOW.search(folded) or FEARS_VILLAGE_KNOWS.search(folded):
        return True
    if COMPLAINS_OF_THE_VILLAGE.search(folded):
        return True
    if SECRET_FROM.search(folded) or ASKED_NOT_PASSED.search(folded):
        return True
    if ASKED_NOT_TO_SEE.search(folded):
        return True
    return any(
        _forbids(word, before) and _forbidden_verb(words[at + 1 : at + 1 + REACH])
        for at, (before, word) in enumerate(pairwise(["", *words]))
    )


ASKING = frozenset("apa apakah gak gk ga nggak tidak kah sih bisa bingung".split())
"""Words that make "kades boleh tau gak sih?" a worried question, not the village allowed (a
tester, stop 57: three such questions showed the report to the village again)."""


def allowed(text: str) -> bool:
    """The village allowed to see the report, typed (`ALLOWING`); not a question of it."""
    folded = fold(text)
    if "?" in text or not ASKING.isdisjoint(folded.split()):
        return re.search(NOT_KEPT_SECRET, folded) is not None
    return ALLOWING.search(folded) is not None


def _forbidden_verb(after: list[str]) -> bool:
    """A verb of passing on in `after`, with no reminder or second no before it."""
    for word in after:
        if word in NOT_FORBIDDING or word in NEGATING:
            return False
        if word in PASSING_ON:
            return True
    return False


def _forbids(word: str, before: str) -> bool:
    return (
        word in FORBIDDING
        or (word == "t" and before == "don")
        or (word == "not" and before in ("do", "please", "pls", "should"))
    )


def hide(ctx: Ctx, cases: list[Case]) -> list[Case]:
    """Every open report kept from the village; returns those that were not already."""
    newly = [case for case in cases if not case.village_hidden]
    for case in newly:
        keep_from_village(ctx.session, case=case)
    return newly


def tell(ctx: Ctx, cases: list[Case], newly: list[Case], added: bool = True) -> None:
    """What changed, and what may already have been read. Worded without "village officer":
    a line about a report kept from the village has it turned into the district's
    (`bot.cases.service.for_the_case`)."""
    numbers = ", ".join(f"*{case.number}*" for case in cases)
    if not newly:
        ctx.say(
            ctx._(ALREADY_KEPT).format(numbers=numbers)
            + (" " + ctx._("I have added your message.") if added else "")
        )
        return
    ctx.say(
        ctx._(
            "From now on only your district's officers and the province's administrators see "
            "your report {numbers}; the officers of your village no longer see it. What you "
            "sent before may already have been read."
        ).format(numbers=numbers)
        + (" " + ctx._("I have added your message for the district.") if added else ""),
        [Button(f"cmd:{VILLAGE_MAY_SEE}", short(ctx._("Village may see it")))],
    )


def let_village_see_again(ctx: Ctx, cases: list[Case]) -> None:
    """The tap (or its words typed) that makes the village see the report: one kept out in the
    chat, or sent as *Only the district*; not one sent to the district for want of a village."""
    hidden = [case for case in cases if case.village_hidden and _village_known(case)]
    for case in hidden:
        let_village_see(ctx.session, case=case)
    if hidden:
        ctx.say(
            ctx._("Your village officer can see your report {numbers} again.").format(
                numbers=", ".join(f"*{case.number}*" for case in hidden)
            )
        )
    else:
        ctx.say(ctx._("Nothing changed."))


def _village_known(case: Case) -> bool:
    """A report with its village (not one sent to the district for want of it)."""
    return case.village_code.count(".") >= 2
