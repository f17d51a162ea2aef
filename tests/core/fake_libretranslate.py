"""A local HTTP server speaking LibreTranslate's API, for tests without the internet.

Modes: "ok" translates from a small dictionary (unknown text comes back tagged
"[en] ..."), "error500" always answers 500, "forbidden" answers 403 (bad key),
"silent" accepts connections and never answers. Every request is recorded so
tests can count retries and see the parameters the real client sent.
"""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

LANGUAGES = [
    {"code": "en", "name": "English", "targets": ["uk", "ru", "en"]},
    {"code": "uk", "name": "Ukrainian", "targets": ["en", "ru"]},
    {"code": "ru", "name": "Russian", "targets": ["en", "uk"]},
]


@dataclass
class FakeServer:
    url: str
    mode: str
    requests: list[dict[str, Any]] = field(default_factory=list)
    dictionary: dict[str, str] = field(default_factory=dict)
    api_key: str | None = None


def _handler(state: FakeServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # silence stderr
            return

        def _send(self, status: int, payload: object) -> None:
            body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            state.requests.append({"method": "GET", "path": self.path})
            if urlsplit(self.path).path.rstrip("/") == "/languages":
                self._send(200, LANGUAGES)
            else:
                self._send(404, {"error": "Not Found"})

        def do_POST(self) -> None:
            parts = urlsplit(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length).decode("utf-8") if length else ""
            params = {k: v[0] for k, v in parse_qs(parts.query).items()}
            if raw:
                if self.headers.get("Content-Type", "").startswith("application/json"):
                    params.update(json.loads(raw))
                else:
                    params.update({k: v[0] for k, v in parse_qs(raw).items()})
            state.requests.append({"method": "POST", "path": parts.path, "params": params})
            if parts.path.rstrip("/") != "/translate":
                self._send(404, {"error": "Not Found"})
                return
            if state.mode == "error500":
                self._send(500, {"error": "internal error"})
                return
            if state.mode == "forbidden" or (
                state.api_key is not None and params.get("api_key") != state.api_key
            ):
                self._send(403, {"error": "Invalid API key"})
                return
            codes = {lang["code"] for lang in LANGUAGES}
            if params.get("source") not in codes or params.get("target") not in codes:
                self._send(400, {"error": "language not supported"})
                return
            text = params.get("q", "")
            translated = state.dictionary.get(text, f"[{params['target']}] {text}")
            self._send(200, {"translatedText": translated})

    return Handler


@contextmanager
def serve(
    mode: str = "ok", dictionary: dict[str, str] | None = None, api_key: str | None = None
) -> Iterator[FakeServer]:
    """Run a fake server on 127.0.0.1 (ephemeral port) for the duration of the block."""
    if mode == "silent":
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind(("127.0.0.1", 0))
        sock.listen(16)  # the kernel completes connections; nobody ever answers
        try:
            yield FakeServer(url=f"http://127.0.0.1:{sock.getsockname()[1]}/", mode=mode)
        finally:
            sock.close()
        return
    state = FakeServer(url="", mode=mode, dictionary=dict(dictionary or {}), api_key=api_key)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    server.daemon_threads = True
    state.url = f"http://127.0.0.1:{server.server_address[1]}/"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
