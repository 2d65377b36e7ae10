"""Atomic file writing: a failed export never leaves a partial file behind.

Write to a temporary file in the same folder, fsync, then ``os.replace`` (atomic on POSIX).
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import OutputError


def ensure_output_dir(path: str | os.PathLike) -> Path:
    """Create the output folder if needed; refuse a path that is a file or not writable."""
    out = Path(path)
    if out.exists() and not out.is_dir():
        raise OutputError(
            "the output path exists and is a file, not a folder",
            where=str(out),
            hint="choose a folder name with --out, or move that file away",
        )
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(
            f"cannot create the output folder ({exc.strerror or exc})",
            where=str(out),
            hint="choose a folder you can write to with --out",
        ) from None
    if not os.access(out, os.W_OK | os.X_OK):
        raise OutputError(
            "the output folder is not writable",
            where=str(out),
            hint="choose a folder you can write to with --out, or change its permissions",
        )
    return out


def atomic_write_bytes(path: str | os.PathLike, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically (temporary file + rename)."""
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as exc:
        raise OutputError(
            f"cannot write here ({exc.strerror or exc})",
            where=str(target),
            hint="choose a folder you can write to",
        ) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            # mkstemp creates 0600; give the file the mode any saved file gets (umask), or a
            # brief written into a shared folder cannot be opened by the advocates it is for
            os.fchmod(fh.fileno(), 0o666 & ~_umask())
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return target


def _umask() -> int:
    """The process umask (read by setting and restoring it: POSIX has no getter)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def atomic_write_text(path: str | os.PathLike, text: str) -> Path:
    """Write UTF-8 text atomically."""
    return atomic_write_bytes(path, text.encode("utf-8"))
