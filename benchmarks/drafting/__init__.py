"""The pieces of the synthetic-production generator (``benchmarks.generator``, its face).

``names`` (invented names and places), ``holidays``, ``profiles`` (each kind of production and
how tight its windows are), ``reference_board`` (the board that proves a production can be
shot), ``script`` (the drafter of default productions), ``planted`` (the drafter of planted
productions) and ``summary`` (size facts for reports).
"""
