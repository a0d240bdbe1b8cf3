"""The files a job offers for download: made once into the job's folder, served by kind.

Only the kinds below exist; a download names a job and a kind, never a path, and the file name
the browser sees is made from the production's title, never from the uploaded file's name.
"""

from __future__ import annotations

import re
from enum import StrEnum
from pathlib import Path

from ..data import Production
from ..excel.writer import write_schedule
from ..export_json import schedule_to_json
from ..files import save_text_atomically
from ..interop.uss import schedule_to_uss
from ..planning import Plan
from ..revision import ChangeReport, Revision


class DownloadKind(StrEnum):
    WORKBOOK = "workbook"
    JSON = "json"
    USS = "uss"

    @property
    def suffix(self) -> str:
        return {"workbook": ".xlsx", "json": ".json", "uss": ".uss"}[self.value]

    @property
    def media_type(self) -> str:
        return {
            "workbook": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "json": "application/json",
            "uss": "application/json",
        }[self.value]

    @property
    def label(self) -> str:
        return {"workbook": "Schedule workbook (.xlsx)", "json": "Schedule as JSON (.json)",
                "uss": "Universal Schedule Standard (.uss)"}[self.value]

    @property
    def stored_name(self) -> str:
        """The fixed file name inside the job folder."""
        return f"schedule{self.suffix}"


def download_name(title: str, kind: DownloadKind) -> str:
    """``Harbour_Lights_schedule.xlsx``: ASCII letters, digits, ``-`` and ``_`` only."""
    slug = re.sub(r"[^A-Za-z0-9-]+", "_", title).strip("_")[:60] or "production"
    return f"{slug}_schedule{kind.suffix}"


def write_downloads(production: Production, plan: Plan, folder: Path, *,
                    uss_source: Path | None = None, revision: Revision | None = None,
                    changes: ChangeReport | None = None) -> dict[DownloadKind, Path]:
    """Write every download of a solved job into ``folder``.

    The workbook and the JSON are always written (without a schedule they hold the status and
    the conflicts); the USS file only with a schedule.

    Parameters
    ----------
    production
        The production solved.
    plan
        Its plan (result and risk).
    folder
        The job's folder.
    uss_source
        The uploaded USS file, when the production came from one: the USS download is then that
        file with the schedule added as one more stripboard.
    revision, changes
        For a re-plan: the revision issued (its colour) and what changed (the Changes sheet).

    Returns
    -------
    dict[DownloadKind, Path]
        The kinds written and where.
    """
    result = plan.result
    files = {
        DownloadKind.WORKBOOK: write_schedule(production, result,
                                              folder / DownloadKind.WORKBOOK.stored_name,
                                              risk=plan.risk, revision=revision,
                                              changes=changes),
        DownloadKind.JSON: save_text_atomically(
            folder / DownloadKind.JSON.stored_name,
            schedule_to_json(production, result, risk=plan.risk, revision=revision,
                             changes=changes)),
    }
    if result.solution is not None:
        files[DownloadKind.USS] = save_text_atomically(
            folder / DownloadKind.USS.stored_name,
            schedule_to_uss(production, result.solution, source=uss_source))
    return files
