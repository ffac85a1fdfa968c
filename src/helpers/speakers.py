"""Speaker attribution: credit every sentence of a readout to the leader who said it.

Readouts are third-person reported speech. A sentence is credited by the
subject of its first main clause ("Xi Jinping pointed out ...", "The two
leaders agreed ...", "He believes ..."); a sentence with no new speaker as
subject keeps the speaker of its paragraph ("Belarus firmly stands with China
..." inside Lukashenko's paragraph is still his). The framing sentence ("X spoke
today with Y", "X had a phone conversation with Y") and background about the
event itself ("The call follows ...") are the publisher's own voice: narrator.

Every word list is a table under `data/` so a researcher can extend the rules
for another government's style:

| table | what it holds |
| --- | --- |
| `reporting_verbs.csv` | reporting verbs (form -> lemma) |
| `framing_verbs.csv` | verbs of the framing sentence ("spoke with", "had a phone conversation") |
| `titles.csv`, `countries.csv`, `aliases.csv` | titles, countries and demonyms, spellings of names |
| `joint_subjects.csv` | subjects that credit both sides ("the two leaders", "both sides") |
| `pronouns.csv` | pronouns and what they point back to ("I": the principal, in a readout written in their voice) |
| `quote_lead_ins.csv` | lead-ins that give the quotation after them to someone ("Quotes attributable to X:") |
| `leaders.csv` (via `helpers.offices`) | who held a government's leading office when: a host named by office alone |
| `event_subjects.csv` | the event as subject ("the call", "today's meeting"): narrator |
| `group_subjects.csv` | groups and the side each speaks for ("administration officials": host, "participants": counterpart) |
| `speech_adverbs.csv` | words between a subject and its verb ("also", "further") |
| `lead_ins.csv` | words opening an adverbial lead-in ("On the evening of ..., ") |
| `subordinators.csv` | words opening a subordinate clause before the subject ("When ..., he and X agreed") |
| `principal_nouns.csv` | nouns after a demonym that stand for its principal ("the Lao leader", "the Chinese side") |
| `background_verbs.csv` | background about a person ("is paying an official visit"): narrator |
| `link_words.csv` | among others, what makes a passive report ("Views were exchanged"): joint |

(The verb tables are compiled in `helpers.framing`, which reads the framing sentence with them too.)

Roles: host (the publishing side's principal), counterpart, joint, narrator,
other (a third person or body), unattributed (the rules cannot decide).
`explain(corpus, doc_id)` shows which rule decided each sentence.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache

import pandas as pd

from . import schema
from .framing import (first_person_pronouns, form_pattern, forms_alternation, framing_people, framing_sentence, opening_index, takes_part,
                      verbs)
from .lexicon import APOSTROPHES, SENTENCE_END, Lexicon, alternation, as_lexicon, derived, first_letter_guard
from .offices import leader, leader_names, leader_office
from .people import (Person, aliases, canonical_name, country_names, honorifics, name_fillers, name_pattern, parse_person,
                     title_equivalents, titles, words_of_kind)


def _piece(lexicon: Lexicon, table: str, kind: str) -> str:
    return alternation(words_of_kind(lexicon, table, kind))

HOST, COUNTERPART, JOINT, NARRATOR, OTHER, UNATTRIBUTED = schema.ROLES
INDIVIDUAL_ROLES = (HOST, COUNTERPART, OTHER)

_SENTENCE_END = re.compile(rf"{SENTENCE_END}$")
# The marker of a point in a list: a bullet or dash, or a number or roman numeral in brackets or before a full stop
# ("- Minister X underlined ...", "(iv) Prime Minister Y reaffirmed ...", "(1) At the outset, ..."). Numbering and
# punctuation, not vocabulary: the point's own words are read after it, each point with its own speaker.
_LIST_MARKER = re.compile(r"\s*(?:[-–—•▪·*]|\((?:\d{1,2}|[ivxlc]{1,6}|[a-z])\)|(?:\d{1,2}|[ivxlc]{1,6})[.)])\s+(?=\S)")


# --- the compiled tables ------------------------------------------------------------------------

@dataclass(frozen=True)
class _Rules:
    lexicon: Lexicon          # the tables these were compiled from (the document's style overlaid)
    verbs: dict[str, tuple[str, str, bool]]  # lower-cased form -> (kind "report"/"frame", lemma, needs_object)
    verb: re.Pattern          # optional adverbs, then a reporting or framing verb, at a position
    lowercase_word: re.Pattern
    person: re.Pattern        # "the Chinese President", "President Joseph R. Biden, Jr.", "Mr. Sullivan"
    country: re.Pattern
    joint: re.Pattern
    pronoun: re.Pattern
    pronoun_refers: dict[str, str]
    quote_lead_ins: tuple[re.Pattern, ...]  # lead-ins that give the quotation after them to someone they name
    event: re.Pattern
    group: re.Pattern         # one group ("Senior Administration officials", "A home health care professional")
    group_side: dict[str, str]  # a group's head phrase, lower-cased -> the role it speaks for
    group_head: re.Pattern    # a group's head phrase straight after a word ("Mexican officials")
    aside: re.Pattern         # an aside between a subject and its verb (", joined by X,", "—which included ...—")
    by_gerund: re.Pattern     # "opened the meeting by reaffirming": a verb in -ing after "by", in the first clause
    report_lemmas: frozenset[str]  # the lemmas of the reporting verbs
    separator: re.Pattern     # between conjoined subjects
    starters: frozenset[str]  # first words of titles, countries and demonyms: only these need the big patterns
    first_word: re.Pattern
    side: re.Pattern
    modal: re.Pattern
    wildcard_forms: tuple[tuple[re.Pattern, str], ...]
    title: re.Pattern
    starter_word: re.Pattern
    word: re.Pattern
    phrase_starters: frozenset[str]  # lower-cased first words of joint, event and group phrases
    name: re.Pattern
    lead_in: re.Pattern
    comma: re.Pattern
    framing_object: re.Pattern
    apposition: re.Pattern    # ", Ailish Campbell," after an unnamed title
    greetings: frozenset[str]  # framing forms that frame only in the opening ("welcomed")
    speaker_after: re.Pattern  # ", the Minister said." closing a sentence
    coordinators: frozenset[str]  # "and", "but": a clause opening with one has no subject of its own
    name_fillers: frozenset[str]  # words inside a name that do not identify the person ("Jr.", "bin")
    list_marker: re.Pattern   # "- ", "• ", "(iv) ", "(1) ", "2. " opening a point of a list
    subordinate: re.Pattern   # a word opening a subordinate clause ("When", "Although")
    participle: re.Pattern    # an -ing word ("Welcoming")
    adverb_word: re.Pattern   # one adverbial word ("also", "today")
    comma_free_word: re.Pattern  # the space after a word, before the next
    verb_follows: re.Pattern  # a lower-case word straight after a subject, with no comma between
    backshifted: bool         # the house reports speech in the past tense (house setting `reported_speech`)
    publisher_offices: frozenset[str]  # titles of the publisher's own government (publisher_offices.csv)
    mutual_lemmas: frozenset[str]  # reporting verbs done by both sides when "with" the other (link_words `mutual`)
    clause_words: dict[str, str]  # lower-cased word -> "present", "past" or "first_person" (clause_words.csv)
    past_suffixes: tuple[str, ...]
    perfect_auxiliaries: frozenset[str]  # "has", "had": before a framing verb with no person after it, no report
    lead_word: re.Pattern     # a word of the lead_ins table ("During", "Following": prepositions, not participles)
    passive: re.Pattern       # a reporting verb in the passive in the first clause: "Views were also exchanged"


@derived
def _rules(lexicon: Lexicon) -> _Rules:
    verb_table = verbs(lexicon)
    adverb, forms = verb_table.adverb, verb_table.longest_first
    # Adverbials may also stand after the first word of a multi-word form: "spoke today with", "met virtually".
    verb = re.compile(rf"\s*,?\s*(?:{adverb}\s+){{0,3}}?(?P<verb>{forms_alternation(forms, adverb)})(?![\w-])", re.IGNORECASE)

    title_alternatives = alternation(list(titles(lexicon)))
    countries = sorted(country_names(lexicon), key=len, reverse=True)
    lowercase_titles = alternation([title for title in titles(lexicon) if title[:1].islower()])
    title_chain = alternation(words_of_kind(lexicon, "link_words", "title_chain"))
    of_phrase = alternation(words_of_kind(lexicon, "link_words", "of_phrase"))
    country_alternatives = alternation(countries)
    name = name_pattern(lexicon)
    person = re.compile(
        rf"(?:[Tt]he\s+)?(?:(?P<adj>{country_alternatives})(?:['’]s)?\s+)?"
        # titles may chain through "to the" / "for": "National Security Advisor to the Vice President Dr. Phil Gordon"
        # or serve someone of a country: "Press Secretary of the Belarusian leader Natalya Eismont"
        rf"(?P<titles>(?:(?:{title_alternatives})(?![\w-])(?:\s+(?:{title_chain})\s+(?:the\s+)?"
        rf"(?:(?:{country_alternatives})\s+(?=(?:{title_alternatives})(?![\w-])))?(?=[A-Z]|(?:{lowercase_titles})(?![\w-])))?\s*"
        # "His Royal Highness the Crown Prince"
        rf"(?:the\s+(?=(?:{title_alternatives})(?![\w-])))?)+)?"
        rf"(?P<name>{name})?"
        rf"(?P<of>\s+of\s+(?:the\s+)?(?:[A-Z][\w’'.-]*)(?:\s+(?:{of_phrase}|[A-Z][\w’'.-]*))*)?"
    )
    country = re.compile(rf"(?:[Tt]he\s+)?(?P<country>{country_alternatives})(?![\w-])")
    pronouns = lexicon.table("pronouns")
    pronoun_refers = {p.strip().lower(): r.strip() for p, r in zip(pronouns["pronoun"], pronouns["refers_to"])}
    pronoun = re.compile(rf"(?P<pronoun>{alternation(sorted(pronoun_refers, key=len, reverse=True))})(?![\w-])", re.IGNORECASE)
    # with the plural noun that may follow: "The three National Security Advisors", "the two Foreign Ministers"
    joint = re.compile(rf"(?:{alternation(lexicon.words('joint_subjects', 'phrase'))})"
                       rf"(?-i:(?:\s+[A-Z][\w’'-]*)*?\s+[A-Z][\w’'-]*s(?![\w’'-]))?(?![\w'’-])", re.IGNORECASE)
    events = lexicon.table("event_subjects")
    determiners = alternation(sorted({w for w, k in zip(events["word"], events["kind"]) if k == "determiner"}, key=len, reverse=True))
    nouns = alternation(sorted({w for w, k in zip(events["word"], events["kind"]) if k == "noun"}, key=len, reverse=True))
    event = re.compile(rf"(?:{determiners})\s+(?:[\w-]+\s+){{0,3}}?(?:{nouns})(?![\w-])", re.IGNORECASE)
    groups = lexicon.table("group_subjects")
    # the `side` column holds the role the group speaks for; anything else is a group of no side
    group_side = {" ".join(p.lower().split()): s.strip() if s.strip() in schema.ROLES else OTHER for p, s in zip(groups["phrase"], groups["side"])}
    # a group's head phrase after up to four words ("The", "small business", "the business and philanthropic"), the
    # shortest run that reaches one: "Survivors and experts" is two groups, each read with its own side
    heads = alternation(sorted(group_side, key=len, reverse=True))
    # a head right after the first is part of the group, whose side the first gives: "Industry participants", "The
    # Council of Governors members"; a head before a name is a plural title ("Presidents Kagame and Tshisekedi")
    group = re.compile(rf"(?:(?!(?:{adverb})\s)[\w’'.-]+\s+(?:and\s+)?){{0,4}}?(?P<head>{heads})(?![\w'’-])(?:\s+(?:{heads})(?![\w'’-]))?"
                       rf"(?!\s+(?-i:[A-Z][a-z]))", re.IGNORECASE)
    starter_words = {phrase.split()[0] for phrase in [*titles(lexicon), *countries]}
    lead_in = re.compile(rf"(?:{alternation(lexicon.words('lead_ins', 'word'))}|[A-Z]\w*ing)(?![\w-])")
    return _Rules(
        lexicon=lexicon,
        verbs=verb_table.forms,
        verb=verb,
        lowercase_word=re.compile(r"\s*,?\s+[a-z]"),
        person=person,
        country=country,
        joint=joint,
        pronoun=pronoun,
        pronoun_refers=pronoun_refers,
        quote_lead_ins=tuple(re.compile(p.strip()) for p in lexicon.words("quote_lead_ins", "pattern")),
        event=event,
        group=group,
        group_side=group_side,
        group_head=re.compile(rf"\s+(?:{alternation(sorted(group_side, key=len, reverse=True))})(?![\w'’-])", re.IGNORECASE),
        by_gerund=re.compile(rf"(?:\s+[\w’'-]+){{1,6}}?\s+(?:{_piece(lexicon, 'link_words', 'means')})\s+(?P<gerund>[a-z]+ing)(?![\w-])"),
        # a form that also frames keeps its reporting lemma ("welcomed"): "by welcoming ..." reports
        report_lemmas=frozenset(lemma for _, lemma, _ in verb_table.forms.values() if lemma),
        # one clause set off by commas or dashes, not a list's next item: tried only where no verb follows the subject
        aside=re.compile(r"\s*(?:,\s+[^,;:\"“”]{3,200}?,|[—–]\s*[^—–;:\"“”]{3,250}?\s*[—–])"),
        separator=re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*"),
        starters=frozenset(starter_words),
        first_word=re.compile(r"(?:[Tt]he\s+)?([^\s,;:’']+)"),  # "Canada’s Ambassador": the word is "Canada"
        # a bare name between commas, not the next of a list ("The President, Leader Schumer, and ...")
        apposition=re.compile(rf",\s+(?!(?:{title_alternatives})(?![\w-]))(?P<name>{name}),(?!\s*and\b)"),
        side=re.compile(rf"\s+(?:{alternation(lexicon.words('principal_nouns', 'noun'))})(?![\w-])", re.IGNORECASE),
        modal=re.compile(rf"\s+(?:{adverb}\s+)*?(?:{alternation(lexicon.words('modal_verbs', 'word'))})(?![\w-])", re.IGNORECASE),
        wildcard_forms=tuple((re.compile(form_pattern(f, adverb), re.IGNORECASE), f) for f in forms if "*" in f),
        title=re.compile(rf"(?<![\w-])(?:{title_alternatives})(?![\w-])"),
        starter_word=re.compile(rf"{first_letter_guard(starter_words)}(?<![\w’'-])(?:{alternation(sorted(starter_words))})(?=[\s,;:]|$)"),
        word=re.compile(r"[\w’'-]+"),
        phrase_starters=frozenset(
            re.match(r"[\w’'-]+", phrase).group().lower()
            for phrase in [*lexicon.words("joint_subjects", "phrase"), *lexicon.words("group_subjects", "phrase"), *events["word"]]
        ),
        name=re.compile(name),
        lead_in=lead_in,
        comma=re.compile(r",\s+"),
        greetings=verb_table.greetings,
        # a short closing clause after a comma or a closing quote: the speech tag ("..., the Minister said.")
        speaker_after=re.compile(r"(?:,[\"”’]?|[\"”’],?)\s+(?P<clause>(?:[^\s,;:\"“”]+\s+){1,6}[^\s,;:\"“”]+)\s*$"),
        coordinators=frozenset(words_of_kind(lexicon, "link_words", "coordinator")),
        backshifted=lexicon.setting("reported_speech") == "backshifted",
        publisher_offices=frozenset(lexicon.words("publisher_offices", "title")),
        mutual_lemmas=frozenset(words_of_kind(lexicon, "link_words", "mutual")),
        clause_words={w.strip().lower(): k.strip() for w, k in zip(lexicon.table("clause_words")["word"], lexicon.table("clause_words")["kind"])
                      if k.strip() not in ("past_suffix", "perfect")},
        perfect_auxiliaries=frozenset(w.lower() for w in words_of_kind(lexicon, "clause_words", "perfect")),
        past_suffixes=tuple(w.lower() for w in words_of_kind(lexicon, "clause_words", "past_suffix")),
        name_fillers=name_fillers(lexicon),
        list_marker=_LIST_MARKER,
        subordinate=re.compile(rf"(?:{alternation(lexicon.words('subordinators', 'word'))})(?![\w-])"),
        participle=re.compile(r"[A-Z][a-z]{2,}ing"),  # "Welcoming", "Noting"; not "King"
        verb_follows=re.compile(r"\s+[a-z]"),
        comma_free_word=re.compile(r"\s+"),
        adverb_word=re.compile(adverb, re.IGNORECASE),
        lead_word=re.compile(alternation(lexicon.words("lead_ins", "word"))),
        # up to the first comma, colon or quotation mark: "The situation in Ukraine was also discussed", not "He said
        # that sanctions were discussed" (a subject was found there first) nor a passive inside a quotation
        # in a main clause ("... meetings that were announced" is not) and without an agent ("The Declaration was
        # announced by President X" names its speaker) or a complement ("has been committed to")
        passive=re.compile(rf"(?:(?!(?<![\w-])(?:{_piece(lexicon, 'link_words', 'relative')})(?![\w-]))[^,;:\"“”])*?"
                           rf"(?<![\w-])(?:{_piece(lexicon, 'link_words', 'passive_auxiliary')})\s+"
                           rf"(?:{adverb}\s+)*?(?P<verb>{forms_alternation([f for f in forms if verb_table.forms[f][0] == 'report'], adverb)})"
                           rf"(?![\w-])(?!\s+(?:{_piece(lexicon, 'link_words', 'passive_complement')})(?![\w-]))",
                           re.IGNORECASE),
        # an object that is a person, not a possessive ("welcomed the Prime Minister to", not "welcomed India's role")
        framing_object=re.compile(rf"\s*(?:(?:{adverb})\s+)*?(?:with\b|(?:to\s+)?(?:the\s+)?(?>[A-Z][\w.-]*(?:\s+(?:of\s+|the\s+)*[A-Z][\w.-]*)*)(?!['’]))"),
    )


# --- who is in the document ---------------------------------------------------------------------

@dataclass
class _Member:
    name: str
    role: str
    titles: set[str] = field(default_factory=set)
    country: str = ""
    fillers: frozenset[str] = frozenset()

    @property
    def keys(self) -> frozenset[str]:
        return _name_keys(self.name, self.fillers)


_NAME_WORD = re.compile(rf"[\w{APOSTROPHES}-]+\.?")


@lru_cache(maxsize=8192)
def _last_key(name: str, fillers: frozenset[str]) -> str:
    """The last word that identifies a person ("Joseph R. Biden, Jr." -> biden), or ""."""
    words = [w for w in _NAME_WORD.findall(name.lower()) if w not in fillers and len(w.rstrip(".")) > 1]
    return words[-1] if words else ""


def _name_keys(name: str, fillers: frozenset[str]) -> frozenset[str]:
    """The words that identify a person ("Joseph R. Biden, Jr." -> joseph, biden), without `fillers` ("Jr.", "bin")."""
    return frozenset(w for w in _NAME_WORD.findall(name.lower()) if w not in fillers and len(w.rstrip(".")) > 1)


@dataclass
class _Cast:
    """The people a document names: host, counterparts and anyone else named with a title."""

    members: list[_Member]
    host_country: str
    counterpart_countries: set[str]
    known: dict[str, str]
    rules: _Rules
    in_first_person: bool = False  # the principal writes the readout ("Today I spoke with ...")
    host_by_office: bool = False   # the host's name is the office-holder's, the text giving only the office
    _canonical: dict[str, str] = field(default_factory=dict)

    def canonical(self, name: str) -> str:
        if name not in self._canonical:
            self._canonical[name] = canonical_name(self.rules.lexicon, name, self.known)
        return self._canonical[name]

    def keys(self, name: str) -> frozenset[str]:
        return _name_keys(name, self.rules.name_fillers)

    def by_name(self, name: str) -> _Member | None:
        canonical = self.canonical(name)
        for member in self.members:
            if member.name and member.name == canonical:
                return member
        keys = self.keys(canonical) | self.keys(name)
        last = _last_key(canonical, self.rules.name_fillers)
        best, best_score = None, 0
        for member in self.members:
            shared = keys & member.keys
            # a given name alone is no match: "Joe Funderburke" is not "Joe Biden"
            if shared and (len(shared) > 1 or last in shared or _last_key(member.name, self.rules.name_fillers) in shared):
                score = len(shared) * 2 + (member.role != OTHER)
                if score > best_score:
                    best, best_score = member, score
        return best

    def by_title(self, title: str) -> _Member | None:
        same = {title, *title_equivalents(self.rules.lexicon).get(title, ())}
        for member in self.members:  # host first, then counterparts, then others
            if same & member.titles:
                return member
        words = set(title.split())
        for member in self.members:
            if any(words <= set(t.split()) for t in member.titles):
                return member
        if title in honorifics(self.rules.lexicon):  # "His Highness affirmed ...": a publisher's courtesy for its own principal
            return self.principal(HOST)
        return None

    def side_of_country(self, country: str) -> str:
        if country and country == self.host_country:
            return HOST
        if country and country in self.counterpart_countries:
            return COUNTERPART
        return OTHER

    def principal(self, role: str) -> _Member | None:
        return next((m for m in self.members if m.role == role), None)


def _cast(rules: _Rules, document: dict, sentences: list[str]) -> _Cast:
    text = document.get("text") or " ".join(sentences)
    lexicon = rules.lexicon
    known = _titled_names(rules, text)
    members: list[_Member] = []

    def keys(name: str) -> frozenset[str]:
        return _name_keys(name, rules.name_fillers)

    def same_person(a: str, b: str) -> bool:
        return _same_person(a, b, rules.name_fillers)

    def add(name: str, role: str, title: str = "", country: str = "") -> _Member:
        name = canonical_name(lexicon, name, known) if name else ""
        for member in members:
            if name and member.name == name:
                break
        else:
            member = _Member(name, role, fillers=rules.name_fillers)
            members.append(member)
        if title:
            member.titles.add(title)
        member.country = member.country or country
        return member

    host_name = str(document.get("host") or "")
    host_title = str(document.get("host_title") or "")
    counterparts = [str(c) for c in (document.get("counterparts") or []) if str(c)]
    # The framing sentence names host and counterparts in the body's own words, which also rescues metadata
    # that a headline in an unknown style ("PM call with President Biden") could not provide.
    opening_host, opening_others = framing_people(lexicon, framing_sentence(lexicon, sentences))
    # "Today I spoke with ...": the principal writes the readout in the first person
    in_first_person = opening_host.name.lower() in first_person_pronouns(lexicon)
    if in_first_person:
        opening_host = Person("", opening_host.title, opening_host.country)
    # A host the text never names with a title ("White House Coordinator" from a long headline) is not a person.
    # a leader the opening names by office alone ("The Prime Minister spoke ...", "Today I spoke ..."), named from
    # who held the office (helpers.offices)
    opening_text = " ".join([str(document.get("title") or ""), *sentences[:opening_index(sentences) + 1]])
    by_office = host_name in leader_names(lexicon) and (in_first_person or host_name.split()[-1] not in opening_text)
    host_named = host_name and (host_name in aliases(lexicon).values() or by_office or any(keys(host_name) & keys(n) for n in known))
    if not host_named and (opening_host.name or opening_host.title):
        host_name, host_title = opening_host.name, host_title or opening_host.title
    host = add(host_name, HOST, host_title)
    if opening_host.title and (not opening_host.name or same_person(canonical_name(lexicon, opening_host.name, known), host.name or "")):
        host.titles.add(opening_host.title)  # the headline's "President Michel" is "The President of the European Council"
    main_title = str(document.get("counterpart_title") or "")
    for i, name in enumerate(counterparts):
        # metadata gives names; a title left in front ("Ecumenical Patriarch Bartholomew") is parsed away
        parsed = parse_person(lexicon, name) if rules.starter_word.match(name) else Person(name=name)
        if parsed.name:
            add(parsed.name, COUNTERPART, main_title if i == 0 else parsed.title, str(document.get("counterpart_country") or "") if i == 0 else parsed.country)
        elif i == 0 and (main_title or document.get("counterpart_country")):  # known by title only: "Qatar's Emir"
            members.append(_Member("", COUNTERPART, {main_title} - {""}, str(document.get("counterpart_country") or ""), rules.name_fillers))
    for person in opening_others:
        name = canonical_name(lexicon, person.name, known) if person.name else ""
        # "Prime Minister Hipkins" in the opening is the headline's "Chris Hipkins": one member, with both titles
        same = next((m for m in members if name and m.name and (m.name == name or same_person(name, m.name))), None)
        if same is not None:
            if person.title:
                same.titles.add(person.title)
            continue
        if person.name or person.title:
            add(person.name, COUNTERPART, person.title, person.country)
    for name, title in known.items():
        canonical = canonical_name(lexicon, name, known)
        member = next((m for m in members if m.name and (m.name == canonical or keys(canonical) & m.keys and same_person(canonical, m.name))), None)
        if member is None:
            member = add(canonical, OTHER)
        member.titles.add(title)
    counterpart_countries = {m.country for m in members if m.role == COUNTERPART and m.country}
    if document.get("counterpart_country"):
        counterpart_countries.add(str(document["counterpart_country"]))
    host_country = _host_country(document, text, counterpart_countries, rules)
    when = document.get("date") if document.get("date") is not None and not pd.isna(document.get("date")) else document.get("published")
    publisher_country = str(document.get("host_country") or "")  # as the document states it, not guessed from the text
    absent = None  # the publisher's leader, where they take no part
    if not host.name and (office_holder := leader(lexicon, publisher_country, when)):
        # a convening no single principal hosts: the publisher's leader that day is known by their office wherever the
        # text names it ("The President reiterated ..."), and of the host's side where the headline or opening has
        # them take part ("the President and Vice President met with ..."); otherwise their words are quoted from
        # elsewhere ("Earlier this year, the President proposed ..." at officials' convening): another person's
        office = leader_office(lexicon, publisher_country, when)
        member = next((m for m in members if m.name and same_person(m.name, office_holder)), None) or add(office_holder, OTHER)
        member.titles.add(office)
        if member.role == OTHER and takes_part(lexicon, sentences, name=office_holder, office=office, headline=str(document.get("title") or "")):
            member.role = HOST
        elif member.role == OTHER:
            absent = member
    # The headline's group is the counterpart side ("Meeting with Bipartisan Governors"): its named members
    # ("Indiana Governor Eric Holcomb") speak for it
    headline = set(re.findall(r"[\w-]+", str(document.get("title") or "").lower()))
    for member in members:
        if member.role == OTHER and member.name and any(_plural(title) in headline for title in member.titles):
            member.role = COUNTERPART
    if not host.name and not host.titles:
        # a summit or meeting the publisher convenes, with no principal of its own: its officials speak for its side
        for member in members:
            if member.role == OTHER and member is not absent and member.name and member.titles & rules.publisher_offices and member.country in ("", host_country):
                member.role = HOST
    members.sort(key=lambda m: (HOST, COUNTERPART, OTHER).index(m.role))
    return _Cast(members, host_country, counterpart_countries - {host_country}, known, rules, in_first_person=in_first_person,
                 host_by_office=by_office)


def _plural(title: str) -> str:
    """The plural of a title's last word, lower-cased, as a headline names a group of its holders ("Governor" ->
    "governors", "Secretary" -> "secretaries")."""
    word = title.split()[-1].lower() if title.split() else ""
    return word[:-1] + "ies" if word.endswith("y") and word[-2:-1] not in "aeiou" else word + "s"


def _same_person(a: str, b: str, fillers: frozenset[str]) -> bool:
    """Whether two spellings share the surname-like key, so "President Xi" and "Xi Jinping" meet."""
    ka, kb = _name_keys(a, fillers), _name_keys(b, fillers)
    return bool(ka & kb) and (ka <= kb or kb <= ka or a.split()[-1].lower() == b.split()[-1].lower())


def _titled_names(rules: _Rules, text: str) -> dict[str, str]:
    """Every name that follows a title in the text -> the title (first use wins)."""
    found: dict[str, str] = {}
    end = 0
    for word in rules.starter_word.finditer(text):
        if word.start() < end:
            continue
        match = rules.person.match(text, word.start())
        end = match.end()
        if match.group("titles") and match.group("name"):
            parsed = parse_person(rules.lexicon, match.group(0))
            if parsed.name and parsed.title and parsed.name not in country_names(rules.lexicon):
                # One's own title, not that of whom one serves: "National Security Advisor to the Vice President
                # Phil Gordon" is no "Vice President", "Press Secretary of the Belarusian leader ..." no "leader".
                found.setdefault(parsed.name, parsed.title.split(" to the ")[0])
    return found


def _host_country(document: dict, text: str, counterpart_countries: set[str], rules: _Rules) -> str:
    """The publishing side's country: the one its house style states (`house` table: host_country), else the
    document's (its web address's or its host's), else the country the text names most that is not a counterpart's."""
    if stated := rules.lexicon.setting("host_country") or str(document.get("host_country") or ""):
        return stated
    names = country_names(rules.lexicon)
    counts = Counter()
    for word in rules.starter_word.finditer(text):
        if found := rules.country.match(text, word.start()):
            counts[names[found.group("country")]] += 1
    for country, _ in counts.most_common():
        if country not in counterpart_countries:
            return country
    return ""


# --- one sentence -------------------------------------------------------------------------------

@dataclass
class _Subject:
    kind: str          # people, countries, pronoun, joint, event, group
    end: int
    phrases: list[str] = field(default_factory=list)
    refers_to: str = ""
    pronoun: str = ""  # the pronoun itself, lower-cased: "he" and "she" tell two people apart
    groups: list[str] = field(default_factory=list)  # the role each conjoined group speaks for
    country_group: bool = False  # a country's people rather than the country: "Fijian officials", "U.S. and Mexican leaders"


def _verb_form(matched: str, rules: _Rules) -> str:
    """The table's form of a matched verb: forms with `*` are found by their pattern, and a form with adverbials after
    its first word ("will also travel", "spoke today with") by the form without them; "" when none."""
    form = " ".join(matched.lower().split())
    if form in rules.verbs:
        return form
    for pattern, wildcard in rules.wildcard_forms:
        if pattern.fullmatch(matched):
            return wildcard
    first, *rest = form.split()
    plain = " ".join([first, *(word for word in rest if not rules.adverb_word.fullmatch(word))])
    return plain if plain in rules.verbs else ""


def _verb_entry(matched: str, rules: _Rules) -> tuple[str, str, bool]:
    """(kind, lemma, needs_object) of a matched verb form."""
    return rules.verbs.get(_verb_form(matched, rules), ("", "", False))


def _clause_starts(text: str, rules: _Rules, pos: int = 0, cast: _Cast | None = None) -> list[tuple[int, bool]]:
    """Where the first main clause's subject may start, each with whether only a subject with a reporting verb counts
    there: the sentence start (or `pos`, after a list marker), and after a lead-in each of the first commas.
    A subordinate clause before the first comma ("When PM X visited Y, he and Z agreed ...") is never the subject,
    whoever it names. A participle ("Welcoming President X, His Highness affirmed ...") is not either when a speaker
    with a reporting verb follows a comma; otherwise it may be ("Joining President X on the call were ..."). The
    opening word may be part of a name the document knows ("Ding Xuexiang said ...")."""
    opener = rules.word.match(text, pos)
    if opener is not None and opener.group()[:1].isupper() and opener.group().lower() in rules.coordinators and (
            after := rules.comma_free_word.match(text, opener.end())):
        pos = after.end()  # a sentence may open with a conjunction, its subject after it: "And the group discussed ..."
    if not rules.lead_in.match(text, pos):
        return [(pos, False)]
    commas = [m.end() for m in rules.comma.finditer(text, pos, min(len(text), pos + 250))][:4]
    opener = rules.word.match(text, pos)
    named = cast is not None and opener is not None and any(opener.group().lower() in member.keys for member in cast.members)
    if commas and not named and rules.subordinate.match(text, pos):
        return [(comma, False) for comma in commas]
    if commas and not named and opener is not None and rules.participle.fullmatch(opener.group()) and not rules.lead_word.fullmatch(opener.group()):
        return [(comma, True) for comma in commas] + [(pos, False)]
    starts = [(pos, False)]
    if opener is not None and rules.adverb_word.fullmatch(opener.group()) and (after := rules.comma_free_word.match(text, opener.end())):
        starts.append((after.end(), False))  # an adverb before the subject with no comma: "Together they discussed ..."
    return starts + [(comma, False) for comma in commas]


def _subject(text: str, pos: int, rules: _Rules) -> _Subject | None:
    """The subject phrase at `pos` when it is one the rules know, else None."""
    first = rules.word.match(text, pos)
    if first is None:
        return None
    first = first.group().lower()
    if first in rules.coordinators:
        return None
    if first in rules.pronoun_refers and (m := rules.pronoun.match(text, pos)):
        pronoun = m.group("pronoun").lower()
        others, end = [], m.end()
        # "he and President X agreed": the pronoun's person and the others named with it
        while (sep := rules.separator.match(text, end)) and (item := _mention(text, sep.end(), rules)) is not None:
            others.append(item[1])
            end = item[2]
        return _Subject("pronoun", end, others, refers_to=rules.pronoun_refers[pronoun], pronoun=pronoun)
    if first in rules.phrase_starters:
        if (m := rules.event.match(text, pos)) and not ((group := rules.group.match(text, pos)) and group.end() > m.end()):
            return _Subject("event", m.end())  # but "The meeting participants agreed ..." is a group, not the meeting
        if m := rules.joint.match(text, pos):
            return _Subject("joint", m.end())
    # people, countries and groups, conjoined: "Sullivan, Deese, and the cabinet members", "Survivors and experts"
    phrases, groups, kinds, end, country_group = [], [], set(), pos, False
    while True:
        # a group first, unless a title or country comes before its head ("President X and business leaders"): a
        # capitalised common noun ("Survivors", "Manufacturers") would otherwise pass for a name
        group = rules.group.match(text, end)
        if group is not None and (rules.title.search(text, end, group.start("head")) or rules.country.search(text, end, group.start("head"))
                                  or any(w.lower() in rules.verbs for w in rules.word.findall(text, end, group.start("head")))):
            group = None  # "Sullivan and Deese thanked the Cabinet members": a verb before the head ends the subject
        item = _mention(text, end, rules) if group is None else None
        if item is None:
            if group is None:
                break
            groups.append(rules.group_side.get(" ".join(group.group("head").lower().split()), OTHER))
            end = group.end()
        else:
            kind, phrase, end = item
            phrases.append(phrase)
            kinds.add(kind)
            if kind == "country" and (head := rules.group_head.match(text, end)):
                end, country_group = head.end(), True  # "Mexican officials", "U.S. and Mexican leaders": a country's group speaks for it
        sep = rules.separator.match(text, end)
        if not sep or (rules.group.match(text, sep.end()) is None and _mention(text, sep.end(), rules) is None):
            break
        end = sep.end()
    if not (phrases or groups) or text.startswith(("'s", "’s"), end):
        return None
    if groups and not phrases:
        return _Subject("group", end, groups=groups)
    return _Subject("countries" if kinds == {"country"} else "people", end, phrases, groups=groups, country_group=country_group)


def _mention(text: str, pos: int, rules: _Rules) -> tuple[str, str, int] | None:
    """A country or a person (title and/or name) at `pos`: (kind, phrase, end)."""
    first = rules.first_word.match(text, pos)
    if first is None:
        return None
    if first.group(1) not in rules.starters:
        if first.start(1) > pos:
            # "The" + a word that is neither a title nor a country: a demonym no table knows before a title ("The
            # Dalvenian Foreign Minister said ...") is the holder of that title; anything else is no mention
            after = rules.comma_free_word.match(text, first.end(1))
            if after and (title := rules.title.match(text, after.end())) and (person := rules.person.match(text, title.start())):
                return _person_mention(text, title.start(), person.end(), rules)
            return None
        name = rules.name.match(text, pos)
        return _person_mention(text, pos, name.end(), rules) if name else None
    country = rules.country.match(text, pos)
    person = rules.person.match(text, pos)
    if person and not (person.group("titles") or person.group("name")):
        person = None
    if country and (person is None or person.end() <= country.end() or not (person.group("titles") or _is_name_after(person, country))):
        # "the Chinese side" stands for its principal, even inside a paragraph of another speaker or of both
        if side := rules.side.match(text, country.end()):
            return "side", country.group("country"), side.end()
        return "country", country.group("country"), country.end()
    if person:
        return _person_mention(text, pos, person.end(), rules)
    return None


def _person_mention(text: str, pos: int, end: int, rules: _Rules) -> tuple[str, str, int]:
    """("person", phrase, end) of a person matched from `pos` to `end`, taking in what still belongs to them:
    an office's words before a title run on through the title's phrase ("Senior Presidential Secretary for Press
    Affairs Kim Eun-hye", "Government spokesperson Steffen Hebestreit"), and a name set off by commas after an unnamed title ("Canada's Ambassador to the
    European Union, Ailish Campbell, provided ...")."""
    title = rules.title.search(text, pos + 1, end) or rules.title.match(text, end + 1)  # or just after: "Government spokesperson X"
    if title and (titled := rules.person.match(text, title.start())):
        end = max(end, titled.end())
    phrase = text[pos:end].rstrip(" ,")
    end = pos + len(phrase)
    if (appositive := rules.apposition.match(text, end)) and not parse_person(rules.lexicon, phrase).name:
        return "person", f"{phrase.strip()} {appositive.group('name')}", appositive.end()
    return "person", phrase.strip(), end


def _is_name_after(person: re.Match, country: re.Match) -> bool:
    return bool(person.group("name")) and person.start("name") >= country.end()


@dataclass
class _Decision:
    role: str
    speaker: str = ""
    verb: str = ""
    rule: str = ""
    person: tuple[str, str] | None = None   # an individual named as subject, for later "he"/"she"
    plural: str = ""                         # role a later "they" points back to
    pronoun: str = ""                        # the pronoun that made this decision


def _tag_alone(text: str, lemma: str, rules: _Rules) -> bool:
    """Whether a sentence ends with its reporting verb and a colon, saying nothing itself ("A spokesperson said:")."""
    last = _LAST_WORD_BEFORE_COLON.search(text)
    return bool(last and lemma) and _verb_entry(last.group(1), rules)[1] == lemma


_LAST_WORD_BEFORE_COLON = re.compile(r"([\w’'-]+)\s*:\s*$")


def _quoted_person(text: str, cast: _Cast, rules: _Rules) -> _Decision | None:
    """Who the quotation after a lead-in is given to ("Quotes attributable to Prime Minister X:"), when the lead-in
    names one person (`quote_lead_ins.csv`)."""
    for pattern in rules.quote_lead_ins:
        if (found := pattern.match(text.strip())) and (resolved := _resolve_people([found.group("who")], cast)) and len(resolved) == 1:
            role, speaker = resolved[0]
            return _Decision(role, speaker, "", QUOTES_OF)
    return None


def _resolve_people(phrases: list[str], cast: _Cast) -> list[tuple[str, str]] | None:
    """(role, speaker) for each conjoined person or country phrase; None when a bare name is unknown."""
    names = country_names(cast.rules.lexicon)
    out = []
    for phrase in phrases:
        if cast.rules.pronoun_refers.get(phrase.lower()) == HOST:  # "Prime Minister Trudeau and I"
            member = cast.principal(HOST)
            out.append((HOST, member.name if member else ""))
            continue
        if phrase in names:
            country = names[phrase]
            side = cast.side_of_country(country)
            member = cast.principal(side) if side != OTHER else None
            out.append((side, member.name if member else ""))
            continue
        person = parse_person(cast.rules.lexicon, phrase)
        member = None
        if person.name:
            member = cast.by_name(person.name)
            host = cast.principal(HOST)
            if (host is not None and not host.name and person.title in host.titles
                    and (member is None or member.role == OTHER)):
                # the host known only by title ("The President spoke today with ...") named later: "President Obama"
                host.name, member = member.name if member else cast.canonical(person.name), host
            if member is None:
                if not person.title:
                    return None  # a capitalised word that names no one we know ("This", "Belt")
                out.append((OTHER, cast.canonical(person.name)))
                continue
        elif person.country:
            side = cast.side_of_country(person.country)
            member = cast.principal(side) if side != OTHER else None
            if member is None:
                out.append((OTHER, ""))
                continue
        elif person.title:
            member = cast.by_title(person.title)
            if member is None:
                out.append((OTHER, ""))
                continue
        if member is None:
            return None
        out.append((member.role, member.name))
    return out


def _decide(text: str, *, first: bool, cast: _Cast, paragraph: _Decision | None, last_person: tuple[str, str] | None,
            last_plural: str, rules: _Rules) -> _Decision:
    """Role, speaker, verb and rule for one sentence, given what the paragraph and document said so far."""
    individual = paragraph is not None and paragraph.role in (HOST, COUNTERPART)
    marker = rules.list_marker.match(text)
    start = marker.end() if marker else 0
    # a quotation mark opening the sentence is no word of it: a spokesperson's statement quoted whole is read as any
    # other ('"The Prime Minister updated President Macron ...')
    if quote := _OPENING_QUOTE.match(text, start):
        start = quote.end()
    for pos, needs_verb in _clause_starts(text, rules, start, cast):
        subject = _subject(text, pos, rules)
        if subject is None:
            continue
        verb_match = rules.verb.match(text, subject.end)
        if (verb_match is None or verb_match.group().lstrip().startswith(",")) and (aside := rules.aside.match(text, subject.end)):
            # "Mr. X, joined by Dr. Y, praised ...", "The governors—which included ...—discussed ...": the verb after
            # the aside is the subject's only when it reports speech (else the commas may close a list or a clause)
            behind = rules.verb.match(text, aside.end())
            if behind is not None and _reports(behind, text, rules):
                verb_match = behind
        if verb_match is None and subject.groups:
            verb_match = _verb_after_modifier(text, subject.end, rules)
        kind, lemma, needs_object = _verb_entry(verb_match.group("verb"), rules) if verb_match else ("", "", False)
        if verb_match is None and (means := rules.by_gerund.match(text, subject.end)) and (gerund_lemma := _gerund_lemma(means.group("gerund"), rules)):
            # "Mr. X opened the meeting by reaffirming ...": a deed done by speaking is speech
            kind, lemma, needs_object = "report", gerund_lemma, False
        if needs_verb and subject.kind in ("people", "countries") and kind != "report" and not rules.verb_follows.match(text, subject.end):
            continue  # after a participle, a person with a verb: not the next of a list ("..., Chancellor Scholz of Germany, ...")
        # After the opening a framing verb frames only with a person after it ("also spoke with President Putin"),
        # and a greeting never does ("welcomed the Vice President back to Japan" reports the welcome).
        if kind == "frame" and needs_object and not first and (
                _verb_form(verb_match.group("verb"), rules) in rules.greetings
                or not rules.framing_object.match(text, verb_match.end())):
            # a greeting or message later on is what its sender said; not after the perfect's auxiliary ("Kenya has
            # received 2.8 million vaccines")
            before = rules.word.findall(text, max(0, verb_match.start("verb") - 12), verb_match.start("verb"))
            kind = "" if before and before[-1].lower() in rules.perfect_auxiliaries else "report"
        if kind == "background":
            # "X is paying an official visit to ...", "He is accompanied by ...": the publisher's account of a person
            # (a subject the rules know: a person, a pronoun; not "This is in addition to ...")
            resolved = _resolve_people(subject.phrases, cast) if subject.kind == "people" else None
            if resolved or subject.kind == "pronoun" and subject.refers_to == "person":
                person = resolved[0] if resolved and len(resolved) == 1 and resolved[0][0] in INDIVIDUAL_ROLES else None
                return _Decision(NARRATOR, rule=BACKGROUND, person=person)
            continue
        if kind == "frame":
            decision = _Decision(NARRATOR, rule="framing verb")
            if subject.kind == "people":
                resolved = _resolve_people(subject.phrases, cast)
                if resolved and len(resolved) == 1 and resolved[0][0] in INDIVIDUAL_ROLES:
                    decision.person = resolved[0]
                elif resolved:
                    decision.plural = JOINT
            return decision
        has_verb = kind == "report"
        if not has_verb and not rules.lowercase_word.match(text, subject.end):
            continue  # not a clause subject: "President Biden’s commitment", "Belt and Road"
        if subject.kind == "pronoun":
            if subject.refers_to == HOST:  # the principal writing in the first person: what "I" says is theirs
                if not cast.in_first_person:
                    continue  # an "I" quoted from someone else ("I am grateful to our federal partners ...")
                host = cast.principal(HOST)
                return _Decision(HOST, host.name if host else "", lemma, FIRST_PERSON, person=(HOST, host.name) if host else None)
            if subject.refers_to == "person":
                # "When President X started this war, he thought ...": the one person a subordinate opening names
                antecedent = _named_before(text, start, pos, cast, rules) or last_person
                if antecedent is None:
                    if not has_verb:
                        break  # "He and his coworkers face ..." with no one named before: no speech, so the paragraph's
                    if first:  # the opening, in the publisher's voice: "..., she directed her advisor to travel ..."
                        return _Decision(NARRATOR, rule="opening")
                    return _Decision(UNATTRIBUTED, verb=lemma, rule="pronoun without antecedent")
                role, speaker = antecedent
                if not has_verb and antecedent != last_person and not _continues(paragraph, antecedent):
                    # "When President X started this war, he thought ...": about someone the opening clause names,
                    # not what they said
                    return _Decision(NARRATOR, rule=NO_SPEECH, person=antecedent)
                if subject.phrases and (others := _resolve_people(subject.phrases, cast)):
                    if {role} | {r for r, _ in others} >= {HOST, COUNTERPART}:
                        return _Decision(JOINT, "", lemma, CONJOINED_WITH_PRONOUN, plural=JOINT)
                return _Decision(role, speaker, lemma, "pronoun", person=antecedent, pronoun=subject.pronoun)
            role = last_plural or JOINT
            if not has_verb and individual and rules.modal.match(text, subject.end):
                return _continue(paragraph, lemma, "pronoun inside speech")
            return _Decision(role, "", lemma, "plural pronoun", plural=role)
        if subject.kind == "joint":
            if not has_verb and individual and rules.modal.match(text, subject.end):
                return _continue(paragraph, lemma, "joint subject inside speech")
            return _Decision(JOINT, "", lemma, "joint subject", plural=JOINT)
        if subject.kind == "event":
            return _Decision(NARRATOR, "", "", "event as subject")
        if subject.kind == "group":
            if has_verb:
                role = _group_role(subject.groups)
                if verb_match is not None and _with_other_side(text, verb_match.end(), role, lemma, cast, rules):
                    return _Decision(JOINT, "", lemma, MUTUAL, plural=JOINT)
                return _Decision(role, "", lemma, "group subject", plural=role)
            continue
        if first and not has_verb:
            continue  # the opening names who met ("A, B and C met with ..."); only a reporting verb makes it speech
        resolved = _resolve_people(subject.phrases, cast)
        if resolved is None:
            continue
        if subject.kind == "countries":
            if not has_verb and _publisher_present(text[start:], rules):
                return _Decision(NARRATOR, rule=PRESENT_STATEMENT)  # "Kenya has received 2.8 million vaccines ..."
            # a country inside a speaker's paragraph is their words ("Belarus firmly supports ..."); a country's people
            # who report something ("Fijian officials thanked ...") speak for themselves
            both_sides = {role for role, _ in resolved} >= {HOST, COUNTERPART}
            if individual and not (has_verb and (both_sides or subject.country_group)) or paragraph is not None and paragraph.role == JOINT and not has_verb:
                return _continue(paragraph, lemma, "country inside speech")
            if not has_verb:
                continue
        roles = {role for role, _ in resolved}
        if subject.groups:
            # "Sullivan, Deese, and the cabinet members stressed ...": people and a group of the other side together
            if has_verb and (JOINT in subject.groups or {HOST, COUNTERPART} <= roles | set(subject.groups)):
                return _Decision(JOINT, "", lemma, "people and a group", plural=JOINT)
            side = _group_role(subject.groups)
            if has_verb and roles <= {OTHER, side} and side in (HOST, COUNTERPART):
                # "Secretary X and other senior administration officials addressed ...", "President Biden and
                # administration officials underscored ...": named members of a side that speaks as a group, its
                # principal (else the first named) its speaker; a later "they" is that side
                speaker = next((name for role, name in resolved if role == side), resolved[0][1])
                return _Decision(side, speaker, lemma, "people and a group", plural=side)
        if len(resolved) > 1 and {HOST, COUNTERPART} <= roles:
            return _Decision(JOINT, "", lemma, "conjoined subjects", plural=JOINT)
        if len(resolved) > 1 and len({s for _, s in resolved}) > 1:
            role = HOST if HOST in roles else COUNTERPART if COUNTERPART in roles else OTHER
            speaker = next(s for r, s in resolved if r == role)
            return _Decision(role, speaker, lemma, "conjoined subjects, one side", plural=role)
        role, speaker = resolved[0]
        if not has_verb and not _continues(paragraph, (role, speaker)):
            # A named subject without a reporting verb ("The President will provide an update on Monday", "President
            # X has failed") states a fact, an action or a plan in the publisher's words: speech only where it goes
            # on with the paragraph's own speaker. A later "he" still means that person.
            person = (role, speaker) if len(resolved) == 1 and (speaker or role in (HOST, COUNTERPART)) else None
            return _Decision(NARRATOR, rule=NO_SPEECH, person=person)
        if verb_match is not None and _with_other_side(text, verb_match.end(), role, lemma, cast, rules):
            return _Decision(JOINT, "", lemma, MUTUAL, plural=JOINT)  # "Mr. X discussed with President Y ..."
        if subject.kind == "countries" and subject.country_group:
            return _Decision(role, "", lemma, "a country's group", plural=role)  # "Fijian officials": no one person
        rule = "country as subject" if subject.kind == "countries" else "named subject"
        # a principal named by title only ("The Prime Minister said ...") is still the one a later "He" means
        return _Decision(role, speaker, lemma, rule, person=(role, speaker) if speaker or role in (HOST, COUNTERPART) else None)
    # Speech reported in the passive with no speaker ("Views were also exchanged on ...", "The situation in Ukraine was
    # also discussed") is both sides', unless it stands inside one leader's paragraph.
    if not first and not individual and (passive := rules.passive.match(text, start)):
        return _Decision(JOINT, "", _verb_entry(passive.group("verb"), rules)[1], PASSIVE, plural=JOINT)
    # The speaker may come after the words: '"...," Mr Hipkins said.', "India is ready ..., the Minister said."
    if not first and (after := rules.speaker_after.search(text)):
        decision = _decide(text[after.start("clause"):], first=False, cast=cast, paragraph=None, last_person=last_person,
                           last_plural=last_plural, rules=rules)
        if decision.verb and decision.role in (HOST, COUNTERPART, OTHER, JOINT):  # a tag says who spoke: it has its verb
            decision.rule = SPEAKER_AFTER
            return decision
    return _fallback(text, first=first, paragraph=paragraph, rules=rules)


SPEAKER_AFTER = "speaker named after the words"
MUTUAL = "done with the other side"
_WITH = re.compile(r"\s+(?:together\s+)?with\s+")


def _with_other_side(text: str, verb_end: int, role: str, lemma: str, cast: _Cast, rules: _Rules) -> bool:
    """Whether a side's verb is done with the other side's principal ("The representatives discussed with Mr. Finer
    ..."): a mutual verb (link_words `mutual`), "with", and a person of the other side."""
    if lemma not in rules.mutual_lemmas or role not in (HOST, COUNTERPART) or not (with_ := _WITH.match(text, verb_end)):
        return False
    item = _mention(text, with_.end(), rules)
    resolved = _resolve_people([item[1]], cast) if item is not None and item[0] == "person" else None
    return bool(resolved) and resolved[0][0] in (HOST, COUNTERPART) and resolved[0][0] != role
NO_SPEECH = "named subject without a reporting verb"
PRESENT_STATEMENT = "publisher's statement in the present"
BACKGROUND = "background about a person"
INSIDE_QUOTATION = "inside a quotation"
PASSIVE = "passive report"
FIRST_PERSON = "the principal in the first person"
PUBLISHER_VOICE = "an unnamed voice of the publisher"
QUOTES_OF = "quotation given to someone named before it"
CONJOINED_WITH_PRONOUN = "pronoun and named subject"


def _by_pronoun(decision: _Decision, candidates: list[tuple[str, str]], pronoun_of: dict[tuple[str, str], str]) -> _Decision:
    """A "she" after a man called "he" (or the reverse) means the latest other person not yet called otherwise
    (`candidates`, latest last: the subjects so far, then the principals): "PM Lee ... He invited her ... She
    accepted the invitation"."""
    person, pronoun = decision.person, decision.pronoun
    if pronoun in ("he", "she") and person is not None and pronoun_of.get(person, pronoun) != pronoun:
        other = next((p for p in reversed(candidates) if p != person and pronoun_of.get(p, pronoun) == pronoun), None)
        if other is not None:
            decision = _Decision(other[0], other[1], decision.verb, decision.rule, person=other, pronoun=pronoun)
    if pronoun in ("he", "she") and decision.person is not None:
        pronoun_of.setdefault(decision.person, pronoun)
    return decision


def _opens_quote(text: str) -> bool:
    """Whether a sentence opens a quotation it does not close."""
    stripped = text.strip()
    return stripped[:1] in ('"', "“") and stripped.count("”") + stripped.count('"') < 2


_OPENING_QUOTE = re.compile(r"\s*[\"“]")


_QUOTATION_MARK = re.compile('[“”"]')


def _quotation_state(text: str, open_before: bool) -> tuple[bool, bool, bool]:
    """(open before, open after, whether a quotation opened after some words): curly marks open and close, a
    straight double mark toggles; single marks are left alone, being apostrophes as often as quotation marks."""
    state, opened_after_words = open_before, False
    for mark in _QUOTATION_MARK.finditer(text):  # most sentences hold none: the scan is done in C
        position, char = mark.start(), mark.group()
        if char == "“" or char == '"' and not state:
            if not state and text[:position].strip():
                opened_after_words = True
            state = True
        elif char == "”" or char == '"':
            state = False
    return open_before, state, opened_after_words and state


def _continue(paragraph: _Decision, lemma: str, rule: str) -> _Decision:
    return _Decision(paragraph.role, paragraph.speaker, lemma, rule)


def _gerund_lemma(gerund: str, rules: _Rules) -> str:
    """The reporting verb an -ing form is of ("reaffirming" -> reaffirm, "emphasizing" -> emphasize, "welcoming" ->
    welcome, "submitting" -> submit), or ""."""
    stem = gerund[:-3]
    for lemma in (stem, stem + "e", stem[:-1]):
        if lemma in rules.report_lemmas:
            return lemma
    return ""


def _reports(verb_match: re.Match, text: str, rules: _Rules) -> bool:
    """Whether a verb reports speech: a reporting verb, or a framing verb that also reports and has no person after
    it ("Joseph Biden, for his part, spoke of sanctions", not "... spoke with President Putin")."""
    kind, lemma, _ = _verb_entry(verb_match.group("verb"), rules)
    return kind == "report" or kind == "frame" and bool(lemma) and not rules.framing_object.match(text, verb_match.end())


def _verb_after_modifier(text: str, end: int, rules: _Rules, words: int = 8) -> re.Match | None:
    """A reporting verb a few words after a group, past what qualifies it ("members of the COVID Response Team
    updated ...", "Representatives from three firms shared ..."); none past a comma, colon or quotation mark."""
    for space in rules.comma_free_word.finditer(text, end):
        if words == 0 or any(mark in text[end:space.start()] for mark in ",;:\"“”—"):
            return None
        found = rules.verb.match(text, space.start())
        if found is not None and _verb_entry(found.group("verb"), rules)[0] == "report":
            return found
        words -= 1
    return None


def _group_role(sides: list[str]) -> str:
    """The role of conjoined groups: their one side, or joint when groups of both sides (or everyone) speak."""
    found = set(sides) - {OTHER}
    if not found:
        return OTHER
    return found.pop() if len(found) == 1 else JOINT


def _continues(paragraph: _Decision | None, person: tuple[str, str]) -> bool:
    """Whether `person` is the one whose words the paragraph has reported so far."""
    return paragraph is not None and paragraph.role == person[0] and paragraph.speaker == person[1]


def _named_before(text: str, start: int, pos: int, cast: _Cast, rules: _Rules) -> tuple[str, str] | None:
    """The one person a subordinate opening (`text[start:pos]`, "When President X started this war,") names, or None."""
    if pos <= start or not rules.subordinate.match(text, start):
        return None
    found = set()
    for word in rules.starter_word.finditer(text, start, pos):
        item = _mention(text, word.start(), rules)
        if item is not None and item[0] == "person" and (resolved := _resolve_people([item[1]], cast)):
            found.update(p for p in resolved if p[1])
    return found.pop() if len(found) == 1 else None


def _fallback(text: str, *, first: bool, paragraph: _Decision | None, rules: _Rules) -> _Decision:
    """A sentence whose first clause names no speaker: it keeps its paragraph's speaker, or is framing."""
    stripped = text.rstrip()
    if stripped.endswith(":"):
        return _Decision(NARRATOR, rule="lead-in")
    if paragraph is not None:
        if _publisher_present(stripped, rules):
            return _Decision(NARRATOR, rule=PRESENT_STATEMENT)
        return _Decision(paragraph.role, paragraph.speaker, "", "no new subject: keeps paragraph")
    if first:
        return _Decision(NARRATOR, rule="opening")
    if not _SENTENCE_END.search(stripped):
        return _Decision(NARRATOR, rule="heading or list item")
    # No speaker in the clause nor earlier in the paragraph: a fact or plan in the publisher's own voice.
    return _Decision(NARRATOR, rule="publisher's statement")


def _publisher_present(text: str, rules: _Rules) -> bool:
    """Whether a sentence that names no speaker is the publisher's own statement by its tense: where the house
    backshifts reported speech, a first finite verb in the present or future ("Kenya has received ...", "This
    blueprint will include ...") is not more of the paragraph's speech. A pronoun subject, a quotation or a subject in
    the first person ("Our goal remains ...") still reports someone."""
    if not rules.backshifted or rules.pronoun.match(text) or any(mark in text for mark in '"“”'):
        return False
    words = rules.word.findall(text)
    if rules.subordinate.match(text) and "," in text:  # "While other workers are afraid ..., she felt ...": the main clause
        words = rules.word.findall(text[text.index(","):])
    previous = ""
    for word in words:
        # only a lower-case word takes the past ending ("United States" is no verb), and not after a determiner
        # ("all vaccinated adults" is an adjective)
        kind = rules.clause_words.get(word.lower()) or (
            "past" if word.islower() and word.endswith(rules.past_suffixes) and rules.clause_words.get(previous) != "determiner" else "")
        if kind == "first_person":  # a subject in the first person ("Our goal remains ..."): speech
            return False
        if kind in ("present", "past"):
            return kind == "present"
        previous = word.lower()
    return False


# --- frames -------------------------------------------------------------------------------------

def _attribute(sentences: pd.DataFrame, documents: pd.DataFrame, lexicon: Lexicon) -> pd.DataFrame:
    """The sentences with `speaker`, `role`, `verb` and the deciding `rule` added; each document is read with the
    lexicon of its house style (`source_style`)."""
    docs = _cast_fields(documents)
    speakers, roles, verbs, decided_by = [], [], [], []
    doc_ids = sentences["doc_id"].to_numpy()
    para_ids = sentences["para_id"].to_numpy()
    texts = sentences["text"].to_numpy()
    i, n = 0, len(sentences)
    while i < n:
        j = i
        while j < n and doc_ids[j] == doc_ids[i]:
            j += 1
        doc_texts = [str(t) for t in texts[i:j]]
        document = docs.get(doc_ids[i], {})
        rules = _rules(lexicon.for_style(str(document.get("source_style") or "")))
        cast = _cast(rules, document, doc_texts)
        paragraph: _Decision | None = None
        previous_para = None
        last_person: tuple[str, str] | None = None
        last_plural = ""
        recent: list[tuple[str, str]] = []       # individuals as subjects, the latest last
        pronoun_of: dict[tuple[str, str], str] = {}  # "he" or "she", as the text has called them
        # The opening runs to the framing sentence, which may follow a heading or a dateline paragraph.
        opening_ends = opening_index(doc_texts)
        quote_open = False                       # a quotation opened and not yet closed
        quoted: _Decision | None = None          # who speaks inside it, when a speech tag said so
        tag: _Decision | None = None             # "X said:" ending the paragraph before
        for index, (text, para) in enumerate(zip(doc_texts, para_ids[i:j])):
            if para != previous_para:
                paragraph, previous_para = None, para
                if _OPENING_QUOTE.match(text):
                    # a paragraph that opens with a quotation mark continues a quotation left open (a quotation over
                    # several paragraphs reopens each with a mark and closes only the last), or is the one "X said:" announced
                    quoted = quoted if quote_open else tag
                    quote_open = True
                else:
                    quote_open, quoted = False, None
                tag = None
            if quote_open and quoted is not None:
                decision = _Decision(quoted.role, quoted.speaker, "", INSIDE_QUOTATION)
            else:
                decision = _decide(text, first=index <= opening_ends, cast=cast, paragraph=paragraph, last_person=last_person,
                                   last_plural=last_plural, rules=rules)
            was_open, quote_open, opened_after_words = _quotation_state(text, quote_open)
            speaks = decision.role in INDIVIDUAL_ROLES and decision.verb
            if quote_open and not was_open:
                # 'X said: "...' or 'X said, "...': the quotation is X's until it closes; a quotation that opens the
                # sentence with no tag before it waits for one after it (SPEAKER_AFTER)
                quoted = decision if opened_after_words and speaks else None
            elif not quote_open:
                quoted = None
            if text.rstrip().endswith(":"):
                if decision.role == OTHER and not decision.speaker and _tag_alone(text, decision.verb, rules):
                    # "A Downing Street spokesperson said:": an unnamed voice of the publisher, whose words that
                    # follow are the readout itself
                    decision, quoted = _Decision(NARRATOR, rule=PUBLISHER_VOICE), None
                elif (whose := _quoted_person(text, cast, rules)) is not None:
                    tag = whose  # "Quotes attributable to Prime Minister X:"
                elif speaks:
                    tag = decision
            if decision.pronoun:
                # the principals now, not at the start: a host known by title may have been named meanwhile
                principals = [(m.role, m.name) for m in (cast.principal(HOST), cast.principal(COUNTERPART)) if m is not None]
                decision = _by_pronoun(decision, principals[::-1] + recent, pronoun_of)
            if decision.person is not None:
                recent = [p for p in recent if p != decision.person] + [decision.person]
            if decision.rule == SPEAKER_AFTER and index and _opens_quote(doc_texts[index - 1]) and decided_by[-1] != SPEAKER_AFTER:
                # a quotation over two sentences is the speaker's from its opening mark: '"New Zealand and China ...'
                speakers[-1], roles[-1], decided_by[-1] = decision.speaker, decision.role, SPEAKER_AFTER
            if decision.person is not None:
                last_person = decision.person
            if decision.plural:
                last_plural = decision.plural
            if decision.role != UNATTRIBUTED:
                paragraph = decision
            if decision.role == HOST and not decision.speaker and cast.host_by_office:
                # what the host's side says, the host named by office alone: theirs, as for a host named elsewhere
                # in the corpus (corpus._credit_hosts_named_elsewhere)
                decision = replace(decision, speaker=cast.principal(HOST).name)
            speakers.append(decision.speaker)
            roles.append(decision.role)
            verbs.append(decision.verb)
            decided_by.append(decision.rule)
        i = j
    out = sentences.copy()
    out["speaker"] = speakers
    out["role"] = roles
    out["verb"] = verbs
    out["rule"] = decided_by
    return out


_CAST_FIELDS = ("text", "title", "host", "host_title", "host_country", "counterparts", "counterpart_title", "counterpart_country",
                "source_style", "date", "published")


def _cast_fields(documents: pd.DataFrame) -> dict[str, dict]:
    """doc_id -> the document fields `_cast` reads (the whole frame as records costs a tenth of attribution)."""
    if "doc_id" not in documents:
        return {}
    fields = [name for name in _CAST_FIELDS if name in documents]
    columns = [documents[name].tolist() for name in fields]
    return {doc_id: dict(zip(fields, values)) for doc_id, *values in zip(documents["doc_id"].tolist(), *columns)}


def attribute_speakers(sentences: pd.DataFrame, documents: pd.DataFrame, *, lexicon: Lexicon | str | None = None) -> pd.DataFrame:
    """The sentences frame with `speaker` (canonical name or ""), `role` and `verb` (reporting verb lemma or "") added.
    `lexicon`: the tables of rules (a Lexicon, or a folder overlaid on `data/`; default `data/` alone)."""
    return _attribute(sentences, documents, as_lexicon(lexicon)).drop(columns="rule")


def explain(corpus, doc_id: str, *, lexicon: Lexicon | str | None = None) -> pd.DataFrame:
    """One row per sentence of `doc_id`: sent_id, para_id, role, speaker, verb, the `rule` that decided, and the text."""
    sentences = corpus.sentences[corpus.sentences["doc_id"] == doc_id]
    if sentences.empty:
        raise KeyError(f"no document {doc_id!r} in the corpus")
    documents = corpus.documents[corpus.documents["doc_id"] == doc_id]
    base = sentences.drop(columns=[c for c in ("speaker", "role", "verb") if c in sentences]).reset_index(drop=True)
    out = _attribute(base, documents, as_lexicon(lexicon))
    return out[["sent_id", "para_id", "role", "speaker", "verb", "rule", "text"]]
