"""The verbs of speech, and the framing sentence that opens a readout.

A readout frames the exchange in the publisher's own words before it reports anyone ("President Biden spoke
today with Prime Minister Modi of India", "Xi Jinping had a phone call with Alexander Lukashenko");
`framing_people` reads host and counterparts from that sentence. The verb tables compiled here serve both
that reading and speaker attribution (`helpers.speakers`):

| table | what it holds |
| --- | --- |
| `reporting_verbs.csv` | reporting verbs (form -> lemma) |
| `framing_verbs.csv` | verbs of the framing sentence ("spoke with", "had a phone conversation") |
| `speech_adverbs.csv` | words between a subject and its verb ("also", "further") |
| `background_verbs.csv` | predicates of background about a person ("is paying an official visit", "will travel to") |
| `participation_verbs.csv` | predicates that have a person take part in the event ("joined the meeting", "dropped by") |
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import SENTENCE_END, Lexicon, alternation, derived
from .people import (Person, country_names, country_of, country_prefix, heads_of_state_or_government, is_institution, listed_people,
                     LIST_SEPARATOR, name_pattern, non_name_words, parse_person, title_pattern, titles, words_of_kind)


@dataclass(frozen=True)
class Verbs:
    """The verb tables compiled: every form with what it does, and the pattern of one adverb."""

    forms: dict[str, tuple[str, str, bool]]  # lower-cased form -> (kind "report"/"frame"/"background", lemma, needs_object)
    adverb: str
    greetings: frozenset[str] = frozenset()  # framing forms that frame in the opening only ("welcomed")

    @property
    def longest_first(self) -> list[str]:
        return sorted(self.forms, key=len, reverse=True)


@derived
def verbs(lexicon: Lexicon) -> Verbs:
    """The reporting and framing verb forms (from the tables) and the adverb pattern."""
    forms: dict[str, tuple[str, str, bool]] = {}
    reporting = lexicon.table("reporting_verbs")
    for form, lemma in zip(reporting["form"], reporting["lemma"]):
        forms[" ".join(form.lower().split())] = ("report", lemma.strip(), False)
    framing = lexicon.table("framing_verbs")
    greetings = set()
    for form, needs in zip(framing["form"], framing["needs_object"]):
        form = " ".join(form.lower().split())
        lemma = forms.get(form, ("", "", False))[1]  # "spoke" frames or, without an object, reports ("speak")
        forms[form] = ("frame", lemma, needs.strip() in ("yes", "opening"))
        if needs.strip() == "opening":
            greetings.add(form)
    for form in lexicon.table("background_verbs")["form"]:
        form = " ".join(form.lower().split())
        forms.setdefault(form, ("background", "", False))  # a form that also frames or reports keeps that reading
    return Verbs(forms, rf"(?:{alternation(lexicon.words('speech_adverbs', 'word'))}|\w+ly)", frozenset(greetings))


def country_in(lexicon: Lexicon, words: str) -> str:
    """The country of the first country name or demonym among `words` ("his Malaysian counterpart"), or ""."""
    for word in re.finditer(r"\S+", words):
        if found := country_prefix(lexicon).match(words, word.start()):
            return country_names(lexicon)[found.group("country")]
    return ""


def _names_country(lexicon: Lexicon, phrase: str) -> bool:
    """Whether an "of" phrase ends in a country: "the Federal Republic of Somalia", "Mauritius"."""
    return bool(country_of(lexicon, phrase) or any(country_of(lexicon, phrase[of.end():]) for of in re.finditer(r"\bof\s+(?:the\s+)?", phrase)))


def form_pattern(form: str, adverb: str) -> str:
    """A verb form as a pattern: adverbials may follow its first word ("spoke today with"), and `*` stands for up
    to six words, abbreviations too ("held a * meeting" matches "held a Japan-U.S. Summit Video Teleconference
    Meeting")."""
    return re.escape(form.split()[0]) + _form_rest(form, adverb)


def _form_rest(form: str, adverb: str) -> str:
    """The pattern of a verb form after its first word."""
    # the words after the first in any case: "held a Japan-U.S. Summit Video Teleconference Meeting with"
    return "".join(r"(?:\s+[\w.’'-]+){0,6}?" if word == "*" else rf"\s+(?:{adverb}\s+)*?(?i:{re.escape(word)})" for word in form.split()[1:])


def forms_alternation(forms: list[str], adverb: str) -> str:
    """Verb forms (longest first) as one pattern: a trie of their first words, each followed by the rests of its
    forms in the same order, so that a match tries only the forms that begin with the word in the text."""
    rests: dict[str, list[str]] = {}
    for form in forms:
        rests.setdefault(form.split()[0], []).append(_form_rest(form, adverb))
    tails = {first: "" if alternatives == [""] else "(?:" + "|".join(alternatives) + ")" for first, alternatives in rests.items()}
    return alternation(list(rests), tails)


@dataclass(frozen=True)
class _FramingRules:
    search: re.Pattern         # a framing verb anywhere in the sentence
    trailing_name: re.Pattern  # the name (and titles) just before it
    trailing_name_of: re.Pattern  # the same with "of" and a country after the name
    trailing_title: re.Pattern  # a title alone just before it ("The President of the Republic spoke ...")
    institution_before: re.Pattern  # a body's word and its link just before a name ("the Council on Environmental Quality")
    conjoined_first: re.Pattern  # a first subject before "and" and that name
    conjoined_before: re.Pattern  # any titled person before "and" and that name: co-conveners
    before_verb: re.Pattern    # an auxiliary or adverbs between the name and the verb ("has held", "today held")
    lead: re.Pattern           # what may stand between the verb and its objects ("today", "by phone", "with")
    medium: re.Pattern         # one of the table's leads just after the verb ("by phone"): no passive's agent
    tail: re.Pattern           # where the objects end ("to discuss", "on", a semicolon)
    list_close: re.Pattern     # the last item of a list of three or more: ", and " and the words of its office before it
    aside: re.Pattern          # an aside naming others beside the subject, up to the verb: ", as well as ..., "


@derived
def _framing_rules(lexicon: Lexicon) -> _FramingRules:
    table = verbs(lexicon)
    adverb = table.adverb
    framing_forms = [form for form in table.longest_first if table.forms[form][0] == "frame"]
    title_alternatives = alternation(list(titles(lexicon)))
    name = name_pattern(lexicon)
    bounds = lexicon.table("framing_bounds")
    lead = "|".join(dict.fromkeys(p.strip() for k, p in zip(bounds["kind"], bounds["pattern"]) if k.strip() == "lead"))
    end = "|".join(dict.fromkeys(p.strip() for k, p in zip(bounds["kind"], bounds["pattern"]) if k.strip() == "end"))
    verb_links = "|".join(dict.fromkeys(p.strip() for k, p in zip(bounds["kind"], bounds["pattern"]) if k.strip() == "link"))
    aside = "|".join(dict.fromkeys(p.strip() for k, p in zip(bounds["kind"], bounds["pattern"]) if k.strip() == "aside"))
    office_word = rf"[A-Z][\w’'.-]*|{alternation(words_of_kind(lexicon, 'link_words', 'office_inner'))}"
    return _FramingRules(
        search=re.compile(rf"(?<![\w-])(?:{forms_alternation(framing_forms, adverb)})(?![\w-])"),
        trailing_name=re.compile(rf"(?<![\w-])((?:{title_alternatives}\s+)*{name})[\s,]*$"),
        # with the country it serves: "President Hassan Sheikh Mohamud of the Federal Republic of Somalia held ..."
        institution_before=re.compile(rf"(?<![\w-])(?:{alternation([w for w, k in non_name_words(lexicon).items() if k == 'body' and w not in set(titles(lexicon))])})\s+(?:{alternation(words_of_kind(lexicon, 'link_words', 'office_link'))})\s+(?:the\s+)?$"),
        trailing_title=re.compile(rf"(?<![\w-])(?P<title>{title_alternatives})[\s,]*$"),
        trailing_name_of=re.compile(rf"(?<![\w-])((?:{title_alternatives}\s+)*{name}\s+of\s+(?:the\s+)?(?P<of>[A-Z][\w’'-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w’'-]*)*))[\s,]*$"),
        before_verb=re.compile(rf"(?:\s+(?:has|have|{adverb}))+\s+$"),
        # the guest may be described before the name: "A and his Malaysian counterpart B held talks"
        conjoined_before=re.compile(rf"(?<![\w-])(?P<first>(?:{title_alternatives})(?:\s+{name})?),?\s+and\s+(?:the\s+)?(?:[\w’'.-]+\s+){{0,12}}$"),
        conjoined_first=re.compile(rf"^(?:[Tt]he\s+)?((?:\w+\s+)?(?:{title_alternatives})\s+{name}),?\s+and\s+(?P<guest>(?:[\w’'-]+\s+){{0,3}})$"),
        lead=re.compile(rf"^(?:\s+(?:{adverb}|{lead or '(?!)'}))*\s*(?:{verb_links or '(?!)'})?\s*"),
        medium=re.compile(rf"\s+(?:{lead or '(?!)'})"),
        tail=re.compile(rf"\s+(?:{end or '(?!)'})\b|[;:(]|\.\s*$"),
        # (with or without the comma before "and": "A, B, and C" or "A, B and C")
        list_close=re.compile(rf",\s+(?:(?:{office_word})\s+){{0,8}}?,?\s*and\s+(?:(?:{office_word})\s+){{0,8}}$"),
        aside=re.compile(rf",\s+(?:{aside or '(?!)'})\s(?P<others>[^,;:]*(?:,[^,;:]*){{0,4}}),\s*$"),
    )


# A news agency's dateline before the sentence proper: "Riyadh, November 14, 2022, SPA -- ", "DHAKA, Nov 14 (BSS) - ".
# An agency's initials alone count too: "VGP – Prime Minister ...".
_DATELINE = re.compile(r"^(?=[A-Z])[^.]{0,150}?(?:\d|\b[A-Z]{2,}\b)[^.]*?\s(?:--|—|–|-)\s+")
# A short aside in brackets is no part of the people around it: "Abiy Ahmed (PhD) and ...", "this Tuesday (14)".
_ASIDE = re.compile(r"\s*\([^()\s]{1,8}\)")


def _without_dateline_and_asides(opening: str) -> str:
    return _ASIDE.sub("", _DATELINE.sub("", opening, count=1))


_SENTENCE_CLOSE = re.compile(rf"{SENTENCE_END}\s*$")


def opening_index(sentences: list[str]) -> int:
    """Where a readout's opening sentence is: past a heading line that repeats the title or a dateline paragraph
    ("Madrid, Tuesday 1 March 2022"), which end without a full stop; at most the third sentence."""
    index = 0
    while index < min(2, len(sentences) - 1) and not _SENTENCE_CLOSE.search(sentences[index]):
        index += 1
    return index


def framing_sentence(lexicon: Lexicon, sentences: list[str]) -> str:
    """The framing sentence among a readout's first three (after a heading line that repeats the title, or a
    dateline paragraph such as "Madrid, Tuesday 1 March 2022"): the first that names who spoke with whom;
    else the first sentence."""
    first = opening_index(sentences)
    for index, sentence in enumerate(sentences[:3]):
        host, others = framing_people(lexicon, sentence)
        # after the first, a subject alone is no framing: "President Biden has repeatedly called on Congress ..."
        if others or host.name and index == first:
            return sentence
    return sentences[0] if sentences else ""


def framing_people(lexicon: Lexicon, opening: str) -> tuple[Person, list[Person]]:
    """(subject, objects) of a framing sentence ("X spoke today with Y and Z"), as parsed people; empty when the
    sentence has no framing verb. Used by `documents.document_fields` for what a headline leaves out, and again
    by speaker attribution for the same opening sentence, hence kept per lexicon (treat the result as read-only)."""
    return lexicon.derive(_framing_people, opening)


def takes_part(lexicon: Lexicon, sentences: list[str], *, name: str, office: str = "", headline: str = "") -> bool:
    """Whether a readout has this person take part in its event: named, by surname (by whole name or `office` for an
    office-holder), in its headline, its opening or a sentence with a verb of taking part (participation_verbs.csv:
    "Vice President Harris later joined the meeting", "The President joined for part of the discussion"). A person it
    names only elsewhere is quoted or recalled ("Earlier this year, the President proposed ..." at a convening of
    other officials)."""
    search = _participation(lexicon)
    # an office-holder by their office or whole name: a surname alone may be a relative's ("First Lady Jill Biden")
    mention = name if office or not name.split() else name.split()[-1]
    named = re.compile(rf"(?<![\w-]){re.escape(mention)}(?![\w-])")
    opening = sentences[:opening_index(sentences) + 1]
    for text in (headline, *opening, *(s for s in sentences[len(opening):] if search.search(s))):
        if name and named.search(text):
            return True
        # the office itself, not another's title that names it ("Senior Advisor to the President")
        if office and any(found.group("title") == office and not _serves(lexicon).search(text, 0, found.start())
                          for found in title_pattern(lexicon).finditer(text)):
            return True
    return False


@derived
def _serves(lexicon: Lexicon) -> re.Pattern:
    """The end of a title that serves a principal, just before the principal's office: "Senior Advisor to "."""
    return re.compile(rf"(?<![\w-])(?:{alternation(words_of_kind(lexicon, 'link_words', 'title_chain'))})\s+$")


@derived
def _participation(lexicon: Lexicon) -> re.Pattern:
    forms = sorted({" ".join(form.lower().split()) for form in lexicon.table("participation_verbs")["form"]}, key=len, reverse=True)
    return re.compile(rf"(?<![\w-])(?i:{forms_alternation(forms, verbs(lexicon).adverb)})(?![\w-])")


@derived
def first_person_pronouns(lexicon: Lexicon) -> frozenset[str]:
    """The pronouns, lower-cased, in which a readout's principal writes it ("Today I spoke with ..."): the rows of
    `pronouns.csv` that refer to the host. A framing sentence's subject among them names no one."""
    table = lexicon.table("pronouns")
    return frozenset(p.strip().lower() for p, r in zip(table["pronoun"], table["refers_to"]) if r.strip() == "host")


def _framing_people(lexicon: Lexicon, opening: str) -> tuple[Person, list[Person]]:
    rules = _framing_rules(lexicon)
    opening = _without_dateline_and_asides(opening)
    verb = rules.search.search(opening)
    passive = None
    while verb is not None and _BY_AFTER.match(opening, verb.end()) and not rules.medium.match(opening, verb.end()):
        # a participle in the passive is no framing verb, and the subject comes before it: "President Biden, joined
        # by Secretary Raimondo and Director Deese, met with ..."
        passive = passive or verb
        verb = rules.search.search(opening, verb.end())
    if verb is None:
        return Person(), []
    # The principal is the name just before the verb (and its auxiliary: "Pedro Sánchez, has held ..."):
    # "Deputy Assistant to the President and White House Coordinator for the Middle East and North Africa
    # Brett McGurk spoke ..."
    cut = auxiliary.start() if (auxiliary := rules.before_verb.search(opening, 0, verb.start())) else verb.start()
    if passive is not None:
        cut = len(opening[:passive.start()].rstrip(" ,"))
    aside = None
    if relative := _RELATIVE_CLAUSE.search(opening, 0, cut):
        cut = relative.start() + 1  # "Mr. KISHIDA Fumio, Prime Minister of Japan, who is visiting ..., held ..."
    elif aside := rules.aside.search(opening, 0, cut):
        cut = aside.start()  # "Jennifer Klein, as well as other senior officials from ..., met with ..."
    subject = rules.trailing_name.search(opening, 0, cut)
    if (served := rules.trailing_name_of.search(opening, 0, cut)) and _names_country(lexicon, served.group("of")):
        subject = served  # not "Deputy Chief of Staff" nor "Department of Education Secretary X", whose "of" names no country
    host = parse_person(lexicon, subject.group(1)) if subject else Person()
    if subject and (title := rules.trailing_title.search(opening, max(0, cut - _REACH), cut)) and title.start() < subject.end() <= title.end() + 1:
        host = Person("", title.group("title"))  # the name read was the title's last word: "the President of the Republic"
    if subject and rules.list_close.search(opening, 0, subject.start()):
        host = Person()  # the last of several ("A, B, and C convened ..."): co-conveners, no single principal
    # Two principals as one subject ("President Ferdinand R. Marcos Jr. and Japanese Prime Minister Fumio Kishida
    # held ..."): the first named is the publisher's, the other its guest.
    guest = None
    if subject and (first := rules.conjoined_first.search(opening, 0, subject.start())):
        guest, host = host, parse_person(lexicon, first.group(1))
        if not guest.country and (described := country_in(lexicon, first.group("guest"))):
            guest = Person(guest.name, guest.title, described)  # "his Malaysian counterpart"
    # two of one side as the subject ("Director Jennifer Klein and Deputy Assistant Chiraag Bains convened ...", "the
    # President and Vice President met ..."): co-conveners, no single principal, unless they meet someone titled or
    # foreign ("Secretary X and Advisor Y met with Director Z"); two heads of state or government ("President X and
    # Prime Minister Y held a meeting") are still host and guest
    conveners = bool(subject and (guest is None or not guest.country) and (both := rules.conjoined_before.search(opening, max(0, subject.start() - _REACH), subject.start()))
                     and not {parse_person(lexicon, both.group("first")).title, host.title} <= heads_of_state_or_government(lexicon))
    if conveners:
        guest = None
    before = opening[:cut].rstrip()
    if before.endswith(","):  # an apposition: "Mr. KISHIDA Fumio, Prime Minister of Japan, held ..."
        chunks = before[:-1].rsplit(",", 2)
        if len(chunks) >= 2:
            title, named = parse_person(lexicon, chunks[-1]), parse_person(lexicon, chunks[-2])
            if (title.title and not title.name and len(chunks) == 3 and _AND_NAME.search(chunks[-2])
                    and parse_person(lexicon, chunks[0].split(",")[-1]).name):
                # "Jennifer Klein, ... Director and Julie Chavez Rodriguez, ... Director, hosted ...": two conveners,
                # each with an office set off by commas; no single principal
                host = Person()
            elif title.title and not title.name and named.name:
                host = Person(named.name, title.title, title.country or named.country)
            elif named.title and not named.name and title.name and not title.title:
                # the title first: "The President of the European Council, Charles Michel, held ..."
                host = Person(title.name, named.title, named.country or title.country)
    if len(host.name.split()) > 3 and not re.search(r"\b[a-z]|\.", host.name):  # "North Africa Brett McGurk"
        host = Person(" ".join(host.name.split()[-2:]), host.title, host.country)
    if is_institution(lexicon, host.name) or (subject and host.name and opening.startswith(host.name, subject.start(1))
                                              and rules.institution_before.search(opening, max(0, subject.start(1) - _REACH), subject.start(1))):
        # "Today, the White House hosted ...", "... and the Council on Environmental Quality hosted ...": a body, not
        # a principal
        host = Person("", host.title, host.country)
    others = _objects(lexicon, rules, opening[verb.end():])
    if not any(o.title or o.country for o in others):
        # the first verb may take a place ("traveled to Ramallah on December 6 and met with President Abbas",
        # "visited Buenos Aires and met with ..."): the people are the objects of a framing verb that the same
        # subject goes on to ("and met with ...")
        for later in rules.search.finditer(opening, verb.end()):
            if _GOES_ON.search(opening, verb.end(), later.start()) and (met := _objects(lexicon, rules, opening[later.end():])):
                others = met
                break
    if not any(other.title or other.country for other in others) and (guests := _guests_beside(lexicon, rules, opening, cut, subject, aside)):
        # officials of other countries named beside the subject are its guests: "Mike Pyle, together with Finance
        # Minister of Ukraine, Sergii Marchenko, ..., co-chaired ...", "A, B of Japan, and C of the Philippines held a
        # trilateral phone call"
        first, others = guests
        return (host if host.name or first is None else first), others
    # "A and Japanese Prime Minister B held talks": B is A's guest; "A and B met with C", or a B of no stated
    # country ("National Security Advisor Jake Sullivan and Homeland Security Advisor Liz Sherwood-Randall
    # hosted ..."), sits on A's side
    if guest is not None and guest.country and not any(other.title or other.country for other in others):
        return host, [guest]
    if conveners and not any(other.title or other.country for other in others):
        return Person(), others
    return host, others


def _guests_beside(lexicon: Lexicon, rules: _FramingRules, opening: str, cut: int, subject: re.Match | None,
                   aside: re.Match | None) -> tuple[Person | None, list[Person]] | None:
    """(the first of a list of subjects, or None after an aside; the officials of another country named beside the
    subject), where an aside ("X, together with ..., met") or a list of titled people whose first states no country
    names any; else None. "Another country": not the house style's own (`host_country`)."""
    home = lexicon.setting("host_country")
    abroad = [] if aside is None else [p for p in listed_people(lexicon, aside.group("others")) if p.country and p.country != home]
    if abroad:
        return None, abroad
    if subject is not None and rules.list_close.search(opening, 0, subject.start()):
        listed = [person for person in listed_people(lexicon, opening[:cut]) if person.title]
        if len(listed) >= 3 and not listed[0].country and all(p.country and p.country != home for p in listed[1:]):
            return listed[0], listed[1:]
    return None


def sole_convener(lexicon: Lexicon, opening: str) -> Person | None:
    """The one person among the subjects of a framing sentence whose other subjects are bodies ("Vice President
    Harris, the Office of Gun Violence Prevention and the Office of Intergovernmental Affairs convened ..."): the host
    where `framing_people` finds co-conveners or none, else None. Kept apart from `framing_people`, whose host also
    tells that principals met (the event type): bodies convening with one official are no exchange between
    principals."""
    rules = _framing_rules(lexicon)
    opening = _without_dateline_and_asides(opening)
    verb = rules.search.search(opening)
    if verb is None:
        return None
    cut = aside.start() if (aside := rules.aside.search(opening, 0, verb.start())) else verb.start()
    return _one_person_among_bodies(lexicon, opening[:cut])


def _one_person_among_bodies(lexicon: Lexicon, subjects: str) -> Person | None:
    """The one person in a list of subjects whose other items are all bodies ("Vice President Harris, the Office of
    Gun Violence Prevention and the Office of Intergovernmental Affairs"), else None; a leading "Today" and a title set
    off by commas are passed over, and an item of several capitalised words that is neither stops the reading."""
    people, bodies = [], 0
    determiners = {w.lower() for w in words_of_kind(lexicon, "event_subjects", "determiner")}
    for item in LIST_SEPARATOR.split(subjects)[::2]:
        words = item.split()
        if not words:
            continue
        if non_name_words(lexicon).get(words[-1].strip(",.")) in ("body", "group"):
            bodies += 1  # "the Domestic Policy Council", "other officials from across the Administration"
        elif (person := parse_person(lexicon, item)).name and not is_institution(lexicon, person.name):
            people.append(person)  # not "Biden Administration leaders"
        elif words[0].lower() in determiners and is_institution(lexicon, _OFFICE_LINK.split(item.strip(), maxsplit=1)[0]):
            bodies += 1  # "the Office of Gun Violence Prevention": a body's word before its portfolio
        elif not person.title and sum(word[:1].isupper() for word in words) >= 2:
            return None  # a name the tables cannot read ("Council of Economic Advisers Member Heather Boushey")
    return people[0] if len(people) == 1 and bodies else None


def _objects(lexicon: Lexicon, rules: _FramingRules, rest: str) -> list[Person]:
    """The people a framing verb takes, from the words after it up to where its objects end."""
    # a short aside in brackets ("(AA & NHPI)", "(D-CO)") is no end of the objects, nor is the "for" of an office
    # ("Minister for Foreign Affairs Penny Wong", "Assistant Secretary for Mental Health")
    # (a list may open with a colon: "spoke individually with: Prime Minister X of Estonia; Prime Minister Y ...")
    rest = _SHORT_ASIDE.sub("", rules.lead.sub("", rest, count=1)).lstrip(" :")
    end = next((m.start() for m in rules.tail.finditer(rest) if not _of_an_office(lexicon, rules, rest, m)), len(rest))
    rest = rest[:end]
    # a second framing verb of the same subject takes objects of its own: "traveled to Colombia and met with ..."
    if second := next((v for v in rules.search.finditer(rest) if _AND_BEFORE.search(rest, 0, v.start())), None):
        rest = rest[:second.start()]
    return listed_people(lexicon, rest)


def _of_an_office(lexicon: Lexicon, rules: _FramingRules, rest: str, tail: re.Match) -> bool:
    """Whether a word that may end the objects joins a title to its portfolio or principal instead: the "for" of
    "Minister for Foreign Affairs", the "to" of "National Security Advisor to the Prime Minister of the Czech
    Republic" (a title just before it, and for "to" a foreign principal's office after it: the advisers of one's own
    principal, "Chief Medical Advisor to the President Dr. Anthony Fauci", are of one's own side)."""
    word = tail.group().strip()
    if word not in words_of_kind(lexicon, "link_words", "title_chain") or not rules.trailing_title.search(rest, max(0, tail.start() - _REACH), tail.start()):
        return False
    if word in words_of_kind(lexicon, "link_words", "office_inner"):
        return True
    principal = title_pattern(lexicon).match(rest, tail.end() + 1)
    return bool(principal) and bool(_OF_AFTER.match(rest, principal.end()))


# how far back from a verb or name the patterns of what stands just before it look (a title, a co-convener): the
# longest office with its holder's name is well within it
_REACH = 160
_AND_BEFORE = re.compile(r"\band\s+$")
# the same subject goes on to a second framing verb: "traveled to X and met with ...", "traveled to X to meet with ..."
_GOES_ON = re.compile(r"\b(?:and|to)\s+$")
_BY_AFTER = re.compile(r"\s+by\b")
_AND_NAME = re.compile(r"\band\s+[A-Z]")
_OFFICE_LINK = re.compile(r"\s+of\s+")
_OF_AFTER = re.compile(r"\s*of\s")
_SHORT_ASIDE = re.compile(r"\s*\([^()]{1,20}\)")
# a relative clause between the subject and its verb, set off by commas
_RELATIVE_CLAUSE = re.compile(r",\s+(?:who|which)\s[^;:]*,\s*$")
