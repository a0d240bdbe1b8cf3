"""Open a screenplay file safely: its size, that it is text, and its encoding.

A screenplay is small (a feature's Fountain file is about 200 KB, its FDX about 1 MB); a file
bigger than ``MAX_SCRIPT_BYTES`` is refused before it is read.  Binary files (a NUL byte in the
first kilobytes) are refused; text that is not UTF-8 is read as Windows-1252, as older editors
save it, and the reader says so.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import InputError, Problem

MAX_SCRIPT_BYTES = 10 * 1024 * 1024  # ten times the FDX of a long feature
_SNIFF_BYTES = 8192  # where a binary file shows its NUL bytes
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def read_script_bytes(path: str | Path) -> bytes:
    """The bytes of a screenplay file.

    Raises
    ------
    InputError
        The file is missing, a folder, unreadable or too big; the problem says so.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_SCRIPT_BYTES:
            raise refused(path.name, f"is {size / 1024 / 1024:.1f} MB; a screenplay file may be "
                                     f"at most {MAX_SCRIPT_BYTES // 1024 // 1024} MB")
        if path.is_dir():
            raise refused(path.name, "is a folder, not a screenplay")
        return path.read_bytes()
    except FileNotFoundError:
        raise refused(path.name, "does not exist") from None
    except OSError as error:
        raise refused(path.name, f"cannot be read ({error.strerror or error})") from None


def decode_text(raw: bytes, name: str, notes: list[str]) -> str:
    """The text of a screenplay's bytes, line ends as ``\\n``.

    Raises
    ------
    InputError
        The bytes are binary (not text at all), or empty.
    """
    if len(raw) > MAX_SCRIPT_BYTES:
        raise refused(name, f"is larger than {MAX_SCRIPT_BYTES // 1024 // 1024} MB")
    if not raw.strip():
        raise refused(name, "is empty; a screenplay has scene headings (INT. or EXT.)")
    if b"\x00" in raw[:_SNIFF_BYTES]:
        raise refused(name, "is not a text file (it holds binary data); export the screenplay "
                            "as Fountain (.fountain) or Final Draft (.fdx)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        text = raw.decode("cp1252", errors="replace")
        notes.append(f"{name} is not UTF-8 (byte {error.start}); read as Windows-1252 text")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text)  # no cell of the breakdown can hold them


def refused(name: str, reason: str) -> InputError:
    """The error of a file refused as a whole (one line: the file's name and why)."""
    return InputError([Problem("", f"{name} {reason}")])
