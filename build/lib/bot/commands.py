"""Commands a user can type at any point (id and en words, or as /slash commands)."""

from __future__ import annotations

from knowledge.normalize import fold

COMMANDS: dict[str, tuple[str, ...]] = {
    "menu": ("menu", "start", "mulai", "menu utama", "main menu", "kembali ke menu", "home"),
    "language": ("bahasa", "language", "ganti bahasa", "change language", "lang"),
    "training": ("pelatihan", "training", "daftar pelatihan", "ikut pelatihan", "kursus"),
    "report": ("lapor", "report", "laporan", "lapor kasus", "buat laporan", "pengaduan", "adukan"),
    "status": ("status", "cek status", "status saya", "my status", "laporan saya"),
    "help": ("bantuan", "help", "tolong bantu", "panduan"),
    "erase": (
        "hapus data saya",
        "hapus data",
        "hapus dataku",
        "delete my data",
        "erase my data",
        "delete data",
        "hapus",
    ),
    "cancel": ("batal", "cancel", "batalkan", "stop", "berhenti", "keluar"),
    "resume": ("lanjut", "lanjutkan", "resume", "continue"),
}
_LOOKUP = {fold(word): name for name, words in COMMANDS.items() for word in words}


def command_of(text: str | None) -> str | None:
    """The command a whole message is, e.g. '/start', 'Menu!', 'hapus data saya'."""
    if not text:
        return None
    stripped = text.strip()
    if stripped.startswith("/"):
        stripped = stripped[1:].split("@", 1)[0]
    return _LOOKUP.get(fold(stripped))
