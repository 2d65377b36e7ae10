"""Reading documents: formats, encodings, front matter, normalisation with an offset map.

A legal volunteer hands us whatever they have (a saved portal page, a Word file of a bill, a
PDF of a law, a cp1251 text file). :func:`read_document` turns it into a :class:`Document`:

- ``original``: the text as read (decoded bytes; for HTML/DOCX/PDF the extracted visible text).
  Every offset in the analysis (clauses, spans) refers to this string.
- ``normalised``: the body (front matter removed) with non-breaking and other odd spaces made
  plain, soft hyphens and zero-width characters dropped, typographic quotes and dashes made
  ASCII, ``\\r\\n`` made ``\\n`` and Latin look-alike letters inside Cyrillic words (``ЛГБT``
  with a Latin T) made Cyrillic. ``offsets[i]`` is the index in ``original`` of
  ``normalised[i]`` (``offsets[len(normalised)]`` is the end of the body), so that a span found
  in the normalised text highlights the original characters.

Encodings are detected with charset-normalizer (never guessed by hand); UTF-8 with or without
a BOM is tried first because it is by far the most common and is unambiguous.

**Bundled petition folders.** A folder (e.g. ``data/petitions/<id>/``) is read through its
``text.md``: a Markdown file that starts with YAML front matter between ``---`` lines (title,
kind, language, jurisdiction, date, addressee, author, completeness, signatures, thresholds,
sources). An optional ``metadata.yaml`` beside it is merged in; the front matter wins on
conflicts because it travels with the text.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputTooLargeError,
    NoTextLayerError,
    UnsupportedFormatError,
)

DEFAULT_MAX_BYTES = 20_000_000
FOLDER_TEXT_FILE = "text.md"
FOLDER_METADATA_FILE = "metadata.yaml"

TEXT_SUFFIXES = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md"}
HTML_SUFFIXES = {".html": "html", ".htm": "html", ".xhtml": "html"}
SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")

# Magic numbers of common binary files (a file named .txt may still be a PNG or a ZIP).
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or an Office file)"),
    (b"PK\x05\x06", "a ZIP archive"),
    (b"%PDF", "a PDF file"),
    (b"\x7fELF", "a program (ELF)"),
    (b"MZ", "a Windows program"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file (.doc/.xls)"),
)

_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)


@dataclass(frozen=True)
class Document:
    """A read document; offsets everywhere refer to :attr:`original` (see module docstring)."""

    path: str
    original: str
    normalised: str
    offsets: Sequence[int]  # a range when nothing was dropped, else a tuple
    metadata: dict[str, Any] = field(default_factory=dict)
    body_start: int = 0
    sha256: str = ""
    encoding: str | None = None
    format: str = "txt"

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open range of :attr:`normalised` to the range of :attr:`original`."""
        o_start = self.offsets[start]
        # the end maps to just after the original character of the last normalised character
        o_end = self.offsets[end - 1] + 1 if end > start else o_start
        return o_start, o_end

    @property
    def title(self) -> str | None:
        value = self.metadata.get("title")
        return str(value) if value else None

    @property
    def kind(self) -> str | None:
        """``petition`` | ``bill`` | ``law`` | ``other`` from the front matter, if given."""
        value = self.metadata.get("kind")
        return str(value).lower() if value else None


# --------------------------------------------------------------------------- normalisation

_SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\u000b\u000c"
_DROP = {"\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\r"}
_CHAR_MAP: dict[str, str] = {c: " " for c in _SPACES}
_CHAR_MAP.update({c: '"' for c in "«»„“”‟″〝〞＂"})
_CHAR_MAP.update({c: "'" for c in "‘’‚‛′ʼ"})
_CHAR_MAP.update({c: "-" for c in "‐‑‒–—―−"})
_CHAR_MAP.update({"\u2028": "\n", "\u2029": "\n", "\u0085": "\n", "…": "."})
# Latin letters that look like Cyrillic ones; replaced only inside words with Cyrillic letters.
_LOOKALIKE = dict(zip("AaBCcEeHKMOoPpTXxyIiY", "АаВСсЕеНКМОоРрТХхуІіУ"))
_CYR = re.compile(r"[\u0400-\u04ff]")
_WORD = re.compile(r"[^\W\d_]+(?:['][^\W\d_]+)*")
# a look-alike letter next to a Cyrillic one (one branch that starts with a character class:
# the regex engine skips ahead to candidate letters, three times faster than two branches)
_MIXED = re.compile("[" + "".join(_LOOKALIKE) + "](?:(?=[\u0400-\u04ff])|(?<=[\u0400-\u04ff].))")
# Speed (issue 3): ``str.translate`` with a dict looks every character up (about 0.1 s per
# 100k words of Cyrillic text). Instead one regex pass finds which of the few characters to
# fold occur at all, and each of those is replaced with ``str.replace`` (a C scan); the offset
# map is built from slices of ``range`` around the dropped characters only.
_SPECIAL = re.compile("[" + re.escape("".join(sorted(set(_CHAR_MAP) | _DROP))) + "]")
_DROPPED = re.compile("[" + re.escape("".join(sorted(_DROP))) + "]")


def normalise(text: str, base: int = 0) -> tuple[str, Sequence[int]]:
    """Return the normalised text and, per normalised character, its index in the input + base.

    The map has one extra final entry (the input's end) so that end offsets can be mapped.
    Only one-to-one replacements and deletions are made, so the map is exact. When nothing
    was dropped (the usual case) the map is the identity shifted by ``base`` and is returned
    as a ``range`` (no list of a million integers to build); otherwise as a tuple.
    """
    if _MIXED.search(text):
        chars = list(text)
        # Latin look-alikes inside words that also contain Cyrillic letters: "ЛГБT" -> "ЛГБТ".
        for m in _WORD.finditer(text):
            word = m.group()
            if _CYR.search(word) and any(c in _LOOKALIKE for c in word):
                for i in range(m.start(), m.end()):
                    repl = _LOOKALIKE.get(chars[i])
                    if repl:
                        chars[i] = repl
        out = "".join(chars)
    else:
        out = text
    found = set(_SPECIAL.findall(out))
    if not found:
        return out, range(base, base + len(text) + 1)
    for ch in sorted(found):
        out = out.replace(ch, "" if ch in _DROP else _CHAR_MAP[ch])
    if len(out) == len(text):
        return out, range(base, base + len(text) + 1)
    offsets: list[int] = []
    pos = 0
    for m in _DROPPED.finditer(text):
        offsets.extend(range(base + pos, base + m.start()))
        pos = m.end()
    offsets.extend(range(base + pos, base + len(text) + 1))
    return out, tuple(offsets)


# --------------------------------------------------------------------------- front matter


def split_front_matter(text: str, *, where: str) -> tuple[dict[str, Any], int]:
    """Parse leading YAML front matter; return (metadata, index where the body starts)."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, 0
    import yaml

    try:
        data = yaml.safe_load(m.group(1)) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f", line {mark.line + 2}" if mark is not None else ""
        raise UnsupportedFormatError(
            f"the front matter (between the first two '---' lines) is not valid YAML{line}",
            where=where,
            hint="fix the YAML (key: value per line) or remove the front matter block",
        ) from exc
    if not isinstance(data, dict):
        raise UnsupportedFormatError(
            "the front matter must be a list of 'key: value' lines",
            where=where,
            hint="write e.g. 'title: ...' and 'kind: petition' between the '---' lines",
        )
    return {str(k): v for k, v in data.items()}, m.end()


# --------------------------------------------------------------------------- decoding


def _sniff_binary(data: bytes) -> str | None:
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return what
    return None


def decode_bytes(data: bytes, *, where: str) -> tuple[str, str]:
    """Decode bytes to text; return (text, encoding name). Raises EncodingError/BinaryInputError.

    Order, each step deterministic: a BOM; binary magic numbers; strict UTF-8; UTF-16 without
    a BOM (Cyrillic in UTF-16 has no zero bytes, so it is recognised by its shape, not by NULs);
    a file that is UTF-8 except for a few broken bytes is refused, naming the line (decoding it
    as cp1251 would silently turn it into mojibake); then the legacy Cyrillic code pages our
    users meet (cp1251, KOI8-R/U, KZ-1048, cp866, Mac) and charset-normalizer's guess are
    scored as text (:func:`_plausibility`), because statistical detectors alone mistake short
    cp1251/KOI8-R texts for Big5 or Shift-JIS.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError:
            pass
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            pass
    what = _sniff_binary(data)
    if what:
        raise BinaryInputError(
            f"this is {what}, not a text document",
            where=where,
            hint="give a .txt, .md, .html, .docx or .pdf file with the text of the petition, bill or law",
        )
    if b"\x00" not in data:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            if _control_ratio(text) <= 0.05:
                return text, "utf-8"
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    if b"\x00" not in data:
        broken = _broken_utf8_line(data)
        if broken is not None:
            raise EncodingError(
                f"the file is UTF-8 but has invalid bytes (first on line {broken})",
                where=where,
                hint="the file was damaged or joined from parts in different encodings: open "
                     "it in a text editor, fix or retype that line, save as UTF-8 and try again",
            )
        legacy = _best_legacy_decoding(data)
        if legacy is not None:
            return legacy
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        if data.count(b"\x00") > len(data) // 20:
            raise BinaryInputError(
                "the file looks binary (many zero bytes) and is not text in any common encoding",
                where=where,
                hint="give a .txt, .md, .html, .docx or .pdf file with the text",
            )
        raise EncodingError(
            "the bytes could not be decoded as text in any common encoding "
            "(UTF-8, UTF-16, cp1251, KOI8-R, ...)",
            where=where,
            hint="open the file in a text editor and save it as UTF-8, then try again",
        )
    text = str(best)
    if "\x00" in text or _control_ratio(text) > 0.05:
        raise BinaryInputError(
            "the file looks binary (control characters), not like a text document",
            where=where,
            hint="give a .txt, .md, .html, .docx or .pdf file with the text",
        )
    return text, str(best.encoding)


_LEGACY_ENCODINGS = ("cp1251", "koi8_r", "koi8_u", "kz1048", "cp866", "mac_cyrillic")
# DOS and Mac code pages are rare today and share cp1251's letters on other bytes: they must
# look clearly better (per character) to be chosen.
_RARE_CODE_PAGES = {"cp866": 0.05, "mac_cyrillic": 0.05}
# Russian letters by frequency (Lyashevskaya & Sharov's frequency dictionary ranks); a text
# decoded with the wrong code page is made of the rare ones (й, ф, щ, ъ...) instead.
_CYR_COMMON = set("оеаинтсрвлкмдпу")
_CYR_MIDDLE = set("яызьбгчжхюшэцщіїєґәғқңөұүһё")
_TYPOGRAPHY = set("«»„“”‘’–—…№")
_OPENING = set("«„“‘(")
_CLOSING = set("»”’…)")


def _plausibility(text: str) -> float:
    """How much ``text`` looks like ru/kk/uk/en prose, per character (higher is better).

    Common Cyrillic and Latin letters score, rare ones less; a word mixing scripts, a
    capital inside a lower-case word («пЕТИЦИЯ»: KOI8-R read as cp1251), letters of other
    scripts (Big5, Shift-JIS guesses), control characters and box drawing (cp866 guesses)
    cost.
    """
    if not text:
        return 0.0
    score = 0.0
    for m in re.finditer(r"[^\W\d_]+", text):
        word = m.group()
        cyr = lat = other = flips = 0
        prev_lower = False
        for ch in word:
            if "\u0400" <= ch <= "\u04ff":
                cyr += 1
                low = ch.lower()
                score += 1.0 if low in _CYR_COMMON else 0.5 if low in _CYR_MIDDLE else 0.0
            elif ch.isascii():
                lat += 1
                score += 0.8
            else:
                other += 1
            if prev_lower and ch.isupper():
                flips += 1
            prev_lower = ch.islower()
        if cyr and lat:
            score -= 2.0 * len(word)
        score -= 3.0 * other + 3.0 * flips
    for i, ch in enumerate(text):
        code = ord(ch)
        if code > 127 and not (ch.isalnum() or ch.isspace()):
            # a symbol glued to a letter («июл€», «–еспублики»: cp1251 read as Mac Cyrillic)
            glued = ((i > 0 and text[i - 1].isalpha() and ch not in _CLOSING)
                     or (i + 1 < len(text) and text[i + 1].islower() and ch not in _OPENING))
            if glued:
                score -= 2.0
            elif ch in _TYPOGRAPHY:
                score += 0.6  # a dash or quote of the code page beats a stray letter there
        if (code < 32 and ch not in "\n\r\t\f\v") or 0x2500 <= code <= 0x25FF or 0xE000 <= code <= 0xF8FF:
            score -= 4.0
    return score / len(text)


def _best_legacy_decoding(data: bytes) -> tuple[str, str] | None:
    """The best-scoring legacy code page (ties: the first in :data:`_LEGACY_ENCODINGS`)."""
    candidates: list[tuple[str, str]] = []
    for enc in _LEGACY_ENCODINGS:
        try:
            candidates.append((data.decode(enc), enc))
        except UnicodeDecodeError:
            continue
    try:
        from charset_normalizer import from_bytes

        guess = from_bytes(data).best()
    except Exception:  # noqa: BLE001 - the detector is only one more candidate
        guess = None
    if guess is not None and str(guess.encoding) not in _LEGACY_ENCODINGS:
        candidates.append((str(guess), str(guess.encoding)))
    best: tuple[float, int, str, str] | None = None
    for rank, (text, enc) in enumerate(candidates):
        score = _plausibility(text) - _RARE_CODE_PAGES.get(enc, 0.0)
        if best is None or score > best[0]:
            best = (score, rank, text, enc)
    if best is None or best[0] < 0.3 or _control_ratio(best[2]) > 0.05:
        return None
    return best[2], best[3]


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 LE/BE text without a BOM, recognised when it decodes to plausible prose."""
    if len(data) < 2 or len(data) % 2:
        return None
    found: list[tuple[float, str, str]] = []
    for enc in ("utf_16_le", "utf_16_be"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _control_ratio(text) > 0.05:
            continue
        texty = sum(1 for ch in text if ch.isspace() or ch.isdigit() or ch in ".,;:!?()-\"'«»№%"
                    or ("\u0400" <= ch <= "\u04ff") or (ch.isascii() and ch.isalpha())
                    or ("\u00c0" <= ch <= "\u017f"))
        if texty >= 0.9 * len(text):
            found.append((_plausibility(text), text, enc))
    if not found:
        return None
    found.sort(key=lambda t: -t[0])
    return found[0][1], found[0][2]


def _broken_utf8_line(data: bytes) -> int | None:
    """The line of the first invalid byte when ``data`` is UTF-8 apart from a few bad bytes."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    multibyte = sum(1 for ch in text if ord(ch) > 127 and ch != "\ufffd")
    if bad == 0 or multibyte < 2 * bad:
        return None
    first = text.index("\ufffd")
    return text.count("\n", 0, first) + 1


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    bad = sum(1 for c in text if ord(c) < 32 and c not in "\n\r\t\f\v")
    return bad / len(text)


# --------------------------------------------------------------------------- extraction

_BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
    "section", "article", "blockquote", "pre", "header", "footer", "main", "dd", "dt", "dl",
    "td", "th", "hr", "form", "nav", "aside", "figure", "figcaption", "address",
}
_DROP_TAGS = ("script", "style", "iframe", "noscript", "template", "head", "svg", "object",
              "embed", "canvas")


def html_visible_text(html: str) -> str:
    """Visible text of an HTML page: scripts, styles, iframes and the head are dropped;
    block elements end a line so that paragraphs and numbered points stay separate."""
    from bs4 import BeautifulSoup, Comment

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(_DROP_TAGS):
        tag.decompose()
    for c in soup.find_all(string=lambda s: isinstance(s, Comment)):
        c.extract()
    for tag in soup.find_all(style=re.compile(r"display\s*:\s*none", re.I)):
        tag.decompose()
    for tag in soup.find_all(hidden=True):
        tag.decompose()
    for tag in soup.find_all(_BLOCK_TAGS):
        tag.insert_after("\n")
        if tag.name not in ("br", "hr"):
            tag.insert_before("\n")
    raw = soup.get_text("")
    lines = [re.sub(r"[ \t\u00a0]+", " ", ln).strip() for ln in raw.split("\n")]
    out: list[str] = []
    for ln in lines:
        if ln:
            out.append(ln)
        elif out and out[-1] != "":
            out.append("")
    return "\n".join(out).strip() + "\n" if out else ""


def docx_text(data: bytes, *, where: str) -> str:
    """Paragraphs and table cells of a Word file, in document order."""
    import io
    import zipfile

    if not data.startswith(b"PK"):
        raise UnsupportedFormatError(
            "this .docx file is not a Word document (it is not a ZIP package)",
            where=where,
            hint="open it in Word or LibreOffice and save it as .docx, or give a .txt copy",
        )
    try:
        import docx  # python-docx
        from docx.oxml.ns import qn

        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, Exception) as exc:  # noqa: BLE001
        raise UnsupportedFormatError(
            f"this .docx file cannot be opened as a Word document ({type(exc).__name__})",
            where=where,
            hint="open it in Word or LibreOffice and save it as .docx, or give a .txt copy",
        ) from exc
    lines: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            lines.append("".join(t.text or "" for t in child.iter(qn("w:t"))))
        elif child.tag == qn("w:tbl"):
            for row in child.iter(qn("w:tr")):
                cells = []
                for cell in row.iter(qn("w:tc")):
                    cells.append(" ".join(
                        "".join(t.text or "" for t in p.iter(qn("w:t"))) for p in cell.iter(qn("w:p"))
                    ).strip())
                lines.append(" | ".join(c for c in cells if c))
    return "\n".join(lines)


def pdf_text(data: bytes, *, where: str) -> str:
    """The text layer of a PDF (pypdf); a scan without one gets NoTextLayerError."""
    import io

    try:
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except Exception as exc:  # noqa: BLE001 - pypdf raises many types on broken files
        raise UnsupportedFormatError(
            f"this PDF cannot be read ({type(exc).__name__}: {exc})",
            where=where,
            hint="re-save the PDF (print to PDF) or give the text as a .txt or .docx file",
        ) from exc
    text = "\n\n".join(p.strip("\n") for p in pages)
    if not text.strip():
        raise NoTextLayerError(
            f"this PDF has no text layer ({len(pages)} page(s) of images, e.g. a scan)",
            where=where,
            hint="run OCR on it first (e.g. 'ocrmypdf -l rus+kaz+eng in.pdf out.pdf') "
                 "or give the text as a .txt or .docx file",
        )
    return text


# --------------------------------------------------------------------------- documents


def _build(original: str, *, path: str, metadata: dict[str, Any], sha: str,
           encoding: str | None, fmt: str, parse_front_matter: bool) -> Document:
    meta = dict(metadata)
    body_start = 0
    if parse_front_matter:
        fm, body_start = split_front_matter(original, where=path)
        meta.update(fm)
    body = original[body_start:]
    if not body.strip():
        raise EmptyInputError(
            "the document has no text" + (" after its front matter" if body_start else ""),
            where=path,
            hint="check that you chose the right file and that it contains the text to analyse",
        )
    normalised, offsets = normalise(body, base=body_start)
    if not normalised.strip():
        # only invisible characters (soft hyphens, zero-width spaces, NBSP...)
        raise EmptyInputError(
            "the document has no text, only invisible characters (soft hyphens, zero-width or "
            "non-breaking spaces)",
            where=path,
            hint="check that you chose the right file and that it contains the text to analyse",
        )
    return Document(
        path=path, original=original, normalised=normalised, offsets=offsets,
        metadata=meta, body_start=body_start, sha256=sha, encoding=encoding, format=fmt,
    )


def document_from_text(text: str, *, metadata: dict[str, Any] | None = None,
                       path: str = "<text>") -> Document:
    """A :class:`Document` from a string (front matter, if present, is parsed too)."""
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return _build(text, path=path, metadata=metadata or {}, sha=sha, encoding=None, fmt="txt",
                  parse_front_matter=True)


def read_document(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read a .txt/.md/.html/.docx/.pdf file or a bundled petition folder (see module doc)."""
    p = Path(path)
    where = str(path)
    extra_meta: dict[str, Any] = {}
    if p.is_dir():
        text_file = p / FOLDER_TEXT_FILE
        if not text_file.is_file():
            raise UnsupportedFormatError(
                f"this folder has no {FOLDER_TEXT_FILE}",
                where=where,
                hint=f"a petition folder must contain {FOLDER_TEXT_FILE} (the text, with YAML "
                     "front matter); or give the path of a single file",
            )
        meta_file = p / FOLDER_METADATA_FILE
        if meta_file.is_file():
            import yaml

            try:
                loaded = yaml.safe_load(meta_file.read_text(encoding="utf-8")) or {}
            except (yaml.YAMLError, UnicodeDecodeError) as exc:
                raise UnsupportedFormatError(
                    f"{FOLDER_METADATA_FILE} is not valid UTF-8 YAML",
                    where=str(meta_file), hint="fix the YAML (key: value per line)",
                ) from exc
            if isinstance(loaded, dict):
                extra_meta = {str(k): v for k, v in loaded.items()}
        p = text_file
        where = str(text_file)
    if not p.exists():
        raise UnsupportedFormatError(
            "no such file or folder", where=where, hint="check the path and try again",
        )
    size = p.stat().st_size
    if size > max_bytes:
        raise InputTooLargeError(
            f"the file is {size:,} bytes, above the limit of {max_bytes:,} bytes",
            where=where,
            hint="split the document into smaller files, or raise the limit (max_bytes) if "
                 "you trust the file",
        )
    data = p.read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    if not data.strip():
        raise EmptyInputError(
            "the file is empty" if not data else "the file contains only whitespace",
            where=where,
            hint="check that you chose the right file and that it contains the text to analyse",
        )
    suffix = p.suffix.lower()
    if suffix == ".docx":
        text = docx_text(data, where=where)
        return _build(text, path=where, metadata=extra_meta, sha=sha, encoding=None,
                      fmt="docx", parse_front_matter=False)
    if suffix == ".pdf":
        if not data.startswith(b"%PDF"):
            raise UnsupportedFormatError(
                "this .pdf file is not a PDF (it does not start with %PDF)",
                where=where, hint="check the file; give the text as .txt or .docx instead",
            )
        text = pdf_text(data, where=where)
        return _build(text, path=where, metadata=extra_meta, sha=sha, encoding=None,
                      fmt="pdf", parse_front_matter=False)
    if suffix in (".doc", ".rtf", ".odt", ".epub", ".xlsx", ".pptx"):
        raise UnsupportedFormatError(
            f"'{suffix}' files are not read",
            where=where,
            hint="save the document as .docx, .pdf or .txt and try again",
        )
    text, encoding = decode_bytes(data, where=where)
    if suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and _looks_like_html(text)):
        visible = html_visible_text(text)
        return _build(visible, path=where, metadata=extra_meta, sha=sha, encoding=encoding,
                      fmt="html", parse_front_matter=False)
    fmt = TEXT_SUFFIXES.get(suffix, "txt")
    return _build(text, path=where, metadata=extra_meta, sha=sha, encoding=encoding, fmt=fmt,
                  parse_front_matter=True)


def _looks_like_html(text: str) -> bool:
    head = text[:2000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head
