"""Finding the actors of ``actors.csv`` in text: one alias matcher for every measure that names actors."""

from __future__ import annotations

import functools
import re

from framing.load.text import drop_invisible, normalise


@functools.lru_cache(maxsize=4096)
def alias_pattern(alias: str) -> re.Pattern[str]:
    """Return the regular expression that finds ``alias`` as a whole word or phrase.

    An alias written entirely in capitals (``US``, ``U.S.``, ``NATO``) is matched case-sensitively,
    so that the pronoun "us" is not the United States; every other alias is matched regardless of
    case.  The alias must not touch a letter or digit on either side: ``Putin's``, ``Biden's`` (curly
    or straight apostrophe) and ``US-Russia`` count, ``Russian`` does not count as ``Russia``.  Spaces
    in the alias match any run of white space.  The text searched must be without invisible format
    characters (:func:`framing.load.text.drop_invisible`), as :func:`mentions` makes it; they are
    dropped from ``alias`` too.
    """
    plain = drop_invisible(normalise(alias)).strip()
    body = r"\s+".join(re.escape(part) for part in plain.split())
    flags = 0 if (plain.isupper() and any(c.isalpha() for c in plain)) else re.IGNORECASE
    return re.compile(rf"(?<![^\W_]){body}(?![^\W_])", flags)


def mentions(text: str, aliases: list[str]) -> bool:
    """True when ``text`` mentions any of ``aliases`` (see :func:`alias_pattern`)."""
    plain = drop_invisible(normalise(text))
    return any(alias_pattern(a).search(plain) for a in aliases)
