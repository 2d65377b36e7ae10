"""The CLI's contract: help works, unknown input is a usage error, errors are plain words."""
from analysis.__main__ import main
from analysis.errors import EmptyInputError, InputError, PetitionLensError


def test_no_command_prints_help_and_exits_2(capsys):
    assert main([]) == 2
    assert "usage" in capsys.readouterr().out.lower()


def test_input_error_renders_where_and_hint():
    err = EmptyInputError("the file is empty", where="petition.txt", hint="check the file")
    assert isinstance(err, InputError) and isinstance(err, PetitionLensError)
    assert err.exit_code == 2
    assert err.render() == "petition.txt: the file is empty\n  What to do: check the file"


# ------------------------------------------------------------------ bad input leaves nothing

import pytest  # noqa: E402


@pytest.mark.parametrize("make_input", ["missing", "empty", "binary", "bad_review"])
@pytest.mark.parametrize("command", ["brief", "analyse"])
def test_bad_input_creates_no_output_folder(tmp_path, capsys, make_input, command):
    """The input (and review file) are checked before anything is written: a bad one leaves
    no --out folder behind, not even an empty one, and the error is one plain message."""
    src = tmp_path / "petition.txt"
    argv_tail: list[str] = []
    if make_input == "empty":
        src.write_text("", encoding="utf-8")
    elif make_input == "binary":
        src.write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    elif make_input == "bad_review":
        src.write_text("Запретить пропаганду ЛГБТ в СМИ.\n", encoding="utf-8")
        review = tmp_path / "review.yaml"
        review.write_text("decisions: [unclosed\n", encoding="utf-8")
        argv_tail = ["--review", str(review)]
    out = tmp_path / "new" / "brief"
    target = ["--out", str(out)] if command == "brief" else ["--out", str(out / "findings.json")]
    rc = main([command, str(src), *target, *argv_tail, *(["--quiet"] if command == "brief" else [])])
    err = capsys.readouterr().err
    assert rc == 2, err
    assert err.startswith("error:") and "Traceback" not in err
    assert not (tmp_path / "new").exists()


def test_brief_refuses_an_unusable_out_before_analysing_and_creates_nothing(tmp_path, capsys):
    src = tmp_path / "petition.txt"
    src.write_text("Запретить пропаганду ЛГБТ в СМИ.\n", encoding="utf-8")
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    for out in (blocker, blocker / "sub" / "brief"):
        rc = main(["brief", str(src), "--out", str(out), "--quiet"])
        err = capsys.readouterr().err
        assert rc == 2 and "analysing" not in err, err
        assert "What to do:" in err
    assert blocker.read_text(encoding="utf-8") == "x"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file", "petition.txt"]


def test_as_of_help_says_what_the_pipeline_does(capsys):
    """The pipeline never uses today's date (analysis.pipeline.choose_as_of)."""
    with pytest.raises(SystemExit):
        main(["brief", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "or today)" not in text
    assert "never today's date" in text and "with a warning" in text
