"""``python -m scheduler``: the same as the ``plan-shoot`` command."""

from .cli import main

main()
