"""readouts helpers: load diplomatic call readouts into tidy frames and analyse who said what.

`Corpus` and `load_corpus` are imported with the package; the analysis helpers are imported
on first use (PEP 562), so `import helpers` or `from helpers import load_corpus` does not pay
for NLTK's collocations, scikit-learn's NMF or SciPy's statistics. `from helpers import
frequencies` (and every other name in `__all__`) works as before.
"""
from __future__ import annotations

from importlib import import_module

from .corpus import Corpus, load_corpus

__version__ = "0.1.0"

# exported name -> the submodule that defines it, imported when the name is first asked for
_LAZY = {
    **dict.fromkeys(["frequencies", "collocations", "kwic", "tfidf", "dispersion", "with_metadata"], "keywords"),
    **dict.fromkeys(["code_themes", "load_dictionary", "theme_shares", "topics"], "themes"),
    **dict.fromkeys(["weighted_log_odds", "log_odds_ratio", "keyness", "speaker_profile"], "compare"),
    **dict.fromkeys(["term_explorer", "table"], "explore"),
    **dict.fromkeys(["compound", "term_flags"], "terms"),
    **dict.fromkeys(["dfm", "in_window", "window_keyness"], "features"),
    "audit": "audit",
    **dict.fromkeys(["find_pairs", "align", "pair_themes", "publisher_terms", "publisher_themes", "publisher_credits"], "pairs"),
}

__all__ = ["Corpus", "load_corpus", *_LAZY]


_SUBMODULES = {"keywords", "themes", "compare", "terms", "features", "pairs"}  # were attributes of the package once it was imported


def __getattr__(name: str):
    if name in _SUBMODULES:
        return import_module(f".{name}", __name__)
    if name in _LAZY:
        value = getattr(import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value  # later look-ups skip this function
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
