"""Outputs never over an input or each other, and refused before any work when they cannot be
written (probe D4, D13: rows 39-42 and 45 of ``research/reliability-probe.md``)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from scheduler.errors import PlanShootError
from scheduler.files import OutputPathError, check_outputs, save_text_atomically


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "breakdown.xlsx"
    path.write_bytes(b"the producer's breakdown")
    return path


def problems_of(inputs: list[Path | None], outputs: dict[str, Path | None]) -> list[str]:
    with pytest.raises(OutputPathError) as raised:
        check_outputs(inputs, outputs)
    return raised.value.problems


def test_separate_outputs_in_existing_folders_pass(source: Path, tmp_path: Path) -> None:
    check_outputs([source, None], {"-o": tmp_path / "out.xlsx", "--json": tmp_path / "o.json",
                                   "--uss": None})


def test_an_output_over_the_input_is_refused_however_spelled(source: Path,
                                                             tmp_path: Path) -> None:
    """Rows 39-41: ``--json IN.xlsx``, ``--uss IN.xlsx``, and the same file by another path."""
    (tmp_path / "sub").mkdir()
    linked = tmp_path / "linked.xlsx"
    os.link(source, linked)
    symlinked = tmp_path / "symlinked.xlsx"
    symlinked.symlink_to(source)
    spellings = [source, tmp_path / "sub" / ".." / source.name, linked, symlinked]
    for spelling in spellings:
        assert problems_of([source], {"--json": spelling}) == [
            f"--json {spelling} is the input {source}; choose another file"]


def test_two_outputs_on_one_file_are_refused(source: Path, tmp_path: Path) -> None:
    """Row 42: ``--json`` equal to ``-o``."""
    out = tmp_path / "out.xlsx"
    assert problems_of([source], {"-o": out, "--json": out}) == [
        f"--json {out} is also the -o output; give each output its own file"]


def test_a_missing_folder_or_a_folder_as_output_is_refused(source: Path,
                                                           tmp_path: Path) -> None:
    """Row 45: found before the solve, naming the option at fault."""
    missing = tmp_path / "nope" / "x" / "out.xlsx"
    folder = tmp_path / "a_folder"
    folder.mkdir()
    assert problems_of([source], {"-o": missing, "--json": folder}) == [
        f"-o {missing}: the folder {missing.parent} does not exist",
        f"--json {folder} is a folder; name a file",
    ]


def test_every_problem_is_listed_at_once_as_a_library_error(source: Path,
                                                            tmp_path: Path) -> None:
    out = tmp_path / "out.xlsx"
    with pytest.raises(PlanShootError) as raised:
        check_outputs([source], {"-o": out, "--json": out, "--uss": source})
    assert str(raised.value).splitlines() == [
        f"--json {out} is also the -o output; give each output its own file",
        f"--uss {source} is the input {source}; choose another file",
    ]
    assert source.read_bytes() == b"the producer's breakdown"


def test_a_killed_writes_temporary_file_is_removed_by_the_next_write(tmp_path: Path) -> None:
    """Tests D16: the hidden temporary file of a write killed outright (its process gone) is
    removed by the next write of the same file; a live process's is left alone."""
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    dead_pid = int(gone.stdout)
    target = tmp_path / "out.json"
    debris = tmp_path / f".out.json.{dead_pid}.0badf00d.tmp"
    debris.write_text("half a file")
    alive = tmp_path / f".out.json.{os.getppid()}.0badf00d.tmp"
    alive.write_text("another writer's")
    other = tmp_path / f".other.json.{dead_pid}.0badf00d.tmp"
    other.write_text("not ours")
    save_text_atomically(target, "{}")
    assert target.read_text() == "{}"
    assert not debris.exists()
    assert alive.exists() and other.exists()
