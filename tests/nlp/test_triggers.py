"""Event triggers: which words state an event, and the type each gets."""

import pytest


def triggers(doc):
    return [(s.text, s.label_) for s in doc.spans["kg_triggers"]]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # Bare "strikes" in war news are air strikes; "struck" stays generic.
        ("Russian strikes killed 18 civilians in Idlib.", ("strikes", "airstrike")),
        ("Another 17 strikes targeted the jihadists in Iraq.", ("strikes", "airstrike")),
        ("Gunmen struck a checkpoint near Daraa.", ("struck", "attack")),
        ("A drone strike hit a car near Raqqa.", ("drone strike", "airstrike")),
        ("Regime aircraft bombed a factory in Mansoura.", ("bombed", "airstrike")),
        ("Intense regime bombardment killed eight civilians.", ("bombardment", "airstrike")),
        ("Warplanes dropped cluster bombs on Douma.", ("cluster bombs", "airstrike")),
        ("A barrage of air strikes hit Idlib.", ("barrage of air strikes", "airstrike")),
        # A gerund after a preposition, with no object, is the noun of its form.
        ("Seven fighters were killed during fighting in Hays.", ("fighting", "armed_clash")),
        # ACLED's riots and strategic developments
        ("Protesters threw stones at the police.", ("threw stones", "riot")),
        ("Militias looted shops in the market.", ("looted", "looting")),
        ("Air defences intercepted a missile.", ("intercepted", "disrupted_attack")),
        ("The group announced its merger with Ahrar al-Sham.", ("merger", "group_change")),
        # Ground-fired weapons are shelling.
        ("An artillery bombardment hit Jobar.", ("artillery bombardment", "shelling")),
        ("Rebels fired hundreds of mortar bombs on Aleppo.", ("mortar bombs", "shelling")),
        ("Rockets struck close to the airport in Latakia.", ("Rockets", "shelling")),
        ("A mortar hit the square in Damascus.", ("mortar", "shelling")),
        ("Rebels fired a barrage of shells into Aleppo.", ("barrage", "shelling")),
        ("Terrorists fired a rocket shell on the neighborhood.", ("rocket shell", "shelling")),
        ("They fired surface-to-surface missiles.", ("surface-to-surface missiles", "shelling")),
        # Explosions.
        ("Suicide bombers blew up two vehicles in Hama.", ("blew up", "bombing")),
        ("He detonated an explosive belt at the checkpoint.", ("explosive belt", "bombing")),
        # Chemical weapons named by their agent.
        ("Barrel bombs with chlorine hit the town.", ("chlorine", "chemical_attack")),
        ("Residents were affected by toxic gas in Saraqeb.", ("toxic gas", "chemical_attack")),
        ("Samples tested positive for sarin.", ("sarin", "chemical_attack")),
        ("Victims of the chlorine gas were treated in Idlib.", ("chlorine gas", "chemical_attack")),
        # Clashes and ground attacks.
        ("Troops exchanged fire with militants near Palmyra.", ("exchanged fire", "armed_clash")),
        ("Russian jets pounded rebel positions near Hama.", ("pounded", "attack")),
        ("The onslaught on Aleppo continued.", ("onslaught", "attack")),
        ("Rebels launched a counterattack in Hama.", ("counterattack", "attack")),
        ("Militants tried to infiltrate a military post in Daraa.", ("infiltrate", "attack")),
        ("The helicopter came under fire near Palmyra.", ("came under fire", "attack")),
        ("A Russian helicopter was shot down near Saraqeb.", ("shot down", "attack")),
        ("Fighters torched the houses in the village.", ("torched", "attack")),
        ("A fighter fired on a gathering of militants.", ("fired on", "attack")),
        # Territory.
        ("The army established control over Jobar.", ("established control", "territory_change")),
        ("Rebels wrested the town from the army.", ("wrested", "territory_change")),
        # Movements of troops.
        ("Turkish troops invaded the region of Afrin.", ("invaded", "advance")),
        # Killings.
        ("ISIL decapitated three men in Deir Ezzor.", ("decapitated", "killing")),
        ("The militants crucified two men in Mayadin.", ("crucified", "killing")),
        ("Soldiers shot dead six suicide bombers.", ("shot dead", "killing")),
        ("A woman was stoned to death in Raqqa.", ("stoned to death", "killing")),
        ("Army units eliminated scores of terrorists.", ("eliminated", "killing")),
        ("The strike claimed the lives of eight civilians.", ("claimed the lives", "killing")),
        # Agreements.
        ("The cessation of hostilities began.", ("cessation of hostilities", "agreement")),
        # People moving.
        ("Families escaped the eastern neighborhoods of Aleppo.", ("escaped", "evacuation")),
        # Arrests.
        ("Police rounded up dozens of activists in Homs.", ("rounded up", "arrest_or_abduction")),
        # Protests.
        ("Prisoners began a hunger strike in Hama prison.", ("hunger strike", "protest")),
    ],
)
def test_trigger_and_type(annotate, text, trigger):
    assert trigger in triggers(annotate(text))


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # Participles used as adjectives describe, they do not state an event.
        ("The targeted airbase had been providing air support.", "targeted"),
        ("Air strikes hit Douma, the besieged town.", "besieged"),
        ("Thousands of displaced families live in camps.", "displaced"),
        # A present participle on a party states its role, not an act.
        ("The coalition targeting the jihadists reported ten strikes.", "targeting"),
        # Event nouns modifying another noun.
        ("Schools were used as detention centres.", "detention"),
        ("The army lost two attack helicopters.", "attack"),
        ("The army destroyed two rocket launchers.", "rocket"),
        ("Rebels seized rocket-propelled grenade launchers.", "rocket"),
        # Control as a state, not a change of hands.
        ("Daesh militants control most of Deir al-Zor province.", "control"),
        # "demonstrate" in news is "show".
        ("The attack demonstrated the risks posed by the group.", "demonstrated"),
        # A bare weapon word is no event on its own.
        ("Russia delivered new missiles to Syria.", "missiles"),
        # Background of the war, not an event of the article.
        ("The regime unleashed a brutal crackdown on dissent.", "crackdown"),
    ],
)
def test_not_a_trigger(annotate, text, word):
    assert all(word not in t for t, _ in triggers(annotate(text)))


def test_event_noun_modifying_an_event_noun_stays(annotate):
    found = triggers(annotate("Regime barrel bomb attacks killed 11 civilians in Al-Bab."))
    assert ("barrel bomb", "airstrike") in found
    assert ("attacks", "attack") in found


@pytest.mark.parametrize(
    "text",
    [
        "It follows a strike killing a woman in Manbij.",
        "The army ambushed a group of terrorists killing 15 of them.",
        "Terrorists fired shells on the neighborhoods killing three people.",
    ],
)
def test_a_death_as_a_result_clause_stays(annotate, text):
    assert ("killing", "killing") in triggers(annotate(text))
