"""The search at production scale: a packed first schedule and a large-neighbourhood search."""

from .construct import pack_calendar as pack_calendar
