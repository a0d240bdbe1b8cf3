import sys
from pathlib import Path

# The USS tests import their document builders (uss_builders.py) as a plain module.
sys.path.insert(0, str(Path(__file__).parent))
