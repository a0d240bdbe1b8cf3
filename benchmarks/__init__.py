"""Benchmarks for plan-shoot: synthetic productions and converters of public benchmark formats."""
