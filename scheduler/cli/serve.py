"""``plan-shoot serve``: the upload page in a browser."""

from __future__ import annotations

from typing import Annotated

import typer

from .app import app, stdout


@app.command()
def serve(
    host: Annotated[str, typer.Option("--host", help="Address to listen on (default: this "
                                                     "machine only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="TCP port.")] = 8000,
) -> None:
    """The upload page: drop a breakdown workbook in a browser, get the schedule back."""
    from ..web import serve as serve_app

    stdout().print(f"plan-shoot upload page on http://{host}:{port} (Ctrl-C stops)",
                   markup=False)
    serve_app(host, port)
