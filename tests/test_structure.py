"""The house's structure (issue: publisher styles as data): imports run one way, no module borrows another's
private names, and no vocabulary is typed into Python: word lists live in the lexicon's tables under data/."""
from __future__ import annotations

import ast
import re
from pathlib import Path

from helpers.lexicon import default_lexicon

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "helpers"
# The lexicon loader, and the frames' schema: the one place that states the frames' columns and their categories
# (roles, event types), which are the project's contract rather than words the rules look for.
EXEMPT = {"lexicon.py", "schema.py"}


def _modules() -> dict[str, ast.Module]:
    return {path.stem: ast.parse(path.read_text(encoding="utf-8"), str(path)) for path in sorted(PACKAGE.glob("*.py"))}


def _imports(tree: ast.Module) -> list[tuple[str, list[str]]]:
    """(module imported from within the package, names imported) for every relative import, at any depth."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                found.append((node.module.split(".")[0], [alias.name for alias in node.names]))
            else:  # "from . import schema"
                found.extend((alias.name, []) for alias in node.names)
    return found


def test_no_module_imports_a_private_name_from_another():
    offenders = [f"{name}: from .{module} import {imported}"
                 for name, tree in _modules().items() for module, names in _imports(tree)
                 for imported in names if imported.startswith("_")]
    assert offenders == []


def test_no_import_cycle():
    graph = {name: {module for module, _ in _imports(tree)} for name, tree in _modules().items()}
    graph.pop("__init__", None)  # the package's front door imports from its modules, lazily for most
    graph.pop("__main__", None)
    seen: dict[str, str] = {}

    def visit(node: str, path: list[str]) -> list[str] | None:
        seen[node] = "open"
        for nxt in sorted(graph.get(node, ())):
            if seen.get(nxt) == "open":
                return path + [nxt]
            if nxt not in seen and (cycle := visit(nxt, path + [nxt])):
                return cycle
        seen[node] = "done"
        return None

    cycles = [cycle for start in sorted(graph) if start not in seen and (cycle := visit(start, [start]))]
    assert cycles == []


def test_the_check_finds_a_cycle_and_a_private_import(tmp_path, monkeypatch):
    """The two checks above can fail: a package with a circle and a borrowed private name is caught."""
    (tmp_path / "a.py").write_text("from .b import _secret\n")
    (tmp_path / "b.py").write_text("from .a import thing\n")
    monkeypatch.setattr(__import__(__name__), "PACKAGE", tmp_path)
    try:
        test_no_module_imports_a_private_name_from_another()
    except AssertionError:
        pass
    else:
        raise AssertionError("a private import went unnoticed")
    try:
        test_no_import_cycle()
    except AssertionError:
        pass
    else:
        raise AssertionError("an import cycle went unnoticed")


# --- no word lists in code --------------------------------------------------------------------------------------

# Three or more alternatives of two or more letters each in a regular expression: "(?:Phone|Telephone|Video)".
_ALTERNATION = re.compile(r"(?<![\w\\])[A-Za-z][A-Za-z'’-]+(?:\|[A-Za-z][A-Za-z'’-]+){2,}(?![\w])")


def _vocabulary() -> set[str]:
    """Every word in the columns of the lexicon's tables that list words or phrases (not their kinds, settings or
    notes), lower-cased: what a word list in code would duplicate or extend."""
    lexicon = default_lexicon()
    words: set[str] = set()
    for name in lexicon.tables:
        table = lexicon.table(name)
        for column in set(table.columns) & _WORD_COLUMNS:
            for value in table[column]:
                words.update(w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'’.-]*", value))
    return words


_WORD_COLUMNS = {"word", "phrase", "title", "form", "lemma", "alias", "canonical", "country", "demonyms", "aliases",
                 "region", "abbreviation", "name", "pronoun", "short", "full"}


def _names_in_code(trees: dict[str, ast.Module]) -> set[str]:
    """Strings the code uses as names: column and key names (`frame["speaker"]`, `row.get("title")`) and exports."""
    names = set()
    for tree in trees.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant) and isinstance(node.slice.value, str):
                names.add(node.slice.value)
            elif isinstance(node, ast.Call) and getattr(node.func, "attr", "") in ("get", "pop") and node.args \
                    and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                names.add(node.args[0].value)
            elif isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "columns" for t in node.targets) \
                    and isinstance(node.value, ast.List):  # `columns = [...]`: the names of a frame's columns
                names.update(e.value for e in node.value.elts if isinstance(e, ast.Constant) and isinstance(e.value, str))
    return names


def _docstrings(tree: ast.Module) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
                ids.add(id(first.value))
    return ids


def word_lists(trees: dict[str, ast.Module], vocabulary: set[str]) -> list[str]:
    """Places in code that hold a word list: a regex alternation of three or more words, or a list, set, tuple or
    dict literal of three or more strings of which one is a word of the lexicon's tables or a capitalised word.
    Strings that are names in code (column names, option values, file names with an underscore) are no vocabulary."""
    found = []
    in_code = _names_in_code(trees)
    for name, tree in trees.items():
        if f"{name}.py" in EXEMPT:
            continue
        docstrings = _docstrings(tree)
        exported = {id(node.value) for node in ast.walk(tree) if isinstance(node, ast.Assign)
                    and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                for match in _ALTERNATION.finditer(node.value):
                    found.append(f"{name}.py:{node.lineno}: alternation {match.group()!r}")
            elif isinstance(node, (ast.List, ast.Set, ast.Tuple, ast.Dict)) and id(node) not in exported:
                items = node.keys if isinstance(node, ast.Dict) else node.elts
                strings = [i.value for i in items if isinstance(i, ast.Constant) and isinstance(i.value, str)]
                words = [s for s in strings if re.fullmatch(r"[A-Za-z][A-Za-z' .’-]*", s) and s not in in_code]
                if len(words) >= 3 and any(w.lower() in vocabulary or w[:1].isupper() for w in words):
                    found.append(f"{name}.py:{node.lineno}: word list {words[:6]}")
    return found


def test_no_word_list_in_code():
    assert word_lists(_modules(), _vocabulary()) == []


def test_the_word_list_check_finds_word_lists():
    """The guard can fail: typed-in vocabulary of either kind is found, names in code are not."""
    code = ast.parse('import re\nMONTHS = ["january", "february", "march"]\nEVENT = re.compile(r"(?:Phone|Telephone|Video)\\s+Call")\n'
                     'COLUMNS = ["doc_id", "sent_id", "token_id"]\n')
    found = word_lists({"example": code}, {"january", "march"})
    assert len(found) == 2 and "MONTHS" not in found[0] and "january" in found[0] and "Phone|Telephone|Video" in found[1]
