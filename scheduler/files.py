"""Files replaced atomically: written to a temporary file beside the target, then moved into place,
so that a crash never leaves half a file behind and a reader never sees one.

Every writer (workbooks, JSON, USS, scored days) goes through ``replace_atomically``, and every
command checks its outputs against its inputs and each other first (``check_outputs``).
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from .errors import PlanShootError


def replace_atomically(path: str | Path, write: Callable[[Path], object]) -> Path:
    """Call ``write`` on a temporary path in the folder of ``path``, then move it to ``path``.

    Returns
    -------
    Path
        The path written.
    """
    target = Path(path)
    remove_stale_temporaries(target)
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


def remove_stale_temporaries(target: Path) -> list[Path]:
    """Remove the temporary files of earlier writes of ``target`` whose process is gone (a
    write killed outright cannot clean up after itself); a live process's are left alone.

    Returns
    -------
    list of Path
        The files removed.
    """
    removed = []
    prefix = f".{target.name}."
    with contextlib.suppress(OSError):
        for candidate in target.parent.iterdir():
            name = candidate.name
            if not (name.startswith(prefix) and name.endswith(".tmp")):
                continue
            pid, _, _ = name[len(prefix):-len(".tmp")].partition(".")
            if pid.isdigit() and int(pid) != os.getpid() and not _is_running(int(pid)):
                with contextlib.suppress(OSError):
                    candidate.unlink()
                    removed.append(candidate)
    return removed


def _is_running(pid: int) -> bool:
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except PermissionError:  # it exists, under another user
        return True
    return True


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


class OutputPathError(PlanShootError):
    """Outputs that cannot be written where they are asked for: over an input, over another
    output, into a missing folder or onto a folder.  Raised before any work is done."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


def check_outputs(inputs: Iterable[str | Path | None],
                  outputs: Mapping[str, str | Path | None]) -> None:
    """Refuse, before any work, outputs that would overwrite an input or each other, or that
    cannot be written where they are asked for.

    Parameters
    ----------
    inputs
        Every file or folder the command reads (``None`` for an option not given).
    outputs
        Every file the command writes, by the option that names it (``"-o"``, ``"--json"``);
        ``None`` for an option not given.

    Raises
    ------
    OutputPathError
        With every problem found, one line each.
    """
    given_inputs = [Path(path) for path in inputs if path is not None]
    given = [(option, Path(path)) for option, path in outputs.items() if path is not None]
    problems: list[str] = []
    for index, (option, path) in enumerate(given):
        problems += _over_an_input(option, path, given_inputs)
        problems += _over_another_output(option, path, given[:index])
        problems += _not_writable_there(option, path)
    if problems:
        raise OutputPathError(problems)


def _over_an_input(option: str, path: Path, inputs: list[Path]) -> list[str]:
    return [f"{option} {path} is the input {source}; choose another file"
            for source in inputs if same_file(path, source)]


def _over_another_output(option: str, path: Path, earlier: list[tuple[str, Path]]) -> list[str]:
    return [f"{option} {path} is also the {other_option} output; give each output its own file"
            for other_option, other in earlier if same_file(path, other)]


def _not_writable_there(option: str, path: Path) -> list[str]:
    """The folder of ``path`` must exist and take new files, and ``path`` must not be a folder
    (found now, not after a solve of minutes)."""
    folder = path.parent
    if path.is_dir():
        return [f"{option} {path} is a folder; name a file"]
    if not folder.is_dir():
        return [f"{option} {path}: the folder {folder} does not exist"]
    if not os.access(folder, os.W_OK | os.X_OK):
        return [f"{option} {path}: the folder {folder} cannot be written to"]
    return []
