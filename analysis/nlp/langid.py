"""Language of a segment by script and distinctive letters (robust on short segments).

Method: count letters per script; within Cyrillic, letters that only one of our languages uses
decide (Kazakh ә ғ қ ң ө ұ ү һ; Ukrainian ї є ґ, and і without ы э ъ ё; Russian is the
remainder), and letters of other Cyrillic languages (Belarusian ў, Serbian ђ ћ џ љ њ ј, Tatar
җ, Uzbek ҳ, Kyrgyz/Mongolian ө ү without the Kazakh letters, Bulgarian's frequent ъ) mark an
unsupported language. Within Latin script, English is told from other languages by its
function words. A segment too short to decide is ``unknown`` and inherits its neighbours'
language (see :mod:`analysis.nlp.annotator`).

Short Cyrillic clauses without distinctive letters («Тому через острах критики багато хто
мовчить.»: Ukrainian with no і/ї/є/ґ) are decided by word forms: ``data/langid/
cyrillic_forms.yaml`` lists frequent forms of each language that the other one hardly uses
(derived from word frequencies, see ``data/langid/build_forms.py``). Such a clause (fewer than
:data:`SHORT_LETTERS` Cyrillic letters: a longer Ukrainian text without any of і/ї/є/ґ, about
8 % of its letters, is practically impossible) is Ukrainian when it has more than twice as many
Ukrainian-only forms as Russian-only ones and either at least two of them or a Ukrainian
*prior*: its paragraph's other clauses are Ukrainian, or, in a paragraph of its own, the
document's are (:func:`detect_languages`).

Kazakh is written with all the Russian letters, and a short Kazakh clause may have none of its
own («ЛГБТ насихатына тыйым салу туралы петиция.»). In a document with Kazakh clauses, a short
clause read as Russian is Kazakh when its paragraph (or, alone there, the document) is Kazakh
and it has a form of ``data/langid/kazakh_forms.yaml`` («туралы», «тыйым», «немесе») and none
of the Russian-only forms (:func:`reads_as_kazakh`). A short clause with both і (which Russian
lacks) and ы (which Ukrainian lacks) and such a form is Kazakh on its own («Біз ЛГБТ
насихатына тыйым салуды талап етеміз.»).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

_CYR = re.compile(r"[\u0400-\u04ff]")
_LAT = re.compile(r"[A-Za-z\u00c0-\u024f]")
_LAT_DIACRITIC = re.compile(r"[\u00c0-\u024f]")
_KK = re.compile(r"[әғқңұһӘҒҚҢҰҺ]")
_KK_SHARED = re.compile(r"[өүӨҮ]")  # Kazakh, but also Kyrgyz, Mongolian, Tatar
_UK = re.compile(r"[їєґЇЄҐ]")
_I = re.compile(r"[іІ]")
_RU = re.compile(r"[ыэъёЫЭЪЁ]")
_OTHER_CYR = {
    "be": re.compile(r"[ўЎ]"),
    "sr": re.compile(r"[ђћџљњјЂЋЏЉЊЈ]"),
    "tt": re.compile(r"[җҗ]"),
    "uz": re.compile(r"[ҳҲ]"),
}
_SCRIPTS = (
    ("ar", re.compile(r"[\u0600-\u06ff]")),
    ("zh", re.compile(r"[\u4e00-\u9fff]")),
    ("ja", re.compile(r"[\u3040-\u30ff]")),
    ("ko", re.compile(r"[\uac00-\ud7af]")),
    ("ka", re.compile(r"[\u10a0-\u10ff]")),
    ("hy", re.compile(r"[\u0530-\u058f]")),
    ("el", re.compile(r"[\u0370-\u03ff]")),
    ("he", re.compile(r"[\u0590-\u05ff]")),
    ("hi", re.compile(r"[\u0900-\u097f]")),
)
_LATIN_WORD = re.compile(r"[a-z\u00e0-\u024f]+")
_FUNCTION_WORDS = {
    "en": frozenset("the of and to in is that for on with as by be are this it or from at an not "
                    "we shall which will has have should their its would was were any who our "
                    "they such may must been under into than those these all".split()),
    "de": frozenset("der die das und nicht ist ein eine zu den von mit sich des auf für dem im "
                    "wir sie auch werden".split()),
    "fr": frozenset("le la les et des est une du que dans pour pas sur au qui sont nous ce".split()),
    "es": frozenset("el los las y que es una del por con para se su al lo como".split()),
    "it": frozenset("il di che è la per gli della sono non una con".split()),
    "tr": frozenset("ve bir bu için ile da de olan gibi daha çok".split()),
    "pl": frozenset("i w nie się na że jest do z to jak".split()),
    "kk-latn": frozenset("jáne men bul úshin turaly boıynsha".split()),
}
_LANGUAGES_OF_WORD: dict[str, tuple[str, ...]] = {}
for _code, _words in _FUNCTION_WORDS.items():
    for _w in _words:
        _LANGUAGES_OF_WORD[_w] = _LANGUAGES_OF_WORD.get(_w, ()) + (_code,)
MIN_LETTERS = 8


@dataclass(frozen=True)
class LanguageGuess:
    """``status``: ``supported`` (lang in ru/kk/uk/en), ``unsupported`` (lang = best guess
    or None), or ``unknown`` (too short or no letters: inherit from neighbours)."""

    status: str
    lang: str | None


UNKNOWN = LanguageGuess("unknown", None)


# Speed (issue 3/7 benchmarks): detection runs on every clause. Plain Russian (Cyrillic letters
# with none of the distinctive letters of the other languages, no «ъ», no other script, at least
# four Cyrillic letters and at least as many as Latin ones) is recognised from its letter counts
# (:func:`letter_counts`, on the UTF-8 bytes) and at most one regex search, which is what the full
# decision below returns for such a text (the Latin letters of "LGBT" or a URL in a Russian
# sentence change nothing); anything else is counted in a few passes (letter counts, one search
# for all other scripts, one pass over the rare Cyrillic letters) that give exactly the counts of
# a ``findall`` per class.
_CLASSES = (
    ("cyr", None), ("lat", None), ("lat_diacritic", _LAT_DIACRITIC),
    ("kk", _KK), ("kk_shared", _KK_SHARED), ("uk", _UK), ("i", _I), ("ru", _RU),
) + tuple(_OTHER_CYR.items()) + _SCRIPTS
_NAMES = tuple(name for name, _ in _CLASSES)
_CYRILLIC_SUBCLASSES = ("kk", "kk_shared", "uk", "i", "ru") + tuple(_OTHER_CYR)
_CYR_RUN = re.compile(r"[\u0400-\u04ff]+")
_LAT_RUN = re.compile(r"[A-Za-z\u00c0-\u024f]+")
_ANY_OTHER = re.compile("[" + "".join(rx.pattern[1:-1] for _, rx in _SCRIPTS) + "]")
_RARE_CLASS_OF = {ch: name for name in _CYRILLIC_SUBCLASSES
                  for ch in dict(_CLASSES)[name].pattern[1:-1]}
_RARE = re.compile("[" + "".join(_RARE_CLASS_OF) + "]")
_NOT_PLAIN_RU = re.compile(
    "[ъ" + "".join(rx.pattern[1:-1] for _, rx in _SCRIPTS)
    + "".join(ch for ch, name in _RARE_CLASS_OF.items() if name != "ru") + "]")
_RUSSIAN = LanguageGuess("supported", "ru")


FORMS_FILE = Path(__file__).resolve().parents[2] / "data" / "langid" / "cyrillic_forms.yaml"
SHORT_LETTERS = 150
_CYR_WORD = re.compile(r"[\u0400-\u04ff]+(?:['’][\u0400-\u04ff]+)*")
_UKRAINIAN = LanguageGuess("supported", "uk")
# Equal to _RUSSIAN (callers see Russian), but its identity tells detect_languages that a prior
# could change the answer (one Ukrainian-only form, no Russian-only one, no prior given).
_RUSSIAN_WITHOUT_PRIOR = LanguageGuess("supported", "ru")


@lru_cache(maxsize=1)
def cyrillic_forms() -> dict[str, frozenset]:
    """``{"uk": forms, "ru": forms}`` from :data:`FORMS_FILE` (read once per process)."""
    import yaml

    data = yaml.safe_load(FORMS_FILE.read_text(encoding="utf-8"))
    return {lang: frozenset(str(w).replace("’", "'") for w in data[lang]) for lang in ("uk", "ru")}


KAZAKH_FORMS_FILE = FORMS_FILE.with_name("kazakh_forms.yaml")
_KAZAKH = LanguageGuess("supported", "kk")


@lru_cache(maxsize=1)
def kazakh_forms() -> frozenset:
    """Kazakh forms without a distinctive letter (:data:`KAZAKH_FORMS_FILE`, read once)."""
    import yaml

    data = yaml.safe_load(KAZAKH_FORMS_FILE.read_text(encoding="utf-8"))
    return frozenset(str(w) for w in data["kk"])


def reads_as_kazakh(text: str, min_forms: int = 1) -> bool:
    """A clause read as Russian for want of a Kazakh letter that is Kazakh by its words: at
    least ``min_forms`` distinct Kazakh-only forms and none of the Russian-only ones (module
    docstring)."""
    kk_forms, ru_forms = kazakh_forms(), cyrillic_forms()["ru"]
    found: set[str] = set()
    for w in _CYR_WORD.findall(text.lower()):
        if w in ru_forms:
            return False
        if w in kk_forms:
            found.add(w)
    return len(found) >= min_forms


def form_evidence(text: str) -> tuple[int, int]:
    """(Ukrainian-only forms, Russian-only forms) among the words of ``text``."""
    forms = cyrillic_forms()
    low = text.lower()
    if "’" in low:
        low = low.replace("’", "'")
    uk_forms, ru_forms = forms["uk"], forms["ru"]
    uk = ru = 0
    for w in _CYR_WORD.findall(low):
        if w in uk_forms:
            uk += 1
        elif w in ru_forms:
            ru += 1
    return uk, ru


def _short_ru_or_uk(text: str, prior: str | None) -> LanguageGuess:
    """A short Cyrillic clause with no distinctive letter: Russian unless its word forms say
    Ukrainian (module docstring). A Russian-only letter (ы э ё ъ; Ukrainian has none of them,
    and most Russian clauses have one) settles it before any word is looked up."""
    if _RU.search(text):
        return _RUSSIAN
    return _by_forms(text, prior)


def _by_forms(text: str, prior: str | None) -> LanguageGuess:
    """:func:`_short_ru_or_uk` of a clause without a Russian-only letter."""
    uk, ru = form_evidence(text)
    if uk > 2 * ru and (uk >= 2 or prior == "uk"):
        return _UKRAINIAN
    if uk == 1 and ru == 0 and prior is None:
        return _RUSSIAN_WITHOUT_PRIOR
    return _RUSSIAN


def _decide(text: str, n: dict, prior: str | None = None) -> LanguageGuess:
    """The decision of the module docstring from the letter counts ``n`` of ``text``
    (``cyr`` and ``lat`` are totals including their sub-classes)."""
    cyr, lat = n["cyr"], n["lat"]
    best_other = max((n[code], code) for code, _ in _SCRIPTS)
    total = cyr + lat + best_other[0]
    if total == 0:
        return UNKNOWN
    if best_other[0] > max(cyr, lat):
        return LanguageGuess("unsupported", best_other[1])
    if cyr >= lat:
        return _cyrillic(text, cyr, n, prior)
    return _latin(text, lat, n["lat_diacritic"])


def detect_language(text: str, prior: str | None = None) -> LanguageGuess:
    """Guess the language of one segment (see module docstring); ``prior``: the language of
    its context (paragraph or document), used only for a short Cyrillic clause."""
    return _detect(text, prior, not _NOT_PLAIN_RU.search(text))


def _detect(text: str, prior: str | None, plain: bool) -> LanguageGuess:
    """:func:`detect_language` given what is already known of ``text``: ``plain``, it holds no
    letter that rules out plain Russian (:data:`_NOT_PLAIN_RU`; :func:`detect_languages`
    screens a whole document once, so in a Russian document this search is not repeated on
    every clause). Letters are counted with :func:`letter_counts`; a Russian-only letter (ы э ё)
    is looked for only in a clause shorter than :data:`SHORT_LETTERS` Cyrillic letters."""
    if plain:
        cyr, lat = letter_counts(text)
        if cyr >= 4 and cyr >= lat:
            if cyr >= SHORT_LETTERS or _RU.search(text):
                return _RUSSIAN
            return _by_forms(text, prior)
    return detect_by_counts(text, prior)


def _all_but(keep: bytes) -> bytes:
    """The bytes to delete with ``bytes.translate`` to keep only ``keep``."""
    return bytes(b for b in range(256) if b not in keep)


# UTF-8: a Cyrillic letter (U+0400-U+04FF) is the only character whose first byte is D0-D3; a
# Latin letter of U+00C0-U+023F the only one whose first byte is C3-C8, and one of U+0240-U+024F
# is C9 followed by 80-8F; an ASCII letter is its own byte (no byte of a longer character is
# below 80).
_DROP_NON_CYRILLIC = _all_but(b"\xd0\xd1\xd2\xd3")
_DROP_NON_ASCII_LETTER = _all_but(bytes(range(65, 91)) + bytes(range(97, 123)))
_DROP_NON_LATIN_LEAD = _all_but(b"\xc3\xc4\xc5\xc6\xc7\xc8\xc9")
_C9_LATIN = re.compile(rb"\xc9[\x80-\x8f]")


def letter_counts(text: str) -> tuple[int, int]:
    """(Cyrillic letters, Latin letters) of ``text``: what ``_CYR_RUN`` and ``_LAT_RUN`` runs
    add up to, counted on the UTF-8 bytes with ``bytes.translate`` (a C loop over the bytes;
    the regex engine tests each character against a class, several times slower)."""
    b = text.encode("utf-8", "surrogatepass")
    cyr = len(b.translate(None, _DROP_NON_CYRILLIC))
    lat = len(b.translate(None, _DROP_NON_ASCII_LETTER))
    leads = b.translate(None, _DROP_NON_LATIN_LEAD)
    if leads:
        c9 = leads.count(b"\xc9")
        lat += len(leads) - c9 + (len(_C9_LATIN.findall(b)) if c9 else 0)
    return cyr, lat


def detect_by_counts(text: str, prior: str | None = None) -> LanguageGuess:
    """The full decision from the letter counts (no plain-Russian shortcut)."""
    n = dict.fromkeys(_NAMES, 0)
    n["cyr"], n["lat"] = letter_counts(text)
    if n["lat"]:
        n["lat_diacritic"] = len(_LAT_DIACRITIC.findall(text))
    if _ANY_OTHER.search(text):
        for code, rx in _SCRIPTS:
            n[code] = len(rx.findall(text))
    if n["cyr"]:
        for ch in _RARE.findall(text):
            n[_RARE_CLASS_OF[ch]] += 1
    return _decide(text, n, prior)


def detect_languages(text: str, ranges) -> list[LanguageGuess]:
    """``detect_language`` of each ``text[start:end]`` in ``ranges``, with a prior for short
    Cyrillic clauses that have one Ukrainian-only form and no Russian-only one: the language
    of the other clauses of its paragraph (text between blank lines), or, when it is alone
    there, the document's (the language of most letters of its clauses)."""
    # the search that screens every clause, once for the whole text (module "Speed")
    plain = not _NOT_PLAIN_RU.search(text)
    guesses = [_detect(text[s:e], None, plain or not _NOT_PLAIN_RU.search(text, s, e))
               for s, e in ranges]
    doubtful = [i for i, g in enumerate(guesses) if g is _RUSSIAN_WITHOUT_PRIOR]
    # in a document with Kazakh clauses, a short clause read as Russian only for want of a
    # Kazakh letter («ЛГБТ насихатына тыйым салу туралы петиция.») is Kazakh by its words
    # when its paragraph (or, alone there, the document) is Kazakh
    kazakh = ([i for i, g in enumerate(guesses) if g.lang == "ru"
               and letter_counts(text[ranges[i][0]:ranges[i][1]])[0] < SHORT_LETTERS
               and reads_as_kazakh(text[ranges[i][0]:ranges[i][1]])]
              if any(g.lang == "kk" for g in guesses) else [])
    # two Kazakh-only forms and no Russian-only one make a short clause Kazakh on its own,
    # even in a document with no other Kazakh clause («Мектептерде хиджаб киюге тыйым
    # салынады.»: «тыйым», «салынады»)
    # (also where a Kazakh title is outweighed by the letters of a Kazakh body without any
    # distinctive letter, which the document's majority would read as Russian)
    alone = [i for i, g in enumerate(guesses) if g.lang == "ru"
             and letter_counts(text[ranges[i][0]:ranges[i][1]])[0] < SHORT_LETTERS
             and reads_as_kazakh(text[ranges[i][0]:ranges[i][1]], min_forms=2)]
    for i in alone:
        guesses[i] = _KAZAKH
    kazakh = [i for i in kazakh if i not in alone]
    doubtful = [i for i in doubtful if i not in alone]
    if not doubtful and not kazakh:
        return guesses
    document = _majority(guesses, ranges, range(len(ranges)))

    def prior_of(i: int) -> str | None:
        s, e = ranges[i]
        para_start = text.rfind("\n\n", 0, s) + 1
        para_end = text.find("\n\n", e)
        para_end = len(text) if para_end < 0 else para_end
        mates = [j for j in range(len(ranges)) if j != i
                 and para_start <= ranges[j][0] and ranges[j][1] <= para_end]
        return _majority(guesses, ranges, mates) if mates else document

    priors = {i: prior_of(i) for i in doubtful + kazakh}
    for i in doubtful:
        s, e = ranges[i]
        guesses[i] = detect_language(text[s:e], priors[i])
    for i in kazakh:
        if priors[i] == "kk":
            guesses[i] = _KAZAKH
    return guesses


def _majority(guesses, ranges, which) -> str | None:
    """The supported language with the most characters among clauses ``which``."""
    share: dict[str, int] = {}
    for j in which:
        g = guesses[j]
        if g.status == "supported":
            share[g.lang] = share.get(g.lang, 0) + ranges[j][1] - ranges[j][0]
    return max(share, key=lambda k: (share[k], k)) if share else None


def _cyrillic(text: str, cyr: int, n: dict, prior: str | None = None) -> LanguageGuess:
    for code in _OTHER_CYR:
        if n[code] >= max(1, cyr // 200):
            return LanguageGuess("unsupported", code)
    kk, kk_shared, uk, i, ru = n["kk"], n["kk_shared"], n["uk"], n["i"], n["ru"]
    if kk and (kk >= 2 or cyr < 60) and (kk + kk_shared) * 100 >= cyr:
        return LanguageGuess("supported", "kk")
    if kk_shared and not kk and i and not uk:
        # ң/ө/ү with і: Kazakh (Kyrgyz has no і, Ukrainian no ң, ө or ү), e.g. «Шетел
        # азаматтарына жиналыстар өткізуге тыйым салынады», which has none of ә ғ қ ұ һ
        return LanguageGuess("supported", "kk")
    if kk_shared and not kk and (kk_shared * 50 >= cyr):
        return LanguageGuess("unsupported", "ky")
    if uk or (i and not ru) or (i and i > 4 * ru):
        if i and ru and not uk and (i + ru) > 0 and kk_shared:
            return LanguageGuess("supported", "kk")
        return LanguageGuess("supported", "uk")
    if i and ru and not uk and cyr < SHORT_LETTERS and reads_as_kazakh(text):
        # і beside ы: Russian has no і, Ukrainian no ы, Kazakh both («Біз ЛГБТ насихатына
        # тыйым салуды талап етеміз.», none of ә ғ қ ң ө ұ ү һ); its words confirm it
        return LanguageGuess("supported", "kk")
    if cyr < 4:
        return UNKNOWN
    # Bulgarian: «ъ» as a vowel, often; one «ъ» is Russian's hard sign («объединений»)
    if text.count("ъ") >= 2 and ru == text.count("ъ") and text.count("ъ") * 40 > cyr:
        return LanguageGuess("unsupported", "bg")
    if cyr < SHORT_LETTERS:
        return _short_ru_or_uk(text, prior)
    return _RUSSIAN


def _latin(text: str, lat: int, diacritics: int) -> LanguageGuess:
    words = _LATIN_WORD.findall(text.lower())
    hits = dict.fromkeys(_FUNCTION_WORDS, 0)
    for w in words:  # one look-up per word instead of one per word and language
        for code in _LANGUAGES_OF_WORD.get(w, ()):
            hits[code] += 1
    best_code, best = max(hits.items(), key=lambda kv: (kv[1], kv[0] == "en"))
    if hits["en"] and hits["en"] >= best and diacritics * 20 <= lat:
        return LanguageGuess("supported", "en")
    if best > 0:
        return LanguageGuess("unsupported", "kk" if best_code == "kk-latn" else best_code)
    if diacritics * 50 <= lat:
        # Latin text without function words or foreign letters ("LGBT", "E-Petition.kz",
        # a title such as "Require 20mph speed limits"): inherit from the neighbours
        return LanguageGuess("unknown", "en")
    return LanguageGuess("unsupported", None)
