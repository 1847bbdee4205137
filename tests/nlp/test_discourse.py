"""Event rules that look past one clause: victims, pronouns, backing, article context."""

import datetime as dt

import pytest

from kg.types import Article


def events(doc):
    return [(e.type, e.agent and e.agent.key, e.target and e.target.key) for e in doc._.kg_events]


@pytest.fixture(scope="module")
def extract(nlp):
    from kg.nlp.normalize import normalize_text
    from kg.worker import _extractor

    extractor = _extractor()

    def run(text: str, title: str | None = None, date: dt.date | None = None):
        body = normalize_text(text)
        full = f"{title}\n\n{body}" if title else body
        article = Article(id="t", text=full, title=title, date=date)
        return extractor.extract(article, nlp(full))

    return run


def test_unnamed_victims_are_civilians(annotate):
    doc = annotate("Six people were killed in a blast in Aleppo.")
    assert ("bombing", None, "civilians") in events(doc)


def test_named_victims_stay_who_they_are(annotate):
    doc = annotate("Three rebels were killed in clashes with ISIS.")
    assert all(target != "civilians" for _, _, target in events(doc))


def test_subject_pronoun_takes_the_reporting_subject(annotate):
    doc = annotate("The US-led coalition reported Monday it had launched 10 air strikes.")
    assert ("airstrike", "us_led_coalition", None) in events(doc)


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("The YPG backed by Syrian rebels killed 10 IS militants.", ("syrian_rebels", "ypg")),
        (
            "Government forces, backed by Russian air power, retook Palmyra.",
            ("russian_forces", "syrian_government_forces"),
        ),
        (
            "The Syrian army freed Palmyra with the support of Russian forces.",
            ("russian_forces", "syrian_government_forces"),
        ),
        (
            "Regime forces drove rebels from Aleppo in December with a Russian-backed offensive.",
            ("russian_forces", "syrian_government_forces"),
        ),
    ],
)
def test_stated_backing_is_a_support_event(extract, text, pair):
    ex = extract(text)
    support = [(e.agent, e.target) for e in ex.events if e.type == "support"]
    assert support == [pair]


def test_backed_victims_are_not_a_support_event(extract):
    ex = extract("Three US-backed Syrian rebels were killed near At Tanf.")
    assert ("syrian_rebels", "united_states") in ex.backing
    assert not [e for e in ex.events if e.type == "support"]


def test_strikes_take_the_agent_the_article_names_for_them(extract):
    ex = extract(
        "Syrian government air strikes on rebel towns killed 44 people on Monday. "
        "In Jassem 16 civilians were killed in four air strikes."
    )
    strikes = [e for e in ex.events if e.type == "airstrike"]
    assert len(strikes) == 2
    assert {e.agent for e in strikes} == {"syrian_government_forces"}


def test_a_strike_takes_the_agent_of_the_last_strike_before_it(extract):
    ex = extract(
        "Air strikes hit Idlib. Syrian government air strikes hit Douma. US-led coalition "
        "air strikes hit Raqqa. Air strikes also hit Deir ez-Zor."
    )
    agents = {e.place: e.agent for e in ex.events if e.type == "airstrike"}
    assert agents["geonames-169389"] is None  # Idlib: before any, and two parties strike
    assert agents["geonames-170794"] == "us_led_coalition"  # Deir ez-Zor


def test_retelling_at_the_same_place_is_one_event(extract):
    ex = extract(
        "Rebels shelled a school in Hamdaniyeh on Thursday. The shelling of Hamdaniyeh "
        "killed three children, state media said."
    )
    shelling = [e for e in ex.events if e.type == "shelling"]
    assert len(shelling) == 1
    assert shelling[0].fatalities == 3


def test_headline_joins_the_lead_event(extract):
    ex = extract(
        "US-led air strikes killed 22 people in Raqqa on Saturday. Russian air strikes hit "
        "Idlib on Sunday.",
        title="Air strikes kill 22 in Raqqa",
        date=dt.date(2015, 7, 5),
    )
    lead = [e for e in ex.events if e.fatalities == 22]
    assert len(lead) == 1 and lead[0].agent == "us_led_coalition"
    assert len(lead[0].sentences) == 2  # the headline and the lead sentence


def test_the_lead_tells_the_news_of_the_day(extract):
    ex = extract(
        "Six people were killed in a blast in Aleppo. Rebels shelled Hama in March.",
        title="Blast kills six in Aleppo",
        date=dt.date(2017, 4, 19),
    )
    dates = {e.type: e.date and e.date.value for e in ex.events}
    assert dates["bombing"] == "2017-04-19"  # the lead, with no time of its own
    assert dates["shelling"] == "2017-03"  # its own time


def test_people_leaving_is_an_evacuation(annotate):
    assert ("evacuation", "civilians", None) in events(
        annotate("Some 3000 residents left Foua in 45 buses.")
    )
    assert not [e for e in events(annotate("The attack left 20 dead.")) if e[0] == "evacuation"]


def test_shooting_down_an_aircraft_is_no_air_strike(annotate):
    types = [e[0] for e in events(annotate("Rebels shot down a Syrian army helicopter."))]
    assert types and "airstrike" not in types


def test_seizing_part_of_a_town_is_a_territory_change(annotate):
    doc = annotate("Aleppo was the largest city of Syria. Rebels seized its eastern half in 2012.")
    assert [e[0] for e in events(doc)] == ["territory_change"]


def test_a_toll_told_first_joins_the_blast_told_after(extract):
    ex = extract(
        "A motorcycle bomber killed at least 16 civilians outside a bakery in Hasakeh. "
        "A suicide bomber on a motorcycle blew himself up in Hasakeh, a monitor said."
    )
    assert [(e.type, e.fatalities) for e in ex.events] == [("bombing", 16)]


def test_strikes_on_another_day_near_an_earlier_attack_stay_apart(extract):
    ex = extract(
        "At least 13 civilians died in air strikes around Khan Sheikhun on Friday, the site "
        "of the chemical attack on April 4."
    )
    assert sorted(e.type for e in ex.events) == ["airstrike", "chemical_attack"]


# -- mentions that do not tell an event ----------------------------------------------


def _types(extraction):
    return [(e.type, e.agent, e.place) for e in extraction.events]


@pytest.mark.parametrize(
    "text",
    [
        "The US-led coalition is conducting airstrikes against ISIS in Raqqa.",
        "Syrian rebels regularly shell Aleppo.",
        "Douma is targeted by government fire almost every day.",
    ],
)
def test_what_usually_happens_is_not_an_event(extract, text):
    assert _types(extract(text)) == []


def test_the_present_perfect_tells_a_past_event(extract):
    found = _types(extract("Syrian government forces have shelled Douma."))
    assert [t for t, _, _ in found] == ["shelling"]


@pytest.mark.parametrize(
    "text",
    [
        "Regime forces launched an offensive aimed at recapturing Palmyra.",
        "The rebels said their goal was to seize Aleppo.",
    ],
)
def test_an_aim_is_not_an_act(extract, text):
    assert "territory_change" not in [t for t, _, _ in _types(extract(text))]


def test_an_attempt_is_kept_with_its_modality(extract):
    found = extract("ISIS fighters tried to storm the At Tanf base.")
    assert [e.modality for e in found.events] == ["attempted"]


def test_a_war_toll_lends_nothing_to_an_event(extract):
    found = extract(
        "Government air strikes killed 12 civilians in Douma on Monday. "
        "More than 300,000 people have been killed since the conflict began in 2011."
    )
    assert [(e.type, e.fatalities) for e in found.events] == [("airstrike", 12)]


def test_another_attack_is_a_new_event(extract):
    found = extract(
        "ISIS militants beheaded eight rebels in Albu Kamal. "
        "ISIS also beheaded another three men in Deir Ezzor."
    )
    assert len([e for e in found.events if e.type == "killing"]) == 2


def test_no_party_does_it_to_itself(annotate):
    for event in annotate("ISIL terrorists beheaded eight Syrian militants.")._.kg_events:
        assert event.agent is None or event.target is None or event.agent.key != event.target.key


def test_armed_parties_killing_each_other_is_fighting(annotate):
    doc = annotate("Kurdish YPG fighters killed 10 ISIS militants near Kobani.")
    assert ("armed_clash", "ypg", "isis") in events(doc)


def test_an_execution_stays_a_killing(annotate):
    doc = annotate("ISIS militants executed eight rebels in Albu Kamal.")
    assert [t for t, _, _ in events(doc)] == ["killing"]


def test_a_killing_by_a_party_that_only_strikes_from_the_air(extract):
    found = extract(
        "Assad regime airstrikes killed 54 civilians in Aleppo on Tuesday. "
        "The Assad regime also committed a massacre in Bab Alnairab killing 25 civilians."
    )
    assert [e.type for e in found.events] == ["airstrike", "airstrike"]


def test_an_armed_party_after_of_carried_the_strike_out(annotate):
    doc = annotate("An airstrike of the US-led coalition killed eight civilians in Tabqa.")
    assert ("airstrike", "us_led_coalition", "civilians") in events(doc)
    doc = annotate("The siege of Madaya by government forces went on.")
    assert all(agent != "madaya" for _, agent, _ in events(doc))


def test_backing_in_the_passive_however_far_apart(annotate):
    doc = annotate("Ahrar al-Sham militants at the base had been supported by Al-Nusra Front.")
    spans = list(doc.spans["kg_actors"])
    pairs = {(spans[i].label_, backer) for i, backer in doc._.kg_backing}
    assert ("ahrar_al_sham", "al_nusra_front") in pairs


def test_a_leaders_forces_carry_out_his_sieges(annotate):
    doc = annotate("President Bashar al-Assad's forces have besieged Eastern Ghouta since 2013.")
    assert ("siege", "syrian_government_forces", None) in events(doc)


@pytest.mark.parametrize(
    "text",
    [
        "Civilians were killed as they fled from the front lines of a battle in Manbij.",
        "Many civilians had fled their homes to avoid the clashes near the border.",
    ],
)
def test_the_war_people_flee_is_not_an_event_told(extract, text):
    assert "armed_clash" not in [e.type for e in extract(text).events]


def test_a_strike_retold_by_its_day(extract):
    found = extract(
        "A car bomb exploded in the Salaheddin district of Aleppo on Wednesday, killing six. "
        "State media gave no further details on Wednesday's blast in Salaheddin."
    )
    assert [e.type for e in found.events] == ["bombing"]


def test_only_a_generic_word_retells_a_strike_of_a_kind(extract):
    found = extract(
        "Toxic gas was dropped on Saraqeb on Monday. "
        "A Russian helicopter had been shot down near Saraqeb hours earlier."
    )
    assert sorted(e.type for e in found.events) == ["attack", "chemical_attack"]


def test_a_run_on_text_is_cut_into_sentences(nlp):
    from kg.nlp.sentences import MAX_SENTENCE_TOKENS

    doc = nlp(" ".join(["army shelled Douma rebels attacked Aleppo"] * 400))  # 2,400 words
    assert max(len(s) for s in doc.sents) <= MAX_SENTENCE_TOKENS + 1
    assert doc._.kg_events  # still read


def test_control_characters_do_not_hide_the_words(annotate):
    doc = annotate("Syrian army\x01\x02 shelled\x1b Douma\x7f on Monday.")
    assert [t for t, _, _ in events(doc)] == ["shelling"]
