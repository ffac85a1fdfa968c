"""Cleaning: a raw body becomes the document's `text`, paragraphs separated by a blank line.

All offsets in the sentence and token frames index this cleaned text. Cleaning
undoes the publishing format only (hard wraps, Markdown markup and escapes,
non-breaking spaces, the closing `###`); it never rewrites words.
"""
from __future__ import annotations

import re

PARAGRAPH_BREAK = "\n\n"

_MD_LINK = re.compile(r"!?\[([^\]\n]*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)")
_MD_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")  # CommonMark: any ASCII punctuation may be escaped
_MD_EMPHASIS = re.compile(r"(?<![\w*])(\*{1,3}|_{1,3})(?=\S)(.+?)(?<=\S)\1(?![\w*])")
_MD_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:[^\S\n][^<>\n]*)?/?>")
_MD_STRAY_EMPHASIS = re.compile(r"(?<!\\)\*{2,}|(?<![\w\\])_{2,}(?!\w)")
_MD_HEADING = re.compile(r"^[^\S\n]{0,3}#{1,6}[^\S\n]+", re.MULTILINE)
# The closing "###" in its many spellings: "\\###", "*\\###*", "***\\###***", "\\###[]()", repeated.
_MD_CLOSING = re.compile(r"(?:(?<=\s)|^)(?:[*_]*\\?#{3}[*_]*(?:\[\]\(\))?\s*)+\Z")
_LIST_ITEM = re.compile(r"^\s{0,3}(?:[-*+•]|\d{1,3}[.)])\s+(?=\S)")
# Whitespace that str.split() knows but readers' eyes do not: zero-width and BOM.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


# (pattern, replacement, substrings one of which must be there for the pattern to match), applied in this order.
_MARKUP = (
    (_MD_HEADING, "", ("#",)),
    (_MD_AUTOLINK, r"\1", ("<",)),
    (_HTML_TAG, "", ("<",)),
    (_MD_LINK, r"\1", ("](",)),
    (_MD_EMPHASIS, r"\2", ("*", "_")),
    (_MD_STRAY_EMPHASIS, "", ("**", "__")),
    (_MD_ESCAPE, r"\1", ("\\",)),
)


def clean_body(body: str, *, markdown: bool) -> str:
    """The cleaned text of a raw body: one paragraph per block, lines joined, spaces collapsed."""
    body = _INVISIBLE.sub("", body)
    if markdown:  # the closing mark sits in the last few lines; searching only there keeps this cheap
        closing = _MD_CLOSING.search(body, max(0, len(body) - 200))
        body = body[: closing.start()] if closing else body
    text = PARAGRAPH_BREAK.join(p for p in map(_one_line, _blocks(body, markdown=markdown)) if p)
    if markdown:  # once over the whole text: no markup crosses a paragraph break
        changed = 0
        for pattern, replacement, signs in _MARKUP:
            if any(sign in text for sign in signs):  # most readouts carry little markup: skip the patterns that cannot match
                text, count = pattern.subn(replacement, text)
                changed += count
        if changed:  # removing markup may leave double spaces or empty paragraphs
            text = PARAGRAPH_BREAK.join(p for p in map(_one_line, text.split(PARAGRAPH_BREAK)) if p)
    return text


def _one_line(block: str) -> str:
    """A block's words joined by single spaces: line breaks and runs of any whitespace (as str.isspace sees it) become one space."""
    return " ".join(block.split())


def _blocks(body: str, *, markdown: bool) -> list[str]:
    """Paragraph blocks: split at blank lines, and before each list item in Markdown."""
    blocks: list[list[str]] = [[]]
    for line in body.split("\n"):
        if not line.strip():
            blocks.append([])
            continue
        if markdown and _LIST_ITEM.match(line):
            blocks.append([_LIST_ITEM.sub("", line, count=1)])
            continue
        if markdown and _MD_HEADING.match(line):
            blocks.extend([[line], []])
            continue
        blocks[-1].append(line)
    return ["\n".join(lines) for lines in blocks if lines]


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph of a cleaned text."""
    spans, start = [], 0
    for part in text.split(PARAGRAPH_BREAK):
        spans.append((start, start + len(part)))
        start += len(part) + len(PARAGRAPH_BREAK)
    return [span for span in spans if span[1] > span[0]]
