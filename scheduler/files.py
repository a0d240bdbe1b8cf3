"""Files replaced atomically: written to a temporary file beside the target, then moved into place,
so that a crash never leaves half a file behind and a reader never sees one.

Every writer (workbooks, JSON, USS, scored days) goes through ``replace_atomically``.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Callable
from pathlib import Path


def replace_atomically(path: str | Path, write: Callable[[Path], object]) -> Path:
    """Call ``write`` on a temporary path in the folder of ``path``, then move it to ``path``.

    Returns
    -------
    Path
        The path written.
    """
    target = Path(path)
    # A fresh name (not mkstemp) so the file gets the user's normal permissions.
    temporary = target.with_name(f".{target.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        write(temporary)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return target


def save_text_atomically(path: str | Path, text: str) -> Path:
    """Write ``text`` (UTF-8) to ``path`` atomically."""
    return replace_atomically(path, lambda temporary: temporary.write_text(text, encoding="utf-8"))


def same_file(first: str | Path, second: str | Path) -> bool:
    """Whether two paths name the same file (the same inode when both exist, else the same
    resolved path), so that no output is ever written over an input."""
    first, second = Path(first), Path(second)
    if first.exists() and second.exists():
        return os.path.samefile(first, second)
    return first.resolve() == second.resolve()
