"""readouts helpers: load diplomatic call readouts into tidy frames and analyse who said what."""
from .corpus import Corpus, load_corpus

__all__ = ["Corpus", "load_corpus"]
__version__ = "0.1.0"
