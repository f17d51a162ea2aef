"""The `requests` stand-in that deep-translator's provider modules call through.

deep-translator sets no timeout, reads whole answers into memory and puts keys and
article text into URLs. Each of its provider modules gets this stand-in for its
`requests` name instead, which gives every request:
- an overall deadline: the whole exchange (connect, headers, body) ends within the
  caller's timeout, however slowly the server trickles bytes (requests' own timeout
  is per socket read, so a byte every 3 s never trips it);
- a response size cap (MAX_RESPONSE_BYTES): a 300 MB answer is cut off at the cap;
- keys out of URLs, where proxies and server logs keep them: DeepL's key goes in its
  `Authorization: DeepL-Auth-Key` header and the text in a POST body; LibreTranslate
  accepts its key only as a parameter, so its parameters go in the POST body, not
  the query string. MyMemory accepts a key only in the query string (Verso sends none).
The HTTP status of the last answer is kept per thread, so errors are classified by it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # requests loads on the first MT call: it costs start-up time
    import requests

DEFAULT_TIMEOUT = 10.0
# One segment's translation is a few KB; a language list some 10 KB.
MAX_RESPONSE_BYTES = 4 * 1024 * 1024
_CHUNK = 64 * 1024

_local = threading.local()


class DeadlineExceeded(Exception):
    """The whole request took longer than the caller's timeout."""


class ResponseTooLarge(Exception):
    """The server sent more than MAX_RESPONSE_BYTES."""


def current_timeout() -> float:
    return float(getattr(_local, "timeout", DEFAULT_TIMEOUT))


def last_status() -> int | None:
    status = getattr(_local, "last_status", None)
    return status if isinstance(status, int) else None


@contextmanager
def request_context(timeout: float) -> Iterator[None]:
    """Requests made by this thread inside the block each get `timeout` seconds overall."""
    previous = getattr(_local, "timeout", None)
    _local.timeout = timeout
    _local.last_status = None
    try:
        yield
    finally:
        if previous is None:
            del _local.timeout
        else:
            _local.timeout = previous


def _keys_out_of_url(method: str, url: str, kwargs: dict[str, Any]) -> str:
    """Move a key (and the text) from the query string to a header or the body."""
    params = kwargs.get("params")
    if not isinstance(params, dict):
        return method
    if "auth_key" in params:  # DeepL: header auth, form body
        params = dict(params)
        key = params.pop("auth_key")
        headers = dict(kwargs.get("headers") or {})
        headers["Authorization"] = f"DeepL-Auth-Key {key}"
        kwargs["headers"] = headers
        kwargs.pop("params")
        kwargs["data"] = params
        return "POST"
    if method == "POST" and "data" not in kwargs and "json" not in kwargs:
        kwargs["data"] = kwargs.pop("params")  # LibreTranslate: key and text in the body
    return method


def _fetch(method: str, url: str, deadline: float, kwargs: dict[str, Any]) -> requests.Response:
    """One request, its body read in chunks under the deadline and the size cap."""
    import requests

    response = requests.request(method, url, stream=True, **kwargs)
    try:
        declared = int(response.headers.get("Content-Length") or 0)
    except ValueError:
        declared = 0
    chunks: list[bytes] = []
    total = 0
    try:
        if declared > MAX_RESPONSE_BYTES:
            raise ResponseTooLarge
        for chunk in response.iter_content(_CHUNK):
            total += len(chunk)
            if total > MAX_RESPONSE_BYTES:
                raise ResponseTooLarge
            if time.monotonic() > deadline:
                raise DeadlineExceeded
            chunks.append(chunk)
    except (ResponseTooLarge, DeadlineExceeded):
        _local.fetched_status = response.status_code
        response.close()
        raise
    response._content = b"".join(chunks)  # what .json() and .text read
    response._content_consumed = True
    response.close()
    return response


class RequestsWithDeadline:
    """Stands in for the `requests` module inside deep-translator's provider modules;
    anything but get/post (exception classes...) comes from `requests` itself."""

    def __getattr__(self, name: str) -> Any:
        import requests

        return getattr(requests, name)

    def get(self, url: str, **kwargs: Any) -> requests.Response:
        return self._call("GET", url, **kwargs)

    def post(self, url: str, **kwargs: Any) -> requests.Response:
        return self._call("POST", url, **kwargs)

    def _call(self, method: str, url: str, **kwargs: Any) -> requests.Response:
        timeout = current_timeout()
        deadline = time.monotonic() + timeout
        method = _keys_out_of_url(method, url, kwargs)
        kwargs["timeout"] = timeout  # per read, and below: the whole request
        outcome: dict[str, Any] = {}

        def work() -> None:
            try:
                outcome["response"] = _fetch(method, url, deadline, kwargs)
            except BaseException as exc:  # handed to the caller's thread
                outcome["error"] = exc
                outcome["status"] = getattr(_local, "fetched_status", None)

        # The request runs in a helper thread so the caller gets its answer at the
        # deadline even while the server is still trickling headers.
        worker = threading.Thread(target=work, name="verso-mt-request", daemon=True)
        worker.start()
        worker.join(max(0.0, deadline - time.monotonic()) + 0.05)
        if worker.is_alive():
            raise DeadlineExceeded
        if "error" in outcome:
            _local.last_status = outcome.get("status")
            raise outcome["error"]
        response: requests.Response = outcome["response"]
        _local.last_status = response.status_code
        return response


SHIM = RequestsWithDeadline()
