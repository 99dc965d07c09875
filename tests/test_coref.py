"""Light coreference by rules: role phrases, "the two leaders", "he" and "she"; each rule, and the cases
that must not resolve (a wrong name is worse than none)."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from generator.extract.coref import resolve_references
from generator.model import Article, ArticleMeta, Block, EntityType, Mention, Reference, Sentence

P, PL, G, ORG = EntityType.PERSON, EntityType.PLACE, EntityType.GROUP, EntityType.ORGANIZATION


class Story:
    """An article of paragraphs (a '## ' line is a heading), sentences split at full stops, and the
    recogniser's mentions as the test names them."""

    def __init__(self, *paragraphs: str):
        blocks, sentences, offset = [], [], 0
        for n, text in enumerate(paragraphs):
            kind = "heading" if text.startswith("## ") else "paragraph"
            text = text.removeprefix("## ")
            blocks.append(Block(kind, text, offset, f"p{n + 1}"))
            if kind == "paragraph":
                for match in re.finditer(r"[^.!?]+[.!?]+[”\"]?\s*", text):
                    start = offset + match.start()
                    sentences.append(
                        Sentence(n, start, start + len(match.group().rstrip()), match.group().rstrip())
                    )
            offset += len(text) + 2
        self.text = "\n\n".join(b.text for b in blocks)
        self.article = Article(Path("seeds/a.txt"), "a", "A", None, ArticleMeta(), tuple(blocks), self.text)
        self.sentences = sentences
        self.mentions: list[Mention] = []

    def named(
        self, text: str, kind: EntityType, occurrence: int = 0, name: str | None = None, **extra
    ) -> Mention:
        start = -1
        for _ in range(occurrence + 1):
            start = self.text.index(text, start + 1)
        index = next(i for i, s in enumerate(self.sentences) if s.start <= start < s.end)
        found = Mention(text, start, start + len(text), index, kind, name or text, **extra)
        self.mentions.append(found)
        return found

    def references(self) -> dict[str, str]:
        """'text@offset' → the name it stands for, for each reference the rules found."""
        found = resolve_references(self.article, self.sentences, sorted(self.mentions, key=lambda m: m.start))
        return {f"{m.text}@{m.start}": m.name for m in found if m.refers}

    def at(self, text: str, occurrence: int = 0) -> str:
        start = -1
        for _ in range(occurrence + 1):
            start = self.text.index(text, start + 1)
        return f"{text}@{start}"


def _putin_and_kim(story: Story) -> None:
    russian = story.named("Russian", G)
    story.named("Vladimir Putin", P, role="Russian President", role_of=russian.start)
    korean = story.named("North Korean", G)
    story.named("Kim Jong Un", P, role="North Korean leader", role_of=korean.start)


# --- role phrases ---


def test_a_role_phrase_stands_for_the_one_person_who_holds_that_role():
    story = Story(
        "Russian President Vladimir Putin met North Korean leader Kim Jong Un.",
        "Kim Jong Un greeted Russia's President with a handshake.",
    )
    _putin_and_kim(story)
    story.named("Kim Jong Un", P, 1)
    story.named("Russia", PL, 1)  # 'Russia's', not 'Russian'

    assert story.references() == {story.at("President", 1): "Vladimir Putin"}


def test_the_leader_of_a_country_is_its_head_of_state_and_the_kremlin_is_russia():
    story = Story(
        "Russian President Vladimir Putin met North Korean leader Kim Jong Un.",
        "The Russian leader smiled. The Kremlin chief left early.",
    )
    _putin_and_kim(story)
    story.named("Russian", G, 1)
    story.named("Kremlin", ORG)
    assert story.references() == {
        story.at("leader", 1): "Vladimir Putin",
        story.at("chief"): "Vladimir Putin",
    }


def test_the_owner_tells_two_presidents_apart():
    story = Story(
        "Russian President Vladimir Putin and Ukrainian President Volodymyr Zelensky spoke.",
        "Ukraine's president said no.",
    )
    russian, ukrainian = story.named("Russian", G), story.named("Ukrainian", G)
    story.named("Vladimir Putin", P, role="Russian President", role_of=russian.start)
    story.named("Volodymyr Zelensky", P, role="Ukrainian President", role_of=ukrainian.start)
    story.named("Ukraine", PL)
    assert story.references() == {story.at("president"): "Volodymyr Zelensky"}


def test_the_prime_minister_is_the_one_prime_minister_named():
    story = Story("Prime Minister Tony Blair spoke. Later the prime minister left for Paris.")
    story.named("Tony Blair", P, role="Prime Minister")
    story.named("Paris", PL)
    assert story.references() == {story.at("prime minister"): "Tony Blair"}


def test_no_reference_where_two_people_hold_the_role_and_nothing_tells_them_apart():
    story = Story("President Vladimir Putin met President George Bush. The president said no.")
    story.named("Vladimir Putin", P, role="President")
    story.named("George Bush", P, role="President")
    assert story.references() == {}


def test_no_reference_for_a_title_before_a_name_an_indefinite_or_one_named_only_later():
    story = Story(
        "The president arrived. A president must listen.",
        "President Vladimir Putin spoke. President Putin left.",
    )
    story.named("Vladimir Putin", P, role="President")
    story.named("Putin", P, 1, role="President")
    assert story.references() == {}


def test_a_former_president_is_not_the_president():
    story = Story("President George Bush met Bill Clinton. The former president smiled.")
    story.named("George Bush", P, role="President")
    story.named("Bill Clinton", P)
    assert story.references() == {}


# --- "the two leaders" ---


def test_the_two_leaders_are_the_last_two_people_named():
    story = Story("Vladimir Putin met Kim Jong Un in Pyongyang. The two leaders signed a pact.")
    story.named("Vladimir Putin", P)
    story.named("Kim Jong Un", P)
    story.named("Pyongyang", PL)
    start = story.text.index("The two leaders")
    assert story.references() == {
        f"The two leaders@{start}": "Vladimir Putin",
        f"two leaders@{start + 4}": "Kim Jong Un",
    }


def test_no_pair_with_one_person_named():
    story = Story("Vladimir Putin arrived in Pyongyang. Both leaders smiled.")
    story.named("Vladimir Putin", P)
    story.named("Pyongyang", PL)
    assert story.references() == {}


# --- "he" and "she" ---


def test_he_opening_a_sentence_is_the_last_subject_not_the_last_name():
    story = Story("Vladimir Putin met Kim Jong Un on Monday. He said the talks went well.")
    story.named("Vladimir Putin", P)
    story.named("Kim Jong Un", P)
    assert story.references() == {story.at("He"): "Vladimir Putin"}


def test_he_opening_a_clause_is_the_one_person_named_before_it():
    story = Story("This visit marks Putin's first trip, and after this, he will travel to Vietnam.")
    story.named("Putin", P)
    story.named("Vietnam", PL)
    assert story.references() == {story.at("he"): "Putin"}


def test_he_after_a_quote_goes_back_one_paragraph_when_his_names_no_one():
    story = Story("Analyst John Smith said prices would rise.", '"We are worried," he said.')
    story.named("John Smith", P, role="Analyst")
    assert story.references() == {story.at("he"): "John Smith"}


def test_a_title_rules_out_the_other_pronoun():
    story = Story("Mr Smith met Anna Jones. She said no.", "Mr Brown arrived. She left.")
    story.named("Smith", P)
    story.named("Anna Jones", P)
    story.named("Brown", P)
    # Mr Smith is the subject, but 'she' cannot be Mr Smith: the one woman named is. Mr Brown: no one.
    assert story.references() == {story.at("She"): "Anna Jones"}


def test_no_pronoun_inside_a_quotation():
    story = Story('Tony Blair said: "He is wrong about this."')
    story.named("Tony Blair", P)
    assert story.references() == {}


def test_a_subject_no_rule_can_name_stops_the_search():
    story = Story(
        "Rowan Williams spoke on Thursday. On Friday, the Cardinal will preach. He will ask for peace."
    )
    story.named("Rowan Williams", P)
    assert story.references() == {}


def test_no_antecedent_at_the_start_of_an_article_or_across_a_heading():
    story = Story("He met George Bush in Texas.", "## Talks", "He left.")
    story.named("George Bush", P)
    assert story.references() == {}


def test_a_resolved_pronoun_is_marked_as_a_reference_of_its_kind():
    story = Story("Tony Blair arrived. He spoke.")
    story.named("Tony Blair", P)
    found = resolve_references(story.article, story.sentences, story.mentions)
    pronoun = next(m for m in found if m.text == "He")
    assert (pronoun.refers, pronoun.type, pronoun.name) == (Reference.PRONOUN, P, "Tony Blair")
    assert replace(pronoun, refers=None, name="He") != pronoun  # the name is the person's, not the word


def test_a_person_once_he_is_not_she():
    story = Story("Walter Phillips spoke to police on Monday. He denied it. She wept.")
    story.named("Walter Phillips", P)
    assert story.references() == {story.at("He"): "Walter Phillips"}
