"""Readers of public talent scheduling and movie shoot scheduling formats, and their translation
into ``scheduler.data.Production``."""

from .dzn import parse_dzn, read_mss_dzn, read_talent_dzn
from .instance import MovieShootInstance, TalentInstance
from .mss import read_hexaly_mss, read_mss
from .stuckey import read_stuckey

__all__ = [
    "MovieShootInstance",
    "TalentInstance",
    "parse_dzn",
    "read_hexaly_mss",
    "read_mss",
    "read_mss_dzn",
    "read_stuckey",
    "read_talent_dzn",
]
