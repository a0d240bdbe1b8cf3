"""The upload page: a line producer uploads the breakdown workbook in a browser, sees its problems
cell by cell, watches the solve, looks at the board and the risky days, and downloads the schedule.

``create_app(settings)`` builds the FastAPI app; ``serve(host, port)`` runs it on uvicorn
(``plan-shoot serve``).
"""

from .app import create_app
from .server import serve
from .settings import WebSettings

__all__ = ["WebSettings", "create_app", "serve"]
