import sys
from pathlib import Path

# Tests import their small builders (tests/factory.py) as plain modules.
sys.path.insert(0, str(Path(__file__).parent))
