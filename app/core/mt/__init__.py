"""Machine translation providers through deep-translator, made safe to call.

deep-translator sets no request timeout, raises raw `requests` errors, puts the
API key into some of its messages and URLs and refuses Ukrainian for LibreTranslate.
Rather than fork it, each of its provider modules gets a stand-in for its
`requests` name (http.py: an overall deadline per request, a response size cap,
keys in headers or bodies, the HTTP status recorded); the calls are retried with
exponential backoff for transient failures and every failure becomes an MTError
whose message a person can act on and never holds the key. Segment-by-segment
runs are in runs.py.
"""

from __future__ import annotations

import importlib
import os
import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from app.core.mt.errors import MTCancelled, MTError
from app.core.mt.http import (
    DEFAULT_TIMEOUT,
    MAX_RESPONSE_BYTES,
    SHIM,
    DeadlineExceeded,
    ResponseTooLarge,
    last_status,
    request_context,
)
from app.core.mt.runs import ResultCallback, translate_paragraphs, translate_segments

DEFAULT_RETRIES = 2
DEFAULT_BACKOFF = 0.5
KEYRING_SERVICE = "verso"

PROVIDER_NAMES = ("google", "deepl", "mymemory", "libretranslate")
_ALIASES = {"libre": "libretranslate", "my-memory": "mymemory"}
# deep-translator modules whose `requests` name gets the timeout stand-in.
_PATCHED_MODULES = (
    "deep_translator.libre",
    "deep_translator.deepl",
    "deep_translator.google",
    "deep_translator.mymemory",
)
# MyMemory wants locale codes.
_MYMEMORY_CODES = {"uk": "uk-UA", "ru": "ru-RU", "en": "en-GB", "de": "de-DE", "fr": "fr-FR"}


_install_lock = threading.Lock()


def _install_shim() -> None:
    with _install_lock:
        for name in _PATCHED_MODULES:
            module = importlib.import_module(name)
            if getattr(module, "requests", None) is not SHIM:
                setattr(module, "requests", SHIM)  # noqa: B010


# --- API keys ----------------------------------------------------------------------------


def env_var_for(provider: str) -> str:
    return f"VERSO_{provider.upper()}_API_KEY"


def get_api_key(provider: str) -> str | None:
    """The key from VERSO_<PROVIDER>_API_KEY, else the OS keyring (service "verso").

    Keys never come from review or glossary files. A missing or broken keyring
    is not an error: there is simply no key.
    """
    value = os.environ.get(env_var_for(provider), "").strip()
    if value:
        return value
    try:
        import keyring

        stored = keyring.get_password(KEYRING_SERVICE, provider)
    except Exception:  # no backend, locked, D-Bus missing: all mean "no key"
        return None
    return stored.strip() if isinstance(stored, str) and stored.strip() else None


# --- providers ----------------------------------------------------------------------------


@dataclass
class MTSettings:
    """How to reach a provider: timeout per request, retries, backoff base, server."""

    timeout: float = DEFAULT_TIMEOUT
    retries: int = DEFAULT_RETRIES
    backoff: float = DEFAULT_BACKOFF
    url: str | None = None
    api_key: str | None = None


class Provider(ABC):
    """Anything that turns text in one language into another."""

    name: str

    @abstractmethod
    def translate(self, text: str, source: str, target: str) -> str:
        """The translation of one segment; raises MTError."""


class DeepTranslatorProvider(Provider):
    """One of deep-translator's engines, with timeout, retries and clean errors."""

    def __init__(
        self,
        name: str,
        settings: MTSettings | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        canonical = _ALIASES.get(name.lower(), name.lower())
        if canonical not in PROVIDER_NAMES:
            raise MTError(
                f"unknown MT provider {name!r}; choose one of: {', '.join(PROVIDER_NAMES)}"
            )
        self.name = canonical
        self.settings = settings or MTSettings()
        if self.settings.api_key is None and canonical in ("deepl", "libretranslate"):
            self.settings.api_key = get_api_key(canonical)
        self._sleep = sleep
        self._translators: dict[tuple[str, str], Any] = {}
        _install_shim()

    @property
    def server(self) -> str:
        if self.name == "libretranslate":
            return self.settings.url or "https://libretranslate.com/"
        return {
            "google": "translate.google.com",
            "deepl": "api.deepl.com",
            "mymemory": "api.mymemory.translated.net",
        }[self.name]

    def translate(self, text: str, source: str, target: str) -> str:
        if not text.strip():
            return text
        attempts = max(0, self.settings.retries) + 1
        last: MTError | None = None
        for attempt in range(attempts):
            try:
                with request_context(self.settings.timeout):
                    result = self._translator(source, target).translate(text)
            except MTError as error:
                last = error
            except Exception as exc:
                last = self._classify(exc)
            else:
                if not isinstance(result, str):
                    raise MTError(f"{self.name} returned no translation for a segment")
                return result
            if not last.transient or attempt == attempts - 1:
                raise last from None
            self._sleep(self.settings.backoff * (2**attempt))
        assert last is not None  # the loop either returned or raised
        raise last

    # -- internals

    def _translator(self, source: str, target: str) -> Any:
        key = (source, target)
        if key not in self._translators:
            try:
                self._translators[key] = self._build(source, target)
            except MTError:
                raise
            except Exception as exc:
                raise self._classify(exc) from None
        return self._translators[key]

    def _build(self, source: str, target: str) -> Any:
        if self.name == "google":
            from deep_translator import GoogleTranslator

            return GoogleTranslator(source=source, target=target)
        if self.name == "mymemory":
            from deep_translator import MyMemoryTranslator

            return MyMemoryTranslator(
                source=_MYMEMORY_CODES.get(source, source),
                target=_MYMEMORY_CODES.get(target, target),
            )
        if self.name == "deepl":
            from deep_translator import DeeplTranslator

            if not self.settings.api_key:
                raise MTError(
                    f"DeepL needs an API key: set {env_var_for('deepl')} or store it in the "
                    f"OS keyring (service {KEYRING_SERVICE!r}, user 'deepl')"
                )
            free = self.settings.api_key.endswith(":fx")
            return DeeplTranslator(
                source=source, target=target, api_key=self.settings.api_key, use_free_api=free
            )
        return _make_libre(self.server, source, target, self.settings.api_key)

    def _classify(self, exc: BaseException) -> MTError:
        import requests
        from deep_translator import exceptions as dt

        name = self.name
        status = last_status()
        if isinstance(exc, DeadlineExceeded | requests.Timeout):
            return MTError(
                f"{name} did not answer within {self.settings.timeout:g} s "
                f"({self.server}); try again or raise the timeout",
                transient=True,
            )
        if isinstance(exc, ResponseTooLarge):
            return MTError(
                f"{name} sent an answer larger than {MAX_RESPONSE_BYTES // 2**20} MB "
                f"({self.server}); it was cut off: is the server address right?"
            )
        if isinstance(exc, requests.ConnectionError):
            return MTError(
                f"cannot reach {name} at {_host(self.server)}: you may be offline, "
                "or the server refused the connection",
                transient=True,
            )
        if isinstance(exc, dt.LanguageNotSupportedException):
            return MTError(f"{name} does not support this language pair")
        if isinstance(exc, dt.NotValidLength):
            return MTError(f"a segment is too long for {name}; split it and try again")
        if isinstance(exc, dt.ApiKeyException):
            return MTError(
                f"{name} needs an API key: set {env_var_for(name)} or store it in the OS keyring"
            )
        if isinstance(exc, dt.AuthorizationException) or status in (401, 403):
            return MTError(
                f"{name} refused the API key (HTTP {status or 403}): check "
                f"{env_var_for(name)} or the key stored in the OS keyring"
            )
        if status in (402, 456):
            return MTError(f"{name}: the quota of this API key is used up (HTTP {status})")
        if isinstance(exc, dt.TooManyRequests) or status == 429:
            return MTError(
                f"{name} is rate-limiting requests (HTTP 429); wait a minute and try again",
                transient=True,
            )
        if status is not None and status >= 500:
            return MTError(
                f"{name} had a server error (HTTP {status}); try again later", transient=True
            )
        if status is not None and status >= 400:
            return MTError(f"{name} refused the request (HTTP {status})")
        if isinstance(exc, dt.TranslationNotFound):
            return MTError(f"{name} returned no translation for a segment")
        if isinstance(exc, ValueError | KeyError | TypeError):
            return MTError(f"{name} answered with something that is not a translation")
        if isinstance(exc, requests.RequestException):
            return MTError(f"request to {name} failed ({type(exc).__name__})", transient=True)
        return MTError(f"{name} failed ({type(exc).__name__})")


def _host(url: str) -> str:
    parts = urlsplit(url if "//" in url else f"//{url}")
    return parts.netloc or url


def _make_libre(url: str, source: str, target: str, api_key: str | None) -> Any:
    """deep-translator's LibreTranslate client, accepting any language the server has.

    Its built-in language list lacks Ukrainian and it insists on a key even for
    self-hosted servers that need none.
    """
    from deep_translator import LibreTranslator

    class _AnyLanguageLibre(LibreTranslator):  # type: ignore[misc]
        def _map_language_to_code(self, *languages: str) -> Iterator[str]:
            for language in languages:
                yield self._languages.get(language, language)

    base = url if url.endswith("/") else url + "/"
    translator = _AnyLanguageLibre(
        source=source, target=target, api_key=api_key or "-", custom_url=base
    )
    if not api_key:
        translator.api_key = None
    return translator


def make_provider(
    name: str,
    *,
    url: str | None = None,
    api_key: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    retries: int = DEFAULT_RETRIES,
    backoff: float = DEFAULT_BACKOFF,
) -> Provider:
    """A provider by name (google, deepl, mymemory, libretranslate)."""
    if timeout <= 0:
        raise MTError("the timeout must be a positive number of seconds")
    settings = MTSettings(
        timeout=timeout, retries=retries, backoff=backoff, url=url, api_key=api_key
    )
    return DeepTranslatorProvider(name, settings)



__all__ = [
    "DEFAULT_BACKOFF",
    "DEFAULT_RETRIES",
    "DEFAULT_TIMEOUT",
    "KEYRING_SERVICE",
    "MAX_RESPONSE_BYTES",
    "PROVIDER_NAMES",
    "DeepTranslatorProvider",
    "MTCancelled",
    "MTError",
    "MTSettings",
    "Provider",
    "ResultCallback",
    "env_var_for",
    "get_api_key",
    "make_provider",
    "translate_paragraphs",
    "translate_segments",
]
