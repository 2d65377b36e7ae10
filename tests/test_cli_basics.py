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
