"""The one typed settings object, read from the environment once by the CLI."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path


class SettingsError(ValueError):
    """A configuration that cannot work, with a message that says how to fix it."""


@dataclass(frozen=True)
class Settings:
    database_url: str = "sqlite:///migran.db"
    host: str = "127.0.0.1"
    port: int = 8000
    default_language: str = "id"
    public_url: str = "http://127.0.0.1:8000"
    message_retention_days: int = 180
    form_resume_hours: int = 24
    telegram_bot_token: str = ""
    telegram_api_url: str = "https://api.telegram.org"
    telegram_webhook_secret: str = ""
    whatsapp_access_token: str = ""
    whatsapp_app_secret: str = ""
    whatsapp_verify_token: str = ""
    whatsapp_phone_number_id: str = ""
    whatsapp_api_url: str = "https://graph.facebook.com/v21.0"
    whatsapp_template_name: str = "migran_reply_waiting"
    whatsapp_rate_per_second: float = 20.0
    escalate_urgent_minutes: int = 30
    escalate_any_hours: int = 24
    content_dir: str = ""
    expose_docs: bool = False
    metrics_token: str = ""
    whatsapp_announcement_template: str = "migran_info_desa"
    """An approved template with one body parameter, for announcements outside the 24-hour
    window."""
    whatsapp_announcement_language: str = "id"
    announce_rate_telegram: float = 20.0
    """Announcements per second; Telegram allows about 30 a second in all, replies included."""
    announce_rate_whatsapp: float = 10.0
    """Announcements per second on WhatsApp: keep it below the number's messaging tier."""

    @property
    def content_path(self) -> Path | None:
        return Path(self.content_dir) if self.content_dir else None

    @property
    def telegram_enabled(self) -> bool:
        return bool(self.telegram_bot_token)

    @property
    def whatsapp_enabled(self) -> bool:
        return bool(self.whatsapp_access_token or self.whatsapp_phone_number_id)

    @property
    def secrets(self) -> list[str]:
        """Values that must never appear in a log line."""
        return [
            self.telegram_bot_token,
            self.telegram_webhook_secret,
            self.whatsapp_access_token,
            self.whatsapp_app_secret,
            self.whatsapp_verify_token,
            self.metrics_token,
        ]

    def validate(self) -> None:
        if self.default_language not in ("id", "en"):
            raise SettingsError("MIGRAN_DEFAULT_LANGUAGE must be 'id' or 'en'")
        if self.whatsapp_enabled:
            missing = [
                name
                for name, value in (
                    ("WHATSAPP_ACCESS_TOKEN", self.whatsapp_access_token),
                    ("WHATSAPP_PHONE_NUMBER_ID", self.whatsapp_phone_number_id),
                    ("WHATSAPP_APP_SECRET", self.whatsapp_app_secret),
                    ("WHATSAPP_VERIFY_TOKEN", self.whatsapp_verify_token),
                )
                if not value
            ]
            if missing:
                raise SettingsError(
                    "WhatsApp is enabled but " + ", ".join(missing) + " is not set; "
                    "set all four or none (see README, Configuration)"
                )


ENVIRONMENT = {
    "database_url": "MIGRAN_DATABASE_URL",
    "host": "MIGRAN_HOST",
    "port": "MIGRAN_PORT",
    "default_language": "MIGRAN_DEFAULT_LANGUAGE",
    "public_url": "MIGRAN_PUBLIC_URL",
    "message_retention_days": "MIGRAN_MESSAGE_RETENTION_DAYS",
    "form_resume_hours": "MIGRAN_FORM_RESUME_HOURS",
    "telegram_bot_token": "TELEGRAM_BOT_TOKEN",
    "telegram_api_url": "TELEGRAM_API_URL",
    "telegram_webhook_secret": "TELEGRAM_WEBHOOK_SECRET",
    "whatsapp_access_token": "WHATSAPP_ACCESS_TOKEN",
    "whatsapp_app_secret": "WHATSAPP_APP_SECRET",
    "whatsapp_verify_token": "WHATSAPP_VERIFY_TOKEN",
    "whatsapp_phone_number_id": "WHATSAPP_PHONE_NUMBER_ID",
    "whatsapp_api_url": "WHATSAPP_API_URL",
    "whatsapp_template_name": "WHATSAPP_TEMPLATE_NAME",
    "whatsapp_rate_per_second": "WHATSAPP_RATE_PER_SECOND",
    "escalate_urgent_minutes": "MIGRAN_ESCALATE_URGENT_MINUTES",
    "escalate_any_hours": "MIGRAN_ESCALATE_ANY_HOURS",
    "content_dir": "MIGRAN_CONTENT_DIR",
    "expose_docs": "MIGRAN_EXPOSE_DOCS",
    "metrics_token": "MIGRAN_METRICS_TOKEN",
    "whatsapp_announcement_template": "WHATSAPP_ANNOUNCEMENT_TEMPLATE",
    "whatsapp_announcement_language": "WHATSAPP_ANNOUNCEMENT_LANGUAGE",
    "announce_rate_telegram": "MIGRAN_ANNOUNCE_RATE_TELEGRAM",
    "announce_rate_whatsapp": "MIGRAN_ANNOUNCE_RATE_WHATSAPP",
}
TRUE = ("1", "true", "yes", "on")


def from_environment(environ: Mapping[str, str] | None = None) -> Settings:
    environ = os.environ if environ is None else environ
    values: dict[str, object] = {}
    for f in fields(Settings):
        raw = environ.get(ENVIRONMENT[f.name])
        if raw is None or raw == "":
            continue
        try:
            if f.type in ("bool", bool):
                values[f.name] = raw.strip().lower() in TRUE
            elif f.type in ("int", int):
                values[f.name] = int(raw)
            elif f.type in ("float", float):
                values[f.name] = float(raw)
            else:
                values[f.name] = raw
        except ValueError as exc:
            raise SettingsError(f"{ENVIRONMENT[f.name]}={raw!r} is not a number") from exc
    settings = Settings(**values)  # type: ignore[arg-type]
    settings.validate()
    return settings
