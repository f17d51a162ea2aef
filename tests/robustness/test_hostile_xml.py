"""XLIFF, TMX and TBX from strangers: no entity is resolved, no URL fetched, bombs refused fast.

Every CLI run is a subprocess boxed to 10 s and 2 GB (conftest.run_cli); a local
socket server records any connection attempt an external reference could cause.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import main as cli_main
from app.core.files.bilingual import read_bilingual
from app.core.glossary.io import read_glossary
from app.core.model.errors import InputError
from tests.robustness.conftest import CliRun, Listener, assert_refused, run_cli

SECRET = "VERSO-SECRET-7f3a"

XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
{dtd}<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file original="a.txt" source-language="uk" target-language="en" datatype="plaintext">
  <body>
   <trans-unit id="1"><source>Київ {ref}</source><target>Kyiv {ref}</target></trans-unit>
  </body>
 </file>
</xliff>
"""
TMX = """<?xml version="1.0" encoding="UTF-8"?>
{dtd}<tmx version="1.4"><header srclang="uk" datatype="plaintext" segtype="sentence"
 adminlang="en" creationtool="t" creationtoolversion="1" o-tmf="t"/>
 <body><tu><tuv xml:lang="uk"><seg>Київ {ref}</seg></tuv>
 <tuv xml:lang="en"><seg>Kyiv {ref}</seg></tuv></tu></body></tmx>
"""
TBX = """<?xml version="1.0" encoding="UTF-8"?>
{dtd}<martif type="TBX" xml:lang="en"><text><body>
 <termEntry id="c1">
  <langSet xml:lang="uk"><tig><term>Київ {ref}</term></tig></langSet>
  <langSet xml:lang="en"><tig><term>Kyiv {ref}</term></tig></langSet>
 </termEntry></body></text></martif>
"""
LAUGHS = "".join(
    f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
)
BOMB_DTD = f'<!DOCTYPE x [<!ENTITY lol0 "lol">{LAUGHS}]>\n'
QUADRATIC_DTD = '<!DOCTYPE x [<!ENTITY a "' + "A" * 50_000 + '">]>\n'
XINCLUDE = '<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{url}/i" parse="text"/>'
TEMPLATES = {"xlf": XLIFF, "tmx": TMX, "tbx": TBX}


@pytest.fixture
def secret_file(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text(SECRET, encoding="utf-8")
    return path


def _hostile(tmp_path: Path, ext: str, dtd: str, ref: str) -> Path:
    path = tmp_path / f"hostile.{ext}"
    path.write_text(TEMPLATES[ext].format(dtd=dtd, ref=ref), encoding="utf-8")
    return path


def _run(path: Path, ext: str) -> CliRun:
    if ext == "tbx":
        return run_cli(["glossary", "check", str(path)])
    return run_cli(["check", str(path), "--format", "json"])


def _assert_no_leak(run: CliRun, path: Path) -> None:
    assert SECRET not in run.stdout + run.stderr
    assert "root:" not in run.stdout + run.stderr
    assert "Traceback" not in run.stderr
    if run.code == 2:
        assert_refused(run, path)


def _attacks(secret: Path, listener: Listener) -> dict[str, tuple[str, str]]:
    return {
        "xxe-file": (f'<!DOCTYPE x [<!ENTITY xxe SYSTEM "file://{secret}">]>\n', "&xxe;"),
        "xxe-passwd": ('<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n', "&xxe;"),
        "xxe-http": (f'<!DOCTYPE x [<!ENTITY xxe SYSTEM "{listener.url}/e">]>\n', "&xxe;"),
        "external-dtd": (f'<!DOCTYPE x SYSTEM "{listener.url}/x.dtd">\n', ""),
        "parameter-entity": (
            f'<!DOCTYPE x [<!ENTITY % p SYSTEM "{listener.url}/p.dtd"> %p;]>\n', ""
        ),
        "xinclude": ("", XINCLUDE.format(url=listener.url)),
    }


@pytest.mark.parametrize("ext", ["xlf", "tmx", "tbx"])
def test_external_entities_never_resolve_or_connect(
    tmp_path: Path, ext: str, secret_file: Path, listener: Listener
) -> None:
    for name, (dtd, ref) in _attacks(secret_file, listener).items():
        path = _hostile(tmp_path, ext, dtd, ref)
        run = _run(path, ext)
        _assert_no_leak(run, path)
        assert listener.connects == [], (ext, name)
        if "ENTITY" in dtd:  # declared entities: refused outright, never half-read
            assert run.code == 2 or (ext == "tbx" and run.code == 1), (name, run)


@pytest.mark.parametrize("ext", ["xlf", "tmx", "tbx"])
@pytest.mark.parametrize("dtd", [BOMB_DTD, QUADRATIC_DTD], ids=["billion-laughs", "quadratic"])
def test_entity_bombs_are_refused_fast(tmp_path: Path, ext: str, dtd: str) -> None:
    ref = "&lol9;" if "lol9" in dtd else "&a;" * 2000
    path = _hostile(tmp_path, ext, dtd, ref)
    run = _run(path, ext)
    assert "Traceback" not in run.stderr
    assert "lollollol" not in run.stdout and "AAAAAAAAAA" not in run.stdout
    if ext == "tbx":
        assert run.code in (1, 2), run  # glossary check lists the problem or refuses
        if run.code == 1:
            assert all(str(path) in line for line in run.stdout.strip().splitlines())
    else:
        assert_refused(run, path)


@pytest.mark.parametrize("ext", ["xlf", "tmx", "tbx"])
@pytest.mark.parametrize(
    "damage",
    [lambda t: t[: len(t) // 2], lambda t: t.replace("</source>", "").replace("</seg>", "")
     .replace("</term>", ""), lambda t: "\x00\x01garbage" + t, lambda t: ""],
    ids=["truncated", "unclosed", "garbage", "empty"],
)
def test_malformed_xml_is_refused_in_one_line(
    tmp_path: Path, ext: str, damage: object, capsys: pytest.CaptureFixture[str]
) -> None:
    """In-process CLI (the subprocess box is exercised above; this keeps the suite fast)."""
    path = tmp_path / f"bad.{ext}"
    path.write_text(damage(TEMPLATES[ext].format(dtd="", ref="")), encoding="utf-8")  # type: ignore[operator]
    args = ["glossary", "check", str(path)] if ext == "tbx" else ["check", str(path)]
    code = cli_main(args)
    out = capsys.readouterr()
    run = CliRun(code, out.out, out.err)
    assert "Traceback" not in run.stderr
    if ext == "tbx" and run.code == 1:  # `glossary check` lists problems, one a line
        assert run.stdout.strip() and all(
            line.startswith(str(path)) for line in run.stdout.strip().splitlines()
        )
    else:
        assert_refused(run, path)


def test_in_process_readers_refuse_xxe_without_reading(tmp_path: Path, secret_file: Path) -> None:
    dtd = f'<!DOCTYPE x [<!ENTITY xxe SYSTEM "file://{secret_file}">]>\n'
    for ext in ("xlf", "tmx"):
        with pytest.raises(InputError) as err:
            read_bilingual(_hostile(tmp_path, ext, dtd, "&xxe;"))
        assert SECRET not in str(err.value)
    tbx = _hostile(tmp_path, "tbx", dtd, "&xxe;")
    try:
        glossary, problems = read_glossary(tbx)
    except InputError as exc:
        assert SECRET not in str(exc)
    else:
        assert all(SECRET not in e.source + "".join(e.targets) for e in glossary)
        assert problems


def test_clean_files_still_read(tmp_path: Path) -> None:
    """The control case: the same templates without a DTD are read."""
    for ext in ("xlf", "tmx"):
        doc = read_bilingual(_hostile(tmp_path, ext, "", ""))
        assert [p.target.strip() for p in doc.pairs] == ["Kyiv"]
    glossary, problems = read_glossary(_hostile(tmp_path, "tbx", "", ""))
    assert [e.source for e in glossary] == ["Київ"] and not problems
