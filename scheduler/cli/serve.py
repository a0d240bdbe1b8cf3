"""``plan-shoot serve``: the upload page in a browser."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .app import app, stdout, user_errors


@app.command()
def serve(
    host: Annotated[str, typer.Option("--host", help="Address to listen on (default: this "
                                                     "machine only; any other needs --token).")
                    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="TCP port.")] = 8000,
    data: Annotated[Path | None, typer.Option(
        "--data", file_okay=False,
        help="Folder where jobs, uploads and schedules are kept across restarts (default: "
             "the user's data folder, ~/.local/share/plan-shoot).")] = None,
    token: Annotated[str | None, typer.Option(
        "--token", envvar="PLAN_SHOOT_TOKEN", show_envvar=True,
        help="Access token visitors sign in with; needed to serve beyond this machine.")
                     ] = None,
    allowed_host: Annotated[list[str] | None, typer.Option(
        "--allowed-host",
        help="A name or address the page answers to (repeat for more), e.g. the name "
             "colleagues type; others are refused (against DNS rebinding).")] = None,
) -> None:
    """The upload page: drop a breakdown workbook in a browser, get the schedule back."""
    from ..web import WebSettings
    from ..web import serve as serve_app
    from ..web.server import allowed_hosts_for, check_exposure, default_data_dir, token_from

    with user_errors(failing="cannot start the upload page"):
        check_exposure(host, token_from(token))
        settings = WebSettings(data_dir=data or default_data_dir(), token=token_from(token),
                               allowed_hosts=allowed_hosts_for(host, tuple(allowed_host or ())))
    signed = " with sign-in" if settings.token else ""
    stdout().print(f"plan-shoot upload page on http://{host}:{port}{signed}; jobs kept in "
                   f"{settings.data_dir} (Ctrl-C stops)", markup=False)
    with user_errors(failing="the upload page stopped"):  # a data folder it cannot use
        serve_app(host, port, settings=settings)
