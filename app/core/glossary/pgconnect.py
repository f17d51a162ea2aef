"""A `postgresql://` URL made safe to keep, and a connection made from it.

The password never lives in anything Verso writes: `redact` strips it from the URL
(settings, recent files and reviews keep only the redacted one), and `connect` takes
it from the URL as typed, then PGPASSWORD (libpq reads it, and ~/.pgpass, itself),
then the OS keyring (service "verso-postgresql", user `user@host:port/db`). Every
failure is one line for a person (InputError), never a traceback.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit, urlunsplit

from app.core.model.errors import InputError


class ServerUnavailable(InputError):
    """The server cannot be reached, refused the login, or went away: nothing was
    written, and trying again later may work (a window keeps the edit and retries)."""

if TYPE_CHECKING:
    import psycopg

KEYRING_SERVICE = "verso-postgresql"
CONNECT_TIMEOUT = 5  # seconds: an unreachable server is reported, not waited for


def _split(url: str) -> Any:
    try:
        parts = urlsplit(url.strip())
        parts.port  # noqa: B018 - a port that is not a number raises here
    except ValueError as exc:
        raise InputError(redact_loosely(url), f"not a valid PostgreSQL URL ({exc})") from None
    if parts.scheme.lower() not in ("postgresql", "postgres"):
        raise InputError(redact_loosely(url), "not a postgresql:// URL")
    return parts


def redact_loosely(url: str) -> str:
    """The URL without anything between `://` and `@` after a colon (for error messages
    about URLs too broken to parse)."""
    head, sep, rest = url.partition("://")
    if not sep or "@" not in rest:
        return url
    cred, _, host = rest.rpartition("@")
    return f"{head}://{cred.split(':', 1)[0]}@{host}"


def redact(url: str) -> str:
    """The URL with its password (in the user part or a `password=` parameter) removed."""
    parts = _split(url)
    netloc = parts.netloc
    if "@" in netloc:
        cred, _, host = netloc.rpartition("@")
        netloc = f"{cred.split(':', 1)[0]}@{host}"
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query) if k.lower() != "password"])
    return str(urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment)))


def password_in(url: str) -> str | None:
    parts = _split(url)
    if parts.password is not None:
        return str(unquote(parts.password))
    for key, value in parse_qsl(parts.query):
        if key.lower() == "password":
            return str(value)
    return None


def keyring_user(url: str) -> str:
    """The keyring's user name for a database: `user@host:port/db` (no password)."""
    parts = _split(url)
    return f"{parts.username or ''}@{parts.hostname or ''}:{parts.port or 5432}{parts.path}"


def keyring_password(url: str) -> str | None:
    """The password the OS keyring holds for this database, if any (never raises)."""
    try:
        import keyring

        found = keyring.get_password(KEYRING_SERVICE, keyring_user(url))
    except Exception:  # no keyring backend (a server, a container): libpq decides
        return None
    return found if isinstance(found, str) else None


def describe(exc: Exception) -> str:
    """psycopg's message in one line, with what to do about the common cases."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    low = text.lower()
    if "password authentication failed" in low or "no password supplied" in low:
        return ("authentication failed: check the user name, and set PGPASSWORD or put the "
                f"password in the OS keyring (service {KEYRING_SERVICE})")  # fmt: skip
    if "connection refused" in low or "timeout expired" in low or "could not translate" in low:
        return f"the database server cannot be reached ({text})"
    if "does not exist" in low:
        return f"no such database ({text})"
    return text


def connect(url: str, *, autocommit: bool = False) -> psycopg.Connection[Any]:
    """A connection to the database the URL names; InputError saying why not."""
    import psycopg

    safe = redact(url)
    password = password_in(url) or None
    kwargs: dict[str, Any] = {"connect_timeout": CONNECT_TIMEOUT, "application_name": "verso"}
    if password is None and "PGPASSWORD" not in os.environ:
        password = keyring_password(url)
    if password is not None:
        kwargs["password"] = password
    try:
        return psycopg.connect(safe, autocommit=autocommit, **kwargs)
    except psycopg.ProgrammingError as exc:  # a malformed URL: libpq could not parse it
        raise InputError(safe, f"not a valid PostgreSQL URL ({describe(exc)})") from None
    except psycopg.Error as exc:
        raise ServerUnavailable(safe, describe(exc)) from None
