"""One page per real thing, as an editor would merge (merge.py), and the cases that must stay apart."""

from __future__ import annotations

from generator.model import EntityType as T

from .test_resolve import corpus_of, names


def _ids(corpus) -> dict[str, str]:
    """Each mention's text → the name of the entity it was resolved to."""
    return {em.mention.text: corpus.entities[em.entity].name for em in corpus.mentions}


def test_transliteration_variants_are_one_person():
    corpus = corpus_of(
        ("Volodymyr Zelensky spoke.", [("Volodymyr Zelensky", T.PERSON)]),
        ("Volodymyr Zelenskiy flew.", [("Volodymyr Zelenskiy", T.PERSON)]),
        ("Volodymyr Zelenskyy wrote.", [("Volodymyr Zelenskyy", T.PERSON)]),
        ("Sergey Lavrov met Sergei Lavrov.", [("Sergey Lavrov", T.PERSON), ("Sergei Lavrov", T.PERSON)]),
    )
    for surname in ("Zelensk", "Lavrov"):
        assert len({em.entity for em in corpus.mentions if surname in em.mention.text}) == 1, surname
    assert len(corpus.entities) == 2


def test_a_lone_surname_joins_the_one_full_name_of_the_site():
    corpus = corpus_of(
        ("Angela Merkel spoke.", [("Angela Merkel", T.PERSON)]),
        ("Merkel left.", [("Merkel", T.PERSON)]),
    )
    assert names(corpus) == {"Angela Merkel": "person"}


def test_a_lone_surname_joins_the_dominant_full_name_only():
    many = [(f"Donald Trump said {n}.", [("Donald Trump", T.PERSON)]) for n in range(6)]
    corpus = corpus_of(
        *many, ("Melania Trump smiled.", [("Melania Trump", T.PERSON)]), ("Trump won.", [("Trump", T.PERSON)])
    )
    assert _ids(corpus)["Trump"] == "Donald Trump"


def test_two_smiths_keep_a_lone_smith_apart():
    corpus = corpus_of(
        ("John Smith spoke.", [("John Smith", T.PERSON)]),
        ("Jane Smith spoke.", [("Jane Smith", T.PERSON)]),
        ("Smith left.", [("Smith", T.PERSON)]),
    )
    assert set(names(corpus)) == {"John Smith", "Jane Smith", "Smith"}


def test_joan_and_john_stay_two_people():
    corpus = corpus_of(("Joan Baez met John Baez.", [("Joan Baez", T.PERSON), ("John Baez", T.PERSON)]))
    assert set(names(corpus)) == {"Joan Baez", "John Baez"}


def test_a_name_typed_as_an_organisation_joins_the_person_it_names():
    corpus = corpus_of(
        ("Donald Trump spoke.", [("Donald Trump", T.PERSON)]),
        ("The Trump administration acted.", [("Trump", T.ORGANIZATION)]),
    )
    assert names(corpus) == {"Donald Trump": "person"}


def test_a_first_name_typed_as_no_person_joins_the_person_of_the_article():
    text = "Grace Mugabe spoke. Later Grace left, and Ivanka Trump met Ivanka."
    corpus = corpus_of(
        (
            text,
            [
                ("Grace Mugabe", T.PERSON),
                ("Grace", T.PLACE),
                ("Ivanka Trump", T.PERSON),
                ("Ivanka", T.OTHER, 1),
            ],
        )
    )
    assert names(corpus) == {"Grace Mugabe": "person", "Ivanka Trump": "person"}


def test_a_known_place_named_like_a_first_name_stays_a_place():
    text = "Jordan Peterson spoke in Jordan."
    corpus = corpus_of((text, [("Jordan Peterson", T.PERSON), ("Jordan", T.PLACE, 1)]))
    assert names(corpus) == {"Jordan Peterson": "person", "Jordan": "place"}


def test_a_place_named_like_a_surname_stays_a_place():
    corpus = corpus_of(
        ("Michael Jordan played.", [("Michael Jordan", T.PERSON)]),
        ("Jordan closed its border.", [("Jordan", T.PLACE)]),
    )
    assert names(corpus) == {"Michael Jordan": "person", "Jordan": "place"}


def test_an_acronym_the_text_defines_joins_what_it_stands_for():
    text = "The Center for Strategic and International Studies (CSIS) said so. CSIS agreed."
    corpus = corpus_of(
        (
            text,
            [("Center for Strategic and International Studies", T.ORGANIZATION), ("CSIS", T.ORGANIZATION, 1)],
        ),
        ("CSIS wrote again.", [("CSIS", T.ORGANIZATION)]),
    )
    [entity] = corpus.entities.values()  # named by the spelling the articles use most
    assert {entity.name, *entity.aliases} == {"Center for Strategic and International Studies", "CSIS"}


def test_brackets_that_are_no_acronym_of_the_name_do_not_join():
    text = "The Bank of England (BoE) met. The Federal Reserve (ECB) did not."
    corpus = corpus_of((text, [("Federal Reserve", T.ORGANIZATION), ("ECB", T.ORGANIZATION)]))
    assert set(names(corpus)) == {"Federal Reserve", "ECB"}


def test_a_well_known_acronym_joins_its_full_name():
    corpus = corpus_of(
        ("The European Union met.", [("European Union", T.ORGANIZATION)]),
        ("The EU met again.", [("EU", T.ORGANIZATION)]),
    )
    assert len(corpus.entities) == 1


def test_a_listed_span_is_cut_into_the_names_it_lists():
    corpus = corpus_of(
        ("Tusk, Zelenskiy met.", [("Tusk, Zelenskiy", T.ORGANIZATION)]),
        ("Donald Tusk spoke. Tusk left.", [("Donald Tusk", T.PERSON), ("Tusk", T.PERSON, 1)]),
        ("Zelenskiy spoke. Zelenskiy left.", [("Zelenskiy", T.PERSON), ("Zelenskiy", T.PERSON, 1)]),
        ("Gazprom and Rosneft merged.", [("Gazprom and Rosneft", T.ORGANIZATION)]),
        (
            "Gazprom grew. Rosneft fell. Gazprom rose. Rosneft won.",
            [
                ("Gazprom", T.ORGANIZATION),
                ("Rosneft", T.ORGANIZATION),
                ("Gazprom", T.ORGANIZATION, 1),
                ("Rosneft", T.ORGANIZATION, 1),
            ],
        ),
    )
    assert "Tusk, Zelenskiy" not in names(corpus) and "Gazprom and Rosneft" not in names(corpus)
    assert names(corpus)["Gazprom"] == "organization" and "Rosneft" in names(corpus)


def test_a_company_whose_name_has_and_in_it_stays_whole():
    corpus = corpus_of(("Marks and Spencer grew.", [("Marks and Spencer", T.ORGANIZATION)]))
    assert names(corpus) == {"Marks and Spencer": "organization"}


def test_a_middle_initial_joins_the_name_without_it_unless_two_initials_compete():
    corpus = corpus_of(
        ("John Bolton spoke.", [("John Bolton", T.PERSON)]),
        ("John R. Bolton wrote.", [("John R. Bolton", T.PERSON)]),
        ("George W. Bush spoke.", [("George W. Bush", T.PERSON)]),
        ("George H. W. Bush wrote.", [("George H. W. Bush", T.PERSON)]),
        ("George Bush flew.", [("George Bush", T.PERSON)]),
    )
    assert len({em.entity for em in corpus.mentions if "Bolton" in em.mention.text}) == 1
    assert {"George W. Bush", "George H. W. Bush"} <= set(names(corpus))


def test_the_last_word_of_an_organisation_in_the_article_is_that_organisation():
    text = "The New York Times reported it. The Times said more."
    corpus = corpus_of((text, [("New York Times", T.ORGANIZATION), ("Times", T.ORGANIZATION, 1)]))
    assert names(corpus) == {"New York Times": "organization"}


def test_a_name_the_site_uses_is_found_where_the_recogniser_missed_it():
    corpus = corpus_of(
        ("Gazprom grew. Gazprom fell.", [("Gazprom", T.ORGANIZATION), ("Gazprom", T.ORGANIZATION, 1)]),
        ("The gas monopoly Gazprom will merge.", []),
    )
    assert {em.article for em in corpus.mentions} == {"a0", "a1"}


def test_a_capitalised_first_word_is_not_taken_for_a_name_the_site_uses():
    corpus = corpus_of(
        ("Reading won. Reading lost.", [("Reading", T.PLACE), ("Reading", T.PLACE, 1)]),
        ("Reading the report took a day.", []),
    )
    assert {em.article for em in corpus.mentions} == {"a0"}


def test_a_generational_suffix_is_no_surname():
    corpus = corpus_of(
        ("Walter M Phillips Jr spoke.", [("Walter M Phillips Jr", T.PERSON)]),
        ("Jr said so.", [("Jr", T.PERSON)]),
        ("Phillips left.", [("Phillips", T.PERSON)]),
    )
    ids = _ids(corpus)
    assert ids["Phillips"] == "Walter M Phillips Jr" and ids["Jr"] == "Jr"


def test_a_name_that_stands_alone_elsewhere_joins_no_longer_name_ending_in_it():
    corpus = corpus_of(
        ("Wales won in Cardiff.", [("Wales", T.PLACE), ("Cardiff", T.PLACE)]),
        ("Wales lost.", [("Wales", T.PLACE)]),
        ("BBC Wales said Wales would play.", [("BBC Wales", T.ORGANIZATION), ("Wales", T.PLACE, 1)]),
        # A person's span cut wrong: the first word is still the place.
        (
            "Wales physio Mark Davies saw Wales win.",
            [("Wales physio Mark Davies", T.PERSON), ("Wales", T.PLACE, 1)],
        ),
    )
    ids = {(em.article, em.mention.text): em.entity for em in corpus.mentions}
    wales = {entity for (_, text), entity in ids.items() if text == "Wales"}
    assert len(wales) == 1 and ids[("a2", "BBC Wales")] not in wales
    assert ids[("a3", "Wales physio Mark Davies")] not in wales
    assert corpus.entities[wales.pop()].type is T.PLACE


def test_a_name_standing_alone_in_one_article_only_still_joins_the_longer_name():
    corpus = corpus_of(
        (
            "The New York Times reported it. The Times said so.",
            [("New York Times", T.ORGANIZATION), ("Times", T.ORGANIZATION, 1)],
        ),
        ("The Times wrote.", [("Times", T.ORGANIZATION)]),
    )
    ids = {(em.article, em.mention.text): em.entity for em in corpus.mentions}
    assert ids[("a0", "Times")] == ids[("a0", "New York Times")]
