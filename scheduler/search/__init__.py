"""The search at production scale: a packed first schedule and a large-neighbourhood search."""

from .construct import STYLES as STYLES
from .construct import Packing as Packing
from .construct import pack_calendar as pack_calendar
from .lns import NeighbourhoodSearch as NeighbourhoodSearch
from .lns import SearchReport as SearchReport
from .lns import search_budget as search_budget
from .tighten import tighter_schedules as tighter_schedules
