"""Romanisation of Cyrillic names: the official Ukrainian system and the variants seen in print.

The name checks need three answers: what KMU 2010 (Cabinet of Ministers Resolution
No. 55, 2010) says a Ukrainian name is in Latin letters, which other spellings are
romanisations of the same name (and of what kind: a conventional English form, a
Russian-style form, an anglicised first name), and how close two Latin spellings are.

Russian source text has no official Ukrainian romanisation; its expected forms are
the Russian systems of translitua (international passport 1997, ICAO) plus the
conventional English forms (-sky, Alexander, Yevgeny). Ukrainian names in Russian
spelling are out of scope: a Russian-source rendering is never called "Russian-style".
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import translitua
from rapidfuzz.distance import Levenshtein

from app.core.text.tokens import normalize_apostrophes

# --- KMU 2010 -----------------------------------------------------------------

# translitua carries the official table (word-initial Є/Ї/Й/Ю/Я, зг -> zgh, apostrophe and
# soft sign dropped); Verso adds only the case of all-caps words, which translitua writes
# in title case letter by letter (ЄС -> YeS, ЩУКА's Щ alone -> SHCH).
_WORD_RE = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")


def _kmu_word(match: re.Match[str]) -> str:
    word = match.group(0)
    latin: str = translitua.translit(word, translitua.UkrainianKMU)
    if not word.isupper():
        return latin
    if sum(1 for c in word if c.isalpha()) > 1:
        return latin.upper()  # an all-caps word stays all caps: ЄС -> YES, ІМ'Я -> IMIA
    return latin[:1].upper() + latin[1:].lower()  # an initial: Щ. -> Shch.


@lru_cache(maxsize=65_536)
def kmu2010(text: str) -> str:
    """Romanise Ukrainian text by the official KMU 2010 table (translitua's), keeping
    all-caps words all caps. Letters outside the Ukrainian alphabet pass through unchanged;
    apostrophes are dropped. Memoised: a name's form is romanised for its variants and
    again as the expected rendering."""
    return _WORD_RE.sub(_kmu_word, normalize_apostrophes(text)).replace("'", "")


# --- Tables of known variants ---------------------------------------------------

# Russian-style renderings of Ukrainian names and places (lower-cased Ukrainian lemma).
# Rendering a Ukrainian's name this way is a house-style error (Vladimir for Володимир).
RUSSIAN_STYLE: dict[str, tuple[str, ...]] = {
    "володимир": ("Vladimir",),
    "олександр": ("Aleksandr", "Alexander", "Alexandr", "Aleksander"),
    "олександра": ("Aleksandra", "Alexandra"),
    "олексій": ("Aleksei", "Alexei", "Alexey", "Aleksey"),
    "олег": ("Oleg",),
    "микола": ("Nikolai", "Nikolay", "Nicholas"),
    "сергій": ("Sergei", "Sergey", "Sergiy"),
    "андрій": ("Andrei", "Andrey"),
    "дмитро": ("Dmitry", "Dmitri", "Dmitriy"),
    "юрій": ("Yuri", "Yury"),
    "віталій": ("Vitaly", "Vitali", "Vitaliy"),
    "валерій": ("Valery", "Valeri", "Valeriy"),
    "анатолій": ("Anatoly", "Anatoli", "Anatoliy"),
    "василь": ("Vasily", "Vasili", "Vasiliy"),
    "михайло": ("Mikhail",),
    "григорій": ("Grigory", "Grigori", "Grigoriy"),
    "ігор": ("Igor",),
    "євген": ("Yevgeny", "Evgeny", "Yevgeniy", "Evgeniy"),
    "геннадій": ("Gennady", "Gennadiy"),
    "георгій": ("Georgy", "Georgiy"),
    "федір": ("Fyodor", "Fedor"),
    "павло": ("Pavel",),
    "петро": ("Pyotr", "Petr"),
    "олена": ("Elena", "Yelena"),
    "наталія": ("Natalya",),
    "тетяна": ("Tatyana",),
    "ольга": ("Olga",),
    "ірина": ("Irina",),
    "київ": ("Kiev",),
    "харків": ("Kharkov",),
    "львів": ("Lvov",),
    "одеса": ("Odessa",),
    "миколаїв": ("Nikolaev", "Nikolayev"),
    "запоріжжя": ("Zaporozhye", "Zaporozhe"),
    "чернігів": ("Chernigov",),
    "луганськ": ("Lugansk",),
    "рівне": ("Rovno",),
    "дніпро": ("Dnepr", "Dnieper"),
    "чорнобиль": ("Chernobyl",),
    "вінниця": ("Vinnitsa",),
    "житомир": ("Zhitomir",),
    "кривий ріг": ("Krivoy Rog",),
    "кропивницький": ("Kirovograd",),
}

# English equivalents of Ukrainian first names: a translation, not a romanisation.
ANGLICISED: dict[str, tuple[str, ...]] = {
    "марко": ("Mark",),
    "петро": ("Peter",),
    "павло": ("Paul",),
    "михайло": ("Michael",),
    "андрій": ("Andrew",),
    "олександр": ("Alexander",),
    "іван": ("John",),
    "юрій": ("George",),
    "георгій": ("George",),
    "григорій": ("Gregory",),
    "степан": ("Stephen", "Steven"),
    "яків": ("Jacob",),
    "йосип": ("Joseph",),
    "матвій": ("Matthew",),
    "катерина": ("Catherine", "Katherine"),
    "марія": ("Mary",),
}

# Accepted conventional English spellings that the rules below do not derive.
CONVENTIONAL: dict[str, tuple[str, ...]] = {
    "запоріжжя": ("Zaporizhia",),
    "кличко": ("Klitschko",),
    "юлія": ("Julia",),
    "тимошенко": ("Tymoshenko",),
}


# --- Variants ---------------------------------------------------------------------


def _strip_marks(text: str) -> str:
    if text.isascii():  # NFKD leaves ASCII as it is and none of it is combining
        return text.replace("'", "")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("'", "")


# The endings and inner spellings `_english_forms` rewrites: a form with none of them
# (most names) is its only spelling.
_DERIVED_ENDINGS = ("yi", "ii", "iia", "iie")


def _english_forms(latin: str) -> set[str]:
    """Common English spellings derived from a KMU/BGN form (Zelenskyi -> Zelensky...)."""
    if not latin.endswith(_DERIVED_ENDINGS) and "iia" not in latin and "iie" not in latin:
        return {latin}  # what the rules below give such a form
    forms = {latin}
    for old, news in (
        ("yi", ("y", "yy", "iy", "ij")),   # -ський: Zelensky, Zelenskyy, Zelenskiy
        ("ii", ("iy", "i", "y")),          # -ій: Andriy, Yuri, Vitaliy
        ("iia", ("ia", "iya", "ya")),      # -ія: Yulia, Yuliya, Natalya
        ("iie", ("iye", "ie")),
    ):  # fmt: skip
        for form in list(forms):
            if form.endswith(old):
                forms.update(form[: -len(old)] + new for new in news)
    for form in list(forms):  # inner ii/iu/ia (Yenakiieve -> Yenakiyeve) and ie -> ye
        forms.add(form.replace("iia", "iya").replace("iie", "iye"))
    return forms


@lru_cache(maxsize=8192)
def variants_by_kind(word: str, lang: str = "uk") -> dict[str, frozenset[str]]:
    """Plausible romanisations of a Cyrillic word, by kind.

    Kinds: "kmu" (the official form; for Russian source, the passport/ICAO forms),
    "conventional" (common English and BGN/PCGN forms, never flagged), "russian"
    (Russian-style forms of a Ukrainian name), "anglicised" (Mark for Марко).
    """
    word = normalize_apostrophes(word.strip())
    key = word.lower()
    if lang == "ru":
        kmu: set[str] = set()
        conventional: set[str] = set()
        for table in (translitua.RussianInternationalPassport1997, translitua.RussianICAO):
            kmu.add(translitua.translit(word, table))
        for form in list(kmu):
            conventional |= _english_forms(form)
            conventional.add(form.replace("ks", "x"))
            conventional.add(form.replace("ksandr", "xander"))  # Alexander
        conventional.add(_strip_marks(translitua.translit(word, translitua.RussianALALC)))
        russian: set[str] = set()
        anglicised: set[str] = set()
    else:
        official = kmu2010(word)
        kmu = {official}
        bgn = _strip_marks(translitua.translit(word, translitua.UkrainianBGN))
        conventional = _english_forms(official)
        if bgn != official:  # often the same spelling: its forms are there already
            conventional |= _english_forms(bgn)
        # A derived -i form that is also the Russian name (Yuri, Vitali for Юрій,
        # Віталій) is Russian-style; -iy (Valeriy, Vitaliy) is the usual Ukrainian
        # English form and stays conventional, and so does the CONVENTIONAL table.
        russian_style = RUSSIAN_STYLE.get(key, ())
        if russian_style:
            conventional -= {f for f in russian_style if not f.endswith("iy")}
        conventional.update(CONVENTIONAL.get(key, ()))
        russian = set(russian_style)
        anglicised = set(ANGLICISED.get(key, ()))
    if word[:1].isupper():
        kmu, conventional, russian, anglicised = (
            {f[:1].upper() + f[1:] for f in forms if f} if forms else forms
            for forms in (kmu, conventional, russian, anglicised)
        )
    conventional -= kmu
    if russian:
        russian -= kmu | conventional
    if anglicised:
        anglicised -= kmu | conventional
    return {
        "kmu": frozenset(kmu),
        "conventional": frozenset(conventional),
        "russian": frozenset(russian),
        "anglicised": frozenset(anglicised),
    }


def variants(word: str, lang: str = "uk") -> set[str]:
    """Every plausible romanisation of `word` (official, conventional, Russian-style...)."""
    result: set[str] = set()
    for forms in variants_by_kind(word, lang).values():
        result |= forms
    return result


# --- Romanisation lattice -----------------------------------------------------------

# Spellings English-language romanisations (or careless ones) give each letter. A Latin
# word that fits the lattice of a Cyrillic word is a romanisation of it; one that does
# not (Trump for Трамп, Crimea for Крим) is a translation or the original spelling.
# Foreign orthography (w, j, c, ou: Washington, Jakubowski, Minaj) is left out on
# purpose: it marks a foreign name given back its own spelling.
_LATTICE: dict[str, str] = {
    "а": "a", "б": "b", "в": "v", "г": "(?:h|gh|g)", "ґ": "g", "д": "d",
    "е": "e", "є": "(?:ye|ie|e)", "ж": "(?:zh|z)", "з": "z", "и": "(?:y|i)",
    "і": "(?:i|y)", "ї": "(?:yi|i|yy)", "й": "(?:y|i)?", "к": "k", "л": "l",
    "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "(?:kh|h)", "ц": "ts", "ч": "ch",
    "ш": "sh", "щ": "(?:shch|sch|sh)", "ь": "'?", "ю": "(?:yu|iu|u)",
    "я": "(?:ya|ia|a)", "'": "'?", "-": "[- ]?",
    "ы": "(?:y|i)", "э": "e", "ё": "(?:yo|io|e)", "ъ": "'?",
}  # fmt: skip


@lru_cache(maxsize=8192)
def _lattice(word: str, g_for_h: bool) -> re.Pattern[str] | None:
    parts: list[str] = []
    for ch in normalize_apostrophes(word.lower()):
        frag = _LATTICE.get(ch)
        if frag is None:
            return None
        if ch == "г" and not g_for_h:
            frag = "(?:h|gh)"
        parts.append(frag)
    return re.compile("".join(parts), re.IGNORECASE)


# The lattice's fragments as plain options (speed): "(?:h|gh|g)" -> ("h", "gh", "g"),
# "(?:y|i)?" -> ("y", "i", ""), "[- ]?" -> ("-", " ", "").
def _options(fragment: str) -> tuple[str, ...]:
    optional = fragment.endswith("?")
    body = fragment[:-1] if optional else fragment
    if body.startswith("(?:"):
        options = body[3:-1].split("|")
    elif body.startswith("["):
        options = list(body[1:-1])
    else:
        options = [body]
    return tuple([*options, ""] if optional else options)


_OPTIONS = {ch: _options(frag) for ch, frag in _LATTICE.items()}
_OPTIONS_NO_G = dict(_OPTIONS, г=_options("(?:h|gh)"))


@lru_cache(maxsize=8192)
def _steps(word: str, g_for_h: bool) -> tuple[tuple[str, ...], ...] | None:
    table = _OPTIONS if g_for_h else _OPTIONS_NO_G
    steps = []
    for ch in normalize_apostrophes(word.lower()):
        options = table.get(ch)
        if options is None:
            return None
        steps.append(options)
    return tuple(steps)


def _lattice_fullmatch(cyrillic: str, latin: str, g_for_h: bool) -> bool:
    """`_lattice(cyrillic, g_for_h).fullmatch(latin)`, without compiling a regex per name.

    Every way through the lattice is followed at once (a set of positions), so the
    answer is the regex's; ASCII text only, where lower-casing is exactly IGNORECASE.
    """
    if not latin.isascii():
        pattern = _lattice(cyrillic, g_for_h)
        return bool(pattern and pattern.fullmatch(latin))
    steps = _steps(cyrillic, g_for_h)
    if steps is None:
        return False
    text = latin.lower()
    positions = {0}
    for options in steps:
        positions = {p + len(o) for p in positions for o in options if text.startswith(o, p)}
        if not positions:
            return False
    return len(text) in positions


def fits_romanisation(cyrillic: str, latin: str) -> bool:
    """True when `latin` spells `cyrillic` letter by letter under some romanisation."""
    return _lattice_fullmatch(cyrillic, normalize_apostrophes(latin), True)


def russian_letter_style(cyrillic: str, latin: str) -> bool:
    """True when `latin` fits only by giving Ukrainian г as g (Oleg, Lugansk, Igor)."""
    if "г" not in cyrillic.lower() or not fits_romanisation(cyrillic, latin):
        return False
    return not _lattice_fullmatch(cyrillic, normalize_apostrophes(latin), False)


# --- Similarity ---------------------------------------------------------------------

_SKELETON_RULES: tuple[tuple[str, str], ...] = (
    ("shch", "s"), ("sch", "s"), ("kh", "h"), ("zh", "z"), ("ch", "c"), ("sh", "s"),
    ("ts", "c"), ("tz", "c"), ("ck", "k"), ("x", "ks"), ("w", "v"), ("g", "h"),
    ("ye", "e"), ("ie", "e"), ("je", "e"), ("yu", "u"), ("iu", "u"), ("ju", "u"),
    ("ya", "a"), ("ia", "a"), ("ja", "a"), ("yi", "i"), ("j", "i"), ("y", "i"),
)  # fmt: skip


@lru_cache(maxsize=65_536)
def skeleton(latin: str) -> str:
    """A phonetic key: spellings of one sound collapse (Zelenskyy/Zelensky, Kyiv/Kiev)."""
    s = _strip_marks(normalize_apostrophes(latin)).lower()
    if not s.isalpha():  # an all-letter spelling (most) keeps every character
        s = "".join(c for c in s if c.isalpha())
    for old, new in _SKELETON_RULES:
        s = s.replace(old, new)
    return re.sub(r"(.)\1+", r"\1", s)


def levenshtein(a: str, b: str) -> int:
    """Edit distance (insertions, deletions, substitutions of one character each)."""
    return int(Levenshtein.distance(a, b))


def similarity(a: str, b: str) -> float:
    """1.0 for the same name however spelled, down to 0.0: normalised edit distance of skeletons."""
    sa, sb = skeleton(a), skeleton(b)
    if not sa and not sb:
        return 1.0
    return 1.0 - levenshtein(sa, sb) / max(len(sa), len(sb))
