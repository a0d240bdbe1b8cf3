"""Server-rendered pages: one Jinja2 environment (autoescaped), the strip palette as CSS.

Templates get plain values prepared by ``board``, ``report``, ``problems`` and ``progress``; they
format nothing themselves, so the page, the workbook and the JSON say the same thing.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from starlette.requests import Request
from starlette.responses import HTMLResponse

from ..excel import styles
from ..excel.styles import DEFAULT_PALETTE, StripPalette
from .board import strip_class

PACKAGE_DIR = Path(__file__).resolve().parent
TEMPLATES_DIR = PACKAGE_DIR / "templates"
STATIC_DIR = PACKAGE_DIR / "static"
_HEX = re.compile(r"[0-9A-Fa-f]{6}")


def template_environment() -> Environment:
    """Autoescaping on for every template; an undefined name is an error, not an empty string."""
    return Environment(loader=FileSystemLoader(TEMPLATES_DIR), autoescape=True,
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


class Pages:
    """Renders a template into an HTML response."""

    def __init__(self) -> None:
        self.environment = template_environment()

    def render(self, request: Request, name: str, status_code: int = 200,
               **values: Any) -> HTMLResponse:
        # Every page gets its visit's CSRF token (``access``) for the forms it holds.
        html = self.environment.get_template(name).render(
            base=base_path(request), csrf=getattr(request.state, "csrf", ""),
            signed_in=getattr(request.state, "signed_in", False), **values)
        return HTMLResponse(html, status_code=status_code)

    def message(self, request: Request, status_code: int, heading: str,
                text: str) -> HTMLResponse:
        """A page that says one thing (not found, busy, cancelled, failed...)."""
        return self.render(request, "message.html", status_code, heading=heading, text=text)


def base_path(request: Request) -> str:
    """Where the app is mounted (``""`` at the root): every link of a page starts with it."""
    return str(request.scope.get("root_path", "")).rstrip("/")


def palette_css(palette: StripPalette = DEFAULT_PALETTE) -> str:
    """The workbook's strip and Day Out of Days colours as CSS classes."""
    rules = []
    for _, colour in palette.legend():
        rules.append(f".{strip_class(colour)} {{ background: #{_hex(colour)}; }}")
    rules += [
        f".dood-work {{ background: #{_hex(styles.WORK_GREEN)}; color: #fff; }}",
        f".dood-hold {{ background: #{_hex(styles.HOLD_GREEN)}; }}",
        f".dood-drop {{ background: #{_hex(styles.DROP_RED)}; }}",
        f".flag {{ color: #{_hex(styles.FLAG_RED)}; }}",
        f".day.flagged {{ border-color: #{_hex(styles.FLAG_RED)}; }}",
    ]
    return "\n".join(rules) + "\n"


def _hex(colour: str) -> str:
    if not _HEX.fullmatch(colour):
        raise ValueError(f"not an RGB colour: {colour!r}")
    return colour.upper()
