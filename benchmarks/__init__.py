"""Benchmarks of conflict-kg: extraction throughput, query latency, store load rate.

Run ``python -m benchmarks`` (or ``python benchmarks/run.py``) from the repository root;
see ``benchmarks/README.md``. Every figure is a ratio against a baseline measured in the
same run, so that two runs on different machines can be compared.
"""
