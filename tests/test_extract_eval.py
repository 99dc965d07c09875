"""The `make eval` harness: detokenising, gold spans, normalisation and scoring."""

from __future__ import annotations

import pytest

from tests.eval.conll import DEV_SPLIT, _spans, detokenise, normalise, read_documents, score


def test_detokenise_joins_punctuation_and_clitics():
    assert (
        detokenise(["Putin", "'s", "visit", ",", "(", "Moscow", ")", "ended", "."])
        == "Putin's visit, (Moscow) ended."
    )


def test_gold_spans_from_iob1_and_iob2():
    tokens = ["Kim", "Jong", "Un", "met", "Vladimir", "Putin", "in", "Pyongyang"]
    assert _spans(tokens, ["I-PER", "I-PER", "I-PER", "O", "B-PER", "I-PER", "O", "I-LOC"]) == [
        ("PER", "Kim Jong Un"),
        ("PER", "Vladimir Putin"),
        ("LOC", "Pyongyang"),
    ]


@pytest.mark.parametrize(
    "surface, key", [("North Korea’s", "north korea"), ("the Kremlin", "kremlin"), ("U.S.", "u.s")]
)
def test_normalise_per_design_metric(surface, key):
    assert normalise(surface) == key


def test_score_is_micro_over_documents():
    gold = [{("PER", "putin"), ("LOC", "moscow")}, {("ORG", "kremlin")}]
    predicted = [{("PER", "putin"), ("ORG", "moscow")}, {("ORG", "kremlin")}]
    result = score(gold, predicted)
    assert result["ALL"] == pytest.approx((200 / 3, 200 / 3, 200 / 3))
    assert result["LOC"][1] == 0.0


@pytest.mark.skipif(not DEV_SPLIT.exists(), reason="../shared/eval is not beside the repository")
@pytest.mark.slow
def test_dev_split_sport_documents_are_left_out():
    documents = read_documents()
    assert len(documents) == 216
    assert sum(not d.sport for d in documents) == 118
