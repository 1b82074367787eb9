"""Chart labels in any script: fonts that can draw them, right-to-left text in reading order.

Outlet names, terms and actors come from the data, in any script: "Al Jazeera عربي", "הארץ", "人民日报",
"Outlet 🦊".  Matplotlib draws each character with the first font of its font list that has it and warns
("Glyph ... missing from font(s) ...") for every character none of them has.  This module

* lists the fonts to draw with (:func:`chart_fonts`): the house font, DejaVu Sans, which matplotlib ships,
  followed by whichever fonts for other scripts are installed, found at run time, so no font is ever required;
* turns a label into text the charts can draw without a warning (:func:`chart_text`): invisible format
  characters are dropped, a character that no font in use has becomes a visible substitute (:data:`SUBSTITUTE`),
  and right-to-left runs (Hebrew, Arabic, ...) are shown in reading order (:func:`visual_order`).

Installing more fonts draws more scripts: on Debian, ``apt-get install fonts-noto-core fonts-noto-cjk`` for
Arabic, Hebrew and Chinese, Japanese and Korean; monochrome emoji need a font such as Symbola.  Nothing here
needs them.
"""

from __future__ import annotations

import functools
import unicodedata

#: The house font; matplotlib ships it, so it is always there.
HOUSE_FONT = "DejaVu Sans"

#: Fonts that draw scripts DejaVu Sans lacks, in order of preference; only the installed ones are used.  Colour
#: bitmap emoji fonts (Noto Color Emoji, Apple Color Emoji) are left out: matplotlib cannot scale them.
FALLBACK_FONTS = (
    "Noto Sans", "Noto Sans Arabic", "Noto Naskh Arabic", "Noto Sans Hebrew",
    "Noto Sans CJK SC", "Noto Sans CJK TC", "Noto Sans CJK JP", "Noto Sans CJK KR", "Noto Sans SC",
    "Source Han Sans SC", "Source Han Sans", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Droid Sans Fallback",
    "Microsoft YaHei", "SimHei", "PingFang SC", "Hiragino Sans", "Malgun Gothic", "Arial Unicode MS",
    "Noto Emoji", "Noto Sans Symbols", "Noto Sans Symbols 2", "Symbola", "Segoe UI Symbol", "Segoe UI Emoji",
)

#: What a character that no font in use can draw is shown as (WHITE SQUARE, the usual sign of a missing glyph).
SUBSTITUTE = "\u25a1"

_LRM = "\u200e"  # LEFT-TO-RIGHT MARK
_RTL = frozenset({"R", "AL"})
# Characters drawn mirrored in right-to-left text (Unicode BidiMirroring.txt, the pairs labels use).
_MIRROR = dict(zip("()[]{}<>\u00ab\u00bb\u2039\u203a", ")(][}{><\u00bb\u00ab\u203a\u2039"))


def chart_fonts() -> list[str]:
    """The font families the charts draw with: :data:`HOUSE_FONT`, then the installed :data:`FALLBACK_FONTS`.

    Found at run time with :func:`matplotlib.font_manager.get_font_names`, so the list names only fonts this
    machine has (matplotlib logs a warning for every family it cannot find).  Matplotlib draws each character
    with the first family in the list that has it (font fallback, matplotlib 3.6 and later).
    """
    from matplotlib import font_manager

    installed = set(font_manager.get_font_names())
    return [HOUSE_FONT] + [f for f in FALLBACK_FONTS if f in installed]


def chart_text(text: str, *, weight: str = "normal") -> str:
    """Return ``text`` as the charts can draw it with the fonts in use, without a warning.

    1. Invisible characters are dropped: format characters (Unicode category ``Cf``: zero-width space, soft
       hyphen, direction marks ...) and variation selectors.
    2. A character that no font of ``matplotlib.rcParams["font.family"]`` has, in the given ``weight``
       (resolved as matplotlib resolves it, one font per family; a bold face may lack letters the regular one
       has), becomes :data:`SUBSTITUTE`, one for each such character, so the label keeps its length and shows
       where something could not be drawn.  Spaces and line breaks are kept.
    3. A label with right-to-left characters is put in reading order.  Matplotlib 3.11 and later lay out
       bidirectional text themselves (with libraqm); the label then starts with a left-to-right mark, so a
       name such as "הארץ (n = 400 tokens)" reads as a left-to-right line with the name, right to left, at
       its start.  Older versions draw characters in stored order; the label is then reordered here with
       :func:`visual_order` (Arabic letters keep their isolated forms there: joining them needs a text
       shaper).

    Apply it once to each string taken from the data (outlet names, terms, actors), before it is combined
    with the chart's own words: reordering is not idempotent.
    """
    if text.isascii():
        return text
    kept = "".join(c for c in text if not _invisible(c))
    drawable = _drawable(weight)
    substitute = SUBSTITUTE if ord(SUBSTITUTE) in drawable else "?"
    shown = "".join(
        c if ord(c) in drawable or c.isspace() or unicodedata.category(c) == "Cc" else substitute for c in kept
    )
    if not any(unicodedata.bidirectional(c) in _RTL for c in shown):
        return shown
    if _matplotlib_orders_bidi():
        return _LRM + shown
    return "\n".join(visual_order(line) for line in shown.split("\n"))


def _invisible(ch: str) -> bool:
    cp = ord(ch)
    return unicodedata.category(ch) == "Cf" or 0xFE00 <= cp <= 0xFE0F or 0xE0100 <= cp <= 0xE01EF


def _drawable(weight: str) -> frozenset[int]:
    """Code points that some font of the current ``font.family``, in ``weight``, has."""
    from matplotlib import font_manager

    paths = []
    for family in font_manager.FontProperties().get_family():
        prop = font_manager.FontProperties(family=family, weight=weight)
        try:
            paths.append(font_manager.findfont(prop, fallback_to_default=False))
        except ValueError:
            continue
    if not paths:
        paths.append(font_manager.findfont(font_manager.FontProperties(weight=weight)))
    return _charmaps(tuple(paths))


@functools.lru_cache(maxsize=16)
def _charmaps(paths: tuple) -> frozenset[int]:
    from matplotlib import font_manager

    out: set[int] = set()
    for path in paths:
        out.update(font_manager.get_font(path).get_charmap())
    return frozenset(out)


@functools.lru_cache(maxsize=1)
def _matplotlib_orders_bidi() -> bool:
    """True when matplotlib lays out right-to-left text itself.

    Asked of matplotlib, not of its version number: the outline of ALEF BET is compared with that of ALEF.
    Laid out in stored order, the alef comes first in both; laid out by the bidirectional algorithm, the
    bet comes first (leftmost) in the pair.
    """
    import numpy as np
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextPath

    prop = FontProperties(family=HOUSE_FONT)
    alef = TextPath((0, 0), "\u05d0", prop=prop).vertices
    pair = TextPath((0, 0), "\u05d0\u05d1", prop=prop).vertices
    return not (len(pair) >= len(alef) and np.allclose(pair[: len(alef)], alef))


def visual_order(line: str) -> str:
    """Reorder one line of text from stored order to display order, left to right.

    The Unicode Bidirectional Algorithm (UAX #9) for a left-to-right paragraph, which a chart label is:
    rules W1-W7 resolve the types of numbers, separators and combining marks, N1-N2 give neutral characters
    (spaces, punctuation) the direction of the text on both sides of them, or left-to-right; I1 sets the
    levels (right-to-left letters 1, numbers 2), L1 puts trailing spaces back at level 0, L2 reverses every
    run at each level from the highest down to 1, and L4 mirrors brackets inside right-to-left runs.
    Explicit embeddings and isolates are not handled: labels have none once invisible characters are
    dropped (:func:`chart_text`).  "Al Jazeera عربي" becomes "Al Jazeera يبرع" and "הארץ 2024" becomes
    "2024 ץראה", as a bidirectional renderer would draw them.
    """
    n = len(line)
    types = [unicodedata.bidirectional(c) or "L" for c in line]
    prev = "L"  # W1: a combining mark takes the type of the character before it
    for i, t in enumerate(types):
        if t == "NSM":
            types[i] = prev
        prev = types[i]
    strong = "L"  # W2: European digits after Arabic letters are Arabic numbers; W3: AL is R
    for i, t in enumerate(types):
        if t in ("L", "R", "AL"):
            strong = t
        elif t == "EN" and strong == "AL":
            types[i] = "AN"
    types = ["R" if t == "AL" else t for t in types]
    for i in range(1, n - 1):  # W4: one separator between two numbers of a kind joins them
        if types[i - 1] == types[i + 1] and (
            (types[i] == "ES" and types[i - 1] == "EN") or (types[i] == "CS" and types[i - 1] in ("EN", "AN"))
        ):
            types[i] = types[i - 1]
    for start, end in _runs(types, {"ET"}):  # W5: currency and percent signs next to digits
        if (start > 0 and types[start - 1] == "EN") or (end < n and types[end] == "EN"):
            types[start:end] = ["EN"] * (end - start)
    types = ["ON" if t in ("ES", "ET", "CS") else t for t in types]  # W6
    strong = "L"  # W7: digits in left-to-right text are left-to-right
    for i, t in enumerate(types):
        if t in ("L", "R"):
            strong = t
        elif t == "EN" and strong == "L":
            types[i] = "L"
    for start, end in _runs(types, {"B", "S", "WS", "ON", "BN"}):  # N1, N2
        before = "R" if start > 0 and types[start - 1] in ("R", "EN", "AN") else "L"
        after = "R" if end < n and types[end] in ("R", "EN", "AN") else "L"
        types[start:end] = [before if before == after else "L"] * (end - start)
    levels = [0 if t == "L" else 1 if t == "R" else 2 for t in types]  # I1
    k = n
    while k > 0 and line[k - 1].isspace():  # L1
        levels[k - 1] = 0
        k -= 1
    chars = [_MIRROR.get(c, c) if lv % 2 else c for c, lv in zip(line, levels)]  # L4
    for level in range(max(levels, default=0), 0, -1):  # L2
        for start, end in _runs(levels, None, at_least=level):
            chars[start:end] = chars[start:end][::-1]
            levels[start:end] = levels[start:end][::-1]
    return "".join(chars)


def _runs(values: list, members: set | None, *, at_least: int = 0) -> list[tuple[int, int]]:
    """Maximal ``[start, end)`` runs of ``values`` in ``members`` (or, with ``members=None``, >= ``at_least``)."""
    out = []
    start = None
    for i, v in enumerate([*values, None]):
        inside = v is not None and (v in members if members is not None else v >= at_least)
        if inside and start is None:
            start = i
        elif not inside and start is not None:
            out.append((start, i))
            start = None
    return out
