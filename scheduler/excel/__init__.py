"""The breakdown workbook in, the schedule workbook out (openpyxl, never evaluating formulas).

``read_workbook`` turns a breakdown into a checked production, every problem located at its
cell; ``write_schedule`` writes the schedule workbook (one function per sheet in ``sheets/``);
``write_template`` an annotated blank; ``write_breakdown`` a production as a breakdown;
``read_history`` and ``read_days`` the predictor's Days sheets, through the same reader.
"""

from .breakdown import write_breakdown as write_breakdown
from .days import read_days as read_days
from .days import read_history as read_history
from .reader import read_workbook as read_workbook
from .template import write_template as write_template
from .writer import OutputPathError as OutputPathError
from .writer import write_schedule as write_schedule
