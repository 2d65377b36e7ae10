"""Clause segmentation with stable Akoma Ntoso-style ids.

Structure is read from line starts: an article heading («Статья 6.21.», «Стаття 5», «6-бап»,
"Article 19", "Section 3/A", or a short "13 Direct discrimination" line) opens an article;
numbered points ("1.", "1)", "(1)", "а)", "(a)") become ``para``/``point`` units inside it, or
``item`` units at the top level; other paragraphs are ``p_N`` (counted inside their container)
and are split into sentences ``p_N__s_M`` when they have more than one. Ids use the numbers
printed in the text, so editing another article does not change them. A line that starts with
a lower-case letter continues the unit before it («... деяния, -» / «влечет наложение ...»),
except after a heading: a Markdown ``#`` line, or a short line without final punctuation
followed by a blank line, ends its clause.
Abbreviations («ст.», «ч.», «п.», «г.», «т.б.», "Art.", "No.", initials) do not end sentences.

Works on the normalised text (see :mod:`analysis.text`); offsets are normalised offsets.
"""
from __future__ import annotations

import re
from typing import NamedTuple

_ART = re.compile(
    r"(?P<word>Статья|Стаття|Article|Art\.|Section|Sec\.|Глава|Chapter|Раздел|Розділ|Бап|Тарау)"
    r"\s+(?P<num>\d+(?:[.\-/]\d+|[A-Z])*)(?=[\s.:)]|$)"
)
_KK_ART = re.compile(r"(?P<num>\d+(?:[.\-]\d+)*)-(?P<word>бап|тарау)\b", re.I)
_UK_SECTION = re.compile(r"(?P<num>\d{1,3}[A-Z]?)\s+(?=[A-Z][a-z])[^.;:]{3,70}$")
_MARKERS = (
    ("dot", re.compile(r"(?P<num>\d{1,3})\.(?=\s)")),
    ("paren", re.compile(r"(?P<num>\d{1,3}(?:-\d{1,2})?)\)(?=\s)")),
    ("bracket", re.compile(r"\((?P<num>\d{1,3})\)(?=\s)")),
    ("letter", re.compile(r"\(?(?P<num>[a-zа-яё])\)(?=\s)")),
)
_MD_HEADING = re.compile(r"#{1,6}\s+\S")
_FENCES = ("```", "~~~")
_CONTAINER = {"статья": "art", "стаття": "art", "article": "art", "art.": "art", "бап": "art",
              "section": "sec", "sec.": "sec", "глава": "chp", "chapter": "chp", "тарау": "chp",
              "раздел": "part", "розділ": "part"}

ABBREVIATIONS = frozenset("""
ст стст ч п пп г гг т тт др пр см стр руб тыс млн млрд им напр рис прим абз гл разд подп
изм доп ред обл р-н пос ул д корп кв ж жж қ б бб тарм мыс тб тд тп те ст-я с ср
art arts no nos para paras s ss sec e.g i.e etc mr mrs ms dr prof vs v cf p pp fig eds ed vol
inc ltd co st jr sr n
""".split())
_SENT_END = re.compile(r"[.!?]+[\"')\]]*(?=\s+[\"'(\[]?[A-ZА-ЯЁІЇЄҐӘҒҚҢӨҰҮҺ0-9])")


class Unit(NamedTuple):
    """A clause-to-be: id, normalised [start, end), heading of its article, structural role.
    (An immutable named tuple: built for every clause, at a quarter of a frozen dataclass's
    cost.)"""

    id: str
    start: int
    end: int
    heading: str | None
    role: str  # title | heading | numbered | paragraph | sentence


def _num_id(num: str) -> str:
    return num.replace(".", "_").replace("/", "_").strip("_").lower()


def _lines(text: str):
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1


_SPACE = re.compile(r"\s")  # re's \s is exactly str.isspace for str patterns


def _word_start(chunk: str, j: int) -> int:
    """Where the word that ends at ``j`` starts (after the last whitespace before ``j``). The
    last space or line break is found with ``rfind`` from ``j`` backwards; only if the word
    holds another whitespace character (a tab, a rare Unicode space) is it walked letter by
    letter, so a long paragraph is not rescanned for each of its full stops."""
    i = chunk.rfind(" ", 0, j) + 1
    i = chunk.rfind("\n", i, j) + 1 or i
    if _SPACE.search(chunk, i, j):
        i = j
        while i > 0 and not chunk[i - 1].isspace():
            i -= 1
    return i


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence ranges inside ``text[start:end]`` (abbreviation-aware)."""
    chunk = text[start:end]
    out: list[tuple[int, int]] = []
    s = 0
    for m in _SENT_END.finditer(chunk):
        stop = m.end()
        punct = m.group()
        if punct.startswith(".") and not punct.startswith("..."):
            j = m.start()
            i = _word_start(chunk, j)
            raw = chunk[i:j]
            word = raw.lstrip("(\"'[").lower()
            if word in ABBREVIATIONS or (len(word) == 1 and word.isalpha()) or (
                    "." in word and len(word) <= 6 and word.replace(".", "").isalpha()):
                continue
            if word.isdigit() and len(word) <= 3 and s == 0 and raw and i == 0:
                continue  # "1. ..." marker at the start
        _add_stripped(chunk, s, stop, start, out)
        s = stop
    _add_stripped(chunk, s, len(chunk), start, out)
    return out


def _add_stripped(chunk: str, a: int, b: int, base: int, out: list) -> None:
    """Append ``chunk[a:b]`` without its surrounding whitespace (offsets + ``base``), unless
    it is all whitespace."""
    seg = chunk[a:b]
    body = seg.lstrip()
    if body:
        lead = len(seg) - len(body)
        out.append((base + a + lead, base + a + len(seg.rstrip())))


def segment(text: str) -> list[Unit]:
    """Split a normalised body into :class:`Unit` s (see module docstring)."""
    # 1. blocks: runs of lines that belong to one structural unit
    blocks: list[dict] = []
    in_fence = False
    prev_blank = True
    for pos, raw in _lines(text):
        line = raw.strip()
        if line.startswith(_FENCES):  # a code fence opens or closes
            in_fence = not in_fence if line in ("```", "~~~") or not in_fence else in_fence
            prev_blank = True
            continue
        if not line:
            prev_blank = True
            continue
        lead = len(raw) - len(raw.lstrip())
        start, end = pos + lead, pos + lead + len(line)
        info = _classify(line)
        cur = blocks[-1] if blocks else None
        continues = (
            cur is not None and info[0] == "text" and cur["kind"] != "md"
            and not (prev_blank and _is_heading_line(text[cur["start"]:cur["end"]]))
            and (line[0].islower() or (not prev_blank and not _ends_sentence(text[cur["start"]:cur["end"]])))
            and not _ends_sentence_hard(text[cur["start"]:cur["end"]], line)
        )
        if continues:
            cur["end"] = end
        else:
            blocks.append({"kind": info[0], "start": start, "end": end, "info": info,
                           "first": not blocks})
        prev_blank = False
    # 2. ids
    units: list[Unit] = []
    used: dict[str, int] = {}
    container = ""  # e.g. "art_6_21"
    heading: str | None = None
    marker_levels: list[str] = []  # marker kinds in nesting order inside the container
    path: dict[str, str] = {}  # marker kind -> current id part
    p_count = 0
    hdg_count = 0

    def add(uid: str, start: int, end: int, role: str, head: str | None) -> None:
        n = used.get(uid, 0) + 1
        used[uid] = n
        if n > 1:
            uid = f"{uid}__dup_{n}"
        units.append(Unit(uid, start, end, head, role))

    for i, b in enumerate(blocks):
        kind, info = b["kind"], b["info"]
        if i == 0 and kind in ("text", "md") and len(blocks) > 1 and _looks_like_title(text, b, kind):
            add("title", b["start"], b["end"], "title", None)
            continue
        if kind == "article":
            word, num = info[1], info[2]
            container = f"{_CONTAINER.get(word.lower(), 'art')}_{_num_id(num)}"
            heading = text[b["start"]:b["end"]]
            marker_levels, path, p_count = [], {}, 0
            add(f"{container}__hdg", b["start"], b["end"], "heading", heading)
            continue
        if kind == "md":
            hdg_count += 1
            container = f"hdg_{hdg_count}"
            heading = text[b["start"]:b["end"]].lstrip("#").strip()
            marker_levels, path, p_count = [], {}, 0
            add(container, b["start"], b["end"], "heading", heading)
            continue
        if kind == "marker":
            mk, num = info[1], info[2]
            if mk in marker_levels:
                depth = marker_levels.index(mk)
                marker_levels = marker_levels[: depth + 1]
            else:
                marker_levels.append(mk)
                depth = len(marker_levels) - 1
            if depth == 0:
                part = ("para_" if container.startswith(("art", "sec")) else "item_") + _num_id(num)
            else:
                part = "point_" + _num_id(num)
            path = {k: v for k, v in path.items() if k in marker_levels[:depth]}
            path[mk] = part
            prefix = [container] if container else []
            uid = "__".join(prefix + [path[k] for k in marker_levels[: depth + 1] if k in path])
            add(uid, b["start"], b["end"], "numbered", heading)
            continue
        # plain paragraph
        p_count += 1
        base = f"{container}__p_{p_count}" if container else f"p_{p_count}"
        sents = split_sentences(text, b["start"], b["end"])
        if len(sents) <= 1:
            add(base, b["start"], b["end"], "paragraph", heading)
        else:
            for k, (s, e) in enumerate(sents, 1):
                add(f"{base}__s_{k}", s, e, "sentence", heading)
    return units


def _classify(line: str) -> tuple:
    if not (line[0].isdigit() or line[0] in "(#" or line[1:2] == ")"):
        # every pattern but _ART needs a digit, "(" or "#" first or ")" second (str.isdigit
        # holds for every character re's \d matches): most lines are plain text
        m = _ART.match(line)
        return ("article", m.group("word"), m.group("num")) if m else ("text",)
    m = _ART.match(line)
    if m:
        return ("article", m.group("word"), m.group("num"))
    m = _KK_ART.match(line)
    if m:
        return ("article", m.group("word"), m.group("num"))
    if _MD_HEADING.match(line):
        return ("md",)
    m = _UK_SECTION.match(line)
    if m:
        return ("article", "Section", m.group("num"))
    for kind, rx in _MARKERS:
        m = rx.match(line)
        if m:
            return ("marker", kind, m.group("num"))
    return ("text",)


HEADING_MAX_CHARS = 120


def _is_heading_line(block: str) -> bool:
    """A short single line without final punctuation («Общие положения», "**Expected
    labels**"): followed by a blank line it is a heading, and the next line starts a new
    clause even in lower case. A longer line, or one ending in a comma, dash or colon, is a
    sentence broken by a blank line (page breaks of extracted PDF text) and continues."""
    return ("\n" not in block and len(block) <= HEADING_MAX_CHARS
            and not block.rstrip().endswith((".", ",", ";", ":", "!", "?", "-")))


def _ends_sentence(s: str) -> bool:
    return s.rstrip().endswith((".", "!", "?", ":", ";", '"', "'", ")"))


def _ends_sentence_hard(prev: str, line: str) -> bool:
    """A new paragraph even if lower case: the previous one ended a sentence."""
    return line[0].islower() and prev.rstrip().endswith((".", "!", "?")) and not prev.rstrip().endswith(
        tuple(f" {a}." for a in ("ст", "ч", "п", "г", "т.б", "т.д", "art", "no", "s")))


def _looks_like_title(text: str, b: dict, kind: str) -> bool:
    if kind == "md":
        return text[b["start"]:b["end"]].startswith("# ")
    s = text[b["start"]:b["end"]]
    return len(s) <= 250 and "\n" not in s and not s.rstrip().endswith((".", ",", ";", ":", "-"))
