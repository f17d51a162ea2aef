"""MT requests against hostile local servers (127.0.0.1): a server that trickles bytes,
one that sends a huge body, and where the API keys travel (issue 16, item 9)."""

from __future__ import annotations

import contextlib
import json
import resource
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from urllib.parse import parse_qs, urlsplit

import pytest

from app.core import mt
from app.core.mt import DeepTranslatorProvider, MTError, MTSettings
from app.core.mt.http import MAX_RESPONSE_BYTES

SECRET = "k-SECRET-0123456789:fx"
Handler = Callable[[socket.socket, bytes], None]


@pytest.fixture(autouse=True)
def _no_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(mt, "get_api_key", lambda provider: None)


def _read_request(conn: socket.socket) -> bytes:
    """The request's head and body (by Content-Length)."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return data
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":", 1)[1])
    while len(body) < length:
        body += conn.recv(65536)
    return head + b"\r\n\r\n" + body


@contextmanager
def raw_server(handler: Handler) -> Iterator[tuple[str, list[bytes]]]:
    """A one-thread-per-connection HTTP server on 127.0.0.1 running `handler`."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    seen: list[bytes] = []
    stop = threading.Event()

    def serve() -> None:
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                continue
            conn.settimeout(None)

            def one(conn: socket.socket = conn) -> None:
                with conn:
                    request = _read_request(conn)
                    seen.append(request)
                    with contextlib.suppress(OSError):  # the client hung up (a deadline)
                        handler(conn, request)

            threading.Thread(target=one, daemon=True).start()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/", seen
    finally:
        stop.set()
        thread.join(timeout=2)
        listener.close()


def _libre(url: str, timeout: float) -> DeepTranslatorProvider:
    return DeepTranslatorProvider("libretranslate", MTSettings(url=url, timeout=timeout, retries=0))


def test_trickling_server_is_cut_at_the_overall_deadline() -> None:
    def trickle(conn: socket.socket, _request: bytes) -> None:
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n")
        for _ in range(200):  # one header byte every 0.2 s: each read is quick
            conn.sendall(b"X")
            time.sleep(0.2)

    with raw_server(trickle) as (url, _):
        started = time.monotonic()
        with pytest.raises(MTError, match="did not answer within 1 s"):
            _libre(url, timeout=1.0).translate("Київ", "uk", "en")
        assert time.monotonic() - started < 2.0


def test_body_trickled_after_quick_headers_is_cut_too() -> None:
    def trickle(conn: socket.socket, _request: bytes) -> None:
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n")
        for byte in b'{"translatedText": "' + b" " * 200:
            conn.sendall(bytes([byte]))
            time.sleep(0.2)

    with raw_server(trickle) as (url, _):
        started = time.monotonic()
        with pytest.raises(MTError, match="did not answer"):
            _libre(url, timeout=1.0).translate("Київ", "uk", "en")
        assert time.monotonic() - started < 2.0


def test_huge_answer_is_cut_off_at_the_cap_without_the_memory() -> None:
    block = b" " * 65536

    def flood(conn: socket.socket, _request: bytes) -> None:
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n")
        conn.sendall(b'{"translatedText": "')
        for _ in range(300 * 16):  # 300 MB unless cut off
            conn.sendall(block)

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    cap = f"larger than {MAX_RESPONSE_BYTES // 2**20} MB"
    with raw_server(flood) as (url, _), pytest.raises(MTError, match=cap):
        _libre(url, timeout=20.0).translate("Київ", "uk", "en")
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown_mb < 100


def test_declared_huge_length_is_refused_before_reading() -> None:
    def liar(conn: socket.socket, _request: bytes) -> None:
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 314572800\r\n\r\n{")

    with raw_server(liar) as (url, _), pytest.raises(MTError, match="larger than"):
        _libre(url, timeout=5.0).translate("Київ", "uk", "en")


def _answer(payload: object) -> Handler:
    def handler(conn: socket.socket, _request: bytes) -> None:
        body = json.dumps(payload).encode()
        conn.sendall(
            b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
            + str(len(body)).encode()
            + b"\r\n\r\n"
            + body
        )

    return handler


def test_deepl_key_goes_in_the_authorization_header_never_the_url() -> None:
    with raw_server(_answer({"translations": [{"text": "Kyiv"}]})) as (url, seen):
        provider = DeepTranslatorProvider("deepl", MTSettings(api_key=SECRET, retries=0))
        provider._translator("uk", "en")._base_url = url
        assert provider.translate("Київ", "uk", "en") == "Kyiv"
    head, _, body = seen[-1].partition(b"\r\n\r\n")
    request_line = head.split(b"\r\n")[0].decode()
    assert request_line.startswith("POST ")
    assert SECRET not in request_line and "Київ" not in request_line
    assert f"Authorization: DeepL-Auth-Key {SECRET}".encode() in head
    form = parse_qs(body.decode())
    assert form["text"] == ["Київ"] and "auth_key" not in form


def test_libretranslate_key_goes_in_the_body_not_the_url() -> None:
    with raw_server(_answer({"translatedText": "Kyiv"})) as (url, seen):
        settings = MTSettings(url=url, api_key=SECRET, retries=0)
        assert (
            DeepTranslatorProvider("libretranslate", settings).translate("Київ", "uk", "en")
            == "Kyiv"
        )
    head, _, body = seen[-1].partition(b"\r\n\r\n")
    path = head.split(b"\r\n")[0].decode().split(" ")[1]
    assert not urlsplit(path).query
    assert parse_qs(body.decode())["api_key"] == [SECRET]
