"""Folding for matching, with a map back to raw offsets: the one normalisation table.

The raw text is never changed. ``fold(raw)`` returns a ``Folded`` string in which
Persian and Arabic letter variants, digits, diacritics and invisible characters are
unified, and ``Folded.raw_span(i, j)`` maps a folded range back to the raw text.
Lexicon keys are folded with ``fold_key`` so both sides agree.
"""

from __future__ import annotations

import unicodedata
from array import array
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

# Invisible characters, named (spaCy habit): all removed when folding.
ZWNJ = "\u200c"
ZWJ = "\u200d"
LRM = "\u200e"
RLM = "\u200f"
ALM = "\u061c"
BOM = "\ufeff"
SOFT_HYPHEN = "\u00ad"
TATWEEL = "\u0640"
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
INVISIBLE = ZWNJ + ZWJ + LRM + RLM + ALM + BOM + SOFT_HYPHEN + TATWEEL + BIDI_CONTROLS + "\u200b\u2060"

# Letter variants folded to one form (Persian forms are the canonical targets).
LETTERS = {
    "\u064a": "\u06cc",  # ي Arabic yeh -> ی
    "\u0649": "\u06cc",  # ى alef maksura -> ی
    "\u0626": "\u06cc",  # ئ yeh with hamza -> ی (رئیس = رییس)
    "\u06d0": "\u06cc",
    "\u0643": "\u06a9",  # ك Arabic kaf -> ک
    "\u0629": "\u0647",  # ة teh marbuta -> ه
    "\u06c0": "\u0647",  # ۀ heh with yeh -> ه
    "\u06d5": "\u0647",
    "\u0623": "\u0627",  # أ
    "\u0625": "\u0627",  # إ
    "\u0622": "\u0627",  # آ
    "\u0671": "\u0627",  # ٱ
    "\u0624": "\u0648",  # ؤ -> و
    "\u0621": "",  # ء standalone hamza: dropped
    "\u0674": "",
}

# Arabic diacritics (harakat, tanwin, shadda, sukun, superscript alef...): removed.
DIACRITICS = "".join(chr(c) for c in range(0x064B, 0x0660)) + "\u0670" + "".join(
    chr(c) for c in range(0x06D6, 0x06EE)
)

DIGITS = {chr(0x06F0 + i): str(i) for i in range(10)} | {chr(0x0660 + i): str(i) for i in range(10)}

PUNCT = {
    "\u066b": ".",  # Arabic decimal separator
    "\u066c": ",",
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u00ab": '"',  # « »
    "\u00bb": '"',
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u2018": "'",
    "\u2019": "'",
}

SPACES = " \t\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
NEWLINES = "\n\r\u2028\u2029\u0085\x0b\x0c"


@lru_cache(maxsize=4096)
def fold_char(ch: str) -> str:
    """The folded form of one character ("" when it is dropped)."""
    if ch in INVISIBLE or ch in DIACRITICS:
        return ""
    if ch in LETTERS:
        return LETTERS[ch]
    if ch in DIGITS:
        return DIGITS[ch]
    if ch in PUNCT:
        return PUNCT[ch]
    if ch in SPACES:
        return " "
    if ch in NEWLINES:
        return "\n"
    o = ord(ch)
    if 0xFB50 <= o <= 0xFDFF or 0xFE70 <= o <= 0xFEFF:  # Arabic presentation forms
        nfkc = unicodedata.normalize("NFKC", ch)
        if nfkc == ch:  # unassigned or without a decomposition: keep (no endless recursion)
            return ch
        return "".join(fold_char(c) for c in nfkc)
    if o < 0x250:
        return ch.lower()
    return ch


@dataclass(frozen=True, slots=True)
class Folded:
    """Folded text plus, for each folded character, the raw offset it came from."""

    text: str
    index: array[int]  # compact: 8 bytes a character, not a Python int object each
    raw_length: int

    def raw_offset(self, i: int) -> int:
        """Raw offset of folded position ``i`` (``len(text)`` maps to the raw end)."""
        if i >= len(self.index):
            return self.raw_length
        return self.index[i]

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw ``(start, end)`` of the folded half-open range ``[start, end)``."""
        if end <= start:
            pos = self.raw_offset(start)
            return pos, pos
        return self.index[start], self.index[end - 1] + 1

    def folded_offset(self, raw: int) -> int:
        """First folded position whose raw offset is at or after ``raw``."""
        return bisect_left(self.index, raw)


DROPPED = "\x00"  # stands for a character whose fold is not exactly one character


def _one_to_one(ch: str) -> str:
    """The one-character fold of ``ch``, else ``DROPPED`` (removed or expanded)."""
    f = fold_char(ch)
    return f if len(f) == 1 and f != DROPPED else DROPPED


def _build_table() -> list[str]:
    """``str.translate`` table for the Basic Multilingual Plane, indexed by code point.

    Only characters ``fold_char`` can change are computed (Latin-1/Latin Extended, the listed
    tables, Arabic presentation forms); every other entry is the character itself.
    Characters beyond the table raise IndexError, which ``translate`` reads as "unchanged",
    and ``fold_char`` leaves every such character unchanged too.
    """
    table = [chr(o) for o in range(0x10000)]
    special = set(INVISIBLE + DIACRITICS + SPACES + NEWLINES) | set(LETTERS) | set(DIGITS) | set(PUNCT)
    codes = {ord(c) for c in special} | set(range(0x250)) | set(range(0xFB50, 0xFE00)) | set(range(0xFE70, 0xFF00))
    for o in codes:
        table[o] = _one_to_one(chr(o))
    return table


_TABLE = _build_table()
_RUN_CHARS = " " + DROPPED


def _find_all(text: str, needle: str, shift: int, out: list[int]) -> None:
    """Append ``i + shift`` for every occurrence ``i`` of ``needle`` (str.find: fast)."""
    i = text.find(needle)
    while i >= 0:
        out.append(i + shift)
        i = text.find(needle, i + 1)


def _irregular(one: str) -> list[tuple[int, int]]:
    """Stretches the fast path cannot copy as they are: anything dropped or expanded, and
    spaces that collapse (after a space, a newline or at the start), each with the spaces
    and dropped characters that follow it."""
    starts: list[int] = [0] if one.startswith(" ") else []
    _find_all(one, DROPPED, 0, starts)
    _find_all(one, "  ", 0, starts)
    _find_all(one, "\n ", 1, starts)
    starts.sort()
    runs: list[tuple[int, int]] = []
    end = -1
    n = len(one)
    for i in starts:
        if i < end:
            continue
        j = i + 1
        while j < n and one[j] in _RUN_CHARS:
            j += 1
        runs.append((i, j))
        end = j
    return runs


def _fold_run(raw: str, i: int, j: int, offset: int, prev_space: bool, out: list[str], index: list[int]) -> bool:
    """Fold ``raw[i:j]`` character by character (the reference algorithm); returns ``prev_space``."""
    for k in range(i, j):
        f = fold_char(raw[k])
        if not f:
            continue
        if f == " ":
            if prev_space:
                continue
            prev_space = True
        else:
            prev_space = f == "\n"
        out.append(f)
        index.extend([k + offset] * len(f))
    return prev_space


def fold(raw: str, start: int = 0, end: int | None = None) -> Folded:
    """Fold ``raw[start:end]`` for matching; runs of spaces collapse to one."""
    stop = len(raw) if end is None else end
    part = raw[start:stop]
    one = part.translate(_TABLE)
    out: list[str] = []
    index: list[int] = []
    prev_space = True
    pos = 0
    for i, j in _irregular(one):
        if i > pos:
            out.append(one[pos:i])
            index.extend(range(pos + start, i + start))
            prev_space = one[i - 1] in " \n"
        prev_space = _fold_run(part, i, j, start, prev_space, out, index)
        pos = j
    if pos < len(one):
        out.append(one[pos:])
        index.extend(range(pos + start, len(one) + start))
    text = "".join(out)
    while text.endswith(" "):
        text = text[:-1]
        index.pop()
    return Folded(text, array("q", index), len(raw) if end is None else stop)


def fold_key(s: str) -> str:
    """Fold a lexicon key the same way text is folded (no offsets needed)."""
    return fold(s.strip()).text


def is_word_char(ch: str) -> bool:
    """True for letters, marks and digits: what a match must not be glued to."""
    if not ch:
        return False
    cat = unicodedata.category(ch)
    return cat[0] in "LMN"


def at_word_boundary(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is not glued to word characters on either side."""
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    return not is_word_char(before) and not is_word_char(after)


def space_variants(key: str, limit: int = 16) -> list[str]:
    """A folded key and its variants with inner spaces dropped (ZWNJ-less writing).

    "رئیس جمهوری" also matches "رئیسجمهوری"; at most ``limit`` variants.
    """
    parts = key.split(" ")
    if len(parts) == 1:
        return [key]
    gaps = len(parts) - 1
    out: list[str] = []
    for mask in range(1 << gaps):
        s = parts[0]
        for g in range(gaps):
            s += ("" if mask >> g & 1 else " ") + parts[g + 1]
        out.append(s)
        if len(out) >= limit:
            break
    return out
