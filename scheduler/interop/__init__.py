"""Other file formats: the Universal Schedule Standard (the ``uss`` package) and later ones.

The package depends on ``data``, ``solution`` and ``excel`` (for the defaults workbook and safe
writing) only; ``uss`` (its ``__init__``) is the facade the CLI and the upload page call.
"""
