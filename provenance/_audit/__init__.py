"""Archive audits: ``provenance audit`` checks an archive of articles in partitions on Dask
and writes per-document tables (Parquet), an errors table and a summary (JSON and HTML).

Only :mod:`._command` is imported by the command-line tool; it is free of Dask and pyarrow,
which the other modules import (``pip install 'provenance[audit]'``). Layout:

- ``_plan``: the inputs cut into partitions with stable ids (briefs by file, JSONL by line
  ranges, Parquet by row ranges); the manifest a resumed run must match.
- ``_worker``: the task one partition is: read, check every document, flatten, write the
  partition's tables atomically. The registry is loaded once per worker process.
- ``_engine``: where the tasks run (inline, local worker processes, a Dask scheduler), the
  progress display, resumption.
- ``_summary``: totals and charts computed from the written tables.
"""
