import os

import pytest

from analysis.errors import OutputError
from analysis.io import atomic_write_text, ensure_output_dir


def test_atomic_write_leaves_no_partial_file(tmp_path):
    target = tmp_path / "out.txt"
    atomic_write_text(target, "Запретить пропаганду")
    assert target.read_text(encoding="utf-8") == "Запретить пропаганду"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_output_dir_that_is_a_file_is_refused(tmp_path):
    f = tmp_path / "report"
    f.write_text("x")
    with pytest.raises(OutputError) as exc:
        ensure_output_dir(f)
    assert "is a file" in exc.value.message


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_output_dir_not_writable_is_refused(tmp_path):
    d = tmp_path / "ro"
    d.mkdir()
    d.chmod(0o500)
    with pytest.raises(OutputError):
        ensure_output_dir(d)
