"""The one exception the suite raises for bad input."""

from __future__ import annotations


class FramingInputError(ValueError):
    """Bad input: the message is one line that names the file and the fix.

    The command-line interface prints the message and exits with status 2;
    nothing is written when it is raised.
    """

    def __init__(self, path: object, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")
