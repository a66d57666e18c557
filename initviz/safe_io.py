"""Files read and written so that nothing hangs and nothing is lost.

Reading: only regular files (a FIFO would block forever, a device never end), at most
``MAX_READ_BYTES``, JSON nested at most ``MAX_JSON_DEPTH`` deep.

Writing: to a temporary file in the same folder, flushed to the disk, checked, then
renamed over the target in one step (``os.replace``). A failure (a full disk, a
vanished folder) removes the temporary file and leaves the old target untouched.
Every failure is an ``OSError`` with a one-line message. No Qt here: the command line
and the window share it.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

#: Largest file read: configurations and settings are a few kilobytes.
MAX_READ_BYTES = 1 << 20
#: Deepest JSON nesting accepted: a configuration is two levels deep.
MAX_JSON_DEPTH = 32


def read_text(path: str | Path, limit: int = MAX_READ_BYTES) -> str:
    """The UTF-8 text of the regular file ``path``, at most ``limit`` bytes; OSError otherwise."""
    path = Path(path)
    info = os.stat(path)  # follows links: the target must be a regular file
    if not stat.S_ISREG(info.st_mode):
        raise OSError(f"{path} is not a regular file")
    if info.st_size > limit:
        raise OSError(f"{path} is {info.st_size:,} bytes, more than the {limit:,} allowed")
    with open(path, "rb") as f:
        data = f.read(limit + 1)
    if len(data) > limit:  # it grew after the check
        raise OSError(f"{path} is more than the {limit:,} bytes allowed")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise OSError(f"{path} is not UTF-8 text ({exc.reason} at byte {exc.start})") from None


def json_depth(text: str) -> int:
    """How deep the arrays and objects of JSON ``text`` nest (brackets inside strings
    do not count), without parsing it: the parser would recurse that deep."""
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


def parse_json(text: str, what: str = "the file"):
    """``json.loads`` of ``text`` nested at most MAX_JSON_DEPTH deep; ValueError with one line otherwise."""
    if json_depth(text) > MAX_JSON_DEPTH:
        raise ValueError(f"{what} nests arrays or objects more than {MAX_JSON_DEPTH} deep")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"{what} is not JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}") from None


def write_atomically(path: str | Path, write: Callable[[Path], None], check: Callable[[Path], bool] | None = None):
    """Write ``path`` through ``write(temporary_path)``, then put it in place in one step.

    ``check(temporary_path)`` may verify the written file (a PNG's end marker); a false
    answer, an empty file or any OSError from ``write`` leaves ``path`` as it was and
    raises OSError naming it.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".part")
    except OSError as exc:
        raise OSError(f"cannot write {path}: {exc.strerror or exc}") from None
    os.close(fd)
    temporary = Path(name)
    try:
        os.chmod(temporary, _mode_for(path))
        write(temporary)
        with open(temporary, "rb+") as f:
            os.fsync(f.fileno())  # a full disk may only show here
        if temporary.stat().st_size == 0 or (check is not None and not check(temporary)):
            raise OSError("the written file is incomplete (is the disk full?)")
        os.replace(temporary, path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        reason = exc.strerror or str(exc)
        raise OSError(f"cannot write {path}: {reason}") from None
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _mode_for(path: Path) -> int:
    """The permissions the target keeps, or a new file's (0666 less the umask): the
    temporary file starts private (0600)."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask


def write_text_atomically(path: str | Path, text: str) -> None:
    """``write_atomically`` for UTF-8 text."""

    def write(temporary: Path) -> None:
        with open(temporary, "w", encoding="utf-8", newline="") as f:
            f.write(text)

    write_atomically(path, write)


def ends_with(marker: bytes) -> Callable[[Path], bool]:
    """A ``check`` for ``write_atomically``: the file ends with ``marker`` (give or take
    trailing whitespace), as a complete PNG ends with its IEND chunk."""

    def check(path: Path) -> bool:
        with open(path, "rb") as f:
            f.seek(max(path.stat().st_size - len(marker) - 16, 0))
            return f.read().rstrip().endswith(marker)

    return check


@contextlib.contextmanager
def quiet_stderr() -> Iterator[None]:
    """The process's standard error (file descriptor 2) goes nowhere meanwhile: for C
    libraries that print their own messages where initviz reports the failure itself."""
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError, AttributeError):
        yield
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(devnull)
