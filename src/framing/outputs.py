"""Write output folders atomically.

Tables are first written into a hidden temporary folder beside the target,
then moved into place one file at a time with :func:`os.replace` (atomic on
one file system).  An interrupted run leaves either the old file or the new
one, never half a file, and a failed check leaves the target untouched.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

from .errors import FramingInputError


def check_output_dir(out: Path, *, forbidden: tuple[Path, ...] = ()) -> None:
    """Refuse an output path that is a file, sits inside an input folder, or cannot be written."""
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise FramingInputError(out, "is an existing file, not a folder; choose a folder for the output")
    resolved = out.resolve()
    for folder in forbidden:
        f = Path(folder).resolve()
        if resolved == f or f in resolved.parents:
            raise FramingInputError(out, f"is inside the input folder {folder}; write the output somewhere else")
    parent = resolved
    while not parent.exists():
        parent = parent.parent
    if not parent.is_dir():
        raise FramingInputError(out, f"cannot be created: {parent} is a file")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise FramingInputError(out, f"cannot be written: no write permission on {parent}")


def write_tables(tables: Mapping[str, object], out: Path) -> list[Path]:
    """Write DataFrames as ``<name>.csv`` into ``out``, atomically per file.

    Floats are written with ``repr`` precision and ``\\n`` line endings, so two
    runs on the same input give byte-identical files.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".framing-tmp-", dir=out))
    written = []
    try:
        for name, df in tables.items():
            df.to_csv(tmp / f"{name}.csv", index=False, lineterminator="\n", encoding="utf-8")
        for name in tables:
            target = out / f"{name}.csv"
            os.replace(tmp / f"{name}.csv", target)
            written.append(target)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return written
