"""A Kazakh ``Language`` for spaCy (spaCy ships none) and a suffix-aware stemmer.

Kazakh is agglutinative: «насихат», «насихаттау», «насихатына» are one concept. We do not
have a Kazakh morphological analyser offline, so lemmas are *stems*: inflectional and a few
derivational suffixes are stripped from the right, longest first, while a stem of at least
three letters remains (a light stemmer in the style of Snowball stemmers for Turkic languages).
Lexicon patterns are stemmed by the same function, so matching is consistent even where a
stem is not a dictionary word.
"""
from __future__ import annotations

from functools import lru_cache

# Stop words: the most frequent Kazakh function words (pronouns, postpositions, particles).
STOP_WORDS = frozenset("""
және мен бен пен да де та те ол бұл сол осы мына ана барлық әр әрбір біз сіз сен мен олар
үшін туралы бойынша арқылы сияқты дейін кейін бірақ немесе не әлде яғни егер онда мұнда
еді екен емес жоқ бар ғана тек қана ма ме ба бе па пе ше ғой ау ей қандай қалай неге кім
не нені неше өз өзі өзін біреу ешкім ешбір кез келген басқа кейбір бір екі
""".split())

# Abbreviations that end with a full stop and must not end a sentence or split a token.
ABBREVIATIONS = (
    "ж.", "жж.", "қ.", "т.б.", "т.с.с.", "б.", "бб.", "тарм.", "тармақш.", "с.", "мыс.", "обл.",
    "ауд.", "көш.", "проф.", "ғ.", "млн.", "млрд.", "мың.", "т.", "ҚР", "ӘҚБтК", "ӘРПК",
)

# Suffixes, grouped roughly by slot; the stemmer tries the longest match first.
_SUFFIXES = sorted(set("""
лар лер дар дер тар тер
ымыз іміз мыз міз ыңыз іңіз ңыз ңіз ым ім ың ің сы сі
ның нің дың дің тың тің
ға ге қа ке на не
ны ні ды ді ты ті
да де та те нда нде
дан ден тан тен нан нен
мен бен пен
дағы дегі тағы тегі ндағы ндегі
ғы гі қы кі
лық лік дық дік тық тік
шы ші
лы лі ды ді ты ті сыз сіз
лау леу дау деу тау теу
у уы уі уға уге уын уін уда уде удан уден уына уіне уымен уімен
ған ген қан кен йтын йтін
ады еді йды йді ды ді ты ті
майды мейді байды бейді пайды пейді мау меу бау беу пау пеу
малы мелі балы белі палы пелі
сын сін сыз
ылады іледі ылды ілді ылған ілген ылсын ілсін ылу ілу
ын ін ыл іл
уға уге
ына іне сына сіне ында інде сында сінде ынан інен сынан сінен ының інің сының сінің
ымен імен сымен сімен ын ін сын сін ы і
""".split()), key=len, reverse=True)
_SINGLE_VOWEL = frozenset("аеыі")
MIN_STEM = 3


_WHOLE_WORDS = ("теңге", "ұлттық", "материалдық")
"""Words whose ending looks like a suffix but is part of another word: «теңге» (the currency,
not «тең» "equal" + dative), «ұлттық» ("national", as in «ұлттық банк», «ұлттық сана-сезім»,
not «ұлт» "nation, ethnicity"), «материалдық» ("material, financial", not «материал»). Their
inflected forms keep the whole word as their stem."""


@lru_cache(maxsize=200_000)
def kazakh_stem(word: str) -> str:
    """Stem a Kazakh word form (lowercased); see module docstring for the method."""
    w = word.lower()
    for whole in _WHOLE_WORDS:
        if w.startswith(whole):
            return whole
    for _ in range(5):
        for suf in _SUFFIXES:
            if w.endswith(suf) and len(w) - len(suf) >= MIN_STEM:
                w = w[: -len(suf)]
                break
        else:
            if len(w) >= 5 and w[-1] in _SINGLE_VOWEL:
                w = w[:-1]
                continue
            break
    return w


def _tokenizer_exceptions() -> dict:
    from spacy.lang.tokenizer_exceptions import BASE_EXCEPTIONS
    from spacy.symbols import NORM, ORTH
    from spacy.util import update_exc

    exc: dict = {}
    for abbr in ABBREVIATIONS:
        exc[abbr] = [{ORTH: abbr, NORM: abbr}]
        if abbr[0].isalpha():
            cap = abbr[0].upper() + abbr[1:]
            exc[cap] = [{ORTH: cap, NORM: abbr}]
    return update_exc(BASE_EXCEPTIONS, exc)


def kazakh_class():
    """Return the registered spaCy ``Language`` subclass for Kazakh (``kk``)."""
    global _KAZAKH
    if _KAZAKH is not None:
        return _KAZAKH
    import spacy
    from spacy.language import BaseDefaults, Language

    class KazakhDefaults(BaseDefaults):
        tokenizer_exceptions = _tokenizer_exceptions()
        stop_words = STOP_WORDS

    class Kazakh(Language):
        lang = "kk"
        Defaults = KazakhDefaults

    spacy.registry.languages.register("kk", func=Kazakh)
    _KAZAKH = Kazakh
    return Kazakh


_KAZAKH = None
