"""Bad-input suite (issue 8): every input a volunteer may hand us, through the real CLI.

Each bad input must give exactly one plain message on stderr (``error: <where>: ...`` plus its
"What to do" line), exit code 2, no traceback, and leave the output folder exactly as it was.
Valid-but-odd inputs (cp1251, KOI8-R, UTF-16 with/without BOM, Latin look-alike letters, HTML
with scripts, a ``../`` path) must give the same findings as the plain UTF-8 text.
Binary fixtures are generated here at run time rather than committed.
"""
from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from analysis.__main__ import main

REPO = Path(__file__).resolve().parent.parent

# A short real-style petition (words from the 2024 petition in shared/sources/kz/03_*).
RU = ("Петиция о запрете пропаганды ЛГБТ.\n"
      "1. Запретить пропаганду нетрадиционных сексуальных отношений в СМИ и интернете.\n"
      "2. Ввести штрафы и административную ответственность за её распространение.\n")


def _snapshot(folder: Path) -> dict[str, bytes]:
    """Every file (hidden ones too, so leftover ``.part`` files show) with its bytes."""
    if not folder.exists():
        return {}
    return {p.relative_to(folder).as_posix(): p.read_bytes() if p.is_file() else b"<dir>"
            for p in sorted(folder.rglob("*"))}


def _run(argv: list[str], capsys) -> tuple[int, str, str]:
    rc = main(argv)
    out, err = capsys.readouterr()
    return rc, out, err


def _assert_one_clear_error(rc: int, err: str, *, mentions: str | None = None) -> None:
    assert rc == 2, err
    assert "Traceback" not in err and "internal error" not in err
    lines = [ln for ln in err.splitlines() if ln.strip()]
    errors = [ln for ln in lines if ln.startswith("error:")]
    assert len(errors) == 1, err
    assert lines[0].startswith("error:"), err  # --quiet: nothing before the message
    assert any(ln.strip().startswith("What to do:") for ln in lines), err
    assert len(lines) == 2, err  # the message and its hint, nothing else
    if mentions:
        assert mentions in errors[0], err


# --------------------------------------------------------------------------- bad inputs


def _png() -> bytes:
    import zlib

    raw = b"\x00\xff\x00\x00" * 4
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (len(data).to_bytes(4, "big") + kind + data
                + zlib.crc32(kind + data).to_bytes(4, "big"))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", bytes.fromhex("00000002000000020806000000"))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def _zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("petition.txt", RU)
    return buf.getvalue()


def _scan_pdf() -> bytes:
    from pypdf import PdfWriter

    w = PdfWriter()
    w.add_blank_page(width=300, height=400)
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


def _invalid_utf8() -> bytes:
    good = RU.encode("utf-8")
    return good[:60] + b"\xff\xfe\xc3\x28" + good[60:]


def _write_sparse(path: Path, size: int) -> None:
    with open(path, "wb") as fh:
        fh.truncate(size)
        fh.seek(0)
        fh.write(RU.encode())


BAD_INPUTS = [
    # (case id, file name, bytes or a writer, words the message must contain)
    ("empty", "empty.txt", b"", "empty"),
    ("whitespace", "blank.txt", b" \n\t\r\n  \n", "whitespace"),
    ("nbsp-and-soft-hyphens-only", "nbsp.txt", "\u00a0\u00ad\u200b\n".encode(), "invisible"),
    ("png", "scan.txt", _png, "PNG"),
    ("png-named-png", "photo.png", _png, "PNG"),
    ("zip", "archive.txt", _zip, "ZIP"),
    ("invalid-utf8", "broken.txt", _invalid_utf8, "invalid bytes"),
    ("random-bytes", "noise.txt", lambda: bytes((i * 167 + 13) % 127 + 129 for i in range(4000)),
     "decoded"),
    ("pdf-no-text-layer", "scan.pdf", _scan_pdf, "text layer"),
    ("docx-not-word", "bill.docx", RU.encode(), "not a Word document"),
    ("docx-zip-not-word", "bill2.docx", _zip, "Word document"),
    ("pdf-not-pdf", "law.pdf", RU.encode(), "not a PDF"),
    ("old-doc", "law.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "not read"),
    ("too-large", "huge.txt", "sparse", "above the limit"),
    ("unsupported-language", "de.txt",
     "Der Bundestag hat das folgende Gesetz beschlossen. Die Versammlung ist frei und "
     "niemand darf daran gehindert werden. Das Gesetz tritt am Tag nach der Verkündung "
     "in Kraft.\n".encode(), "supported language"),
    ("front-matter-bad-yaml", "fm.md", ("---\ntitle: [unclosed\n---\n" + RU).encode(),
     "front matter"),
    ("no-such-file", "missing.txt", None, "no such file"),
    ("folder-without-text-md", "folder", "dir", "text.md"),
    ("one-mb-line", "line.txt",
     lambda: ("Запретить пропаганду в интернете и СМИ " * 30000)[:600_000].encode(),
     "line breaks"),
    ("one-mb-line-with-sentences", "sentences.txt",
     lambda: ("Запретить пропаганду в СМИ. " * 40000)[:1_000_000].encode(), "clauses"),
    ("50000-short-clauses", "clauses.txt", lambda: ("Штраф.\n" * 50_000).encode(), "50,000"),
]


def _make_input(tmp_path: Path, name: str, data) -> Path:
    path = tmp_path / "in" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if data is None:
        return path
    if data == "dir":
        path.mkdir()
        (path / "notes.txt").write_text(RU, encoding="utf-8")
    elif data == "sparse":
        _write_sparse(path, 20_000_001)
    else:
        path.write_bytes(data() if callable(data) else data)
    return path


@pytest.mark.parametrize("case,name,data,words", BAD_INPUTS, ids=[c[0] for c in BAD_INPUTS])
def test_bad_input_gives_one_clear_error_and_writes_nothing(tmp_path, capsys, case, name,
                                                            data, words):
    path = _make_input(tmp_path, name, data)
    out = tmp_path / "out"
    out.mkdir()
    (out / "earlier-brief.html").write_text("<p>an earlier run</p>", encoding="utf-8")
    before = _snapshot(out)
    rc, stdout, err = _run(["brief", str(path), "--out", str(out), "--quiet"], capsys)
    _assert_one_clear_error(rc, err, mentions=words)
    assert name in err  # it names the file
    assert stdout == ""
    assert _snapshot(out) == before


def test_bad_input_into_a_new_folder_leaves_no_files(tmp_path, capsys):
    path = _make_input(tmp_path, "empty.txt", b"")
    out = tmp_path / "new-out"
    rc, _, err = _run(["brief", str(path), "--out", str(out), "--quiet"], capsys)
    _assert_one_clear_error(rc, err, mentions="empty")
    assert _snapshot(out) == {}  # at most the empty folder that --out was checked with


def test_without_quiet_progress_lines_come_before_exactly_one_error(tmp_path, capsys):
    path = _make_input(tmp_path, "scan.txt", _png)
    rc, _, err = _run(["brief", str(path), "--out", str(tmp_path / "o")], capsys)
    assert rc == 2 and "Traceback" not in err
    assert sum(ln.startswith("error:") for ln in err.splitlines()) == 1


@pytest.mark.parametrize("argv_tail,words", [
    (["--as-of", "yesterday"], "not a date"),
    (["--lang", "de"], "invalid choice"),
])
def test_bad_options_exit_2_without_traceback(tmp_path, capsys, argv_tail, words):
    path = _make_input(tmp_path, "p.txt", RU.encode())
    out = tmp_path / "out"
    with pytest.raises(SystemExit) if "--lang" in argv_tail else _nothing():
        rc, _, err = _run(["brief", str(path), "--out", str(out), "--quiet", *argv_tail], capsys)
        _assert_one_clear_error(rc, err, mentions=words)
    if "--lang" in argv_tail:  # argparse's own usage error: exit 2, one line
        err = capsys.readouterr().err
        assert words in err and "Traceback" not in err
    assert _snapshot(out) == {}


class _nothing:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


# --------------------------------------------------------------------------- output paths


def test_output_path_that_is_a_file(tmp_path, capsys):
    path = _make_input(tmp_path, "p.txt", RU.encode())
    out = tmp_path / "brief.html"
    out.write_text("keep me", encoding="utf-8")
    rc, _, err = _run(["brief", str(path), "--out", str(out), "--quiet"], capsys)
    _assert_one_clear_error(rc, err, mentions="is a file")
    assert out.read_text(encoding="utf-8") == "keep me"


def test_output_path_that_cannot_be_created(tmp_path, capsys):
    # running as root, a folder below a file is the portable "not writable" case
    path = _make_input(tmp_path, "p.txt", RU.encode())
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    rc, _, err = _run(["brief", str(path), "--out", str(blocker / "sub"), "--quiet"], capsys)
    _assert_one_clear_error(rc, err, mentions="cannot create the output folder")
    assert blocker.read_text(encoding="utf-8") == "x"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_output_folder_without_write_permission(tmp_path, capsys):
    path = _make_input(tmp_path, "p.txt", RU.encode())
    out = tmp_path / "ro"
    out.mkdir()
    out.chmod(0o500)
    try:
        rc, _, err = _run(["brief", str(path), "--out", str(out), "--quiet"], capsys)
    finally:
        out.chmod(0o700)
    _assert_one_clear_error(rc, err, mentions="not writable")


def test_written_files_are_readable_by_others_like_any_saved_file(tmp_path):
    """Atomic writes go through mkstemp (mode 0600): the final file must get the usual
    umask permissions, or a brief shared from a server folder cannot be opened by anyone."""
    from analysis.io import atomic_write_text

    old = os.umask(0o022)
    try:
        target = atomic_write_text(tmp_path / "brief.md", "# brief\n")
    finally:
        os.umask(old)
    assert target.stat().st_mode & 0o777 == 0o644


# --------------------------------------------------------------------------- subprocess


@pytest.mark.parametrize("make,words", [(_png, "PNG"), (b"", "empty")], ids=["png", "empty"])
def test_real_process_prints_one_message_and_exits_2(tmp_path, make, words):
    path = _make_input(tmp_path, "петиция файл.txt", make)
    out = tmp_path / "out"
    out.mkdir()
    proc = subprocess.run(
        [sys.executable, "-m", "analysis", "brief", str(path), "--out", str(out), "--quiet"],
        cwd=REPO, capture_output=True, text=True, timeout=120,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    _assert_one_clear_error(proc.returncode, proc.stderr, mentions=words)
    assert "петиция файл.txt" in proc.stderr
    assert proc.stdout == "" and _snapshot(out) == {}


# --------------------------------------------------------------------------- valid inputs


def _analyse(path: Path, tmp_path: Path, capsys, *extra: str) -> dict:
    out = tmp_path / f"findings-{path.name}.json"
    rc, _, err = _run(["analyse", str(path), "--out", str(out), "--as-of", "2024-08-01",
                       *extra], capsys)
    assert rc == 0, err
    assert "Traceback" not in err
    return json.loads(out.read_text(encoding="utf-8"))


def _essence(analysis: dict) -> str:
    """What the reader is told, without the input's identity (path, sha256, encoding)."""
    keep = {k: v for k, v in analysis.items() if k not in ("input", "parameters")}
    return json.dumps(keep, sort_keys=True, ensure_ascii=False)


@pytest.fixture(scope="module")
def utf8_reference(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("ref")
    path = tmp / "petition.txt"
    path.write_text(RU, encoding="utf-8")
    from analysis.pipeline import analyse_file

    analysis = analyse_file(path, as_of="2024-08-01")
    data = json.loads(analysis.model_dump_json())
    assert analysis.verdict != "compatible"  # the text does raise findings
    return data


ENCODED = [
    ("cp1251", lambda s: s.encode("cp1251"), "cp1251"),
    ("koi8-r", lambda s: s.encode("koi8-r"), "koi8_r"),
    ("utf-16-bom", lambda s: s.encode("utf-16"), "utf-16"),
    ("utf-16-le-no-bom", lambda s: s.encode("utf-16-le"), "utf_16_le"),
    ("utf-16-be-no-bom", lambda s: s.encode("utf-16-be"), "utf_16_be"),
    ("utf-8-bom", lambda s: b"\xef\xbb\xbf" + s.encode("utf-8"), "utf-8-sig"),
]


@pytest.mark.parametrize("case,encode,encoding", ENCODED, ids=[c[0] for c in ENCODED])
def test_legacy_and_utf16_encodings_give_the_same_findings(tmp_path, capsys, utf8_reference,
                                                          case, encode, encoding):
    path = tmp_path / f"petition-{case}.txt"
    path.write_bytes(encode(RU))
    from analysis.text import read_document

    doc = read_document(path)
    assert doc.original == RU and doc.encoding == encoding
    data = _analyse(path, tmp_path, capsys)
    assert data["input"]["encoding"] == encoding
    assert _essence(data) == _essence(utf8_reference)


@pytest.mark.parametrize("text", [
    "Запретить пропаганду.", "Привет", "ПЕТИЦИЯ\nО ЗАПРЕТЕ ПРОПАГАНДЫ ЛГБТ",
    "Қазақстан Республикасының Конституциясы", "Заборонити пропаганду в Україні.",
    "Закон Республики Казахстан от 2 июля 2018 года № 169-VІ ЗРК.",
])
@pytest.mark.parametrize("encoding", ["cp1251", "koi8-r", "kz1048", "utf-16-le", "utf-16-be"])
def test_short_texts_are_decoded_in_their_own_encoding(text, encoding):
    """Short texts fooled the statistical detector alone (Big5, Shift-JIS, cp1006 guesses)."""
    from analysis.text import decode_bytes

    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        pytest.skip(f"{encoding} cannot hold this text")
    assert decode_bytes(data, where="t")[0] == text


def test_real_texts_in_cp1251_and_koi8_r_round_trip():
    from analysis.text import decode_bytes

    tried = 0
    for path in sorted((REPO.parent / "shared" / "eval" / "dev").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        for encoding in ("cp1251", "koi8-r", "utf-16-le"):
            try:
                data = text.encode(encoding)
            except UnicodeEncodeError:
                continue
            tried += 1
            assert decode_bytes(data, where=path.name)[0] == text, (path.name, encoding)
    assert tried >= 10


def test_latin_look_alike_letters_give_the_same_findings(tmp_path, capsys, utf8_reference):
    # Latin T, a, o, p, c, e typed inside Cyrillic words (a common evasion or keyboard slip)
    disguised = (RU.replace("ЛГБТ", "ЛГБT").replace("пропаганду", "пpопагaнду")
                 .replace("СМИ", "CМИ").replace("интернете", "интepнeтe"))
    assert disguised != RU
    path = tmp_path / "disguised.txt"
    path.write_text(disguised, encoding="utf-8")
    data = _analyse(path, tmp_path, capsys)
    evidence = {s["text"] for f in data["findings"] for s in f["evidence"]}
    assert "пpопагaнду" in evidence  # spans quote the original characters, as typed
    concepts = lambda d: sorted({(s["label"], s["concept"]) for c in d["clauses"]  # noqa: E731
                                 for s in c["spans"]})
    assert concepts(data) == concepts(utf8_reference)
    assert data["verdict"] == utf8_reference["verdict"]
    assert data["conflicts_iccpr"] == utf8_reference["conflicts_iccpr"]


def test_html_with_scripts_styles_and_iframes_is_read_as_text(tmp_path, capsys, utf8_reference):
    body = "".join(f"<p>{line}</p>" for line in RU.splitlines())
    html = ("<!doctype html><html><head><style>p{color:red}</style>"
            "<script>alert('head')</script><title>Петиция</title></head><body>"
            "<iframe src='http://example.com/track'></iframe>"
            f"<script>document.write('ЗАПРЕТИТЬ ВСЁ')</script>{body}"
            "<noscript>включите JavaScript</noscript><img src=x onerror=alert(1)>"
            "<object data='x.swf'></object></body></html>")
    path = tmp_path / "portal page.html"
    path.write_text(html, encoding="utf-8")
    data = _analyse(path, tmp_path, capsys)
    dumped = json.dumps(data, ensure_ascii=False)
    for leaked in ("alert", "document.write", "ЗАПРЕТИТЬ ВСЁ", "example.com", "color:red",
                   "JavaScript", "onerror", "swf"):
        assert leaked not in dumped
    assert data["verdict"] == utf8_reference["verdict"]
    assert [c["text"] for c in data["clauses"]] == [c["text"] for c in utf8_reference["clauses"]]


def test_dotdot_path_with_spaces_and_cyrillic_letters(tmp_path, capsys, utf8_reference):
    folder = tmp_path / "папка с пробелами"
    (folder / "sub").mkdir(parents=True)
    (folder / "петиция о запрете.txt").write_text(RU, encoding="utf-8")
    path = folder / "sub" / ".." / "петиция о запрете.txt"
    out = tmp_path / "выход 2"
    before = _snapshot(tmp_path)
    rc, _, err = _run(["analyse", str(path), "--out", str(out / "findings.json"),
                       "--as-of", "2024-08-01"], capsys)
    assert rc == 0, err
    data = json.loads((tmp_path / "выход 2" / "findings.json").read_text(encoding="utf-8"))
    assert data["input"]["path"] == str(path)
    assert _essence(data) == _essence(utf8_reference)
    after = _snapshot(tmp_path)
    assert set(after) - set(before) == {"выход 2", "выход 2/findings.json"}


# --------------------------------------------------------------------------- review files


@pytest.fixture(scope="module")
def finding_id(utf8_reference) -> str:
    return next(f["id"] for f in utf8_reference["findings"] if f["status"] == "conflict")


def _review_case(tmp_path: Path, text: str) -> tuple[Path, Path]:
    path = tmp_path / "petition.txt"
    path.write_text(RU, encoding="utf-8")
    review = tmp_path / "decisions.yaml"
    review.write_text(text, encoding="utf-8")
    return path, review


BAD_REVIEWS = [
    ("bad-yaml", "decisions:\n  - finding: \"x\n    decision: accept\n", "not valid YAML"),
    ("tab-indent", "decisions:\n\t- finding: x\n", "not valid YAML"),
    ("decisions-not-a-list", "decisions:\n  finding: x\n", "must be a list"),
    ("top-level-list", "- finding: x\n", "must be a mapping"),
    ("decision-is-a-number", "decisions:\n  - finding: {fid}\n    decision: 5\n"
     "    reviewer: A\n    date: 2024-08-01\n", "not a decision"),
    ("date-not-a-date", "decisions:\n  - finding: {fid}\n    decision: accept\n"
     "    reviewer: A\n    date: 2024-13-45\n", "not a date"),
    ("note-is-a-list", "decisions:\n  - finding: {fid}\n    decision: accept\n"
     "    reviewer: A\n    date: 2024-08-01\n    note: [a, b]\n", "single value"),
    ("reviewer-missing", "decisions:\n  - finding: {fid}\n    decision: reject\n"
     "    date: 2024-08-01\n", "reviewer"),
    ("unknown-field", "decisions:\n  - finding: {fid}\n    decison: accept\n", "unknown field"),
    ("edit-bad-status", "decisions:\n  - finding: {fid}\n    decision: edit\n"
     "    reviewer: A\n    date: 2024-08-01\n    status: fine\n", "not a status"),
    ("not-utf8", None, "UTF-8"),
]


@pytest.mark.parametrize("case,text,words", BAD_REVIEWS, ids=[c[0] for c in BAD_REVIEWS])
def test_broken_review_file_is_one_clear_error(tmp_path, capsys, finding_id, case, text, words):
    path, review = _review_case(tmp_path, (text or "").replace("{fid}", json.dumps(finding_id)))
    if text is None:
        review.write_bytes("decisions:\n  - finding: запрет\n".encode("cp1251"))
    out = tmp_path / "out"
    out.mkdir()
    rc, _, err = _run(["brief", str(path), "--out", str(out), "--quiet", "--review", str(review)],
                      capsys)
    _assert_one_clear_error(rc, err, mentions=words)
    assert "decisions.yaml" in err
    if case not in ("not-utf8",):
        assert "line" in err  # names the line
    assert _snapshot(out) == {}


def test_review_of_unknown_findings_is_reported_as_stale_not_an_error(tmp_path, capsys,
                                                                      finding_id):
    path, review = _review_case(tmp_path, (
        "decisions:\n"
        f"  - finding: {json.dumps(finding_id)}\n    decision: accept\n    reviewer: A. Lawyer\n"
        "    date: 2024-08-02\n"
        "  - finding: \"item_99/iccpr/art_19__para_3#legality\"\n    decision: reject\n"
        "    reviewer: A. Lawyer\n    date: 2024-08-02\n"))
    data = _analyse(path, tmp_path, capsys, "--review", str(review))
    assert [s["finding_id"] for s in data["stale_reviews"]] == [
        "item_99/iccpr/art_19__para_3#legality"]
    assert data["stale_reviews"][0]["line"] == 6
    assert any("no longer exist" in w for w in data["warnings"])
    accepted = [f for f in data["findings"] if f["id"] == finding_id]
    assert accepted[0]["review"]["decision"] == "accept"


# --------------------------------------------------------------------------- knowledge base


@pytest.mark.parametrize("file,field", [
    ("sources/registry.yaml", "verification"),
    ("authorities/toonen.yaml", "quote"),
])
def test_knowledge_base_copy_with_a_missing_field(tmp_path, capsys, file, field):
    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data)
    target = data / file
    lines = target.read_text(encoding="utf-8").splitlines(keepends=True)
    index = next(i for i, ln in enumerate(lines) if ln.strip().startswith(f"{field}:"))
    del lines[index]
    target.write_text("".join(lines), encoding="utf-8")
    rc, stdout, err = _run(["check-sources", "--data", str(data)], capsys)
    assert rc == 2, (stdout, err)
    assert "Traceback" not in err
    assert sum(ln.startswith("error:") for ln in err.splitlines()) == 1
    assert Path(file).name in err and field in err
