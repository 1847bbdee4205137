"""Page furniture glued into paragraphs: repeated titles, datelines, tag and link lists."""

import pytest

from kg.nlp.layout import furniture, repeated_title


def sentences(doc):
    return [s.text.strip() for s in doc.sents if s.text.strip()]


def skipped(doc):
    return [doc.text[a:b] for a, b in doc._.kg_skip]


def test_repeated_title_tolerates_quotes_and_a_lost_prefix():
    text = 'title: Chemical Massacre in Idlib\n\nApril 5 2017 "Chemical" Massacre in Idlib Beirut'
    start, end = repeated_title(text)
    assert text[start:end] == 'Chemical" Massacre in Idlib'
    assert repeated_title("Strikes hit Idlib\n\nJets struck Idlib on Monday.") is None


def test_byline_and_repeated_title_are_sentences_of_their_own(annotate):
    doc = annotate(
        "Six Killed in Aleppo Bombing as Evacuation Resumes\n\n"
        "Posted on April 19 2017 by Asharq Al-Awsat English Six Killed in Aleppo Bombing as "
        "Evacuation Resumes Six people were killed and dozens others wounded in a blast "
        "that rocked Aleppo."
    )
    assert sentences(doc)[1:] == [
        "Posted on April 19 2017 by Asharq Al-Awsat English",
        "Six Killed in Aleppo Bombing as Evacuation Resumes",
        "Six people were killed and dozens others wounded in a blast that rocked Aleppo.",
    ]


@pytest.mark.parametrize(
    ("content", "dateline"),
    [
        (
            "21 Jul 2016 Dozens of civilians have reportedly been killed by US-led air strikes.",
            "21 Jul 2016",
        ),
        (
            "Last updated at Feb 022015 Beirut Syrian government air strikes killed 16 people.",
            "Last updated at Feb 022015",
        ),
        (
            "Published April 19 2017 A war monitor said airstrikes killed seven civilians.",
            "Published April 19 2017",
        ),
        (
            "Date of publication 27 October 2016 State media says rebel forces have hit a school.",
            "Date of publication 27 October 2016",
        ),
    ],
)
def test_the_body_starts_a_sentence_after_the_dateline(annotate, content, dateline):
    doc = annotate("Syria news\n\n" + content)
    assert sentences(doc)[1] == dateline
    assert sentences(doc)[2] == content[len(dateline) :].strip()
    assert dateline in skipped(doc)


def test_short_url_and_share_counters_are_skipped(annotate):
    doc = annotate(
        "Hama Province Syrian Troops Kill 30 Terrorists\n\n29.10.2017(updated 1731 29.10.2017) "
        "Get short URL 0 110 In the north-east of Hama province Syrian army units fight on."
    )
    assert "Get short URL 0 110" in skipped(doc)
    assert sentences(doc)[-1] == "In the north-east of Hama province Syrian army units fight on."


@pytest.mark.parametrize(
    ("tags", "body"),
    [
        # a capitalised determiner, preposition or number opens the body
        (
            "Tags Aleppo Idlib Syria education children",
            "At least six children were killed and 15 injured in rebel rocket attacks.",
        ),
        (
            "Tags Syria Islamic State activists murder video Palmyra",
            "The Islamic State group has released a new video.",
        ),
        (
            "Tags Syria Aleppo children deaths Bashar al-Assad",
            "Eleven children were killed on Thursday in a barrel bomb attack.",
        ),
        # a capitalised noun phrase and a past tense
        (
            "Tags Syria Idlib Bashar al-Assad SOHR al-Qaeda al-Nusra",
            "Syrian rebels launched a huge offensive on government-held areas.",
        ),
        # the first function word outside a name: the body began at the noun phrase before it
        (
            "Tags Syria Idlib Ariha Assad war",
            "Government air raids in a northwestern town killed at least 27 people.",
        ),
        # names keep their function words
        (
            "Tags Syria civilians barrel bombs Syrian Observatory for Human Rights",
            "At least 11 civilians were killed Thursday in regime barrel bomb attacks.",
        ),
    ],
)
def test_a_tag_list_ends_where_the_body_resumes(annotate, tags, body):
    doc = annotate(
        "Syria strikes\n\n12 February 2015 Casualties mount in the city. " + tags + " " + body
    )
    assert tags in skipped(doc)
    assert sentences(doc)[-2:] == [tags, body]


def test_a_tag_list_without_a_verb_ends_at_a_full_stop(annotate):
    doc = annotate(
        "Bombing\n\nTags Nusra Front al-Qaeda Aleppo Syria war. A suicide bomber struck."
    )
    assert "Tags Nusra Front al-Qaeda Aleppo Syria war." in skipped(doc)


def test_an_unclear_tag_list_keeps_its_words(annotate):
    # no clear start of the body: only the header is skipped, no sentence text is lost
    text = "Aleppo\n\nTags Syria Aleppo regime forces rebel forces the Nusra Front Syrian troops "
    text += "and pro-government gunmen repelled an offensive by rebels on Tuesday."
    doc = annotate(text)
    (tag_range,) = [r for r in skipped(doc) if r.startswith("Tags")]
    assert "repelled" not in tag_range and len(tag_range) < 20


def test_related_headlines_end_at_a_report_in_the_past_tense(annotate):
    related = (
        "Related Lebanon charges 43 Syrians with belonging to terrorist groups 2000 Syria "
        "refugees stranded in Lebanon mountains Nun"
    )
    body = "At least 22 people were killed Friday when a car bomb exploded in Daraa."
    doc = annotate("32 killed in Syrias Daraa\n\nPrint Tweet Views 458 " + related + " " + body)
    assert skipped(doc) == ["Print Tweet Views 458", related]
    assert sentences(doc)[-1] == body


def test_related_headlines_at_the_end_of_a_story(annotate):
    text = (
        "Syrian troops free villages\n\nThe troops took the villages the statement added. ... 110 "
        "Related Syrian Army Destroys Daeshs Mortar Shells Plant in Deir ez-Zor Province "
        "Kobani in Ruins After Anti-IS Airstrikes Tags terrorists liberation Daesh Syria Hama "
        "Community standardsDiscussion Comment via FacebookComment via Sputnik News"
    )
    doc = annotate(text)
    assert sentences(doc)[1] == "The troops took the villages the statement added."
    assert all(text.index("Related") >= s.end_char for s in doc.spans["kg_triggers"])
    assert "Tags terrorists liberation Daesh Syria Hama" in skipped(doc)


def test_read_more_link_is_its_own_sentence(annotate):
    text = (
        "Syrian army advances in Hama\n\nThe troops took the villages. READ MORE WATCH Russian "
        "Airstrikes Send Terrorists Fleeing in Syrias Hama In a separate operation in Hama the "
        "troops freed 19 civilians."
    )
    doc = annotate(text)
    link = "READ MORE WATCH Russian Airstrikes Send Terrorists Fleeing in Syrias Hama"
    assert link in skipped(doc)
    assert link in sentences(doc)


def test_inline_furniture_patterns(nlp):
    doc = nlp.make_doc(
        "Story\n\nThe strike hit Idlib. (Source: Syrian Coalition) Twitter\n\n"
        "Homs was shelled (Photo AP) on Monday. Source TRTWorld and agencies"
    )
    found = [doc.text[a:b] for a, b in furniture(doc)]
    assert found == [
        "(Source: Syrian Coalition) Twitter",
        "(Photo AP)",
        "Source TRTWorld and agencies",
    ]


def test_related_to_is_not_a_link_list(nlp):
    doc = nlp.make_doc("Story\n\nRelated to the strike, two men were arrested.")
    assert furniture(doc) == []
