"""Corpus mode: thousands to millions of articles per outlet, streamed in chunks, on one machine or a Dask cluster.

:mod:`framing.scale.inputs` reads an articles folder or one table file (CSV, JSONL, Parquet) with one
article per row, chunk by chunk; :mod:`framing.scale.chunks` runs the per-article measures on one chunk
and returns its partial tables; :mod:`framing.scale.reduce` combines the partial tables of every chunk
into per-outlet tables; :mod:`framing.scale.run` drives a run (work folder, workers, progress, output).
"""
