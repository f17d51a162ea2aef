"""What the name checks know about names that are not Ukrainian, and about names MT
turns into common words.

FOREIGN_GIVEN: conventional English forms of first names as Ukrainian spells them
for foreign people (Марко Рубіо is Marco, not the KMU "Marko" nor "Mark").
FOREIGN_SURNAMES: surnames of foreign public figures common in Ukrainian news; a first
name next to one of them is a foreign person's, so FOREIGN_GIVEN decides it.
EXONYMS: source names whose English rendering is a translation, not a
romanisation (Німеччина -> Germany): a target holding one accounts for the name.
COMMON_WORD_TRAPS: Ukrainian places whose names are also common words, and the
words MT gives for them (Суми -> Amounts).
"""

from __future__ import annotations

FOREIGN_GIVEN: dict[str, tuple[str, ...]] = {
    "марко": ("Marco",), "дональд": ("Donald",), "джо": ("Joe",), "джозеф": ("Joseph",),
    "емманюель": ("Emmanuel",), "еммануель": ("Emmanuel",), "олаф": ("Olaf",),
    "фрідріх": ("Friedrich",), "ангела": ("Angela",), "кір": ("Keir",),
    "ріші": ("Rishi",), "борис": ("Boris",), "урсула": ("Ursula",), "шарль": ("Charles",),
    "антоніу": ("António", "Antonio"), "антоніо": ("Antonio",), "джорджа": ("Giorgia",),
    "джорджо": ("Giorgio",), "педро": ("Pedro",), "марк": ("Mark",), "майк": ("Mike",),
    "джейк": ("Jake",), "ентоні": ("Antony", "Anthony"), "ллойд": ("Lloyd",),
    "камала": ("Kamala",), "джей": ("JD", "J.D."), "кіт": ("Keith",), "стів": ("Steve",),
    "віктор": ("Viktor",), "реджеп": ("Recep",), "мет": ("Matt",), "метью": ("Matthew",),
    "пітер": ("Peter",), "пол": ("Paul",), "джон": ("John",), "джеймс": ("James",),
    "мартін": ("Martin",), "андреа": ("Andrea",), "анналена": ("Annalena",),
    "кая": ("Kaja",), "александр": ("Alexander",),
    "єнс": ("Jens",), "мете": ("Mette",), "ілон": ("Elon",), "сі": ("Xi",),
}  # fmt: skip

FOREIGN_SURNAMES: frozenset[str] = frozenset("""
рубіо трамп байден макрон шольц мерц меркель стармер сунак джонсон фон-дер-ляєн
мішель кошта санчес мелоні орбан ердоган блінкен остін салліван гарріс венс келлог
віткофф уіткофф маск сі рютте столтенберг фредеріксен туск дуда стубб бербок
каллас борелль гутерреш гросі шмідт нетаньягу зеленська
""".split())

EXONYMS: dict[str, tuple[str, ...]] = {
    "україна": ("Ukraine", "Ukrainian"), "росія": ("Russia", "Russian"),
    "рф": ("Russia", "Russian"), "крим": ("Crimea", "Crimean"), "дніпро": ("Dnieper",),
    "німеччина": ("Germany", "German"), "франція": ("France", "French"),
    "польща": ("Poland", "Polish"), "сша": ("US", "USA", "United States", "America"),
    "європа": ("Europe", "European"), "білорусь": ("Belarus",), "чорне": ("Black Sea",),
    "азовське": ("Azov",), "донбас": ("Donbas", "Donbass"), "зсу": ("Armed Forces",),
    "сбу": ("SBU", "Security Service"), "нбу": ("NBU", "National Bank"),
    "рнбо": ("NSDC", "National Security"), "вр": ("Verkhovna Rada", "parliament"),
}  # fmt: skip

COMMON_WORD_TRAPS: dict[str, tuple[str, ...]] = {
    "суми": ("Amounts", "Sums", "amounts", "sums"),
    "біла церква": ("White Church", "white church"),
    "кривий ріг": ("Crooked Horn", "Curved Horn", "crooked horn"),
    "часів яр": ("Hours Yar", "Clock Ravine"),
    "ізюм": ("Raisins", "raisin"), "щастя": ("Happiness", "happiness"),
    "вугледар": ("Coal Giver",), "світлодарськ": ("Light Gift",),
    "бровари": ("Breweries", "breweries"), "прилуки": ("Meadows",),
}  # fmt: skip

# Two-word places, by the first letters of each word's stem: (first, second) -> KMU.
MULTIWORD_PLACES: dict[tuple[str, str], str] = {
    ("біл", "церк"): "Bila Tserkva",
    ("крив", "ріг"): "Kryvyi Rih",
    ("крив", "рог"): "Kryvyi Rih",
    ("час", "яр"): "Chasiv Yar",
    ("гуляй", "пол"): "Huliaipole",
}


def is_foreign_surname(forms: tuple[str, ...]) -> bool:
    return any(f.lower() in FOREIGN_SURNAMES for f in forms)


def foreign_given(forms: tuple[str, ...]) -> tuple[str, ...]:
    """The conventional English forms of a foreign first name, or ()."""
    for form in forms:
        found = FOREIGN_GIVEN.get(form.lower())
        if found:
            return found
    return ()
