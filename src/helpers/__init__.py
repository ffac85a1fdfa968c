"""readouts helpers: load diplomatic call readouts into tidy frames and analyse who said what."""
from .corpus import Corpus, load_corpus

__all__ = ["Corpus", "load_corpus"]
__version__ = "0.1.0"
from .keywords import collocations, dispersion, frequencies, kwic, tfidf, with_metadata
from .themes import code_themes, load_dictionary, theme_shares, topics
from .compare import keyness, log_odds_ratio, speaker_profile, weighted_log_odds
__all__ += ["frequencies", "collocations", "kwic", "tfidf", "dispersion", "with_metadata", "code_themes",
            "load_dictionary", "theme_shares", "topics", "weighted_log_odds", "log_odds_ratio", "keyness", "speaker_profile"]
