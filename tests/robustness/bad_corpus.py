"""The bad-input corpus: crafted files made on the spot, each to go through every command.

`build(folder)` writes the files (nothing is stored in the repository: a 1M-line
TSV or a FIFO cannot be) and returns them as `Bad(name, path, role)`, where role
says where the file goes on a command line: "article" (as SOURCE beside a good
translation), "bilingual", "review" or "glossary". `commands(bad, good)` gives the
argument lists that feed it to check, open, export, report, metrics and every
glossary command. Run as a script it prints time and peak memory of each run:
    python -m tests.robustness.bad_corpus
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import stat
import sys
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

UK = "Президент України Володимир Зеленський провів зустріч у Києві.\n"
EN = "President of Ukraine Volodymyr Zelensky held a meeting in Kyiv.\n"
TSV_HEAD = "source\ttarget\tforbidden\tnote\n"


@dataclass(frozen=True)
class Bad:
    name: str
    path: Path
    role: str  # article | bilingual | review | glossary


@dataclass(frozen=True)
class Good:
    source: Path
    target: Path
    glossary: Path
    folder: Path


def good_files(folder: Path) -> Good:
    folder.mkdir(parents=True, exist_ok=True)
    source, target, glossary = folder / "uk.txt", folder / "en.txt", folder / "good.tsv"
    source.write_text(UK, encoding="utf-8")
    target.write_text(EN, encoding="utf-8")
    glossary.write_text(TSV_HEAD + "Київ\tKyiv\tKiev\t\n", encoding="utf-8")
    return Good(source, target, glossary, folder)


def _xliff(units: str, decl: str = '<?xml version="1.0" encoding="UTF-8"?>') -> str:
    return (
        f'{decl}\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
        '<file source-language="uk" target-language="en" datatype="plaintext" original="a">'
        f"<body>{units}</body></file></xliff>\n"
    )


def _unit(i: int, src: str = "Київ", tgt: str = "Kyiv") -> str:
    return f'<trans-unit id="{i}"><source>{src}</source><target>{tgt}</target></trans-unit>'


def _review(extra: str) -> str:
    return (
        '{"format": "verso-review", "version": 1, "source_lang": "uk", "target_lang": "en", '
        f'"pairs": [], "x": {extra}}}'
    )


def _sparse(path: Path, size: int) -> Path:
    with path.open("wb") as fh:
        fh.truncate(size)
    return path


def _special(folder: Path) -> Iterator[Bad]:
    """Devices, FIFOs and sockets, under each role's extension."""
    for role, ext in (("article", ".txt"), ("bilingual", ".xlf"), ("review", ".verso"),
                      ("glossary", ".tsv"), ("glossary", ".tbx")):  # fmt: skip
        zero = folder / f"zero-{role}{ext}"
        zero.symlink_to("/dev/zero")
        yield Bad(f"dev-zero{ext}", zero, role)
        fifo = folder / f"fifo-{role}{ext}"
        os.mkfifo(fifo)
        yield Bad(f"fifo{ext}", fifo, role)
        sock_path = folder / f"sock-{role}{ext}"
        with socket.socket(socket.AF_UNIX) as sock:
            sock.bind(str(sock_path))
        yield Bad(f"socket{ext}", sock_path, role)
        yield Bad(f"sparse-100MB{ext}", _sparse(folder / f"big-{role}{ext}", 100 * 2**20), role)


def _write(path: Path, data: str | bytes) -> Path:
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def _docx(path: Path, document: bytes, *, twice: bytes | None = None) -> Path:
    import warnings

    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", (
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.openxml'
            'formats-package.relationships+xml"/><Override PartName="/word/document.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.'
            'document.main+xml"/></Types>'))  # fmt: skip
        z.writestr("_rels/.rels", (
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxml'
            'formats.org/officeDocument/2006/relationships/officeDocument" '
            'Target="word/document.xml"/></Relationships>'))  # fmt: skip
        z.writestr("word/document.xml", document)
        if twice is not None:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # "Duplicate name": the very attack
                z.writestr("word/document.xml", twice)
    return path


def _w(body: str, dtd: str = "") -> bytes:
    return (
        f'<?xml version="1.0"?>{dtd}<w:document xmlns:w="http://schemas.openxmlformats.org/'
        f'wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>'
    ).encode()


def _crafted(folder: Path) -> Iterator[Bad]:
    f = folder
    yield Bad("line-4.5MB.txt", _write(f / "line.txt", "Слово і ще слово " * 280_000), "article")
    yield Bad("1M-lines.txt", _write(f / "lines.txt", "Київ\n" * 1_000_000), "article")
    yield Bad(
        "ansi-osc.txt",
        _write(f / "ansi.txt", UK * 20 + "Київ \x1b[31mKiev\x1b[0m \x1b]0;pwned\x07 \x9b2J.\n"),
        "article",
    )
    yield Bad(
        "docx-two-documents.docx",
        _docx(
            f / "twice.docx",
            _w("<w:p><w:r><w:t>Перший текст.</w:t></w:r></w:p>"),
            twice=_w("<w:p><w:r><w:t>Прихований текст.</w:t></w:r></w:p>"),
        ),
        "article",
    )
    yield Bad(
        "docx-internal-entity.docx",
        _docx(
            f / "entity.docx",
            _w(
                "<w:p><w:r><w:t>Перед &e; після.</w:t></w:r></w:p>",
                '<!DOCTYPE w:document [<!ENTITY e "сутність">]>',
            ),
        ),
        "article",
    )
    yield Bad(
        "docx-deep.docx",
        _docx(f / "deep.docx", _w("<w:p>" + "<w:r>" * 200_000 + "</w:r>" * 200_000 + "</w:p>")),
        "article",
    )
    for name, decl in (("shift_jis", "shift_jis"), ("utf-7", "utf-7"), ("unknown", "x-verso-no")):
        yield Bad(
            f"xliff-encoding-{name}.xlf",
            _write(
                f / f"enc-{name}.xlf",
                _xliff(_unit(1, "Kyiv", "Kyiv"), f'<?xml version="1.0" encoding="{decl}"?>'),
            ),
            "bilingual",
        )
        yield Bad(
            f"tmx-encoding-{name}.tmx",
            _write(
                f / f"enc-{name}.tmx",
                (
                    f'<?xml version="1.0" encoding="{decl}"?><tmx version="1.4">'
                    '<header srclang="uk" datatype="plaintext" segtype="sentence" adminlang="en" '
                    'creationtool="x" creationtoolversion="1" o-tmf="x"/><body><tu>'
                    '<tuv xml:lang="uk"><seg>Kyiv</seg></tuv>'
                    '<tuv xml:lang="en"><seg>Kyiv</seg></tuv></tu></body></tmx>'
                ),
            ),
            "bilingual",
        )
    yield Bad(
        "xliff-utf16-no-bom.xlf",
        _write(
            f / "utf16.xlf",
            _xliff(_unit(1), '<?xml version="1.0" encoding="UTF-16"?>').encode("utf-16-le"),
        ),
        "bilingual",
    )
    yield Bad(
        "xliff-deep.xlf",
        _write(
            f / "deep.xlf",
            _xliff(
                '<trans-unit id="1"><source>'
                + "<g>" * 100_000
                + "x"
                + "</g>" * 100_000
                + "</source></trans-unit>"
            ),
        ),
        "bilingual",
    )
    yield Bad(
        "xliff-60k-units.xlf",
        _write(f / "units.xlf", _xliff("".join(_unit(i) for i in range(60_000)))),
        "bilingual",
    )
    yield Bad(
        "xliff-line-4.5MB.xlf",
        _write(f / "longunit.xlf", _xliff(_unit(1, "Слово " * 750_000, "Word " * 900_000))),
        "bilingual",
    )
    yield Bad("verso-400-digits.verso", _write(f / "digits.verso", _review("1" * 400)), "review")
    yield Bad(
        "verso-1M-pairs.verso",
        _write(f / "pairs.verso", _review("[" + ",".join(['{"index": 0}'] * 1_000_000) + "]")),
        "review",
    )
    yield Bad("verso-deep.verso", _write(f / "deep.verso", _review("[" * 100_000 + "]" * 100_000)),
              "review")  # fmt: skip
    yield Bad("tsv-1M-lines.tsv", _write(
        f / "million.tsv", TSV_HEAD + "".join(f"т{i}\tt{i}\t\t\n" for i in range(1_000_000))),
        "glossary")  # fmt: skip
    yield Bad("tsv-line-4.5MB.tsv", _write(f / "longline.tsv", TSV_HEAD + "Київ\t" + "K" * 4_500_000
                                           + "\t\t\n"), "glossary")  # fmt: skip
    yield Bad("csv-1M-lines.csv", _write(
        f / "million.csv", "source,target\n" + "".join(f"т{i},t{i}\n" for i in range(1_000_000))),
        "glossary")  # fmt: skip
    yield Bad(
        "omegat-1M-lines.tab",
        _write(f / "million.tab", "".join(f"т{i}\tt{i}\n" for i in range(1_000_000))),
        "glossary",
    )
    tbx_entry = (
        '<termEntry><langSet xml:lang="uk"><tig><term>т</term></tig></langSet>'
        '<langSet xml:lang="en"><tig><term>t</term></tig></langSet></termEntry>'
    )
    yield Bad(
        "tbx-500k-entries.tbx",
        _write(
            f / "big.tbx",
            (
                '<?xml version="1.0"?><martif type="TBX" xml:lang="en"><text><body>'
                + tbx_entry * 500_000
                + "</body></text></martif>"
            ),
        ),
        "glossary",
    )
    yield Bad(
        "tbx-deep.tbx",
        _write(
            f / "deep.tbx",
            (
                '<?xml version="1.0"?><martif type="TBX" xml:lang="en"><text><body>'
                + "<x>" * 100_000
                + "</x>" * 100_000
                + "</body></text></martif>"
            ),
        ),
        "glossary",
    )


def build(folder: Path) -> list[Bad]:
    """Write the corpus into `folder` (created) and list it."""
    folder.mkdir(parents=True, exist_ok=True)
    return [*_special(folder), *_crafted(folder)]


def commands(bad: Bad, good: Good) -> list[list[str]]:
    """Every command line that reads `bad` in its role."""
    p, out = str(bad.path), good.folder / "out"
    src, tgt, gl = str(good.source), str(good.target), str(good.glossary)
    if bad.role == "glossary":
        return [
            ["check", src, tgt, "--glossary", p],
            ["report", src, tgt, "--glossary", p, "--to", f"{out}.html"],
            ["export", src, tgt, "--glossary", p, "--to", f"{out}.verso"],
            ["glossary", "check", p],
            ["glossary", "export", p, f"{out}.tsv"],
            ["glossary", "import", p, f"{out}.tbx"],
            ["glossary", "add", p, "Харків", "Kharkiv"],
        ] + ([] if stat.S_ISREG(os.stat(bad.path).st_mode) else [["open", "--glossary", p]])
    inputs = [p, tgt] if bad.role == "article" else [p]
    runs = [
        ["check", *inputs, "--glossary", gl],
        ["check", *inputs, "--glossary", gl, "--format", "json"],
        ["export", *inputs, "--to", f"{out}.docx"],
        ["report", *inputs, "--glossary", gl, "--to", f"{out}.html"],
        ["metrics", *inputs, tgt],
    ]
    if bad.role == "article":
        runs.append(["metrics", p, p])  # MT EDITED: two texts in one language
    if not stat.S_ISREG(os.stat(bad.path).st_mode):
        runs.append(["open", *inputs])  # refused before the window starts
    return runs


def run_batch(commands: list[list[str]]) -> list[dict[str, object]]:
    """Run CLI commands in this process, one after another: exit code, time, output and
    the process's peak memory so far (the caller boxes the process to 2 GB)."""
    import io
    import resource
    import time
    from contextlib import redirect_stderr, redirect_stdout

    from app.cli import main as cli_main

    results: list[dict[str, object]] = []
    for args in commands:
        out, err = io.StringIO(), io.StringIO()
        started = time.monotonic()
        with redirect_stdout(out), redirect_stderr(err):
            try:
                code = cli_main(args)
            except SystemExit as exc:  # argparse
                code = exc.code if isinstance(exc.code, int) else 2
            except BaseException as exc:  # what the test reports: a traceback escaped
                code = -1
                err.write(f"Traceback: {type(exc).__name__}: {exc}")
        results.append({
            "args": args,
            "code": code,
            "seconds": round(time.monotonic() - started, 2),
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
            "stdout": out.getvalue()[-200_000:],
            "stderr": err.getvalue()[-2000:],
        })  # fmt: skip
    return results


def main() -> int:  # pragma: no cover - a measuring script
    if sys.argv[1:2] == ["batch"]:  # commands as JSON on stdin, results as JSON on stdout
        results = run_batch(json.loads(sys.stdin.read()))
        print(json.dumps(results))
        return 0
    import tempfile
    import time

    from tests.robustness.conftest import run_cli_measured

    with tempfile.TemporaryDirectory() as tmp:
        good = good_files(Path(tmp) / "good")
        for bad in build(Path(tmp) / "bad"):
            for args in commands(bad, good):
                started = time.monotonic()
                with contextlib.suppress(Exception):
                    run, peak = run_cli_measured(args)
                    line = (run.stderr.strip().splitlines() or [""])[-1][:110]
                    print(
                        f"{bad.name:28} {args[0]:8} {args[1] if args[0] == 'glossary' else '':6}"
                        f" {run.code} {time.monotonic() - started:5.1f}s {peak:5d}MB {line}"
                    )
                    sys.stdout.flush()
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
