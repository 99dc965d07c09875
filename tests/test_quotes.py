"""Who said what: quotations credited to the person the paragraph says spoke them, with a name or a pronoun,
and the quotation marks that credit no one."""

from __future__ import annotations

from generator.extract.coref import resolve_references
from generator.extract.quotes import find_quotes, quote_actions, quoted_spans
from generator.model import EntityType

from .test_coref import Story

P, ORG = EntityType.PERSON, EntityType.ORGANIZATION


def credited(story: Story) -> list[tuple[str, str]]:
    """(speaker's name, quoted words) for each credited quotation, references resolved first."""
    mentions = resolve_references(
        story.article, story.sentences, sorted(story.mentions, key=lambda m: m.start)
    )
    by_start = {m.start: m for m in mentions}
    quotes = find_quotes(story.article, story.sentences, mentions)
    return [(by_start[q.speaker].name, story.text[q.start : q.end]) for q in quotes]


def test_quotation_marks_pair_by_where_they_stand_and_an_open_one_runs_to_the_end():
    text = 'He said "we will win" and "we\'ll see. "It runs on'
    spans = quoted_spans(text)
    assert [text[a:b] for a, b in spans] == ['"we will win"', '"we\'ll see. "It runs on']
    curly = "“Curly” and “round”"
    assert [curly[a:b] for a, b in quoted_spans(curly)] == ["“Curly”", "“round”"]


def test_said_after_the_quotation_then_the_name():
    story = Story('"We will win the vote," said Mr Smith.')
    story.named("Smith", P)
    assert credited(story) == [("Smith", "We will win the vote,")]


def test_the_name_then_said_after_the_quotation():
    story = Story('"We will win the vote," Tony Blair said on Monday.')
    story.named("Tony Blair", P)
    assert credited(story) == [("Tony Blair", "We will win the vote,")]


def test_the_last_name_of_a_title_run_is_the_speaker():
    story = Story('"The band was not always in tune," said Cobain biographer Charles Cross.')
    story.named("Cobain", P)
    story.named("Charles Cross", P)
    assert credited(story) == [("Charles Cross", "The band was not always in tune,")]


def test_he_said_with_the_pronoun_resolved():
    story = Story("Analyst John Smith expects more cuts.", '"Profits will fall this year," he said.')
    story.named("John Smith", P, role="Analyst")
    assert credited(story) == [("John Smith", "Profits will fall this year,")]


def test_said_before_the_quotation_with_a_colon_an_object_or_an_apposition():
    story = Story(
        'Mr Blair told the BBC: "Let us just apologise and move on."',
        'Serena Williams, who is also in Dubai, added: "I am for equal prize money."',
    )
    story.named("Blair", P)
    story.named("BBC", ORG)
    story.named("Serena Williams", P)
    assert credited(story) == [
        ("Blair", "Let us just apologise and move on."),
        ("Serena Williams", "I am for equal prize money."),
    ]


def test_a_fragment_of_three_words_in_reported_speech():
    story = Story('Andy Robinson said he was "deeply upset by the decision" on Sunday. He was "livid" later.')
    story.named("Andy Robinson", P)
    assert credited(story) == [("Andy Robinson", "deeply upset by the decision")]


def test_a_quotation_left_open_runs_on_into_the_next_paragraph():
    story = Story('Mark Bowen said: "Matt had a small operation.', '"It is a tiny piece of work."')
    story.named("Mark Bowen", P)
    assert credited(story) == [
        ("Mark Bowen", "Matt had a small operation."),
        ("Mark Bowen", "It is a tiny piece of work."),
    ]


def test_quotation_marks_that_credit_no_one():
    story = Story(
        'The site now displays the words "Stay tuned for more news".',
        '"We are ready," the company said.',
        'Tony Blair met "the usual suspects" in London.',
    )
    story.named("Tony Blair", P)
    assert credited(story) == []


def test_an_unresolved_pronoun_credits_no_one():
    story = Story('"We will win," he said.')
    assert credited(story) == []


def test_a_quotation_relates_its_speaker_to_what_it_names():
    story = Story('"Tony Blair should go before May," said Michael Howard of the Conservative Party.')
    story.named("Tony Blair", P)
    story.named("May", EntityType.DATE)
    howard = story.named("Michael Howard", P)
    story.named("Conservative Party", ORG)
    mentions = sorted(story.mentions, key=lambda m: m.start)
    quotes = find_quotes(story.article, story.sentences, mentions)
    by_start = {m.start: m.name for m in mentions}
    spoken = [
        (by_start[a.subject], a.verb, by_start[a.object]) for a in quote_actions(quotes, mentions, story.text)
    ]
    # What the quotation names (not a date, not what the sentence says around it, not the speaker).
    assert spoken == [("Michael Howard", "speak", "Tony Blair")] and quotes[0].speaker == howard.start


def test_no_credit_to_a_speaker_the_quotation_names():
    story = Story("Charles Kennedy arrived.", '"Mr Howard and Mr Kennedy want a debate," he said.')
    story.named("Charles Kennedy", P)
    story.named("Howard", P)
    story.named("Kennedy", P, 1, name="Charles Kennedy")
    assert credited(story) == []


def test_no_credit_to_a_speaker_the_quotation_names_by_first_name():
    story = Story(
        "Steven Gerrard stayed at Liverpool.", '"Steven is above money, whatever they offer," he said.'
    )
    story.named("Steven Gerrard", P)
    story.named("Liverpool", ORG)
    assert credited(story) == []


def test_the_writers_brackets_are_not_what_the_speaker_spoke_about():
    story = Story('"The firm (in North Carolina) let down Tony Blair," said John Smith.')
    story.named("North Carolina", EntityType.PLACE)
    story.named("Tony Blair", P)
    smith = story.named("John Smith", P)
    mentions = sorted(story.mentions, key=lambda m: m.start)
    quotes = find_quotes(story.article, story.sentences, mentions)
    about = {m.start: m.name for m in mentions}
    assert [about[a.object] for a in quote_actions(quotes, mentions, story.text)] == ["Tony Blair"]
    assert quotes[0].speaker == smith.start
