"""Batch screening: inputs (folder, CSV, JSONL), one row per text, failures in their row,
ordered output whatever --jobs, atomic writing; then the real pipeline on real case texts."""
from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from analysis.__main__ import main
from analysis.cases import read_case
from analysis.errors import InputError, OutputError, UnsupportedFormatError
from analysis.screen import COLUMNS, Record, iter_records, screen

ROOT = Path(__file__).resolve().parents[1]
CASES = sorted(p for p in (ROOT / "data" / "cases").glob("*.md") if p.name != "README.md")
TEXTS = {read_case(p).case_id: read_case(p).text for p in CASES}

GERMAN = ("Der Bundestag hat heute beschlossen, dass die Geschwindigkeit vor Schulen auf "
          "dreißig Kilometer pro Stunde begrenzt wird. Die Eltern begrüßen diese Entscheidung.")


def word_count_worker(records):
    """A stand-in analyser for the harness tests: counts words, fails on texts with 'FAIL'."""
    rows = []
    for rec in records:
        if rec.error or (rec.text and "FAIL" in rec.text):
            rows.append({"id": rec.id, "error": rec.error or "stand-in failure"})
            continue
        text = rec.text if rec.text is not None else Path(rec.path).read_text(encoding="utf-8")
        rows.append({"id": rec.id, "languages": ["xx"], "verdict": "compatible",
                     "conflicts_iccpr": [], "targets_group": "none",
                     "top_evidence": text.split()[0], "confidence": len(text.split()),
                     "error": None})
    return rows


def write_csv(path: Path, rows, columns=("id", "text")):
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(columns)
        w.writerows(rows)
    return path


def write_jsonl(path: Path, objs):
    path.write_text("".join(o if isinstance(o, str) else json.dumps(o, ensure_ascii=False) + "\n"
                            for o in objs), encoding="utf-8")
    return path


# --------------------------------------------------------------------------- inputs


def test_folder_records_are_sorted_skip_hidden_and_other_files(tmp_path):
    (tmp_path / "b.txt").write_text("b", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.md").write_text("a", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("h", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    petition = tmp_path / "petition"
    petition.mkdir()
    (petition / "text.md").write_text("---\ntitle: x\n---\nbody\n", encoding="utf-8")
    (petition / "translation.en.md").write_text("not a separate text", encoding="utf-8")
    ids = [r.id for r in iter_records([tmp_path])]
    assert ids == ["b.txt", "petition", "sub/a.md"]


def test_csv_records_with_custom_columns_and_missing_column(tmp_path):
    path = write_csv(tmp_path / "export.csv",
                     [(cid, "x", text) for cid, text in TEXTS.items()],
                     columns=("petition_id", "title", "body"))
    records = list(iter_records([path], id_column="petition_id", text_column="body"))
    assert [r.id for r in records] == list(TEXTS)
    assert records[3].text == TEXTS["ru-2013-135fz"]  # multi-line Cyrillic text survives
    with pytest.raises(InputError, match="no column 'text'"):
        list(iter_records([path], id_column="petition_id"))


def test_jsonl_records_bad_lines_become_error_records(tmp_path):
    path = write_jsonl(tmp_path / "portal.jsonl", [
        {"id": "p1", "text": TEXTS["uk-2023-petition-20mph-schools"]},
        "{not json\n",
        "\n",
        {"id": 7, "text": "a numeric id"},
        {"id": "p3", "body": "no text key"},
        {"text": "no id"},
    ])
    records = list(iter_records([path]))
    assert [r.id for r in records] == ["p1", "portal.jsonl:2", "7", "p3", "portal.jsonl:6"]
    assert records[0].error is None and records[1].error and "JSON" in records[1].error
    assert "no 'text'" in records[3].error and records[4].text == "no id"


def test_missing_or_unsupported_input_fails_before_any_work(tmp_path):
    with pytest.raises(UnsupportedFormatError):
        list(iter_records([tmp_path / "nope.csv"]))
    (tmp_path / "data.xlsx").write_bytes(b"PK")
    with pytest.raises(UnsupportedFormatError):
        screen([tmp_path / "data.xlsx"], tmp_path / "out.csv", worker=word_count_worker)
    assert not (tmp_path / "out.csv").exists()


# --------------------------------------------------------------------------- harness


def test_csv_output_one_row_per_text_and_failure_in_its_row(tmp_path):
    rows = [(cid, text) for cid, text in TEXTS.items()]
    rows.insert(2, ("bad", "this text will FAIL"))
    path = write_csv(tmp_path / "in.csv", rows)
    summary = screen([path], tmp_path / "out.csv", worker=word_count_worker, chunk_size=3)
    assert summary.n_texts == 8 and summary.n_failed == 1
    with (tmp_path / "out.csv").open(encoding="utf-8", newline="") as fh:
        out = list(csv.DictReader(fh))
    assert tuple(out[0]) == COLUMNS
    assert [r["id"] for r in out] == [r[0] for r in rows]
    assert out[2]["error"] == "stand-in failure" and out[2]["verdict"] == ""
    assert out[3]["verdict"] == "compatible" and out[3]["error"] == ""


def test_jsonl_output_keeps_types(tmp_path):
    path = write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": "one two"}, "{broken\n"])
    screen([path], tmp_path / "out.jsonl", worker=word_count_worker)
    lines = [json.loads(x) for x in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert list(lines[0]) == list(COLUMNS)
    assert lines[0]["confidence"] == 2 and lines[0]["languages"] == ["xx"]
    assert lines[1]["id"] == "in.jsonl:2" and "not valid JSON" in lines[1]["error"]


def test_jobs_1_and_2_give_byte_identical_output(tmp_path):
    rows = [(f"{cid}-{k}", text) for k in range(5) for cid, text in TEXTS.items()]
    path = write_csv(tmp_path / "in.csv", rows)
    screen([path], tmp_path / "one.csv", jobs=1, worker=word_count_worker, chunk_size=4)
    screen([path], tmp_path / "two.csv", jobs=2, worker=word_count_worker, chunk_size=4)
    assert (tmp_path / "one.csv").read_bytes() == (tmp_path / "two.csv").read_bytes()
    assert len((tmp_path / "one.csv").read_text(encoding="utf-8").splitlines()) == 36


def crashing_worker(records):
    if any("CRASH" in (r.text or "") for r in records):
        raise RuntimeError("worker died")
    return word_count_worker(records)


def test_output_is_atomic_when_the_run_dies(tmp_path):
    target = tmp_path / "out.csv"
    target.write_text("previous results\n", encoding="utf-8")
    path = write_csv(tmp_path / "in.csv", [("a", "fine"), ("b", "fine")] * 10 + [("c", "CRASH")])
    with pytest.raises(RuntimeError):
        screen([path], target, worker=crashing_worker, chunk_size=2)
    assert target.read_text(encoding="utf-8") == "previous results\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv", "out.csv"]  # no temp left


def test_output_name_and_jobs_are_checked(tmp_path):
    path = write_csv(tmp_path / "in.csv", [("a", "x")])
    with pytest.raises(OutputError, match="format"):
        screen([path], tmp_path / "out.xlsx", worker=word_count_worker)
    with pytest.raises(InputError, match="jobs"):
        screen([path], tmp_path / "out.csv", jobs=0, worker=word_count_worker)
    assert main(["screen", str(path), "--out", str(tmp_path / "out.txt"), "--no-progress"]) == 2


# --------------------------------------------------------------------------- real pipeline


@pytest.fixture(scope="module")
def pipeline():
    return pytest.importorskip("analysis.pipeline")


def test_real_screening_of_case_texts_with_a_failing_text(pipeline, tmp_path):
    objs = [{"id": cid, "text": text} for cid, text in TEXTS.items()]
    objs.insert(1, {"id": "german", "text": GERMAN})
    objs.insert(3, {"id": "empty", "text": "   "})
    path = write_jsonl(tmp_path / "portal.jsonl", objs)
    assert main(["screen", str(path), "--out", str(tmp_path / "out.jsonl"), "--no-progress"]) == 0
    rows = {r["id"]: r for r in map(json.loads, (tmp_path / "out.jsonl").read_text(
        encoding="utf-8").splitlines())}
    assert list(rows) == [o["id"] for o in objs]
    assert rows["german"]["error"] and rows["german"]["verdict"] is None
    assert rows["empty"]["error"]
    petition = rows["kz-2024-petition-lgbt-propaganda"]
    assert petition["error"] is None
    assert petition["verdict"] == "incompatible" and 19 in petition["conflicts_iccpr"]
    assert petition["targets_group"] == "lgbt" and petition["top_evidence"]
    assert 0 < petition["confidence"] <= 1 and petition["languages"] == ["en"]
    speed = rows["uk-2023-petition-20mph-schools"]
    assert speed["verdict"] == "compatible" and speed["conflicts_iccpr"] == []


def test_real_screening_of_a_folder_and_jobs_2_identical(pipeline, tmp_path):
    folder = tmp_path / "texts"
    folder.mkdir()
    for cid, text in TEXTS.items():
        (folder / f"{cid}.txt").write_text(text, encoding="utf-8")
    (folder / "german.txt").write_text(GERMAN, encoding="utf-8")
    one, two = tmp_path / "one.csv", tmp_path / "two.csv"
    screen([folder], one, jobs=1)
    screen([folder], two, jobs=2, chunk_size=3)
    assert one.read_bytes() == two.read_bytes()
    with one.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 8
    assert next(r for r in rows if r["id"] == "german.txt")["error"]
    assert next(r for r in rows if r["id"] == "ru-2013-135fz.txt")["verdict"] == "incompatible"


def test_evidence_words_drop_nested_spans_and_case_repeats():
    from analysis.models import Span
    from analysis.screen import evidence_words

    text = "ban open and hidden propaganda; Open and Hidden Propaganda"
    def span(phrase, start=0):
        s = text.index(phrase, start)
        return Span(label="vague", concept="x", start=s, end=s + len(phrase), text=phrase)

    spans = [span("hidden"), span("open and hidden"), span("propaganda"), span("ban"),
             span("Open and Hidden"), span("Propaganda")]
    assert evidence_words(spans) == ["ban", "open and hidden", "propaganda"]
