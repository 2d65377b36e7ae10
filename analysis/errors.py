"""One exception type per kind of failure, each naming where it failed and what to do.

Modelled on papermill's ``exceptions.py``: the CLI turns an :class:`InputError` into a plain
message and exit code 2, and any other :class:`PetitionLensError` into exit code 1. A user
never sees a traceback unless they pass ``--debug``.
"""
from __future__ import annotations


class PetitionLensError(Exception):
    """Base class. ``where`` names the file/entry/field; ``hint`` says what to do."""

    exit_code = 1

    def __init__(self, message: str, *, where: str | None = None, hint: str | None = None):
        self.message = message
        self.where = where
        self.hint = hint
        super().__init__(self.render())

    def render(self) -> str:
        parts = []
        if self.where:
            parts.append(f"{self.where}: ")
        parts.append(self.message)
        if self.hint:
            parts.append(f"\n  What to do: {self.hint}")
        return "".join(parts)


class InputError(PetitionLensError):
    """The user's input cannot be used as it is (exit code 2)."""

    exit_code = 2


class EmptyInputError(InputError):
    """The file has no text (empty, or whitespace only)."""


class BinaryInputError(InputError):
    """The file is binary (an image, an archive...) and not a supported document."""


class EncodingError(InputError):
    """The bytes could not be decoded as text in any common encoding."""


class InputTooLargeError(InputError):
    """The file is above the configured size limit."""


class UnsupportedFormatError(InputError):
    """The file's format is not one we read (or it is not what its extension says)."""


class NoTextLayerError(InputError):
    """A PDF without a text layer (a scan): it needs OCR first."""


class UnsupportedLanguageError(InputError):
    """No segment of the text is in a supported language (ru, kk, uk, en)."""


class ReviewFileError(InputError):
    """The reviewer sidecar file is broken: names the file, line and field."""


class KnowledgeBaseError(InputError):
    """A knowledge-base file (bundled or a user's replacement) is malformed or inconsistent."""


class TextUnavailableError(PetitionLensError):
    """The text of a provision in force on the requested date is not in the knowledge base."""


class OutputError(InputError):
    """The output folder cannot be written (it is a file, or not writable)."""


class CaseFormatError(InputError):
    """A labelled case file does not follow shared/eval/README.md."""
