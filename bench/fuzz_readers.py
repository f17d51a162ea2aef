"""Fuzz the file readers: random and mutated bytes must give a Document or an InputError.

    .venv/bin/python -m bench.fuzz_readers --minutes 5            # atheris (coverage-guided)
    .venv/bin/python -m bench.fuzz_readers --minutes 5 --random   # no atheris: random mutation

Every input goes through the article reader (.txt .md .html .docx), the bilingual
reader (.xlf .tmx) and the glossary reader (.tsv .csv .tbx .txt); the first byte
picks the extension. Anything raised that is not an InputError is a crash: it is
printed with its traceback, its input saved under --crashes, and counted. At the
end one line reports executions, time and crashes.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import io
import random
import sys
import tempfile
import time
import traceback
import zipfile
from collections.abc import Callable
from pathlib import Path

from app.core.model.errors import InputError

EXTS = (".txt", ".md", ".html", ".docx", ".xlf", ".tmx", ".tsv", ".csv", ".tbx")


def _docx_seed() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr(
            "word/document.xml",
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            "<w:body><w:p><w:r><w:t>Київ заявив.</w:t></w:r></w:p></w:body></w:document>",
        )
    return buf.getvalue()


SEEDS: tuple[bytes, ...] = (
    "Президент заявив у Києві.\r\nThe president said.\n\n25 %".encode(),
    "Київ заявив".encode("cp1251"),
    "Київ заявив".encode("koi8-u"),
    "Київ".encode("utf-16-le"),
    b"# Title\n\n*bold* [link](http://x) ![img](y.png)\n> quote\n- item",
    b"<html><head><script>x()</script></head><body><p>a<br>b</p><img src=x></body></html>",
    b'<?xml version="1.0"?><xliff version="1.2"><file source-language="uk" '
    b'target-language="en"><body><trans-unit id="1"><source>a</source><target>b</target>'
    b"</trans-unit></body></file></xliff>",
    b'<tmx version="1.4"><header srclang="uk"/><body><tu><tuv xml:lang="uk"><seg>a</seg>'
    b'</tuv><tuv xml:lang="en"><seg>b</seg></tuv></tu></body></tmx>',
    b"<martif><text><body><termEntry><langSet xml:lang='uk'><tig><term>a</term></tig>"
    b"</langSet><langSet xml:lang='en'><tig><term>b</term></tig></langSet></termEntry>"
    b"</body></text></martif>",
    "source\ttarget\tforbidden\tnote\nКиїв\tKyiv\tKiev\tx\n".encode(),
    "source;target\n\"Київ\";\"Kyiv\"\n".encode(),
    _docx_seed(),
)


class Target:
    """Runs one input through the readers; records crashes."""

    def __init__(self, folder: Path, crashes: Path) -> None:
        self.folder = folder
        self.crashes = crashes
        self.executions = 0
        self.found: dict[str, str] = {}  # crash signature -> saved input

    def run(self, data: bytes) -> None:
        from app.core.files.bilingual import read_bilingual
        from app.core.files.readers import read_document
        from app.core.glossary.io import glossary_from_bytes

        self.executions += 1
        ext = EXTS[data[0] % len(EXTS)] if data else ".txt"
        body = data[1:]
        path = self.folder / f"input{ext}"
        path.write_bytes(body)
        readers: list[Callable[[], object]] = []
        if ext in (".xlf", ".tmx"):
            readers.append(lambda: read_bilingual(path))
        elif ext in (".tsv", ".csv", ".tbx"):
            readers.append(lambda: glossary_from_bytes(body, path))
        else:
            readers.append(lambda: read_document(path))
            readers.append(lambda: glossary_from_bytes(body, path.with_suffix(".txt")))
        for reader in readers:
            try:
                reader()
            except InputError:
                pass
            except Exception as exc:  # finding these is the point
                self._record(data, exc)

    def _record(self, data: bytes, exc: Exception) -> None:
        tb = traceback.extract_tb(exc.__traceback__)
        where = tb[-1] if tb else None
        name = type(exc).__name__
        signature = f"{name} at {where.filename}:{where.lineno}" if where else repr(exc)
        if signature in self.found:
            return
        self.crashes.mkdir(parents=True, exist_ok=True)
        saved = self.crashes / f"crash-{hashlib.sha1(data).hexdigest()[:12]}"
        saved.write_bytes(data)
        self.found[signature] = str(saved)
        print(f"CRASH {signature}: {exc!r} (input: {saved})", file=sys.stderr, flush=True)
        traceback.print_exception(exc, file=sys.stderr)


def _mutate(rng: random.Random, data: bytes) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        op = rng.randrange(6)
        pos = rng.randrange(len(buf) + 1)
        if op == 0 and buf:
            buf[min(pos, len(buf) - 1)] = rng.randrange(256)
        elif op == 1:
            buf[pos:pos] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))
        elif op == 2 and buf:
            del buf[pos : pos + rng.randint(1, 32)]
        elif op == 3:
            other = rng.choice(SEEDS)
            start = rng.randrange(len(other))
            buf[pos:pos] = other[start : start + rng.randint(1, 64)]
        elif op == 4:
            buf[pos:pos] = rng.choice([b"<!DOCTYPE x [<!ENTITY e 'x'>]>", b"&e;", b"\x00",
                                       b"\xff\xfe", b"\r", b"\t", b"<", b"]]>", b"PK\x03\x04"])
        else:
            buf = buf[:pos]
    return bytes(buf)


def random_fuzz(target: Target, seconds: float, seed: int) -> None:
    rng = random.Random(seed)
    corpus = [bytes([i]) + s for i in range(len(EXTS)) for s in SEEDS]
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        data = _mutate(rng, rng.choice(corpus))
        target.run(data)
        if rng.random() < 0.01 and len(corpus) < 5000:
            corpus.append(data)


def atheris_fuzz(target: Target, seconds: float, corpus_dir: Path) -> None:
    import atheris  # type: ignore[import-untyped,unused-ignore]

    corpus_dir.mkdir(parents=True, exist_ok=True)
    for i in range(len(EXTS)):
        for j, seed in enumerate(SEEDS):
            (corpus_dir / f"seed-{i}-{j}").write_bytes(bytes([i]) + seed)
    with atheris.instrument_imports():  # coverage feedback from the reader modules
        for name in ("bilingual", "encodings", "glossary.io", "glossary.tbx", "readers",
                     "readers_docx", "readers_markup"):  # fmt: skip
            importlib.import_module(f"app.core.{name}")
    args = [sys.argv[0], f"-max_total_time={int(seconds)}", "-rss_limit_mb=2048",
            "-timeout=10", "-print_final_stats=1", str(corpus_dir)]  # fmt: skip
    atheris.Setup(args, target.run)
    atheris.Fuzz()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--minutes", type=float, default=1.0)
    parser.add_argument("--random", action="store_true", help="plain random mutation")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--crashes", default="fuzz-crashes", help="folder for crashing inputs")
    args = parser.parse_args(argv)
    seconds = args.minutes * 60
    with tempfile.TemporaryDirectory(prefix="verso-fuzz-") as tmp:
        target = Target(Path(tmp), Path(args.crashes))
        start = time.monotonic()
        engine = "random"
        try:
            if args.random:
                raise ImportError
            import atheris  # type: ignore[import-untyped,unused-ignore]  # noqa: F401

            engine = "atheris"
        except ImportError:
            random_fuzz(target, seconds, args.seed)
        else:
            import atexit

            atexit.register(_report, target, start, engine)
            atheris_fuzz(target, seconds, Path(tmp) / "corpus")
        _report(target, start, engine)
    return 1 if target.found else 0


def _report(target: Target, start: float, engine: str) -> None:
    elapsed = time.monotonic() - start
    print(f"fuzz_readers ({engine}): {target.executions} executions in {elapsed:.0f} s, "
          f"{len(target.found)} distinct crashes", flush=True)  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
