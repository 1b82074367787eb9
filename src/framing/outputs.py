"""Write output folders atomically.

Tables are first written into a hidden temporary folder beside the target,
then moved into place one file at a time with :func:`os.replace` (atomic on
one file system).  An interrupted run leaves either the old file or the new
one, never half a file, and a failed check leaves the target untouched: a
failure while the tables are being written leaves the previous files as they
were, removes the temporary folder, and removes the output folder again when
this run created it.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

from .errors import FramingInputError


def check_output_dir(out: Path, *, forbidden: tuple[Path, ...] = ()) -> None:
    """Refuse an output path that is a file, sits inside an input folder, or cannot be written.

    Nothing is created: writability is tested by making and removing a
    hidden probe folder in the nearest existing folder of the path (a
    permission check alone is not enough, since the superuser passes it even
    on read-only file systems such as ``/proc``).
    """
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise FramingInputError(out, "is an existing file, not a folder; choose a folder for the output")
    resolved = out.resolve()
    for folder in forbidden:
        f = Path(folder).resolve()
        if resolved == f or f in resolved.parents:
            raise FramingInputError(out, f"is inside the input folder {folder}; write the output somewhere else")
    parent = resolved
    while not parent.exists() and not parent.is_symlink():
        parent = parent.parent
    if not parent.is_dir():
        raise FramingInputError(out, f"cannot be created: {parent} is a file; choose another output folder")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise FramingInputError(out, f"cannot be written: no write permission on {parent}; choose another "
                                "output folder")
    try:
        probe = tempfile.mkdtemp(prefix=".framing-probe-", dir=parent)
    except OSError as exc:
        raise FramingInputError(out, f"cannot be written: {parent} refuses new files ({exc.strerror}); "
                                "choose another output folder") from None
    os.rmdir(probe)


def write_tables(tables: Mapping[str, object], out: Path) -> list[Path]:
    """Write DataFrames as ``<name>.csv`` into ``out``, atomically per file.

    Floats are written with ten significant digits (``%.10g``) and ``\\n`` line
    endings, so two runs on the same input give byte-identical files.  Every table is written
    to a temporary folder first; only when all are written are they moved
    into ``out``.  An :class:`OSError` (disk full, permissions) becomes a
    :class:`FramingInputError` naming the folder.
    """
    out = Path(out)
    new_dirs = [d for d in [out, *out.parents] if not d.exists()]  # folders this call creates, deepest first
    try:
        out.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".framing-tmp-", dir=out))
    except OSError as exc:
        raise FramingInputError(out, f"cannot be written ({exc.strerror}); choose another output folder") from None
    written = []
    done = False
    try:
        for name, df in tables.items():
            df.to_csv(tmp / f"{name}.csv", index=False, lineterminator="\n", encoding="utf-8", float_format="%.10g")
        for name in tables:
            target = out / f"{name}.csv"
            os.replace(tmp / f"{name}.csv", target)
            written.append(target)
        done = True
    except OSError as exc:
        raise FramingInputError(out, f"cannot be written ({exc.strerror}); free some space or choose another "
                                "output folder") from None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        if not done and not written:
            for d in new_dirs:  # leave no empty output folder behind
                try:
                    d.rmdir()
                except OSError:
                    break
    return written
