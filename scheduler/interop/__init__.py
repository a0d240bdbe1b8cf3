"""Other file formats: the Universal Schedule Standard (``uss.py``) and later ones.

The package depends on ``data``, ``solution`` and ``excel`` (for the defaults workbook and safe
writing) only; ``uss.py`` is the facade the CLI and the upload page call.
"""
