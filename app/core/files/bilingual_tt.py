"""Bilingual files read through translate-toolkit's object tree (the reference reader).

Verso reads XLIFF and TMX as a stream (bilingual_stream.py); this whole-tree reader is
kept for what the stream does not model (XLIFF that translate-toolkit turns into its
PO flavour) and as the reference the stream is tested against, unit for unit.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from app.core.model.document import Pair


@lru_cache(maxsize=4096)
def short_lang(code: str | None) -> str:
    """en-US -> en, uk_UA -> uk: Verso's checks work on the language, not the locale."""
    return re.split(r"[-_]", code or "", maxsplit=1)[0].lower()


def notes_of(unit: Any, fmt: str) -> tuple[str, ...]:
    texts: list[str] = []
    if fmt == "xliff2":
        element = unit.getunitelement()
        ns = element.nsmap.get(None, "")
        for container in element.iterchildren(f"{{{ns}}}notes"):
            texts.extend(n.text for n in container.iterchildren(f"{{{ns}}}note") if n.text)
    raw = unit.getnotes() or ""
    texts.extend(t for t in raw.split("\n") if t.strip())
    unique: list[str] = []
    for text in texts:
        if text.strip() and text.strip() not in unique:
            unique.append(text.strip())
    return tuple(unique)


def read_xliff_tt(data: bytes, fmt: str) -> tuple[list[Pair], str, str]:
    if fmt == "xliff2":
        from translate.storage.xliff2 import Xliff2File

        store: Any = Xliff2File.parsestring(data)  # type: ignore[no-untyped-call]
    else:
        from translate.storage.xliff import xlifffile

        store = xlifffile.parsestring(data)  # type: ignore[no-untyped-call]
    pairs: list[Pair] = []
    for unit in store.units:
        if unit.isheader() or not unit.istranslatable():
            continue
        source = str(unit.source or "")
        if not source.strip():
            continue
        target = str(unit.target or "")
        index = len(pairs)
        pairs.append(Pair(index, source, target, paragraph=index, notes=notes_of(unit, fmt)))
    return pairs, store.getsourcelanguage() or "", store.gettargetlanguage() or ""


def read_tmx_tt(
    data: bytes, source_lang: str | None, target_lang: str | None
) -> tuple[list[Pair], str, str]:
    from translate.misc.xml_helpers import getXMLlang
    from translate.storage.tmx import tmxfile

    store: Any = tmxfile.parsestring(data)  # type: ignore[no-untyped-call]
    header_src = store.sourcelanguage if store.sourcelanguage not in (None, "*all*") else None
    src = source_lang or header_src
    pairs: list[Pair] = []
    seen_targets: list[str] = []
    for unit in store.units:
        nodes = unit.getlanguageNodes()
        # TMX 1.1 writes lang=, 1.4 xml:lang=
        langs = [getXMLlang(n) or n.get("lang") or "" for n in nodes]  # type: ignore[no-untyped-call]
        if not nodes:
            continue
        unit_src = src or langs[0]
        src = src or unit_src
        src_node = node_for(nodes, langs, unit_src)
        if src_node is None:
            continue
        tgt = target_lang or next(
            (lang for lang in langs if short_lang(lang) != short_lang(unit_src)), None
        )
        if tgt and tgt not in seen_targets:
            seen_targets.append(tgt)
        tgt_node = node_for(nodes, langs, tgt) if tgt else None
        source = unit.getNodeText(src_node) or ""
        if not source.strip():
            continue
        target = (unit.getNodeText(tgt_node) or "") if tgt_node is not None else ""
        index = len(pairs)
        notes = tuple(n for n in (unit.getnotes() or "").split("\n") if n.strip())
        pairs.append(Pair(index, source, target, paragraph=index, notes=notes))
    return pairs, src or "", target_lang or (seen_targets[0] if seen_targets else "")


def node_for(nodes: Sequence[Any], langs: Sequence[str], lang: str | None) -> Any:
    if not lang:
        return None
    for node, code in zip(nodes, langs, strict=True):
        if code.lower() == lang.lower():
            return node
    for node, code in zip(nodes, langs, strict=True):
        if short_lang(code) == short_lang(lang):
            return node
    return None
