"""Settings, read once from the environment or a .env file (pydantic-settings)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

DEFAULT_API_URL = "https://api.telegram.org/bot"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    telegram_bot_token: str | None = Field(default=None, alias="TELEGRAM_BOT_TOKEN")
    telegram_api_url: str = Field(default=DEFAULT_API_URL, alias="TELEGRAM_API_URL")
    database_url: str = Field(default="sqlite:///./data/briefbot.db", alias="DATABASE_URL")
    admins: Annotated[frozenset[int], NoDecode] = Field(default=frozenset(), alias="BRIEFBOT_ADMINS")
    poll_seconds: float = Field(default=600, alias="BRIEFBOT_POLL_SECONDS", gt=0)
    allow_private_urls: bool = Field(default=False, alias="BRIEFBOT_ALLOW_PRIVATE_URLS")
    # Decide new entries (detection, summary, stories) in a second process (jobs/decide.py).
    ingest_worker: bool = Field(default=False, alias="BRIEFBOT_INGEST_WORKER")
    timezone: str = Field(default="UTC", alias="BRIEFBOT_TIMEZONE")
    deliver_seconds: float = Field(default=3, alias="BRIEFBOT_DELIVER_SECONDS", gt=0)
    load_default_feeds: bool = Field(default=True, alias="BRIEFBOT_DEFAULT_FEEDS")
    # Running as a service (bot/service.py, bot/health.py; README "Running in production").
    http_port: int | None = Field(default=None, alias="BRIEFBOT_HTTP_PORT", ge=1, le=65535)
    health_stale_seconds: float = Field(default=300, alias="BRIEFBOT_HEALTH_STALE_SECONDS", gt=0)
    leader_seconds: float = Field(default=5, alias="BRIEFBOT_LEADER_SECONDS", gt=0)
    webhook_url: str | None = Field(default=None, alias="BRIEFBOT_WEBHOOK_URL")
    webhook_secret: str | None = Field(default=None, alias="BRIEFBOT_WEBHOOK_SECRET",
                                       pattern=r"^[A-Za-z0-9_-]{1,256}$")
    webhook_listen: str = Field(default="0.0.0.0", alias="BRIEFBOT_WEBHOOK_LISTEN")
    webhook_port: int = Field(default=8443, alias="BRIEFBOT_WEBHOOK_PORT", ge=1, le=65535)

    @field_validator("http_port", "webhook_url", "webhook_secret", mode="before")
    @classmethod
    def _unset_when_empty(cls, value):
        return None if value == "" else value

    @field_validator("webhook_url")
    @classmethod
    def _check_webhook_url(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith("https://"):
            raise ValueError("BRIEFBOT_WEBHOOK_URL must be the public https:// URL Telegram posts updates to, "
                             "e.g. https://bot.example.org/telegram")
        return value
    # Messages per second overall (Telegram allows about 30; paid broadcasts up to 1000); 0 = no limit.
    send_rate: float = Field(default=30, alias="BRIEFBOT_SEND_RATE", ge=0)
    # Messages per minute to one group (Telegram: 20); 0 = no limit.
    group_send_rate: float = Field(default=20, alias="BRIEFBOT_GROUP_SEND_RATE", ge=0)
    log_level: str = Field(default="INFO", alias="BRIEFBOT_LOG_LEVEL")

    @field_validator("admins", mode="before")
    @classmethod
    def _parse_admins(cls, value):
        if value is None or value == "":
            return frozenset()
        if isinstance(value, (int, str)):
            parts = [p.strip() for p in str(value).replace(";", ",").split(",") if p.strip()]
            try:
                return frozenset(int(p) for p in parts)
            except ValueError:
                raise ValueError("BRIEFBOT_ADMINS must be comma-separated numeric Telegram user ids, e.g. 12345,67890") from None
        return frozenset(value)

    @field_validator("timezone")
    @classmethod
    def _check_timezone(cls, value: str) -> str:
        from core.prefs import PrefError, check_timezone

        try:
            return check_timezone(value)
        except PrefError as e:
            raise ValueError(f"BRIEFBOT_TIMEZONE: {e}") from None

    @field_validator("log_level")
    @classmethod
    def _check_log_level(cls, value: str) -> str:
        import logging

        if value.upper() not in logging.getLevelNamesMapping():
            raise ValueError(f"BRIEFBOT_LOG_LEVEL {value!r} is not a log level: use DEBUG, INFO, WARNING or ERROR")
        return value.upper()


class LogSettings(BaseSettings):
    """Only the log level, read before anything else can fail (and for commands that
    need no other setting)."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")
    log_level: str = Field(default="INFO", alias="BRIEFBOT_LOG_LEVEL")
