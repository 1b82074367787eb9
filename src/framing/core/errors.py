"""The one exception the suite raises for bad input."""

from __future__ import annotations


def printable(path: object) -> str:
    """``path`` as text that can be written anywhere: bytes that are not UTF-8 become U+FFFD."""
    import os

    return os.fsencode(str(path)).decode("utf-8", "replace") if isinstance(path, (str, os.PathLike)) else str(path)


def one_line(message: str) -> str:
    """Return ``message`` on one line: line breaks (say, in a file name) are shown as ``\\n``/``\\r``."""
    return message.replace("\r", "\\r").replace("\n", "\\n").replace("\u2028", " ").replace("\u2029", " ")


class FramingInputError(ValueError):
    """Bad input: the message is one line that names the file and the fix.

    The command-line interface prints the message and exits with status 2;
    nothing is written when it is raised.
    """

    def __init__(self, path: object, problem: str) -> None:
        self.path = printable(path)
        self.problem = problem
        super().__init__(one_line(f"{self.path}: {problem}"))
