"""Metadata of readouts in other governments' styles (tests/fixtures, written for these tests; see labels/NOTES.md),
read by `documents.document_fields` from the headline and opening, against labels made by reading the texts."""
from __future__ import annotations

import pandas as pd

from conftest import LABELS, labelled_metadata
from helpers.documents import document_fields
from helpers.dates import event_date
from helpers.headlines import parse_headline
from helpers.lexicon import default_lexicon
from helpers.people import Person, canonical_name, parse_person, split_people

LEX = default_lexicon()


def test_fixture_metadata(styles):
    labels = pd.read_csv(LABELS / "fixture_metadata.csv", keep_default_na=False)
    docs = styles.documents.set_index("doc_id")
    first = styles.sentences.groupby("doc_id", sort=False, observed=True)["text"].first()
    misses = []
    for label in labels.itertuples(index=False):
        doc_id = label.file.rsplit(".", 1)[0]
        doc = docs.loc[doc_id]
        meta = {} if pd.isna(doc["published"]) else {"published": doc["published"]}
        found = labelled_metadata(document_fields(LEX, doc["title"], doc["text"], first[doc_id], meta))
        for column, value in found.items():
            if value != getattr(label, column):
                misses.append(f"{label.file}: {column} {getattr(label, column)!r} != {value!r}")
    print("\n".join(misses))
    assert not misses


def test_headlines_of_other_styles():
    host, others, _, _ = parse_headline(LEX, "Telephone conversation with President of France Emmanuel Macron")
    assert host.name == "" and others[0].name == "Emmanuel Macron" and others[0].country == "France"
    host, others, _, _ = parse_headline(LEX, "PM call with President Zelenskyy: 3 March 2023")
    assert host.title == "PM" and others[0].name == "Zelenskyy"
    host, others, _, _ = parse_headline(LEX, "Japan-Australia Summit Telephone Talk")
    assert (host.country, others[0].country) == ("Japan", "Australia")
    # "to" before a purpose rather than a person names no one
    assert parse_headline(LEX, "Readout of White House Meeting to Commemorate National Foster Care Month")[1] == []
    assert parse_headline(LEX, "Readout of President Biden's Call to Prime Minister Trudeau of Canada")[1][0].name == "Trudeau"
    host, others, _, _ = parse_headline(LEX, "PM Shehbaz Sharif telephones Turkish President Erdoğan")  # no "with"
    assert host.name == "Shehbaz Sharif" and others[0].country == "Turkey"
    host, others, _, _ = parse_headline(LEX, "Readout of the phone call between President von der Leyen and President Biden")
    assert host.name == "von der Leyen" and others[0].name == "Biden"
    # a bare title after a comma is the name's apposition; after "and" it is someone else
    assert split_people(LEX, "Frédéric Bernard, Head of Cabinet to the President of the European Council")[1:] == []
    assert len(split_people(LEX, "Prime Minister Modi and the Prime Minister of Japan")) == 2
    host, others, _, _ = parse_headline(LEX, "Federal Chancellor Scholz speaks with US President Biden")
    assert host.name == "Scholz" and others[0].country == "United States"


def test_names_drop_what_is_no_part_of_them():
    assert parse_person(LEX, "Deputy National Security Advisor for International Economics Mike Pyle").name == "Mike Pyle"
    assert parse_person(LEX, "Assistant to the President for Domestic Policy").name == ""
    assert parse_person(LEX, "Colorado Governor Jared Polis").country == "United States"
    assert parse_person(LEX, "Governor Greg Abbott of Texas").country == "United States"
    assert canonical_name(LEX, parse_person(LEX, "the Hon. Anthony Albanese MP").name) == "Anthony Albanese"
    assert canonical_name(LEX, "KISHIDA Fumio") == "Fumio Kishida"
    # a posting says where one serves, and the body served ("United Nations") is no part of the name
    assert parse_person(LEX, "Ambassador to the United Nations Linda Thomas-Greenfield") == Person("Linda Thomas-Greenfield", "Ambassador", "")
    assert parse_person(LEX, "Ambassador to Japan Rahm Emanuel") == Person("Rahm Emanuel", "Ambassador", "")
    assert parse_person(LEX, "Special Envoy to the Horn of Africa Mike Hammer").name == "Mike Hammer"
    assert parse_person(LEX, "Special Representative for International Cooperation Erzhan Kazykhan").name == "Erzhan Kazykhan"
    # an office held alongside another title is no part of the name either
    assert parse_person(LEX, "Director of the Office of the Foreign Affairs Commission and Foreign Minister Wang Yi").name == "Wang Yi"
    assert canonical_name(LEX, "Zelenskky") == "Volodymyr Zelenskyy"  # a misspelling in the source, absorbed by the alias table


def test_an_institution_is_no_host():
    """A body that hosts ("Readout of White House Meeting on ...", "Today, the White House convened ...") is the
    publisher speaking, not a principal: no host name, wherever the name would come from."""
    from helpers.framing import framing_people
    from helpers.people import is_institution

    assert all(map(lambda p: is_institution(LEX, p), ["White House", "White House Roundtable", "Biden-Harris Administration", "Officials"]))
    assert not any(map(lambda p: is_institution(LEX, p), ["Joe Biden", "Kamala Harris", "Brett McGurk", "Xi Jinping", ""]))
    assert framing_people(LEX, "Today, the White House convened governors to discuss home heating costs.")[0].name == ""
    fields = document_fields(LEX, "Readout of White House Meeting on Software Security",
                             "Today, the White House convened government and private sector stakeholders.",
                             "Today, the White House convened government and private sector stakeholders.")
    assert fields["host"] == ""
    fields = document_fields(LEX, "Readout of President Biden's Call with Prime Minister Modi of India",
                             "President Biden spoke today with Prime Minister Modi of India.",
                             "President Biden spoke today with Prime Minister Modi of India.")
    assert fields["host"] == "Joe Biden"


def test_a_host_known_only_by_title_is_named_as_the_rest_of_the_corpus_names_them():
    import pandas as pd

    from helpers.documents import hosts_named_elsewhere

    rows = [(f"named{i}", "Joe Biden", "President", "whitehouse", f"2022-{i + 1:02d}-10") for i in range(9)]
    rows += [("misread", "Anita Dunn", "President", "whitehouse", "2022-05-01"),  # one stray title does not stop the rest
             ("director1", "Chris Inglis", "Director", "whitehouse", "2022-03-01"),
             ("director2", "Jennifer Klein", "Director", "whitehouse", "2022-03-02"),
             ("untitled", "", "President", "whitehouse", "2022-06-01"),
             ("much_later", "", "President", "whitehouse", "2030-06-01"),
             ("a_director", "", "Director", "whitehouse", "2022-03-05"),
             ("other_publisher", "", "President", "mfa", "2022-06-01"),
             ("unknown_style", "", "President", "unknown", "2022-06-01")]
    documents = pd.DataFrame(rows, columns=["doc_id", "host", "host_title", "source_style", "date"])
    documents["date"] = pd.to_datetime(documents["date"])
    documents["published"] = documents["date"]
    assert hosts_named_elsewhere(documents) == {"untitled": "Joe Biden"}


def test_a_title_held_towards_another_is_one_title():
    """"National Security Advisor to the Vice President Phil Gordon" is Phil Gordon, with that whole title (not the
    National Security Advisor, nor a person without a name)."""
    assert parse_person(LEX, "National Security Advisor to the Vice President Phil Gordon") == Person(
        "Phil Gordon", "National Security Advisor to the Vice President", "")
    assert parse_person(LEX, "the National Security Advisor to the Vice President").title == "National Security Advisor to the Vice President"
    assert parse_person(LEX, "Assistant to the President for National Security Affairs Jake Sullivan").name == "Jake Sullivan"


def test_dates_written_day_first_with_dots_are_read_and_slashes_are_not_guessed():
    import pandas as pd

    assert event_date("Athens, Friday, 08.09.2023", None) == pd.Timestamp("2023-09-08")
    assert event_date("spoke by telephone this Thursday (2/3/2023)", None) is None


# --- genre constructions in the opening and the headline (see labels/NOTES.md, "Genre constructions") ------------

def test_both_principals_as_subject_the_first_is_the_publisher_s():
    from helpers.framing import framing_people

    host, others = framing_people(LEX, "ABC – Prime Minister Ana Lopes (PhD) and her Swedish counterpart Tomas Lind held talks in Lisbon.")
    assert (host.name, [(o.name, o.country) for o in others]) == ("Ana Lopes", [("Tomas Lind", "Sweden")])
    host, others = framing_people(LEX, "President Ana Lopes and President John Mensah of the Republic of Ghana held talks on Friday.")
    assert (host.name, [(o.name, o.country) for o in others]) == ("Ana Lopes", [("John Mensah", "Ghana")])


def test_a_day_or_a_place_before_with_does_not_end_the_people():
    from helpers.framing import framing_people

    _, others = framing_people(LEX, "President Ana Lopes spoke by phone this Friday (9) with the Prime Minister of Sweden, Tomas Lind.")
    assert [(o.name, o.country) for o in others] == [("Tomas Lind", "Sweden")]
    _, others = framing_people(LEX, "President Ana Lopes held talks in the Belem Palace with Prime Minister Tomas Lind of Sweden.")
    assert [o.name for o in others] == ["Tomas Lind"]
    _, others = framing_people(LEX, "President Ana Lopes sent a message of condolences to Prime Minister Tomas Lind of Sweden.")
    assert [o.name for o in others] == ["Tomas Lind"]


def test_headlines_with_a_title_alone_and_a_verb_taking_its_object():
    host, others, _, _ = parse_headline(LEX, "Telephone conversation between the Prime Minister and the President of the Republic of Ghana, John Mensah")
    assert (host.name, host.title) == ("", "Prime Minister")
    assert (others[0].name, others[0].country) == ("John Mensah", "Ghana")
    host, others, event, _ = parse_headline(LEX, "Emir of Qatar Congratulates President of Ghana on Independence Day")
    assert (others[0].title, others[0].country) == ("President", "Ghana")
    from helpers.headlines import event_type_of
    assert event_type_of(LEX, event) == "message"
    assert event_type_of(LEX, "Foreign Minister Lopes receives Swedish Foreign Minister Lind") == "meeting"
