"""The learned re-typer (generator/extract/retype.py): proposals, features, decisions and the committed model.

The decisions are tested with small hand-made models whose weights say one thing, so each test shows one
rule of the decision; the committed model is checked for what `make train` promises of it.
"""

from __future__ import annotations

import hashlib
import io
import json

import pytest

from generator.extract.proposals import _capitalised_runs, proposals
from generator.extract.refine import named, refine
from generator.extract.retype import (
    MODEL_FILE,
    Neighbourhood,
    Retyper,
    RetyperError,
    features,
    load_retyper,
    name_groups,
)
from generator.model import EntityType as T
from tests.entities_support import article_of, mention, sentences_of
from tests.eval.conll import TRAIN_SPLIT

CLASSES = ["LOC", "MISC", "NONE", "ORG", "PER"]


def model(weights: dict[str, list[float]], drop=0.5, proposal=0.5, retype=0.0) -> Retyper:
    return Retyper(
        {
            "classes": CLASSES,
            "intercept": [0.0] * 5,
            "weights": weights,
            "drop_threshold": drop,
            "proposal_threshold": proposal,
            "retype_threshold": retype,
        }
    )


def groups_of(text: str, *found: tuple):
    article = article_of(text)
    sentences = sentences_of(article)
    kept, model_types, types = named(article, [mention(article, *f) for f in found])
    return (
        article,
        sentences,
        kept,
        name_groups(kept, model_types, types) + proposals(article, sentences, kept, set(types)),
    )


def runs(text: str) -> list[str]:
    return [text[a:b] for a, b in _capitalised_runs(text)]


def test_capitalised_runs_join_connectors_and_stop_at_punctuation():
    text = 'Shares in Rabobank rose, said the Bank of England\'s chief. "Deutsche Bahn" met U.S. Steel & Co.'
    assert runs(text) == ["Shares", "Rabobank", "Bank of England", "Deutsche Bahn", "U.S. Steel & Co"]


def test_proposals_skip_what_a_mention_covers_and_a_sentence_opening_word():
    text = "Could Rabobank win?\nAnalysts could not say, and Moscow said Rabobank would.\nCould Lidl?"
    _, _, _, groups = groups_of(text, ("Moscow", T.PLACE))
    offered = [g for g in groups if g.proposed]
    # 'Could' opens a sentence and 'could' is a word here: cut off. 'Analysts' is offered; the model decides.
    assert [(g.name, len(g.mentions)) for g in offered] == [("Rabobank", 2), ("Analysts", 1), ("Lidl", 1)]


def test_a_question_after_a_colon_offers_the_name_not_its_first_word():
    text = "It raises a question: Is Rabobank this malleable?"
    _, _, _, groups = groups_of(text)
    assert [g.name for g in groups if g.proposed] == ["It", "Rabobank"]


def test_a_word_written_in_lower_case_too_is_marked_so():
    article, sentences, _, groups = groups_of(
        "The Government said so. The government will act.", ("Government", T.ORGANIZATION)
    )
    [government] = [g for g in groups if g.name == "Government"]
    assert features(government, article, sentences, Neighbourhood(groups))["lowercase_too"] == 1.0


def test_a_longer_run_round_a_mention_is_offered_with_what_it_holds():
    text = "He spoke to the Reserve Bank of India on Monday."
    _, _, _, groups = groups_of(text, ("India", T.PLACE))
    longer = next(g for g in groups if g.proposed and g.name != "He")
    assert longer.name == "Reserve Bank of India" and longer.model_types == (T.PLACE,)


def test_features_say_what_the_article_says_of_a_name():
    text = "Shares in Gazprom fell.\nGazprom said the Gazprom Neft deal was off."
    article, sentences, _, groups = groups_of(text, ("Gazprom", T.PLACE), ("Gazprom", T.PLACE, 1))
    gazprom = next(g for g in groups if g.name == "Gazprom")
    found = features(gazprom, article, sentences, Neighbourhood(groups))
    assert found["prev=in"] == 0.5 and found["said_after"] == 0.5 and found["model=PLACE"] == 1.0
    assert found["inside=PROPOSED"] == 1.0  # 'Gazprom Neft' is offered, and holds it


def test_the_other_names_say_surname_piece_and_abbreviation():
    text = (
        "Vladimir Putin met NATO.\n"
        "Putin said the North Atlantic Treaty Organization and the Putin Fund agreed."
    )
    found = [
        ("Vladimir Putin", T.PERSON),
        ("NATO", T.ORGANIZATION),
        ("Putin", T.PERSON, 1),
        ("North Atlantic Treaty Organization", T.ORGANIZATION),
        ("Putin Fund", T.ORGANIZATION),
    ]
    _, _, _, groups = groups_of(text, *found)
    around = Neighbourhood(groups)
    said = {g.name: around.of(g) for g in groups if not g.proposed}
    assert said["Putin"] == {"inside=PERSON", "inside=ORGANIZATION", "surname"}
    assert said["Vladimir Putin"] == {"holds=PERSON"}
    assert said["NATO"] == {"abbreviates=ORGANIZATION"}
    assert said["North Atlantic Treaty Organization"] == {"abbreviated=ORGANIZATION"}


def test_a_sure_model_retypes_and_drops_recognised_names():
    text = "Shares in Gazprom fell, and Warsaw Newsroom said so."
    article = article_of(text)
    found = [mention(article, "Gazprom", T.PLACE), mention(article, "Warsaw Newsroom", T.PERSON)]
    retyper = model({"w=gazprom": [0, 0, 0, 9, 0], "w=newsroom": [0, 0, 9, 0, 0]})
    refined = refine(article, sentences_of(article), found, retyper)
    assert [(m.text, m.type) for m in refined] == [("Gazprom", T.ORGANIZATION)]


def test_an_unsure_model_keeps_the_rules_type_and_the_span():
    text = "Shares in Gazprom fell."
    article = article_of(text)
    found = [mention(article, "Gazprom", T.PLACE)]
    unsure = model({"w=gazprom": [0, 0, 0.5, 0.6, 0]}, drop=0.5, retype=0.9)
    refined = refine(article, sentences_of(article), found, unsure)
    assert [(m.text, m.type) for m in refined] == [("Gazprom", T.PLACE)]


def test_a_proposal_is_taken_only_when_the_model_is_sure_and_then_found_again():
    text = "Rabobank rose.\nShares in Rabobank and Lidl rose."
    article = article_of(text)
    retyper = model({"w=rabobank": [0, 0, 0, 9, 0], "w=lidl": [0, 0, 0, 0.2, 0]}, proposal=0.7)
    refined = refine(article, sentences_of(article), [], retyper)
    assert [(m.text, m.start, m.type) for m in refined] == [
        ("Rabobank", 0, T.ORGANIZATION),
        ("Rabobank", 25, T.ORGANIZATION),
    ]


def test_a_taken_longer_name_replaces_the_mention_it_holds():
    text = "He spoke to the Reserve Bank of India."
    article = article_of(text)
    retyper = model({"w=reserve": [0, 0, 0, 9, 0]})
    refined = refine(article, sentences_of(article), [mention(article, "India", T.PLACE)], retyper)
    assert [(m.text, m.type) for m in refined] == [("Reserve Bank of India", T.ORGANIZATION)]


def test_a_damaged_model_file_names_itself_and_says_what_to_run(tmp_path):
    broken = tmp_path / "retyper.json"
    broken.write_text('{"classes": [', encoding="utf-8")
    with pytest.raises(RetyperError, match=r"retyper\.json: cannot read.*run 'make train'"):
        load_retyper.__wrapped__(broken)


def test_the_committed_model_is_small_and_says_what_it_was_trained_on_and_scored():
    assert MODEL_FILE.stat().st_size <= 20 * 1024 * 1024
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    meta = data["meta"]
    assert meta["training_file"] == "conll2003-train.txt" and len(meta["training_sha256"]) == 64
    assert meta["cv_f1"]["ALL"] > meta["cv_rules_only_f1"]["ALL"]
    assert set(data["classes"]) == set(CLASSES)
    if TRAIN_SPLIT.exists():
        assert hashlib.sha256(TRAIN_SPLIT.read_bytes()).hexdigest() == meta["training_sha256"]


@pytest.mark.slow
@pytest.mark.model
@pytest.mark.skipif(not TRAIN_SPLIT.exists(), reason="../shared/eval is not beside the repository")
def test_a_retrain_gives_the_committed_model_or_its_score():
    from tools.train_retyper import MAX_SCORE_DRIFT, dump, train

    committed = MODEL_FILE.read_text(encoding="utf-8")
    data = train(out=io.StringIO())
    drift = abs(json.loads(committed)["meta"]["cv_f1"]["ALL"] - data["meta"]["cv_f1"]["ALL"])
    assert dump(data) == committed or drift <= MAX_SCORE_DRIFT
