"""Theme precision measured by blind labelling (issue 14: precision >= 90% per theme, 30 matches per theme).

The samples are in tests/labels/ (see NOTES.md, "Theme precision sample" and what follows), one per revision of the
dictionary, each drawn from the sentences its dictionary codes on the shared White House corpus and labelled blind
(`about_theme` yes/no). No sentence is in two samples.
- theme_sample.csv (seed 20261130): the dictionary before the office/venue/country-name rule and the revised patterns.
  Before figure: 292 of 420 (69.5%); per theme (of 30) climate and energy 26, core interests 27, culture and
  people-to-people exchange 6, development and humanitarian aid 26, economy and trade 22, human rights and democracy
  16, infrastructure and connectivity 19, migration 29, multilateralism and international order 22, pandemic and
  health 17, regional conflicts 25, science and technology 16, security and defence 21, sovereignty and territorial
  integrity 20.
- theme_sample_2.csv (seed 20261201, none of sample 1): the dictionary with the name rule (offices, bodies, laws,
  venues, countries' formal names) and narrowed lookalikes. Before figure: 352 of 397 (88.7%); per theme (of 30)
  pandemic and health 25, economy and trade 22, security and defence 28, regional conflicts 30, climate and energy 29,
  science and technology 25, human rights and democracy 25, infrastructure and connectivity 24, development and
  humanitarian aid 29, culture and people-to-people exchange 25, multilateralism and international order 23,
  migration 30, sovereignty and territorial integrity 30, core interests 7 of 7.
- theme_sample_3.csv (seed 20261202, none of samples 1 and 2): the dictionary whose name rule also takes
  organisations (campaigns, companies, chambers, hospitals ...), lines of names (participant lists) and events that
  date a meeting (COP conferences with their ordinals), and which leaves out the pandemic as a date, "multilaterally",
  international law as a qualifier, figurative infrastructure and cultures, and technologies named by their climate
  purpose. 30 per theme where 30 were left (sovereignty 18, culture 6, core interests none). Measured: 302 of 354
  (85.3%); per theme pandemic and health 23/30, economy and trade 22/30, infrastructure and connectivity 21/30,
  development and humanitarian aid 28/30, security and defence 23/30, sovereignty and territorial integrity 17/18,
  multilateralism and international order 28/30, climate and energy 29/30, science and technology 26/30, culture and
  people-to-people exchange 6/6 (33/35 with the earlier samples' sentences still coded), human rights and democracy 26/30, migration 29/30, regional conflicts 24/30.
  Six themes reach the issue's 90%; seven do not (annotators count a passing mention, "critical infrastructure" under
  attack or "economic measures" meaning sanctions, as not about the theme, and no general pattern change removed them
  without losing true mentions). The README states these figures.
- theme_sample_4.csv (seed 20261203, none of samples 1 to 3): the dictionary with weak patterns (bare "invest" and
  "investment" count for the economy only beside another of its words, bare "digital" and "research" for science
  only beside another of theirs) and exclusions for sanctions as "economic measures", "critical infrastructure",
  ports of entry, the stock "peace, security and prosperity", titles and defence of a nation's freedom; bare
  "corridor" narrowed to trade and transport corridors. 30 per theme where 30 were left (sovereignty, culture and
  core interests had none left: they are measured on the earlier samples' sentences still coded), 330 rows. On
  samples 1 to 3 (development data for this revision, so no measure of it) the dictionary still codes 916 of the 946
  sentences labelled yes with their theme, and 916 of the 969 it still codes are yes (94.5%). Measured blind: 298 of
  330 (90.3%); per theme pandemic and health 27/30, economy and trade 27/30, infrastructure and connectivity 26/30,
  development and humanitarian aid 30/30, security and defence 24/30, multilateralism and international order 28/30,
  climate and energy 28/30, science and technology 29/30, human rights and democracy 28/30, migration 30/30, regional
  conflicts 21/30; on the earlier samples' sentences still coded, sovereignty and territorial integrity 66/67, culture
  and people-to-people exchange 33/35, core interests 34/34. Eight of the eleven sampled themes reach the issue's 90% (eleven of
  fourteen with those three); infrastructure and connectivity, security and defence and regional conflicts do not (annotators count "critical infrastructure"
  destroyed in a war, "security" meaning personal safety, and a conflict that is only hypothetical or a country named
  without a conflict, as not about the theme).
- theme_sample_5.csv (seed 20261204, none of samples 1 to 4): the dictionary revised for those three themes only:
  infrastructure destroyed or damaged, "CVI" and "data" infrastructure left out; lower-case defence titles ("defense
  ministers"), supply-chain security, defence of freedoms and "prosperity and security" left out; "Middle East" weak
  (counts only beside a conflict word), escalation, de-escalation, the Houthis, the two-state solution and a
  Palestinian state added, past wars, "weapons of war", competition that must not "veer into conflict" and a
  "Protecting Power" left out. On samples 1 to 4 (development data for this revision) it still codes 84 of the 90
  infrastructure sentences labelled yes, 96 of 96 for security and 99 of 100 for regional conflicts, and of those it
  still codes 84/87 (96.6%), 96/104 (92.3%) and 99/109 (90.8%) are yes; on the corpus it codes 176 infrastructure
  sentences (was 181), 949 security (961) and 1015 regional conflicts (1015, 39 out and 39 in). Every theme drawn as
  for sample 4 (sovereignty, culture and core interests had none left), 330 rows; drawn on the corpus as split since
  "Roe v." ends no sentence, with 24 rows of samples 1 to 4 renumbered to match (NOTES.md). Labelled blind as sample 4.
  Measured: 302 of 330 (91.5%); per theme pandemic and health 28/30, economy and trade 24/30, infrastructure and
  connectivity 27/30, development and humanitarian aid 30/30, security and defence 28/30, multilateralism and
  international order 29/30, climate and energy 30/30, science and technology 27/30, human rights and democracy 26/30,
  migration 30/30, regional conflicts 23/30; on the earlier samples' sentences still coded, sovereignty and territorial
  integrity 66/67, culture and people-to-people exchange 33/35, core interests 34/34. Eight of the eleven sampled
  themes reach the issue's 90% (eleven of fourteen with those three); economy and trade, human rights and democracy
  and regional conflicts do not. On 30 sentences a theme's figure moves by several points from sample to sample
  (sample 4: economy 27, human rights 28, regional conflicts 21); samples 4 and 5 pooled (each blind to its own
  revision; the dictionaries differ in three themes) give economy 51/60, human rights 54/60, regional conflicts 44/60,
  599 of the 659 rows kept in all (NOTES.md has every theme).
- theme_sample_6.csv (seed 20261206, none of samples 1 to 5 nor the keys of the rows taken out of them): the dictionary
  revised for the four themes under 90% on samples 4 and 5 pooled: regional conflicts counts a region, state or people
  whose name is as often said of other matters (Middle East, Israel, Iran, "Ukrainian") only beside one of its own
  words, and adds words of war and of the Arab-Israeli settlement (the West Bank, Hezbollah, Russia's aggression,
  rocket and missile attacks, attacks on Israel or Ukraine, a military build-up, self-defence, Iran's proxies, the
  Abraham Accords ...); economy counts "private sector" (a partner or participant) only beside its other words and
  leaves out the clean energy economy; security leaves out software security and the defence of principles and
  values; infrastructure leaves out civilian infrastructure, attacks on infrastructure and port security. On samples
  1 to 5 (development data, so no measure of it): yes still coded regional conflicts 111/123, economy 103/117, security
  124/124, infrastructure 111/117; still-coded rows that are yes 111/117, 103/108, 124/132, 111/115. Drawn as sample
  5: 294 rows (multilateralism 19 and migration 5, all that were left). Labelled blind as samples 4 and 5. Measured:
  259 of 294 (88.1%); per theme pandemic and health 25/30, economy and trade 24/30, infrastructure and connectivity
  28/30, development and humanitarian aid 29/30, security and defence 25/30, multilateralism and international order
  17/19, climate and energy 27/30, science and technology 27/30, human rights and democracy 27/30, migration 5/5,
  regional conflicts 25/30. Six of the eleven sampled themes reach the issue's 90% on their own rows; pandemic and
  health, economy and trade, security and defence, regional conflicts (80.0-83.3%) and multilateralism (17/19, 89.5%)
  do not. Measured as below on all their coded sentences (the earlier samples' rows still coded added),
  multilateralism is 144/152 (94.7%) and migration 153/154; sovereignty and territorial integrity 66/67, culture and
  people-to-people exchange 33/35, core interests 34/34 as before. Samples 4 to 6 pooled (each blind to its own
  revision; the dictionaries differ in four themes) give 858 of 953 (90.0%): pandemic 79/89, economy 75/90,
  infrastructure 81/90, development 89/90, security 77/90, multilateralism 74/79, climate 85/90, science 83/90, human
  rights 81/90, migration 65/65, regional conflicts 69/90; samples 5 and 6, 561 of 624 (89.9%; NOTES.md has every
  theme).
- theme_sample_7.csv (seed 20261207, none of samples 1 to 6 nor the keys of the rows taken out of them): the dictionary
  revised for the four themes under 90% on samples 4 to 6 pooled. Pandemic and health leaves out the pandemic as the
  background or cause of another matter ("during a global pandemic", "in the wake of the pandemic", recovery from it,
  "like the pandemic", what it exacerbated, showed, exposed or laid bare, "pandemic-era", COVID relief), which counts
  only beside a health word, and health-care workers named only among the people met or convened; security and
  defence leaves out national security teams and the national security community (people, like the advisors), a
  technology fund's name and "weaponization" of energy or food (a figure of speech); regional conflicts leaves out
  conflict as a kind of hardship beside hunger or fragility; economy and trade is unchanged. On samples 1 to 6
  (development data, so no measure of it): yes still coded pandemic 142/142, security 149/149, economy 127/141,
  regional conflicts 136/148; still-coded rows that are yes 142/151 (was 142/164), 149/159 (149/162), 127/138
  (unchanged), 136/145 (136/147); corpus sentences coded 684 -> 645, 946 -> 928, 1142, 888 -> 886. Drawn as sample 6:
  240 rows, 30 for each of the eight themes with sentences left (infrastructure, multilateralism and migration had
  none left, like sovereignty, culture and core interests). Labelled blind as samples 4 to 6. Measured: 207 of 240
  (86.3%); per theme pandemic and health 26/30, economy and trade 24/30, development and humanitarian aid 25/30,
  security and defence 27/30, climate and energy 27/30, science and technology 25/30, human rights and democracy
  27/30, regional conflicts 26/30. Three of the eight sampled themes reach the issue's 90% (security, climate, human
  rights); pandemic and health and regional conflicts (86.7%), development and science (83.3%) and economy (80.0%) do
  not. On the earlier samples' sentences still coded (not blind to the revisions read from them): infrastructure and
  connectivity 139/145, multilateralism 144/152, migration 153/154, sovereignty 66/67, culture 33/35, core interests
  34/34. Development and science, whose coded sentences have not changed since sample 4, fell from 29 and 27 (sample
  6) to 25, as far as the revised themes moved: on 30 sentences a theme's figure moves by several points. Samples 4
  to 7 pooled (the dictionaries differ in five themes) give 1065 of 1193 (89.3%): pandemic 105/119, economy 99/120,
  infrastructure 81/90, development 114/120, security 104/120, multilateralism 74/79, climate 112/120, science
  108/120, human rights 108/120, migration 65/65, regional conflicts 95/120 (NOTES.md has every theme).
- theme_sample_8.csv (seed 20261208, none of samples 1 to 7 nor the keys of the rows taken out of them): the dictionary
  revised for the six themes under 90% on sample 7, favouring precision over recall (every change removes codes).
  Pandemic and health leaves out the pandemic as a time ("the worst of the pandemic", "amid", "following"), "epidemic
  of" as a figure for a social ill, medicine as one item of relief supplies and "health leaders" as participants;
  economy and trade makes bare "commercial" weak (commerce and commercial ties between countries stay) and leaves out
  an economy named by its climate goal ("net-zero economy"), a product brought "to market", financial tools beside
  diplomatic ones and the name Asia-Pacific Economic Cooperation; development leaves out bare "social development",
  humanitarian parole and a humanitarian pause; security leaves out service members named as a group of people;
  science makes "innovation", "innovator" and "innovate" weak and leaves out research cited as support, zero-emission
  technologies and science as people's occupation; regional conflicts leaves out Ukraine as the owner of a matter that
  is not the war (its economy, energy, reforms, recovery) and the West Bank as a trip's destination. On samples 1 to 7
  (development data, so no measure of it): yes still coded pandemic 167/168, economy 151/165, development 194/197,
  security 176/176, science 168/175, regional conflicts 162/174; still-coded rows that are yes 167/177 (was 168/181),
  151/162 (151/168), 194/200 (197/207), 176/187 (176/189), 168/177 (175/192), 162/172 (162/175); corpus sentences
  coded 645 -> 636, 1142 -> 1117, 285 -> 278, 928 -> 926, 354 -> 329, 886 -> 871. Drawn as sample 7: 211 rows, 30 for
  each of seven themes and the one development sentence left (five sentences under two themes). Labelled blind as
  samples 4 to 7. Measured: 188 of 211 (89.1%); per theme pandemic and health 27/30, economy and trade 26/30,
  development and humanitarian aid 1/1 (195/201, 97.0%, with the earlier samples' sentences still coded), security
  and defence 22/30, climate and energy 30/30, science and technology 30/30, human rights and democracy 24/30,
  regional conflicts 28/30. Four of the seven themes with 30 rows reach the issue's 90% (climate and science 100%,
  regional conflicts 93.3%, pandemic 90.0%, just at the bar), and development on its pooled rows; economy and trade
  (86.7%), human rights and democracy (80.0%, unchanged by the revision, 27 on sample 7) and security and defence
  (73.3%, its lowest since the first sample's 21/30) do not, so the bar is not met. Themes with none left, on the earlier
  samples' sentences still coded (not blind to the revisions read from them), as on sample 7: infrastructure 139/145,
  multilateralism 144/152, migration 153/154, sovereignty 66/67, culture 33/35, core interests 34/34. Samples 4 to 8
  pooled (the dictionaries differ in seven themes) give 1253 of 1404 (89.2%): pandemic 132/149, economy 125/150,
  infrastructure 81/90, development 115/121, security 126/150, multilateralism 74/79, climate 142/150, science
  138/150, human rights 132/150, migration 65/65, regional conflicts 123/150 (NOTES.md has every theme).
- theme_sample_9.csv (seed 20261209, none of samples 1 to 8 nor the keys of the rows taken out of them): the dictionary
  revised for the three themes under 90% on sample 8, again favouring precision over recall (every change removes
  codes). Economy and trade makes "business" in the singular, "finance", "financing" and "financed", "growth" and
  "practical cooperation" weak (businesses, business as an activity, "financial", concessional financing and inclusive
  or sustainable growth stay) and leaves out the supply chains of illicit drugs; security and defence leaves out
  veterans and military families, people named by their tie to the military, citizen, civilian, public, personal,
  community and border security, the security of supplies, infrastructure, networks, data and livelihoods, a title in
  lower case and documents' names (the National Security Strategy, a "National Security Workforce" memorandum); human
  rights and democracy makes "civil society" and "democracies" weak and leaves out the Democratic party, a country
  described as a democracy by size or age, a people fighting for its freedom, "freedom of action", "securing the
  freedom" of detainees and the peace process's stock wish of "freedom, prosperity". On samples 1 to 8 (development
  data, so no measure of it): yes still coded economy 173/191 (was 177), security 196/198 (198), human rights 191/199
  (199); still-coded rows that are yes 173/180 (was 177/192), 196/208 (198/217), 191/198 (199/221); corpus sentences
  coded 1117 -> 1058, 926 -> 896, 305 -> 272. Drawn as sample 8: 196 rows, 30 for each of six themes and the 16 human
  rights sentences left (six sentences under two themes); development and humanitarian aid had none left, like the six
  themes before it. Labelled blind as samples 4 to 8. Measured: 181 of 196 (92.3%); per theme pandemic and health 25/30,
  economy and trade 28/30, security and defence 26/30, climate and energy 30/30, science and technology 29/30, human
  rights and democracy 15/16 (206/214, 96.3%, with the earlier samples' sentences still coded), regional conflicts
  28/30. Five of the seven sampled themes reach the issue's 90% (climate 100%, science 96.7%, human rights 96.3% pooled,
  economy and regional conflicts 93.3%); pandemic and health (83.3%: gun violence called a public health crisis or an
  epidemic, "healthy competition", health experts among participants; not revised, 27 on sample 8) and security and
  defence (86.7%, up from 22: NATO partners named, public order, energy as a weapon, a career field) do not, so the bar
  is not met. On the earlier samples' sentences still coded (not blind to the revisions read from them): development and
  humanitarian aid 195/201 and, as on sample 8, infrastructure and connectivity 139/145, multilateralism 144/152,
  migration 153/154, sovereignty 66/67, culture 33/35, core interests 34/34. Against sample 8 the three revised themes
  rose (economy 26 -> 28, security 22 -> 26, human rights 24/30 -> 15/16), pandemic fell from 27 to 25 and science from
  30 to 29 unrevised, climate and regional conflicts held; one row is 3.3 points, so neither the rises nor the falls
  measure the revision alone. Samples 4 to 9 pooled (the dictionaries differ in eight themes) give 1434 of 1600 (89.6%):
  pandemic 157/179, economy 153/180, infrastructure 81/90, development 115/121, security 152/180, multilateralism 74/79,
  climate 172/180, science 167/180, human rights 147/166, migration 65/65, regional conflicts 151/180 (NOTES.md has
  every theme).
- theme_sample_10.csv (seed 20261210, none of samples 1 to 9 nor the keys of the rows taken out of them): the dictionary
  revised for the two themes under 90% on sample 9, again only removing codes. Security and defence makes bare
  "security" weak (it counts beside another of the theme's words) and keeps security named by its scope, owner or
  purpose as patterns ("national", "regional", "maritime security", "'s security", "security of", "peace and
  security", "security assistance", "cooperation", "guarantees", "forces", "situation", security as one kind of
  assistance in a list, "cooperation on security" ...); it leaves out NATO named only to describe an ally or partners
  and "as a weapon". Pandemic and health makes "epidemic" and "healthy" weak, counts drug overdoses and "health-"
  compounds, and leaves out health experts and advocates named as participants and "public health crisis of" (a
  social ill). On samples 1 to 9 (development data, so no measure of it): yes still coded security 215/224 (was
  222), pandemic 218/220 (219); still-coded rows that are yes 215/225 (was 222/238), 218/228 (219/237); corpus
  sentences coded 896 -> 828, 636 -> 633. Drawn as sample 9 (pandemic 261 left, economy 444, security 363, climate
  169, science 28, regional conflicts 329; human rights and development had none left): 178 rows, 30 per theme and
  the 28 science sentences left. Two readers labelled every row blind, each reading only the sentences and the
  one-line definitions, not each other's labels; `first_reader` and `second_reader` keep their labels and
  `about_theme` is yes only where both said yes. They agreed on 174 of 178 rows. Measured (both readers): 171 of 178
  (96.1%; the first reader alone 175, the second 172); per theme pandemic and health 28/30, economy and trade 28/30,
  security and defence 30/30, climate and energy 30/30, science and technology 25/28 (252/265, 95.1%, with the
  earlier samples' sentences still coded), regional conflicts 30/30. Every theme reaches the issue's 90%, the themes
  with none left to draw on the earlier samples' sentences still coded as on sample 9 (infrastructure 139/145,
  development 195/201, multilateralism 144/152, human rights 206/214, migration 153/154, sovereignty 66/67, culture
  33/35, core interests 34/34).
Eight rows of samples 1 to 4 (REMOVED) were labelled on a fragment ending in "Roe v.", "Dobbs v." or "Inc. v." (or
beginning "Wade ...") that the loader now joins into a longer sentence; their labels describe no sentence it produces,
so they were taken out of the files. The figures above are those measured at the time, with those rows. Labels are
joined to sentences by (doc_id, sent_id) alone, so every row must carry the very sentence the loader gives that key.

The assertions are made on the latest fully labelled sample, which must be the newest: while a newer sample waits for
its labels the test fails and says so, since the labelled ones measured earlier dictionaries. Each theme must keep at
least the precision measured on that sample (FLOORS, the figures above less a rounding), so a change that loses precision
fails; the themes that reach 90% are printed.
Where fewer than 30 coded sentences were left to draw from, a theme is measured on all its coded sentences: those of
the latest sample plus those of the earlier samples that the dictionary still codes with the theme (all labelled
blind).
"""
from __future__ import annotations

import itertools
import os
import re
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from helpers import load_corpus
from helpers.themes import code_themes, load_dictionary

LABELS = Path(__file__).parent / "labels"
PER_THEME, TARGET = 30, 0.9
# the precision each theme reached on theme_sample_10.csv, the latest labelled sample (see the docstring), exactly;
# science and technology (28 sentences left to draw) with the earlier samples' sentences still coded; human rights
# and democracy, development and humanitarian aid, infrastructure, multilateralism, migration, sovereignty, culture and
# core interests (none left to draw) on the earlier samples' sentences still coded
FLOORS = {"pandemic and health": 28 / 30, "economy and trade": 28 / 30, "infrastructure and connectivity": 139 / 145,
          "development and humanitarian aid": 195 / 201, "security and defence": 30 / 30,
          "sovereignty and territorial integrity": 66 / 67, "multilateralism and international order": 144 / 152,
          "climate and energy": 30 / 30, "science and technology": 252 / 265, "culture and people-to-people exchange": 33 / 35,
          "human rights and democracy": 206 / 214, "migration": 153 / 154, "regional conflicts": 30 / 30,
          "core interests": 34 / 34}
# yes counts of the labelled samples of earlier dictionaries, and their sizes, as measured
BEFORE = {"theme_sample.csv": (292, 420), "theme_sample_2.csv": (352, 397), "theme_sample_3.csv": (302, 354),
          "theme_sample_4.csv": (298, 330), "theme_sample_5.csv": (302, 330), "theme_sample_6.csv": (259, 294),
          "theme_sample_7.csv": (207, 240), "theme_sample_8.csv": (188, 211),
          "theme_sample_9.csv": (181, 196)}
# rows since taken out of those samples (labelled on a fragment the loader now joins into a longer sentence; NOTES.md):
# 1-based data rows as measured, and how many of them were yes
REMOVED = {"theme_sample.csv": ((61, 75, 86, 168), 1), "theme_sample_2.csv": ((10,), 1),
           "theme_sample_3.csv": ((21, 236), 1), "theme_sample_4.csv": ((25,), 1)}


def _number(path: Path) -> int:
    found = re.fullmatch(r"theme_sample(?:_(\d+))?\.csv", path.name)
    return int(found.group(1) or 1) if found else 0


SAMPLES = sorted((p for p in LABELS.glob("theme_sample*.csv") if _number(p)), key=_number)


def _sample(path: Path) -> pd.DataFrame:
    frame = pd.read_csv(path, dtype={"about_theme": str}, keep_default_na=False)
    frame["sent_id"] = frame["sent_id"].astype(int)
    frame["about_theme"] = frame["about_theme"].str.strip().str.lower()
    return frame


def _labelled(frame: pd.DataFrame) -> bool:
    return bool(len(frame)) and frame["about_theme"].isin(["yes", "no"]).all()


def _keys(frame: pd.DataFrame) -> set[tuple[str, int]]:
    return set(zip(frame["doc_id"], frame["sent_id"]))


@pytest.fixture(scope="module")
def corpus():
    folder = os.environ.get("READOUTS_WHITEHOUSE_CORPUS")
    if not folder or not Path(folder).is_dir():
        pytest.fail("theme precision is measured on the shared White House corpus: set READOUTS_WHITEHOUSE_CORPUS")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_corpus(folder)


@pytest.fixture(scope="module")
def coded(corpus) -> set[tuple[str, int, str]]:
    result = code_themes(corpus)
    return set(zip(result["doc_id"], result["sent_id"].astype(int), result["theme"]))


def test_every_label_is_on_a_sentence_the_loader_produces(corpus):
    # labels are joined to sentences by (doc_id, sent_id) alone; a change in sentence splitting must not move a
    # label onto another sentence, or leave it on a fragment that is now part of a longer one
    sentences = corpus.sentences
    text = dict(zip(zip(sentences["doc_id"], sentences["sent_id"].astype(int)), sentences["text"]))
    for path in SAMPLES:
        frame = _sample(path)
        rows = enumerate(zip(frame["doc_id"], frame["sent_id"], frame["sentence"]), 1)
        moved = [(row, d, s) for row, (d, s, sentence) in rows if text.get((d, s)) != sentence]
        assert not moved, f"{path.name}: {len(moved)} rows not on the loader's sentence at their sent_id: {moved[:5]}"


def test_samples_share_no_sentence():
    assert [p.name for p in SAMPLES[:3]] == ["theme_sample.csv", "theme_sample_2.csv", "theme_sample_3.csv"]
    frames = {p.name: _sample(p) for p in SAMPLES}
    for (a, first), (b, second) in itertools.combinations(frames.items(), 2):
        shared = _keys(first) & _keys(second)
        assert not shared, f"{a} and {b} share {len(shared)} sentences: {sorted(shared)[:5]}"


def test_earlier_samples_are_the_before_figures():
    for name, (yes, size) in BEFORE.items():
        rows, removed_yes = REMOVED.get(name, ((), 0))
        frame = _sample(LABELS / name)
        assert _labelled(frame) and len(frame) == size - len(rows), name
        assert (frame["about_theme"] == "yes").sum() == yes - removed_yes, name


def test_precision_per_theme_on_the_latest_labelled_sample(coded):
    frames = [(p, _sample(p)) for p in SAMPLES]
    newest, _ = frames[-1]
    labelled = [i for i, (_, frame) in enumerate(frames) if _labelled(frame)]
    if not labelled or labelled[-1] != len(frames) - 1:
        waiting = [p.name for p, frame in frames[(labelled[-1] + 1 if labelled else 0):]]
        before = ", ".join(f"{n}: {y}/{s} = {y / s:.1%}" for n, (y, s) in BEFORE.items())
        pytest.fail(f"{', '.join(waiting)} not labelled yet (every row needs yes/no in about_theme); the current "
                    f"dictionary has no figure until {newest.name} is (earlier dictionaries: {before})")
    latest = frames[-1][1]
    earlier = frames[:-1]
    earlier_keys = set().union(*(_keys(frame) for _, frame in earlier)) if earlier else set()
    dictionary = load_dictionary()
    assert set(latest["theme"]) <= set(dictionary)
    stale = [(t, d, s) for t, d, s in zip(latest["theme"], latest["doc_id"], latest["sent_id"]) if (d, s, t) not in coded]
    assert not stale, f"{len(stale)} sampled sentences are no longer coded with their theme; draw a new sample: {stale[:5]}"
    failures, reached, figures = {}, [], {}
    for theme in dictionary:
        rows = latest[latest["theme"] == theme]
        if len(rows) < PER_THEME:
            # the population was exhausted: add the earlier samples' sentences still coded, so all coded ones are read
            population = {(d, s) for d, s, t in coded if t == theme}
            assert _keys(rows) == population - earlier_keys, theme
            still = [frame[(frame["theme"] == theme).to_numpy()
                           & np.array([(d, s, theme) in coded for d, s in zip(frame["doc_id"], frame["sent_id"])], dtype=bool)]
                     for _, frame in earlier]
            rows = pd.concat([rows, *still])
        if not len(rows):
            continue
        precision = (rows["about_theme"] == "yes").mean()
        figures[theme] = f"{(rows['about_theme'] == 'yes').sum()}/{len(rows)}"
        if precision >= TARGET:
            reached.append(theme)
        if precision < FLOORS.get(theme, TARGET) - 1e-9:
            failures[theme] = f"{(rows['about_theme'] == 'yes').sum()}/{len(rows)} = {precision:.1%}"
    print(f"per theme: {figures}; themes at {TARGET:.0%} or more: {reached}")
    assert not failures, f"precision below what was measured: {failures}"
    # the bar: every theme at 90% or more (first met on theme_sample_10.csv)
    assert reached == list(figures), f"under {TARGET:.0%}: {[t for t in figures if t not in reached]}"


def test_a_sentence_is_about_a_theme_when_both_readers_say_so():
    # from the tenth sample on, two readers label every row blind to each other and to the dictionary; about_theme
    # is yes only where both said yes, the stricter of the two readings
    for path in SAMPLES[SAMPLES.index(LABELS / "theme_sample_10.csv"):]:
        frame = _sample(path)
        readers = frame[["first_reader", "second_reader"]].apply(lambda column: column.str.strip().str.lower())
        assert readers.isin(["yes", "no"]).all().all(), path.name
        assert (frame["about_theme"] == np.where((readers == "yes").all(axis=1), "yes", "no")).all(), path.name
        agreed = (readers["first_reader"] == readers["second_reader"]).mean()
        print(f"{path.name}: the readers agree on {agreed:.1%} of {len(frame)} rows")
