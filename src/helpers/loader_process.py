"""Imported by the loader's fork server alone (`corpus._loader_context`), when it starts: builds the default
lexicon's patterns there once, so that every helper process forked from the server starts with them."""
from .corpus import prepare_loader_process

prepare_loader_process()
