"""Language of a document. (Initial version; to be completed.)"""

from __future__ import annotations

import re

_CYR = re.compile(r"[А-Яа-яІіЇїЄєҐґЁёЫыЭэЪъ]")
_LAT = re.compile(r"[A-Za-z]")


def detect_language(text: str) -> str:
    cyr = len(_CYR.findall(text))
    lat = len(_LAT.findall(text))
    if cyr > lat:
        return "ru" if re.search(r"[ЫыЭэЪъЁё]", text) else "uk"
    return "en"
