"""Bad input: every file ends up loaded or reported with a reason, never silently dropped."""
import codecs
import json
import warnings

import pytest

from helpers import load_corpus
from helpers.readers import ReadError

READOUT = (
    "Premier Li Speaks with Portuguese Prime Minister António Costa on the Phone\n\n"
    "On the afternoon of March 3, 2022, Premier Li Keqiang spoke with Portuguese Prime Minister António Costa.\n\n"
    "Li Keqiang said that the two countries enjoy a sound relationship. He hoped both sides would deepen trade.\n"
)


def other_readout(n: int) -> str:
    """A distinct readout: a dozen words of its own, so that it is no near-duplicate of another."""
    own = " ".join(f"item{n}x{k}" for k in range(12))
    return READOUT.replace("sound relationship", f"sound relationship (variant {n}) and reviewed {own}")


@pytest.fixture
def bad_folder(tmp_path):
    """One file per case; the expected outcome is in its name."""
    files = {
        "ok_plain.txt": other_readout(1).encode("utf-8"),
        "ok_bom_utf8.txt": codecs.BOM_UTF8 + other_readout(2).encode("utf-8"),
        "ok_utf16.txt": other_readout(3).encode("utf-16"),  # Python writes the BOM
        "ok_cp1252.txt": other_readout(4).replace("sound", "sound “warm”").encode("cp1252"),
        "ok_crlf.txt": other_readout(5).replace("\n", "\r\n").encode("utf-8"),
        "bad_empty.txt": b"",
        "bad_whitespace.txt": b"  \n\t\n   \n",
        "bad_binary.txt": bytes(range(256)) * 4,
        "bad_yaml.md": b"---\ntitle: [unclosed\ndate: 2021-01-01\n---\nBody text here.\n",
        "bad_no_headline.txt": b"The President spoke with the Prime Minister today and they discussed trade. They agreed to meet.\n",
        "ok_plain_copy.txt": other_readout(1).encode("utf-8"),
        "README.md": b"# not a readout, passed over\n",
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    return tmp_path


def test_each_bad_file_is_reported_and_each_good_one_loaded(bad_folder):
    with pytest.warns(UserWarning, match=r"6 of 11 input files"):
        corpus = load_corpus(bad_folder)
    loaded = set(corpus.documents["doc_id"])
    assert loaded == {"ok_plain", "ok_bom_utf8", "ok_utf16", "ok_cp1252", "ok_crlf"}
    reasons = {p.split("/")[-1]: r for p, r in zip(corpus.problems["path"], corpus.problems["reason"])}
    assert set(reasons) == {"bad_empty.txt", "bad_whitespace.txt", "bad_binary.txt", "bad_yaml.md", "bad_no_headline.txt", "ok_plain_copy.txt"}
    assert "empty" in reasons["bad_empty.txt"]
    assert "whitespace" in reasons["bad_whitespace.txt"]
    assert "binary" in reasons["bad_binary.txt"]
    assert "YAML" in reasons["bad_yaml.md"]
    assert "headline" in reasons["bad_no_headline.txt"]
    assert "duplicate" in reasons["ok_plain_copy.txt"] and "ok_plain.txt" in reasons["ok_plain_copy.txt"]  # the first in path order is kept


def test_decoded_text_is_right_whatever_the_encoding(bad_folder):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = load_corpus(bad_folder)
    texts = dict(zip(corpus.documents["doc_id"], corpus.documents["text"]))
    assert "“warm”" in texts["ok_cp1252"]
    for doc_id in ("ok_bom_utf8", "ok_utf16", "ok_crlf"):
        assert texts[doc_id].startswith("On the afternoon of March 3, 2022")
        assert "\r" not in texts[doc_id] and "\ufeff" not in texts[doc_id]
    assert set(corpus.documents["host"]) == {"Li Keqiang"}
    assert set(corpus.documents["counterpart_country"]) == {"Portugal"}


def test_strict_raises_at_first_problem_naming_the_file(bad_folder):
    with pytest.raises(ReadError) as raised:
        load_corpus(bad_folder, strict=True)
    assert str(bad_folder) in str(raised.value)
    assert raised.value.reason


def test_missing_path_is_a_clear_file_not_found(tmp_path):
    with pytest.raises(FileNotFoundError, match="no_such_folder"):
        load_corpus(tmp_path / "no_such_folder")


def test_tables_one_readout_per_row(tmp_path):
    (tmp_path / "calls.csv").write_text(
        'id,title,date,url,text\n'
        f'a1,"Premier Li Speaks with Portuguese Prime Minister António Costa on the Phone",2022-03-03,https://example.org/1,"{other_readout(7).split(chr(10), 2)[2]}"\n'
        'a2,"Empty row",2022-03-04,,\n',
        encoding="utf-8",
    )
    rows = [
        {"title": "Xi Jinping Meets with Kenyan President William Ruto", "date": "2023-10-17", "text": "On October 17, 2023, President Xi Jinping met with Kenyan President William Ruto.\n\nXi Jinping noted that China and Kenya are friends."},
        "not an object",
    ]
    (tmp_path / "calls.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n{broken json\n", encoding="utf-8")
    with pytest.warns(UserWarning, match="3 of 2 input files or rows"):
        corpus = load_corpus(tmp_path)
    docs = corpus.documents.set_index("doc_id")
    assert set(docs.index) == {"calls/a1", "calls/1"}
    assert docs.loc["calls/a1", "counterpart_country"] == "Portugal"
    assert docs.loc["calls/a1", "published"].strftime("%Y-%m-%d") == "2022-03-03"
    assert docs.loc["calls/1", "event_type"] == "meeting"
    assert docs.loc["calls/1", "counterparts"] == ["William Ruto"]
    assert docs.loc["calls/1", "counterpart_country"] == "Kenya"
    reasons = " | ".join(corpus.problems["path"] + ": " + corpus.problems["reason"])
    # the empty row starts on line 6: the first row's text spans lines 2-5, and a problem names the line, not the row
    assert "calls.csv:6: empty 'text' field" in reasons
    assert "calls.jsonl:2: a JSON Lines row must be an object" in reasons
    assert "calls.jsonl:3: not valid JSON" in reasons


def test_table_without_text_column_is_reported(tmp_path):
    (tmp_path / "wrong.csv").write_text("title,date\nA,2021-01-01\n", encoding="utf-8")
    with pytest.warns(UserWarning):
        corpus = load_corpus(tmp_path)
    assert "no text column" in corpus.problems["reason"].iloc[0]


def test_yaml_header_is_loaded_safely(tmp_path):
    (tmp_path / "evil.md").write_text("---\ntitle: !!python/object/apply:os.system ['echo owned']\n---\nBody.\n", encoding="utf-8")
    with pytest.warns(UserWarning):
        corpus = load_corpus(tmp_path)
    assert len(corpus.documents) == 0
    assert "YAML" in corpus.problems["reason"].iloc[0]
