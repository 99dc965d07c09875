"""Resolution within an article and across the site."""

from __future__ import annotations

from generator.model import EntityType as T
from generator.resolve import resolve
from tests.entities_support import article_of, extracted, mention


def corpus_of(*articles: tuple[str, list[tuple]]):
    """resolve() over articles given as (text, [(mention text, type, occurrence?)...])."""
    items = []
    for number, (text, found) in enumerate(articles):
        article = article_of(text, slug=f"a{number}")
        items.append(extracted(article, [mention(article, *f) for f in found]))
    return resolve(items)


def names(corpus) -> dict[str, str]:
    return {e.name: e.type.value for e in corpus.entities.values()}


def test_surname_joins_the_full_name_in_the_article():
    corpus = corpus_of(
        ("Vladimir Putin came. Putin left.", [("Vladimir Putin", T.PERSON), ("Putin", T.PERSON, 1)])
    )
    (putin,) = corpus.entities.values()
    assert (putin.name, putin.aliases) == ("Vladimir Putin", ("Putin",))
    assert corpus.article_entities["a0"][0].count == 2


def test_korean_surname_first_joins_the_full_name():
    corpus = corpus_of(("Kim Jong Un came. Kim left.", [("Kim Jong Un", T.PERSON), ("Kim", T.PERSON, 1)]))
    assert names(corpus) == {"Kim Jong Un": "person"}


def test_spelling_variants_merge_across_articles():
    corpus = corpus_of(
        ("Volodymyr Zelensky spoke in the U.S.", [("Volodymyr Zelensky", T.PERSON), ("U.S.", T.PLACE)]),
        ("Volodymyr Zelenskyy flew to the US.", [("Volodymyr Zelenskyy", T.PERSON), ("US", T.PLACE)]),
        ("The United States helped.", [("United States", T.PLACE)]),
    )
    assert len(corpus.entities) == 2
    assert "United States" in names(corpus)
    assert len({em.entity for em in corpus.mentions}) == 2


def test_canonical_country_names():
    corpus = corpus_of(
        ("The Russian Federation and Viet Nam.", [("Russian Federation", T.PLACE), ("Viet Nam", T.PLACE)])
    )
    assert names(corpus) == {"Russia": "place", "Vietnam": "place"}


def test_two_people_sharing_a_surname_do_not_merge():
    corpus = corpus_of(
        ("John Smith spoke.", [("John Smith", T.PERSON)]),
        ("Anna Smith spoke. Smith left.", [("Anna Smith", T.PERSON), ("Smith", T.PERSON, 1)]),
        ("Smith won.", [("Smith", T.PERSON)]),
    )
    assert {"John Smith", "Anna Smith", "Smith"} == set(names(corpus))
    anna = next(e for e in corpus.entities.values() if e.name == "Anna Smith")
    assert corpus.article_entities["a1"][0].entity == anna.id and corpus.article_entities["a1"][0].count == 2


def test_lone_surname_joins_the_only_full_name_of_the_site():
    corpus = corpus_of(
        ("Vladimir Putin spoke.", [("Vladimir Putin", T.PERSON)]),
        ("Putin won.", [("Putin", T.PERSON)]),
    )
    assert names(corpus) == {"Vladimir Putin": "person"}


def test_one_id_per_entity_across_articles_and_types():
    corpus = corpus_of(
        ("The Kremlin said.", [("Kremlin", T.ORGANIZATION)]),
        ("The Kremlin wall.", [("Kremlin", T.PLACE)]),
        ("Kremlin again.", [("Kremlin", T.ORGANIZATION)]),
    )
    assert list(corpus.entities) == ["kremlin"]
    assert corpus.entities["kremlin"].type is T.ORGANIZATION


def test_demonym_group_links_to_its_country_without_merging():
    corpus = corpus_of(
        (
            "North Korean media praised North Korea. Koreans and Russians.",
            [
                ("North Korean", T.GROUP),
                ("North Korea", T.PLACE),
                ("Koreans", T.GROUP),
                ("Russians", T.GROUP),
            ],
        )
    )
    by_name = {e.name: e for e in corpus.entities.values()}
    assert by_name["North Korean"].type is T.GROUP
    assert by_name["North Korean"].country == by_name["North Korea"].id
    assert by_name["Koreans"].country is None
    assert by_name["Russians"].country is None  # the site has no Russia entity to point at


def test_soviet_union_stays_apart_from_russia():
    corpus = corpus_of(
        (
            "Russia and the Soviet Union and the USSR.",
            [("Russia", T.PLACE), ("Soviet Union", T.PLACE), ("USSR", T.PLACE)],
        )
    )
    assert names(corpus) == {"Russia": "place", "Soviet Union": "place"}


def test_most_specific_role_of_the_article():
    article = article_of("President Putin spoke. Russian President Vladimir Putin left.")
    from dataclasses import replace

    found = [
        replace(mention(article, "Putin", T.PERSON), role="President"),
        replace(mention(article, "Vladimir Putin", T.PERSON), role="Russian President"),
    ]
    corpus = resolve([extracted(article, found)])
    assert corpus.article_entities["a"][0].role == "Russian President"


def test_single_name_read_as_a_person_somewhere_joins_the_thing_of_that_name():
    corpus = corpus_of(
        ("Yukos said. Yukos paid.", [("Yukos", T.ORGANIZATION), ("Yukos", T.ORGANIZATION, 1)]),
        ("Yukos won.", [("Yukos", T.PERSON)]),
    )
    assert names(corpus) == {"Yukos": "organization"}


def test_aliases_differing_only_in_case_keep_one_order():
    """'UK' and 'Uk' fold alike: their order must not follow set order (string hashing varies per process)."""
    corpus = corpus_of(
        (
            "The Uk and the UK and the United Kingdom.",
            [("Uk", T.PLACE), ("UK", T.PLACE), ("United Kingdom", T.PLACE)],
        )
    )
    (kingdom,) = corpus.entities.values()
    assert kingdom.aliases == ("UK", "Uk")


def test_an_entity_called_index_does_not_take_the_entity_list_page():
    corpus = corpus_of(("Index rose 2% in London.", [("Index", T.ORGANIZATION), ("London", T.PLACE)]))
    assert "index" not in corpus.entities and corpus.entities["index-2"].name == "Index"
