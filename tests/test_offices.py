"""Readouts that name their principal by office alone, or in the principal's own voice: who held the office that day
(data/leaders.csv), whose government a web address is (data/country_domains.csv), a spokesperson's statement quoted
whole and quotations given to someone named before them. The readouts here were written for these tests in the forms
of No. 10, the Élysée and the Australian Prime Minister's office; the leaders are real, the calls invented."""
from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd

from helpers import load_corpus
from helpers.lexicon import default_lexicon
from helpers.offices import country_of_url, leader, leader_named


def _load(folder: Path, readouts: dict[str, tuple[str, str, str, str]]):
    for name, (title, date, url, body) in readouts.items():
        (folder / f"{name}.md").write_text(f"---\ntitle: \"{title}\"\ndate: {date}\nsource_url: {url}\n---\n\n{body}\n",
                                           encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_corpus(folder, cache=False)


def _roles(corpus, doc_id: str) -> list[tuple[str, str]]:
    sentences = corpus.sentences[corpus.sentences["doc_id"] == doc_id]
    return list(zip(sentences["role"].astype(str), sentences["speaker"].astype(str)))


def test_who_held_an_office_that_day():
    lexicon = default_lexicon()
    assert leader(lexicon, "United Kingdom", "2022-10-01", title="Prime Minister") == "Liz Truss"
    assert leader(lexicon, "United Kingdom", "2024-10-03", title="PM") == "Keir Starmer"  # a short form of the title
    assert leader(lexicon, "France", "2024-10-03", title="President of the Republic") == "Emmanuel Macron"
    assert leader(lexicon, "United States", "2022-01-01", title="Vice President") == ""  # not the office listed
    assert leader(lexicon, "Australia", "2023-06-14") == "Anthony Albanese"  # no title: the head of government
    assert leader(lexicon, "Atlantis", "2023-06-14") == ""
    assert leader_named(lexicon, "Macron", "2024-10-03", title="President") == ("Emmanuel Macron", "France")
    assert leader_named(lexicon, "Kishida", "2025-01-01", title="Prime Minister") is None  # no longer in office
    assert country_of_url(lexicon, "https://www.pm.gov.au/media/x") == "Australia"
    assert country_of_url(lexicon, "https://www.gov.uk/government/news/pm-call") == "United Kingdom"
    assert country_of_url(lexicon, "https://bidenwhitehouse.archives.gov/briefing-room/x") == "United States"
    assert country_of_url(lexicon, "") == ""


def test_a_principal_named_by_office_alone_is_the_office_holder_of_that_day(tmp_path):
    """Fails on the loader before the leaders table: No. 10's host was "", its counterpart the bare "Macron" of no
    country, and the Élysée's host country was the counterpart's (the United Kingdom)."""
    corpus = _load(tmp_path, {
        "no10": ("PM call with President Macron: 3 October 2024", "2024-10-03",
                 "https://www.gov.uk/government/news/pm-call-with-president-macron-3-october-2024",
                 "The Prime Minister spoke to President Macron this afternoon.\n\n"
                 "The Prime Minister said that further escalation was in nobody's interest."),
        "elysee": ("Telephone conversation between the President of the Republic and Keir Starmer, Prime Minister of "
                   "the United Kingdom", "2024-10-03", "https://www.elysee.fr/en/emmanuel-macron/2024/10/03/call",
                   "The President of the Republic spoke this afternoon with the Prime Minister of the United Kingdom, "
                   "Keir Starmer.\n\nThe President of the Republic expressed his concern about the risk of escalation."),
    })
    docs = corpus.documents.set_index("doc_id")
    assert docs.at["no10", "host"] == "Keir Starmer" and docs.at["no10", "host_country"] == "United Kingdom"
    assert list(docs.at["no10", "counterparts"]) == ["Emmanuel Macron"] and docs.at["no10", "counterpart_country"] == "France"
    assert docs.at["elysee", "host"] == "Emmanuel Macron" and docs.at["elysee", "host_country"] == "France"
    assert list(docs.at["elysee", "counterparts"]) == ["Keir Starmer"] and docs.at["elysee", "counterpart_country"] == "United Kingdom"
    assert _roles(corpus, "no10")[1] == ("host", "Keir Starmer")
    assert _roles(corpus, "elysee")[1] == ("host", "Emmanuel Macron")
    # and the two accounts, each naming only the other's leader, are one event
    assert docs.at["no10", "event_id"] == docs.at["elysee", "event_id"]


def test_a_readout_in_the_principal_s_own_voice(tmp_path):
    """Fails on the loader before first-person readouts were read: the host was "I" (then ""), "I raised" was
    credited to "I", "Prime Minister X and I" was read as narrator and the quotations as the publisher's."""
    corpus = _load(tmp_path, {"au": (
        "Meeting with Prime Minister Kishida of Japan", "2023-11-17", "https://www.pm.gov.au/media/meeting-kishida",
        "Today I met with Prime Minister Fumio Kishida on the sidelines of the APEC meeting.\n\n"
        "I raised the opportunities for Australia to supply critical minerals.\n\n"
        "Prime Minister Kishida and I discussed the strategic circumstances in our region.\n\n"
        "Quotes attributable to Prime Minister Anthony Albanese:\n\n"
        "\"Australia and Japan are natural partners.\"")})
    document = corpus.documents.iloc[0]
    assert document["host"] == "Anthony Albanese" and document["host_country"] == "Australia"
    assert list(document["counterparts"]) == ["Fumio Kishida"]
    assert _roles(corpus, "au") == [("narrator", ""), ("host", "Anthony Albanese"), ("joint", ""), ("narrator", ""),
                                    ("host", "Anthony Albanese")]


def test_an_i_quoted_from_someone_else_is_not_the_principal(tmp_path):
    """A readout not written in the first person: an "I" inside a guest's quotation is no host."""
    corpus = _load(tmp_path, {"wh": (
        "Readout of the President's Call with Governor Walz", "2023-01-05",
        "https://www.whitehouse.gov/briefing-room/statements-releases/2023/01/05/call/",
        "Today, President Biden spoke with Governor Tim Walz about home heating costs.\n\n"
        "I am grateful to our federal partners for their help.")})
    assert _roles(corpus, "wh")[1][0] != "host"


def test_a_spokesperson_s_statement_quoted_whole_is_the_readout(tmp_path):
    """Fails on the loader that read "A Downing Street spokesperson said:" as a speaker of its own (`other`) and the
    quotation after it as theirs, or as the publisher's statements, the opening quotation mark hiding each subject."""
    corpus = _load(tmp_path, {"no10": (
        "PM call with Chancellor Scholz: 4 December 2024", "2024-12-04",
        "https://www.gov.uk/government/news/pm-call-with-chancellor-scholz-4-december-2024",
        "A Downing Street spokesperson said:\n\n"
        "\"The Prime Minister spoke to Chancellor Scholz this afternoon.\n\n"
        "\"The Prime Minister updated the Chancellor on the UK's support for Ukraine. "
        "The leaders agreed to speak again soon.\"")})
    assert _roles(corpus, "no10") == [("narrator", ""), ("narrator", ""), ("host", "Keir Starmer"), ("joint", "")]


def test_the_subject_of_an_opening_behind_a_relative_clause():
    """Fails on the framing before relative clauses were read: the host was "Leaders' Meeting"."""
    from helpers.framing import framing_people
    host, others = framing_people(default_lexicon(), "On November 17, Mr. KISHIDA Fumio, Prime Minister of Japan, who is "
                                  "visiting San Francisco to attend the APEC Economic Leaders' Meeting, held a Summit Meeting "
                                  "with The Honourable Anthony Albanese MP, Prime Minister of Australia.")
    assert (host.name, host.title) == ("KISHIDA Fumio", "Prime Minister")
    # an honorific before the name gives way to the office after it
    assert [(o.name, o.title, o.country) for o in others] == [("Anthony Albanese", "Prime Minister", "Australia")]


def test_the_publisher_s_leader_speaks_for_its_side_at_a_convening_no_one_hosts(tmp_path):
    """Fails on the attribution that, with no single host (co-hosts), credited "The President and Vice President
    reiterated ..." to the Vice President, or to no side; and on the name matching that took "Joe Funderburke" (a line
    of a participant list) for Joe Biden."""
    corpus = _load(tmp_path, {"wh": (
        "Readout of the President and Vice President’s Meeting with Community Leaders", "2021-08-05",
        "https://www.whitehouse.gov/briefing-room/statements-releases/2021/08/05/readout/",
        "Today, the President and Vice President met with 13 community leaders to discuss a wide range of issues.\n\n"
        "During the meeting, the President and Vice President reiterated their promise to work together.\n\n"
        "Participants:\n\n- Colonel Joe Funderburke, Director of Strategic Planning")})
    assert corpus.documents.iloc[0]["host"] == ""
    roles = _roles(corpus, "wh")
    assert roles[1] == ("host", "Joe Biden")
    assert roles[-1][1] != "Joe Biden"
