"""Saved web pages: the article text and the metadata of an HTML file.

A page saved from a browser holds menus, scripts, related-story boxes and
comment widgets around the article.  :func:`extract_page` takes the main text
out with trafilatura (Barbaresi 2021), which scores the blocks of the page and
keeps the article's paragraphs, and reads the page's metadata: the title, the
site name (``og:site_name``, or the publisher of the page's JSON-LD), the
canonical address and the publication date (htmldate, from the page's
markup only: meta tags, JSON-LD, ``<time>`` elements and the address; a date
that merely appears in the text, such as a copyright year, is not taken).

The extracted text then goes through the suite's own line rules
(:mod:`framing.load.cleaning`) like any pasted page, so captions, bylines and
teasers that the extraction kept are still told apart from the article.

Offsets
-------
Every offset of an HTML article refers to :attr:`WebPage.text`, which
:func:`framing.load.corpus.load_corpus` keeps as the article's text
(``Corpus.texts``): one paragraph per line, paragraphs separated by an empty
line, entities decoded, ending with a newline.  The markup itself is not
article text, so no offset points into it.

Reference
---------
Barbaresi, A. (2021). Trafilatura: A web scraping library and command-line
tool for text discovery and extraction. *Proceedings of ACL-IJCNLP 2021:
System Demonstrations*, 122-131.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: File names that are read as saved web pages.
HTML_SUFFIXES = (".html", ".htm", ".xhtml")

#: Elements whose content a browser never shows as page text; trafilatura keeps ``<template>``, so it is pruned.
_HIDDEN_XPATH = ["//template"]

#: What separates a site name from the page title in ``<title>`` ("Ferry strike halts crossings | Gazette").
_TITLE_SEPARATORS = ("|", "-", "\u2013", "\u2014", ":", "\u00b7", "\u2022", "::", "/")


@dataclass(frozen=True)
class WebPage:
    """The article of a saved web page.

    Attributes
    ----------
    text : str
        The article text: the page's title line (when the extracted text does
        not already hold it) and the main text, one paragraph per line with
        an empty line between paragraphs, ending with a newline; "" when the
        page has no article text.
    title : str
        The page title, without the site name that often follows it.
    published : str
        The publication date as ``YYYY-MM-DD``, or "".
    site_name : str
        The site's own name (``og:site_name``, the JSON-LD publisher), or "".
    url : str
        The page's canonical address, or "".
    """

    text: str
    title: str = ""
    published: str = ""
    site_name: str = ""
    url: str = ""


def is_html(name: str, text: str) -> bool:
    """True for a saved web page: an ``.html``/``.htm``/``.xhtml`` name, or text opening with ``<!DOCTYPE html`` or
    ``<html``."""
    head = text.lstrip("\ufeff \t\r\n")[:32].lower()
    return name.lower().endswith(HTML_SUFFIXES) or head.startswith(("<!doctype html", "<html"))


_CHARSET_RE = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def declared_charset(data: bytes) -> str:
    """The character set a page declares in its first 4 kB (``<meta charset="windows-1251">`` or the
    ``http-equiv`` form), lower-cased; "" when it declares none."""
    m = _CHARSET_RE.search(data[:4096])
    return m.group(1).decode("ascii").lower() if m else ""


def extract_page(markup: str, *, url: str = "") -> WebPage:
    """The article text and metadata of the saved web page ``markup``.

    Parameters
    ----------
    markup : str
        The page's HTML, decoded.
    url : str
        Where the page was captured from, if known (``articles.csv``'s ``url``); it helps find the date.

    Returns
    -------
    WebPage
        ``text`` is "" when the page holds no article text (a page that loads its text by script, an
        image gallery, a front page).
    """
    import trafilatura

    if not markup.strip():
        return WebPage("")
    try:
        doc = trafilatura.bare_extraction(
            markup, url=url or None, include_comments=False, include_tables=True, with_metadata=True,
            prune_xpath=_HIDDEN_XPATH,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except (ValueError, TypeError, AttributeError):  # markup lxml cannot build a tree from
        doc = None
    if doc is None:
        return WebPage("")
    site = _clean(doc.sitename)
    title = strip_site_name(_clean(doc.title), site)
    lines = [ln for ln in (_clean(x) for x in (doc.text or "").splitlines()) if ln]
    if lines and title and _key(title) not in {_key(ln) for ln in lines}:
        lines.insert(0, title)
    text = "\n\n".join(lines) + "\n" if lines else ""
    published = doc.date or ""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", published):
        published = ""
    return WebPage(text, title, published, site, _clean(doc.url))


def strip_site_name(title: str, site: str) -> str:
    """``title`` without a site name that opens or closes it after a separator.

    ``"Ferry strike halts crossings | Harbour Gazette"`` -> ``"Ferry strike halts crossings"`` when the site is
    Harbour Gazette; a title that is only the site name, or that names the site inside a sentence, is kept.
    """
    if not title or not site:
        return title
    low, name = title.casefold(), site.casefold()
    for sep in _TITLE_SEPARATORS:
        tail = f" {sep} {name}"
        if low.endswith(tail) and len(title) > len(tail):
            return title[: -len(tail)].strip()
        head = f"{name} {sep} "
        if low.startswith(head) and len(title) > len(head):
            return title[len(head):].strip()
    return title


def _clean(value: object) -> str:
    return " ".join(str(value).split()) if value else ""


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()
