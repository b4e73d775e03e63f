"""What `resolve_modality` says of short sentences: status, negation, conditions, the cue.

The trigger is the word in brackets. The cases cover every status, negation, conditions,
reporting verbs (attribution, never a cue), nested cues (the outermost wins), nominal
triggers, and the tense that decides when no cue does.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from alliance_kg.model import EventClass, Status
from alliance_kg.pipeline import Extractor
from alliance_kg.pipeline.modality import Modality, chain, resolve_modality

AT = EventClass.ARMS_TRANSFER
JP = EventClass.JOINT_PRODUCTION
LM = EventClass.LEADERS_MEETING
PC = EventClass.POLICY_CHANGE

STATUS_CASES: dict[Status, list[tuple[str, EventClass]]] = {
    Status.CONSIDERED: [
        ("The two governments are considering joint [production].", JP),
        (
            "Hanwha could open a plant in Romania and [maintain] the K9 fleet there.",
            EventClass.MAINTENANCE_COOPERATION,
        ),
        ("Kyiv is looking for partners to [produce] shells in Ukraine.", JP),
        ("Canberra is eyeing the [purchase] of Japanese frigates.", AT),
        ("Two senators [introduced] a bill to let the Navy buy ships abroad.", PC),
        ("Lawmakers in Tokyo introduced a bill to [ease] the export rules.", PC),
        ("Opposition lawmakers have tabled a bill to [lift] the ban on lethal aid.", PC),
        ("The [sale] of the frigates is under consideration.", AT),
        ("Tokyo could [export] the radars to Manila.", AT),
        ("The proposed [sale] of the frigates has drawn criticism.", AT),
        (
            "The ministers set up a working group on ship [repair].",
            EventClass.MAINTENANCE_COOPERATION,
        ),
        ("The main areas are joint [production] and maintenance.", JP),
        ("Joint [production] of the howitzer is one of the ideas under study.", JP),
        ("A [sale] of the frigates is an option.", AT),
        ("Britain has not ruled out [sending] troops to Ukraine.", EventClass.PERSONNEL_DEPLOYMENT),
        ("Berlin did not reject a [sale] of the jets.", AT),
        ("Poland has offered to [host] more American troops.", EventClass.PERSONNEL_DEPLOYMENT),
        ("Seoul offered to [build] the frigates in Australia.", JP),
        ("Canada has shortlisted the Gripen for its fighter [purchase].", AT),
        ("Manila shortlisted Korean and Swedish jets for its fighter [purchase].", AT),
        ("Several firms are in talks about setting up joint [production] in Ukraine.", JP),
        ("Rheinmetall is in discussions with Kyiv on [producing] shells together.", JP),
        (
            "The ministers held talks on a defence procurement [agreement].",
            EventClass.DEFENSE_COOPERATION,
        ),
        (
            "They are in discussions about a reciprocal access [pact].",
            EventClass.DEFENSE_COOPERATION,
        ),
    ],
    Status.PLANNED: [
        ("The cabinet will [approve] the revised export rules.", EventClass.POLICY_CHANGE),
        (
            "KAI will keep technicians at Clark to [maintain] the jets.",
            EventClass.MAINTENANCE_COOPERATION,
        ),
        ("BAE will help [keep] the fleet flying.", EventClass.MAINTENANCE_COOPERATION),
        (
            "Athens is pressing for Greek firms to join the supply [chain] of the frigates.",
            EventClass.SUPPLY_CHAIN_COOPERATION,
        ),
        ("Kyiv is lobbying for the [purchase] of more Patriot systems.", AT),
        (
            "Hanwha could open a plant in Romania and will [maintain] the K9 fleet there.",
            EventClass.MAINTENANCE_COOPERATION,
        ),
        ("Warsaw pushed for the tanks to be [assembled] in Poland.", JP),
        ("Japan plans to [export] the destroyers to Australia.", AT),
        ("Colombia has yet to sign the [contract] for the jets.", AT),
        ("Australia and Japan will expand intelligence [sharing].", EventClass.DEFENSE_COOPERATION),
        ("Hanwha will ramp up [production] of the howitzers in Poland.", JP),
        ("Poland still has to [buy] the launchers.", AT),
        ("Manila has requested the [sale] of more jets.", AT),
        ("Taipei has requested the [purchase] of more Harpoon missiles.", AT),
        ("Yoon hopes to [visit] Tokyo in the spring.", LM),
        ("Seoul hoped to [sell] tanks to Romania.", AT),
        ("Britain was prepared to [send] troops to Ukraine.", EventClass.PERSONNEL_DEPLOYMENT),
        ("The two countries aim to expand joint [production] of interceptors.", JP),
        ("Poland will [buy] more tanks from Seoul.", AT),
        ("Officials said Japan would [deliver] the radars.", AT),
        ("Under the project, Japanese firms would [manufacture] the missiles.", JP),
        ("The allies look to make a deal for Japanese yards to [repair] warships.", AT),
        ("The plan calls for [deliveries] to Poland.", AT),
        (
            "The planned [revision] of the export rules has drawn criticism.",
            EventClass.POLICY_CHANGE,
        ),
        ("Japan changed its rules so that the jets can be [sold] abroad.", AT),
        ("Spain signed a letter of intent with Turkey to [buy] Hurjet trainers.", AT),
        ("Oslo and Seoul signed a letter of intent on the [purchase] of K9 howitzers.", AT),
        ("Manila has signed a letter of interest for the [purchase] of FA-50 jets.", AT),
    ],
    Status.EXPECTED: [
        ("Poland is close to a deal to [buy] Apache helicopters.", AT),
        ("Greece is close to an agreement to [purchase] F-35 jets.", AT),
        ("Romania is nearing a deal to [buy] K9 howitzers from Seoul.", AT),
        ("Canberra and Tokyo are nearing agreement on the [sale] of frigates.", AT),
        ("Japan and Britain will hold joint [drills] next month.", EventClass.DEFENSE_COOPERATION),
        (
            "Manila and Washington will stage their annual [exercise] in April.",
            EventClass.DEFENSE_COOPERATION,
        ),
        ("The [summit] is scheduled for April.", LM),
        ("[Deliveries] are due next year.", AT),
        ("The first tanks are set to be [delivered] in May.", AT),
        ("The leaders will [meet] in Washington.", LM),
        ("Kishida is to [visit] Manila.", LM),
        ("[Deliveries] will begin in 2026.", AT),
        ("The [summit] is slated for May.", LM),
        ("The [deployment] of the brigade will start in May.", EventClass.PERSONNEL_DEPLOYMENT),
        (
            "A framework for their defence [partnership] is set to be signed this year.",
            EventClass.DEFENSE_COOPERATION,
        ),
        (
            "A roadmap for [cooperation] is expected to be adopted in May.",
            EventClass.DEFENSE_COOPERATION,
        ),
        ("The prime minister left for Washington for [talks] with the president.", LM),
        ("Japan will unveil the plan when the leaders [meet].", LM),
    ],
    Status.AGREED: [
        ("The State Department cleared the [sale] of the launchers in May.", AT),
        ("Japan decided to [export] Patriot missiles to the United States.", AT),
        ("The Pentagon announced a $1 billion aid [package] for Ukraine.", EventClass.MILITARY_AID),
        (
            "Finland and Norway signed a defence cooperation [agreement].",
            EventClass.DEFENSE_COOPERATION,
        ),
        (
            "Finland and Norway [signed] a defence cooperation agreement.",
            EventClass.DEFENSE_COOPERATION,
        ),
        ("The decision [revises] the rules on arms exports.", EventClass.POLICY_CHANGE),
        ("The government approved the [sale] of the fighters.", AT),
        ("Two firms have signed contracts with Poland to implement deals to [export] tanks.", AT),
        ("The minister said that Japan decided to [export] missiles.", AT),
        ("Tokyo and Canberra struck a security [pact].", EventClass.DEFENSE_COOPERATION),
        (
            "Sweden has earmarked part of its latest aid [package] for Ukraine.",
            EventClass.MILITARY_AID,
        ),
        ("Norway allocated $500 million in military [aid] to Ukraine.", EventClass.MILITARY_AID),
        ("Baykar signed an agreement to set up a joint venture that will [build] drones.", JP),
        ("Hanwha and WB Group agreed to form a joint venture that will [produce] missiles.", JP),
        ("The two navies forged a [partnership] last year.", EventClass.DEFENSE_COOPERATION),
    ],
    Status.ONGOING: [
        ("[Deliveries] are under way.", AT),
        ("The U.S. has kept up its [supply] of munitions to Israel.", AT),
        ("Germany keeps [sending] shells to Ukraine.", AT),
        ("Officials said the [deliveries] are under way.", AT),
        ("South Korea has been [delivering] howitzers to Poland since 2022.", AT),
        ("[Deliveries] began last year.", AT),
        ("Japan [produces] the interceptors under licence.", JP),
        (
            "About a hundred Greek sailors have been [posted] to Lorient.",
            EventClass.PERSONNEL_DEPLOYMENT,
        ),
        ("Canada has [stationed] 1,000 troops in Latvia.", EventClass.PERSONNEL_DEPLOYMENT),
        ("American stockpiles have been [depleted].", EventClass.CAPACITY_SHORTFALL),
    ],
    Status.COMPLETED: [
        ("Poland [received] the first tanks last year.", AT),
        ("Congress passed legislation [easing] export rules.", EventClass.POLICY_CHANGE),
        ("Under the plan agreed at a [meeting] in March, Australia will buy submarines.", LM),
        ("The three leaders agreed to hold exercises every year, in their first [summit].", LM),
        ("The launchers that Taiwan has [ordered] are due next year.", AT),
        (
            "The deployment is a sign that Pyongyang has [sent] troops.",
            EventClass.PERSONNEL_DEPLOYMENT,
        ),
        ("Britain was the first country to [send] tanks to Kyiv.", AT),
        ("The chancellor travelled to Warsaw for [talks] with the president.", LM),
    ],
}


@pytest.fixture(scope="module")
def nlp(extractor: Extractor) -> Language:
    return extractor.nlp


def modality_of(
    nlp: Language, marked: str, event_class: EventClass, *, future_date: bool = False
) -> Modality:
    """Parse a sentence with its trigger in brackets and resolve the trigger's modality."""
    before, rest = marked.split("[", 1)
    word, after = rest.split("]", 1)
    doc = nlp(before + word + after)
    trigger = next(t for t in doc if t.idx == len(before))
    assert trigger.text == word, f"the parser split the trigger {word!r}"
    return resolve_modality(trigger, event_class, future_date=future_date)


@pytest.mark.parametrize(
    ("marked", "event_class", "status"),
    [(m, c, status) for status, cases in STATUS_CASES.items() for m, c in cases],
)
def test_status(nlp: Language, marked: str, event_class: EventClass, status: Status) -> None:
    found = modality_of(nlp, marked, event_class)
    assert (found.status, found.negated, found.hypothetical) == (status, False, False)


@pytest.mark.parametrize(
    ("marked", "status"),
    [
        ("Seoul will not [export] the howitzers.", Status.PLANNED),
        ("The government refused to [sell] the jets.", Status.COMPLETED),
        ("Tokyo has never [exported] lethal weapons.", Status.COMPLETED),
    ],
)
def test_negation_keeps_the_status(nlp: Language, marked: str, status: Status) -> None:
    found = modality_of(nlp, marked, AT)
    assert (found.status, found.negated) == (status, True)


@pytest.mark.parametrize(
    ("marked", "event_class"),
    [
        ("The coup law cuts off a large share of security [assistance].", EventClass.MILITARY_AID),
        ("Germany called off the [sale] of Leopard tanks to Saudi Arabia.", AT),
        ("The United States cut off military [aid] to Egypt in 2013.", EventClass.MILITARY_AID),
    ],
)
def test_a_blocking_phrasal_verb_negates_what_it_governs(
    nlp: Language, marked: str, event_class: EventClass
) -> None:
    assert modality_of(nlp, marked, event_class).negated


def test_cutting_a_price_negates_nothing(nlp: Language) -> None:
    assert not modality_of(nlp, "Poland cut the price of its K2 [order].", AT).negated


@pytest.mark.parametrize(
    "marked",
    [
        "If the talks succeed, the allies would [build] the frigates together.",
        "Seoul would [send] weapons to Kyiv if Pyongyang attacks.",
        "The allies will decide whether to [export] the jets.",
        "Tokyo agreed to the sale if Manila could [buy] the radars.",
        "Kyiv will see how many jets will be [sold] to Russia.",
    ],
)
def test_conditions_cap_the_status_at_considered(nlp: Language, marked: str) -> None:
    found = modality_of(nlp, marked, AT)
    assert (found.status, found.hypothetical) == (Status.CONSIDERED, True)


def test_a_relative_clause_keeps_its_own_modal(nlp: Language) -> None:
    marked = "The ministers agreed on a list of areas where firms could [build] drones."
    assert modality_of(nlp, marked, JP).status is Status.CONSIDERED


def test_the_outermost_cue_wins_and_is_the_cue(nlp: Language) -> None:
    found = modality_of(nlp, "The allies are preparing to agree to expand joint [production].", JP)
    assert (found.status, found.cue) == (Status.PLANNED, "preparing")


def test_pressing_another_to_reconsider_leaves_their_cue(nlp: Language) -> None:
    marked = "The war has pushed Seoul to reconsider its refusal to [send] weapons to Kyiv."
    found = modality_of(nlp, marked, AT)
    assert (found.status, found.cue) == (Status.CONSIDERED, "reconsider")
    found = modality_of(nlp, "Washington pushed Seoul to [send] weapons to Kyiv.", AT)
    assert found.status is Status.PLANNED


def test_a_reporting_verb_is_not_the_cue(nlp: Language) -> None:
    found = modality_of(nlp, "Officials said the [deliveries] are under way.", AT)
    assert found.cue == "under way"


def test_tense_decides_without_a_cue(nlp: Language) -> None:
    found = modality_of(nlp, "Poland [received] the first tanks last year.", AT)
    assert found.cue is None


def test_a_future_date_makes_a_meeting_expected(nlp: Language) -> None:
    marked = "Tokyo is preparing to launch a forum when the leaders [meet] next month."
    assert modality_of(nlp, marked, LM, future_date=True).status is Status.EXPECTED
    assert modality_of(nlp, marked, LM).status is Status.ONGOING


def test_a_clause_of_time_is_outside_the_main_verbs_chain(nlp: Language) -> None:
    doc = nlp("Tokyo is preparing to launch a forum when the leaders meet next month.")
    meet = next(t for t in doc if t.text == "meet")
    assert [t.text for t, _ in chain(meet)] == ["meet"]
