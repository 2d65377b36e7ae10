"""Reading documents: encodings, formats, front matter, offset map, bad inputs."""
from __future__ import annotations

import io
import zipfile

import pytest

from analysis.errors import (
    BinaryInputError, EmptyInputError, EncodingError, InputError, InputTooLargeError,
    NoTextLayerError, UnsupportedFormatError,
)
from analysis.text import document_from_text, normalise, read_document

# article 6.21 KoAP RF, part 1 (ru-2013-135fz.md, block A)
RU = ("1. Пропаганда нетрадиционных сексуальных отношений среди несовершеннолетних, "
      "выразившаяся в распространении информации, направленной на формирование у "
      "несовершеннолетних нетрадиционных сексуальных установок")


@pytest.mark.parametrize("encoding", ["cp1251", "koi8_r", "utf-16", "utf-16-le", "utf-16-be",
                                      "utf-8-sig", "utf-8"])
def test_encodings_are_detected(tmp_path, encoding):
    path = tmp_path / "law.txt"
    path.write_bytes(RU.encode(encoding))
    doc = read_document(path)
    assert doc.original == RU
    assert doc.normalised == RU
    assert len(doc.sha256) == 64


def test_normalisation_keeps_offsets_to_original():
    text = "Запрет на «ЛГБT»\u00a0про\u00adпаганду — бiр\r\nстрока"
    norm, offsets = normalise(text)
    assert "ЛГБТ" in norm and "пропаганду" in norm and '"' in norm and "\r" not in norm
    assert "бір" in norm  # Latin i inside a Kazakh word made Cyrillic
    assert len(offsets) == len(norm) + 1
    for i, ch in enumerate(norm):
        o = text[offsets[i]]
        assert o == ch or norm[i] in ('"', " ", "-", "Т", "і")


def test_front_matter_is_metadata_and_offsets_point_into_original():
    text = "---\ntitle: Петиция\nkind: petition\nlanguage: [ru, en]\n---\nЗапретить ЛГБT\n"
    doc = document_from_text(text)
    assert doc.metadata["kind"] == "petition" and doc.kind == "petition"
    assert doc.original == text and doc.body_start == text.index("Запретить")
    s, e = doc.to_original(doc.normalised.index("ЛГБТ"), doc.normalised.index("ЛГБТ") + 4)
    assert text[s:e] == "ЛГБT"


def test_petition_folder_reads_text_md_and_metadata(tmp_path):
    folder = tmp_path / "kz-petition"
    folder.mkdir()
    (folder / "text.md").write_text("---\ntitle: T\nkind: petition\n---\nМы против пропаганды.\n",
                                    encoding="utf-8")
    (folder / "metadata.yaml").write_text("signatures: 50000\ntitle: other\n", encoding="utf-8")
    doc = read_document(folder)
    assert doc.metadata == {"signatures": 50000, "title": "T", "kind": "petition"}
    assert doc.normalised.startswith("Мы против")


def test_html_visible_text_only(tmp_path):
    html = ("<html><head><title>x</title><style>p{color:red}</style>"
            "<script>var ban = 1;</script></head><body><h1>Петиция</h1>"
            "<p>Запретить&nbsp;пропаганду.</p><iframe>hidden</iframe><p>Second</p></body></html>")
    path = tmp_path / "page.html"
    path.write_text(html, encoding="cp1251")
    doc = read_document(path)
    assert doc.format == "html"
    assert "var ban" not in doc.original and "color" not in doc.original
    assert "hidden" not in doc.original
    lines = [ln for ln in doc.original.splitlines() if ln]
    assert lines == ["Петиция", "Запретить пропаганду.", "Second"]


def test_docx_is_read(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("Статья 1. Запрет пропаганды")
    d.add_paragraph("1. Пропаганда запрещается.")
    path = tmp_path / "bill.docx"
    d.save(path)
    doc = read_document(path)
    assert doc.format == "docx"
    assert doc.original.splitlines()[-2:] == ["Статья 1. Запрет пропаганды", "1. Пропаганда запрещается."]


def _pdf_with_text(text: str) -> bytes:
    """A one-page PDF with a Helvetica text layer (built by hand: objects + xref)."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref))
    return out.getvalue()


def test_pdf_text_layer_is_read(tmp_path):
    path = tmp_path / "law.pdf"
    path.write_bytes(_pdf_with_text("The petition calls for a ban on propaganda."))
    doc = read_document(path)
    assert doc.format == "pdf" and "calls for a ban" in doc.original


def test_pdf_without_text_layer(tmp_path):
    from pypdf import PdfWriter

    w = PdfWriter()
    w.add_blank_page(width=200, height=200)
    path = tmp_path / "scan.pdf"
    with open(path, "wb") as fh:
        w.write(fh)
    with pytest.raises(NoTextLayerError) as exc:
        read_document(path)
    assert "OCR" in exc.value.hint and str(path) in exc.value.render()


@pytest.mark.parametrize("name,data,error", [
    ("empty.txt", b"", EmptyInputError),
    ("blank.txt", b"  \n\t \r\n ", EmptyInputError),
    ("blank16.txt", "   \n  ".encode("utf-16"), EmptyInputError),
    ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, BinaryInputError),
    ("archive.txt", b"PK\x03\x04" + bytes(range(256)) * 4, BinaryInputError),
    ("garbage.txt", bytes([0x81, 0x8d, 0x8f, 0x90, 0x9d, 0x00, 0x01, 0x02, 0x03]) * 40, (EncodingError, BinaryInputError)),
    ("fake.docx", "Это не Word".encode(), UnsupportedFormatError),
    ("zip.docx", b"PK\x03\x04" + b"\x00" * 100, UnsupportedFormatError),
    ("fake.pdf", b"hello", UnsupportedFormatError),
    ("old.doc", b"\xd0\xcf\x11\xe0" + b"\x00" * 50, UnsupportedFormatError),
])
def test_bad_inputs_raise_input_errors(tmp_path, name, data, error):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(error) as exc:
        read_document(path)
    assert isinstance(exc.value, InputError)
    assert exc.value.where and name in exc.value.where and exc.value.hint


def test_real_zip_named_docx(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("a.txt", "x")
    path = tmp_path / "notword.docx"
    path.write_bytes(buf.getvalue())
    with pytest.raises(UnsupportedFormatError):
        read_document(path)


def test_size_limit(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("пропаганда " * 100, encoding="utf-8")
    with pytest.raises(InputTooLargeError) as exc:
        read_document(path, max_bytes=100)
    assert "100" in exc.value.message
    assert read_document(path).original.startswith("пропаганда")
