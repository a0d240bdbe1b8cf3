"""The layers of ``scheduler`` point one way: no module imports one on a floor above it, only
``model/`` imports ortools, and no module reaches into another package's private modules."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "scheduler"

# Floors, lowest first; a module may import from its own floor and the floors below.  A module
# belongs to the floor of its longest matching prefix.
FLOORS: tuple[tuple[str, ...], ...] = (
    ("scheduler.errors", "scheduler.rules", "scheduler.config", "scheduler.files",
     "scheduler.subjects", "scheduler.revision"),
    ("scheduler.calendar",),
    ("scheduler.data", "scheduler.checks", "scheduler.wording"),
    ("scheduler.solution",),
    ("scheduler.validate", "scheduler.result", "scheduler.dood", "scheduler.risk_price",
     "scheduler.day_rules", "scheduler.day_facts", "scheduler.bounds", "scheduler.evaluate",
     "scheduler.links"),
    ("scheduler.days_sheet",),  # the Days sheet's columns, for its writer, reader and predictor
    ("scheduler.board", "scheduler.conventional_board", "scheduler.sequencing"),
    ("scheduler.model",),
    ("scheduler.search",),
    ("scheduler.solve",),
    ("scheduler.predict",),  # the predictor: features in, risk out (no file I/O)
    ("scheduler.planning", "scheduler.plan_json", "scheduler.replan"),
    # the facts that every writer shows (workbook, web page, JSON, terminal)
    ("scheduler.report", "scheduler.export_json", "scheduler.overview"),
    ("scheduler.excel",),
    ("scheduler.interop",),
    ("scheduler.script",),  # screenplays (Fountain, FDX) to breakdowns; reuses interop.uss
    ("scheduler.inputs", "scheduler.predict.commands"),  # the predictor's workbook commands
    ("scheduler.whatif",),  # what-if scenarios: read, applied, planned and compared
    ("scheduler.cli", "scheduler.web", "scheduler.__main__", "scheduler"),
)


def floor_of(module: str) -> int:
    """The floor of a module: that of its longest matching prefix."""
    best, length = -1, -1
    for floor, prefixes in enumerate(FLOORS):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > length:
                best, length = floor, len(prefix)
    assert best >= 0, f"{module} is on no floor: add it to FLOORS"
    return best


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports() -> Iterator[tuple[str, str, int]]:
    """(importing module, imported module, line) for every import in the package."""
    for path in sorted(PACKAGE.rglob("*.py")):
        name = module_name(path)
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")[: len(package.split(".")) - node.level + 1]
                    target = ".".join([*base, *([node.module] if node.module else [])])
                else:
                    target = node.module or ""
                yield name, target, node.lineno
                for alias in node.names:  # "from . import x" imports the module x
                    yield name, f"{target}.{alias.name}", node.lineno
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    yield name, alias.name, node.lineno


def _is_module(name: str) -> bool:
    relative = Path(*name.split("."))
    return ((PACKAGE.parent / relative).with_suffix(".py").exists()
            or (PACKAGE.parent / relative / "__init__.py").exists())


def test_no_module_imports_one_above_it() -> None:
    """Tests that every import points down the floors (or along one)."""
    upward = [f"{source} (line {line}) imports {target}"
              for source, target, line in imports()
              if target.startswith("scheduler") and _is_module(target)
              and floor_of(target) > floor_of(source)]
    assert upward == []


def test_only_the_model_imports_ortools() -> None:
    """Tests that the CP-SAT solver stays behind ``scheduler.model``."""
    outside = [f"{source} (line {line})" for source, target, line in imports()
               if target.split(".")[0] == "ortools" and not source.startswith("scheduler.model")]
    assert outside == []


def test_no_private_module_is_imported_from_another_package() -> None:
    """Tests that a module whose name starts with ``_`` is used only inside its top package
    (``scheduler.excel.sheets._report`` by ``scheduler.excel``, never by ``scheduler.web``)."""
    reaching = []
    for source, target, line in imports():
        parts = target.split(".")
        for index, part in enumerate(parts):
            if part.startswith("_") and not part.startswith("__") and _is_module(
                    ".".join(parts[: index + 1])):
                owner = ".".join(parts[:2])
                if not (source == owner or source.startswith(owner + ".")):
                    reaching.append(f"{source} (line {line}) imports {target}")
                break
    assert reaching == []
