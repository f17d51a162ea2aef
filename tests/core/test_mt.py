"""MT providers end to end against a local LibreTranslate server (no internet)."""

from __future__ import annotations

import socket
import threading
import time

import pytest

from app.core import mt
from app.core.model.document import Pair
from app.core.mt import (
    DeepTranslatorProvider,
    MTCancelled,
    MTError,
    MTSettings,
    make_provider,
    translate_paragraphs,
    translate_segments,
)
from tests.core.fake_libretranslate import serve

SECRET = "sk-TOPSECRET-123456"


def libre(url: str, **kwargs: object) -> DeepTranslatorProvider:
    settings = MTSettings(url=url, **kwargs)  # type: ignore[arg-type]
    return DeepTranslatorProvider("libretranslate", settings)


@pytest.fixture(autouse=True)
def _no_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in mt.PROVIDER_NAMES:
        monkeypatch.delenv(mt.env_var_for(name), raising=False)
    monkeypatch.setattr(mt, "get_api_key", lambda provider: None)


def test_libretranslate_real_client_translates_ukrainian() -> None:
    with serve(dictionary={"Київ — столиця.": "Kyiv is the capital."}) as server:
        provider = libre(server.url, retries=0)
        assert provider.translate("Київ — столиця.", "uk", "en") == "Kyiv is the capital."
        sent = server.requests[-1]["params"]
        assert sent["source"] == "uk" and sent["target"] == "en"
        assert "api_key" not in sent  # a self-hosted server without keys gets none


def test_api_key_is_sent_to_server_that_needs_it() -> None:
    with serve(api_key=SECRET) as server:
        provider = libre(server.url, api_key=SECRET, retries=0)
        assert provider.translate("так", "uk", "en") == "[en] так"
        assert server.requests[-1]["params"]["api_key"] == SECRET


def test_bad_key_is_not_retried_and_never_shown() -> None:
    with serve(mode="forbidden") as server:
        provider = libre(server.url, api_key=SECRET, retries=3, backoff=0.01)
        with pytest.raises(MTError) as info:
            provider.translate("так", "uk", "en")
        message = str(info.value)
        assert SECRET not in message and SECRET not in repr(info.value)
        assert "API key" in message and "403" in message
        assert len([r for r in server.requests if r["method"] == "POST"]) == 1


def test_server_error_is_retried_with_backoff_then_explained() -> None:
    sleeps: list[float] = []
    with serve(mode="error500") as server:
        provider = DeepTranslatorProvider(
            "libretranslate",
            MTSettings(url=server.url, retries=2, backoff=0.5),
            sleep=sleeps.append,
        )
        with pytest.raises(MTError) as info:
            provider.translate("так", "uk", "en")
    assert len(server.requests) == 3
    assert sleeps == [0.5, 1.0]
    assert "server error (HTTP 500)" in str(info.value)


def test_silent_server_times_out_in_about_the_timeout() -> None:
    with serve(mode="silent") as server:
        provider = libre(server.url, timeout=1, retries=0)
        start = time.monotonic()
        with pytest.raises(MTError) as info:
            provider.translate("так", "uk", "en")
        elapsed = time.monotonic() - start
    assert 0.9 <= elapsed < 2.5
    assert "did not answer within 1 s" in str(info.value)


def test_refused_connection_says_offline_or_refused() -> None:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    provider = DeepTranslatorProvider(
        "libretranslate",
        MTSettings(url=f"http://127.0.0.1:{port}/", api_key=SECRET, retries=1, backoff=0.01),
    )
    with pytest.raises(MTError) as info:
        provider.translate("так", "uk", "en")
    assert "offline" in str(info.value) and f"127.0.0.1:{port}" in str(info.value)
    assert SECRET not in str(info.value)


def test_unknown_provider_and_missing_deepl_key() -> None:
    with pytest.raises(MTError, match="unknown MT provider"):
        make_provider("babelfish")
    deepl = make_provider("deepl", retries=0)
    with pytest.raises(MTError, match="VERSO_DEEPL_API_KEY"):
        deepl.translate("так", "uk", "en")


def test_key_from_environment_never_leaks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.undo()  # use the real get_api_key
    monkeypatch.setenv("VERSO_LIBRETRANSLATE_API_KEY", SECRET)
    with serve(mode="forbidden") as server:
        provider = libre(server.url, retries=0)
        assert provider.settings.api_key == SECRET
        with pytest.raises(MTError) as info:
            provider.translate("так", "uk", "en")
    assert SECRET not in str(info.value)


def test_keyring_failure_means_no_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.undo()
    monkeypatch.delenv("VERSO_DEEPL_API_KEY", raising=False)
    import keyring

    def broken(service: str, user: str) -> str:
        raise RuntimeError("no backend")

    monkeypatch.setattr(keyring, "get_password", broken)
    assert mt.get_api_key("deepl") is None
    monkeypatch.setattr(keyring, "get_password", lambda s, u: "k-from-ring")
    assert mt.get_api_key("deepl") == "k-from-ring"


def test_translate_segments_reports_each_result_and_passes_empty_through() -> None:
    seen: list[tuple[int, str]] = []
    with serve(dictionary={"Один.": "One.", "Два.": "Two."}) as server:
        provider = libre(server.url, retries=0)
        pairs = [Pair(0, "Один.", ""), Pair(1, "  ", ""), Pair(2, "Два.", "")]
        result = translate_segments(
            pairs, provider, "uk", "en", on_result=lambda i, t: seen.append((i, t))
        )
        posts = [r for r in server.requests if r["method"] == "POST"]
    assert result == ["One.", "  ", "Two."]
    assert seen == [(0, "One."), (1, "  "), (2, "Two.")]
    assert len(posts) == 2


def test_cancel_stops_before_next_segment() -> None:
    cancel = threading.Event()
    with serve() as server:
        provider = libre(server.url, retries=0)

        def on_result(index: int, _text: str) -> None:
            if index == 1:
                cancel.set()

        with pytest.raises(MTCancelled, match="after 2 of 4"):
            translate_segments(["а", "б", "в", "г"], provider, "uk", "en", on_result, cancel)
        assert len([r for r in server.requests if r["method"] == "POST"]) == 2


def test_translate_paragraphs_keeps_paragraphs_and_counts_sentences() -> None:
    progress: list[tuple[int, int]] = []
    dictionary = {"Перше речення.": "First sentence.", "Друге речення.": "Second sentence."}
    with serve(dictionary=dictionary) as server:
        provider = libre(server.url, retries=0)
        out = translate_paragraphs(
            ["Перше речення. Друге речення.", "Перше речення."],
            provider,
            "uk",
            "en",
            on_progress=lambda done, total: progress.append((done, total)),
        )
    assert out == ["First sentence. Second sentence.", "First sentence."]
    assert progress == [(1, 3), (2, 3), (3, 3)]


def test_timeout_must_be_positive() -> None:
    with pytest.raises(MTError, match="positive"):
        make_provider("google", timeout=0)
