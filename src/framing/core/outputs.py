"""Output folders: written whole or not at all, and only where the suite may write.

An output folder (the tables of ``framing analyze``, the pages of ``framing report``) is
replaced as a whole.  That is only safe for a folder the suite made, so:

* :func:`check_output_dir` refuses the root, the home folder, the current folder and its
  parents, an articles folder or anything inside or around one, and any existing folder that
  holds something the suite did not write there (a folder it wrote carries the marker file
  ``.framing-output.json`` listing its entries);
* :class:`OutputFolder` builds the new contents in a hidden staging folder beside the target and
  swaps it in with one rename (``renameat2(RENAME_EXCHANGE)`` where the kernel has it), so a reader
  sees the old folder or the new one, never a mix.  A lock file beside the target keeps two runs
  from writing into one folder, and leftovers of a killed run are removed by the next one.

Nothing outside the output folder and its hidden siblings (staging, lock) is ever moved or
removed.

CSV cells are written spreadsheet-safe (see :func:`guard_formulas`); :func:`read_table` reads them
back with the exact text.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Literal

from framing.core import interrupts
from framing.core.errors import FramingInputError

MARKER = ".framing-output.json"
"""File that marks a folder as written by the suite; it lists the folder's entries."""

_STAGING = ".framing-staging-"
_OLD = ".framing-old-"
_LOCK = ".framing-lock-"
# Hidden folders left by earlier versions of the suite when a run was killed.
_LEGACY_INSIDE = ".framing-tmp-"

_FORMULA_START = re.compile(r"'*[=+\-@\t\r]")
_GUARDED = re.compile(r"'+[=+\-@\t\r]")
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")

Kind = Literal["tables", "reports"]


class OutputBusyError(FramingInputError):
    """Another run is writing into the same output folder."""


# ---------------------------------------------------------------------------------------------------
# where the suite may write


def check_output_dir(out: str | os.PathLike[str], *, inputs: Iterable[str | os.PathLike[str]] = ()) -> None:
    """Refuse an output folder that the suite must not replace.

    Refused, each with a one-line :class:`FramingInputError` naming the folder and the fix:

    * an existing file, or a path under a file;
    * the root folder, the home folder or a folder that contains it, the current folder or one of
      its parents;
    * an articles folder (one of ``inputs``, or any folder holding ``articles.csv``), a folder inside
      one, or a folder that contains one of ``inputs``;
    * an existing folder that is not empty and does not carry the suite's marker, or that carries
      it but also holds entries the suite did not write there;
    * a place where no folder can be created or written.

    Nothing is created: writability is tested by making and removing a hidden probe folder in the
    nearest existing folder (a permission check alone is not enough for the superuser).
    """
    given = Path(out)
    if given.exists() and not given.is_dir():
        raise FramingInputError(given, "is an existing file, not a folder; choose a folder for the output")
    target = given.resolve()
    _refuse_special(given, target)
    for folder in inputs:
        f = Path(folder).resolve()
        if target == f or f in target.parents:
            raise FramingInputError(given, f"is inside the articles folder {folder}; write the output somewhere "
                                    "else, for example reports/")
        if target in f.parents:
            raise FramingInputError(given, f"contains the articles folder {folder}; the output folder is replaced "
                                    "as a whole, so choose a new folder, for example reports/")
    for folder in (target, *target.parents):
        if (folder / "articles.csv").is_file() and _read_marker(folder) is None:
            raise FramingInputError(given, f"is inside the articles folder {folder}; write the output somewhere "
                                    "else, for example reports/")
    if target.is_dir():
        _refuse_foreign_contents(given, target)
    parent = target
    while not parent.exists() and not parent.is_symlink():
        parent = parent.parent
    if not parent.is_dir():
        raise FramingInputError(given, f"cannot be created: {parent} is a file; choose another output folder")
    writable_at = parent if parent != target else target.parent
    if not os.access(writable_at, os.W_OK | os.X_OK):
        raise FramingInputError(given, f"cannot be written: no write permission on {writable_at}; choose another "
                                "output folder")
    try:
        probe = tempfile.mkdtemp(prefix=".framing-probe-", dir=writable_at)
    except OSError as exc:
        raise FramingInputError(given, f"cannot be written: {writable_at} refuses new files ({exc.strerror}); "
                                "choose another output folder") from None
    os.rmdir(probe)


def _refuse_special(given: Path, target: Path) -> None:
    if target == Path(target.anchor):
        raise FramingInputError(given, "is the root folder; choose a new folder for the output, for example reports/")
    cwd = Path.cwd().resolve()
    if target == cwd or target in cwd.parents:
        what = "the current folder" if target == cwd else "a parent of the current folder"
        raise FramingInputError(given, f"is {what}; the output folder is replaced as a whole, so choose a new "
                                "folder, for example reports/")
    home = Path.home().resolve()
    if target == home or target in home.parents:
        what = "the home folder" if target == home else "a folder that contains the home folder"
        raise FramingInputError(given, f"is {what}; the output folder is replaced as a whole, so choose a new "
                                "folder, for example reports/")


def _refuse_foreign_contents(given: Path, target: Path) -> None:
    entries = sorted(p.name for p in target.iterdir())
    if not entries:
        return
    marker = _read_marker(target)
    if marker is None:
        shown = ", ".join(entries[:3]) + (", …" if len(entries) > 3 else "")
        raise FramingInputError(given, f"already holds files that framing did not write ({shown}); choose a new or "
                                "empty folder")
    ours = set(marker.get("entries", [])) | {MARKER}
    foreign = [e for e in entries if e not in ours and not e.startswith(_LEGACY_INSIDE)]
    if foreign:
        shown = ", ".join(foreign[:3]) + (", …" if len(foreign) > 3 else "")
        raise FramingInputError(given, f"holds files that framing did not write ({shown}); move them out or "
                                "choose another folder")


def _read_marker(folder: Path) -> dict | None:
    try:
        data = json.loads((folder / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("made_by") != "framing" or not isinstance(data.get("entries"), list):
        return None
    return data


# ---------------------------------------------------------------------------------------------------
# one run's output, swapped in whole


class OutputFolder:
    """Context manager for one run's output folder: staging in, one swap out.

    ``with OutputFolder(out, kind="tables", inputs=[articles]) as staging:`` checks ``out`` (see
    :func:`check_output_dir`), takes the folder's lock, removes leftovers of killed runs, and yields
    an empty staging folder beside ``out``.  When the block ends without an exception, the marker
    is written and the staging folder takes the place of ``out`` in one rename; the old contents are
    then deleted.  When it raises (including an interrupt), the staging folder is deleted and ``out``
    stays exactly as it was.

    Attributes
    ----------
    out : pathlib.Path
        The output folder (resolved).
    existed : bool
        Whether ``out`` existed before the run.
    committed : bool
        True once the new contents are in place (an interrupt after that point still leaves the
        complete new output).
    """

    def __init__(self, out: str | os.PathLike[str], *, kind: Kind,
                 inputs: Iterable[str | os.PathLike[str]] = ()) -> None:
        self.given = Path(out)
        self.kind = kind
        self.inputs = tuple(inputs)
        self.out = self.given.resolve()
        self.existed = False
        self.committed = False
        self.staging: Path | None = None
        self._created: list[Path] = []
        self._lock: _Lock | None = None

    def __enter__(self) -> Path:
        check_output_dir(self.given, inputs=self.inputs)
        self._created = [d for d in self.out.parents if not d.exists()]  # deepest first
        try:
            self.out.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise FramingInputError(self.given, f"cannot be created ({exc.strerror}); choose another output "
                                    "folder") from None
        self._lock = _Lock(self.out.parent / f"{_LOCK}{self.out.name}", self.given)
        try:
            self._lock.acquire()
            self._recover()
            # Checked again under the lock: another run may have changed the folder meanwhile.
            check_output_dir(self.given, inputs=self.inputs)
            self.existed = self.out.exists()
            self.staging = Path(tempfile.mkdtemp(prefix=f"{_STAGING}{self.out.name}-", dir=self.out.parent))
        except BaseException:
            self._lock.release()
            self._remove_created()
            raise
        return self.staging

    def __exit__(self, exc_type, exc, tb) -> None:
        assert self.staging is not None and self._lock is not None
        try:
            if exc_type is None:
                _write_marker(self.staging, kind=self.kind)
                self.staging.chmod(0o755)
                try:
                    with interrupts.deferred():
                        old = _swap_in(self.staging, self.out)
                        self.committed = True
                except OSError as exc_:
                    raise FramingInputError(self.given, f"cannot be replaced ({exc_.strerror}); choose another "
                                            "output folder") from None
                if old is not None:
                    shutil.rmtree(old, ignore_errors=True)
        finally:
            if self.staging.exists() and not (self.committed and self.staging == self.out):
                shutil.rmtree(self.staging, ignore_errors=True)
            self._lock.release()
            if not self.committed:
                self._remove_created()

    def _remove_created(self) -> None:
        """Remove the (empty) parent folders this run created, when it leaves no output."""
        for d in self._created:
            try:
                d.rmdir()
            except OSError:
                break

    def _recover(self) -> None:
        """Remove what killed runs left beside the output; put back an old folder a killed swap took away."""
        parent, name = self.out.parent, self.out.name
        olds = sorted(parent.glob(f"{_OLD}{glob_escape(name)}-*"))
        if not self.out.exists() and olds and _read_marker(olds[-1]) is not None:
            os.rename(olds[-1], self.out)
            olds = olds[:-1]
        for leftover in [*parent.glob(f"{_STAGING}{glob_escape(name)}-*"), *olds]:
            if leftover.is_dir() and not leftover.is_symlink():
                shutil.rmtree(leftover, ignore_errors=True)
        if self.out.is_dir() and _read_marker(self.out) is not None:
            for leftover in self.out.glob(f"{_LEGACY_INSIDE}*"):
                if leftover.is_dir() and not leftover.is_symlink():
                    shutil.rmtree(leftover, ignore_errors=True)


def glob_escape(name: str) -> str:
    """``name`` with glob wildcards escaped, so ``a[1]`` matches only itself."""
    return re.sub(r"([*?\[])", r"[\1]", name)


def _write_marker(folder: Path, *, kind: str) -> None:
    from framing import __version__

    entries = sorted(p.name for p in folder.iterdir() if p.name != MARKER)
    text = json.dumps({"made_by": "framing", "kind": kind, "version": __version__, "entries": entries},
                      indent=1, ensure_ascii=False)
    (folder / MARKER).write_text(text + "\n", encoding="utf-8")


def _swap_in(new: Path, target: Path) -> Path | None:
    """Put ``new`` in the place of ``target``; return where the old contents now are (or None)."""
    if not target.exists():
        os.rename(new, target)
        return None
    if _exchange(new, target):
        return new
    old = Path(tempfile.mkdtemp(prefix=f"{_OLD}{target.name}-", dir=target.parent))
    old.rmdir()
    os.rename(target, old)
    try:
        os.rename(new, target)
    except BaseException:
        os.rename(old, target)
        raise
    return old


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders atomically with Linux ``renameat2(RENAME_EXCHANGE)``; False where unsupported."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), str(b))


class _Lock:
    """An exclusive ``flock`` on a file beside the output folder, removed when released."""

    def __init__(self, path: Path, given: Path) -> None:
        self.path = path
        self.given = given
        self.fd: int | None = None

    def acquire(self) -> None:
        try:
            import fcntl
        except ImportError:  # no flock on this platform: runs are not serialised
            return
        while True:
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            except OSError as exc:
                raise FramingInputError(self.given, f"cannot be locked ({exc.strerror}); choose another output "
                                        "folder") from None
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                holder = os.read(fd, 64).decode("ascii", "replace").strip()
                os.close(fd)
                who = f" (process {holder})" if holder.isdigit() else ""
                raise OutputBusyError(self.given, f"another framing run{who} is writing to this folder; wait for "
                                      "it to finish, or choose another output folder") from None
            try:
                same = os.path.samestat(os.fstat(fd), os.stat(self.path))
            except FileNotFoundError:
                same = False
            if same:
                os.ftruncate(fd, 0)
                os.write(fd, str(os.getpid()).encode("ascii"))
                self.fd = fd
                return
            os.close(fd)  # the file was removed by the run that held it: lock the new one

    def release(self) -> None:
        if self.fd is None:
            return
        with contextlib.suppress(OSError):
            os.unlink(self.path)
        os.close(self.fd)
        self.fd = None


# ---------------------------------------------------------------------------------------------------
# spreadsheet-safe CSV


def guard_formulas(df):
    """Return a copy of ``df`` whose text cells cannot be read as a spreadsheet formula.

    A text cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return (after any
    number of apostrophes) gets one apostrophe in front, as OWASP recommends against CSV
    injection; a spreadsheet then shows it as text.  Text that is a plain number (``-3``, ``+1.5``)
    is left alone, and so are numeric columns.  The change is reversible without loss (see
    :func:`unguard_formulas`): only cells that were changed start with apostrophes followed by one
    of those characters.
    """
    return _map_text_cells(df, _guard_cell)


def _guard_cell(value):
    if isinstance(value, str) and _FORMULA_START.match(value) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def unguard_formulas(df):
    """Undo :func:`guard_formulas`: the exact text of every cell, for programs."""
    return _map_text_cells(df, _unguard_cell)


def _map_text_cells(df, func):
    from pandas.api.types import is_string_dtype

    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object or is_string_dtype(out[col].dtype):
            out[col] = out[col].map(func)
    return out


def _unguard_cell(value):
    if isinstance(value, str) and _GUARDED.match(value):
        return value[1:]
    return value


def write_csv(df, path: str | os.PathLike[str], *, exact_text: bool = False) -> None:
    """Write one table as CSV: UTF-8, ``\\n`` line ends, floats to ten significant digits.

    Two runs on the same input give byte-identical files.  Text cells are made spreadsheet-safe
    with :func:`guard_formulas` unless ``exact_text`` is true.
    """
    table = df if exact_text else guard_formulas(df)
    table.to_csv(path, index=False, lineterminator="\n", encoding="utf-8", float_format="%.10g")


def read_table(path: str | os.PathLike[str], **read_csv_options):
    """Read a table the suite wrote, with the exact text of every cell (see :func:`guard_formulas`)."""
    import pandas as pd

    read_csv_options.setdefault("keep_default_na", False)
    read_csv_options.setdefault("na_values", [""])
    return unguard_formulas(pd.read_csv(path, encoding="utf-8", **read_csv_options))


def write_tables(tables: Mapping[str, object], out: str | os.PathLike[str], *,
                 inputs: Iterable[str | os.PathLike[str]] = (), exact_text: bool = False) -> list[Path]:
    """Write DataFrames as ``<name>.csv`` into the folder ``out``, replacing it whole.

    The folder afterwards holds exactly these tables (and the marker): tables of an earlier run
    that this one does not write are gone.  See :class:`OutputFolder` for the checks, the lock and
    the swap; an :class:`OSError` while writing becomes a :class:`FramingInputError`, and ``out``
    is then left as it was.  Returns the paths of the written tables.
    """
    with OutputFolder(out, kind="tables", inputs=inputs) as staging:
        write_table_files(tables, staging, exact_text=exact_text, folder_for_errors=Path(out))
    return [Path(out) / f"{name}.csv" for name in tables]


def write_table_files(tables: Mapping[str, object], folder: Path, *, exact_text: bool = False,
                      folder_for_errors: Path | None = None) -> None:
    """Write each table as ``<name>.csv`` into an existing ``folder`` (no swap; see :func:`write_tables`)."""
    try:
        for name, df in tables.items():
            write_csv(df, folder / f"{name}.csv", exact_text=exact_text)
    except OSError as exc:
        raise FramingInputError(folder_for_errors or folder, f"cannot be written ({exc.strerror}); free some space "
                                "or choose another output folder") from None
