"""``plan-shoot serve``: the upload page on uvicorn."""

from __future__ import annotations

import uvicorn

from .app import create_app
from .settings import WebSettings


def serve(host: str = "127.0.0.1", port: int = 8000, *,
          settings: WebSettings | None = None, log_level: str = "info") -> None:
    """Run the upload page until interrupted (Ctrl-C stops running solves and removes the files).

    Parameters
    ----------
    host
        Address to listen on; the default is this machine only. Listening on others exposes
        the page to them: put it behind a proxy with authentication.
    port
        TCP port.
    settings
        Upload size, queue, time limits, file lifetime (defaults: ``WebSettings()``).
    log_level
        uvicorn's log level.
    """
    uvicorn.run(create_app(settings), host=host, port=port, log_level=log_level,
                # Uploads are limited by the app; keep-alive short so idle browsers free workers.
                timeout_keep_alive=5)
