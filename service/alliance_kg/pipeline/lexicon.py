"""Words that decide event classes and statuses: trigger lemmas and modality cues.

These are English function and content words, not names: every name the extractor links
comes from the gazetteer.
"""

from __future__ import annotations

from alliance_kg.model import EventClass, Status

E = EventClass

# Verb lemmas that report an event of a class on their own.
VERB_TRIGGERS: dict[str, EventClass] = {
    **dict.fromkeys(
        [
            "export",
            "sell",
            "deliver",
            "transfer",
            "ship",
            "supply",
            "procure",
            "purchase",
            "buy",
            "acquire",
            "import",
            "order",
            "lease",
            "loan",
        ],
        E.ARMS_TRANSFER,
    ),
    **dict.fromkeys(["donate", "pledge", "aid", "assist", "arm", "gift"], E.MILITARY_AID),
    **dict.fromkeys(["co-produce", "coproduce", "co-develop", "codevelop"], E.JOINT_PRODUCTION),
    **dict.fromkeys(
        [
            "service",
            "repair",
            "maintain",
            "overhaul",
            "refit",
            "refurbish",
            "fix",
            "restore",
            "recondition",
            "upgrade",
            "sustain",
            "rebuild",
        ],
        E.MAINTENANCE_COOPERATION,
    ),
    **dict.fromkeys(
        [
            "revise",
            "amend",
            "relax",
            "ease",
            "loosen",
            "lift",
            "overhaul",
            "rewrite",
            "adopt",
            "approve",
            "enact",
            "pass",
            "legislate",
            "scrap",
            "abolish",
            "repeal",
            "tighten",
            "change",
            "reform",
            "update",
            "impose",
            "introduce",
            "drop",
            "abandon",
            "shelve",
            "raise",
        ],
        E.POLICY_CHANGE,
    ),
    **dict.fromkeys(["deploy", "dispatch", "station", "rotate"], E.PERSONNEL_DEPLOYMENT),
    **dict.fromkeys(["meet", "visit", "host"], E.LEADERS_MEETING),
    **dict.fromkeys(["strain", "stretch", "deplete", "exhaust", "drain"], E.CAPACITY_SHORTFALL),
    **dict.fromkeys(["cooperate", "collaborate", "consult"], E.DEFENSE_COOPERATION),
}
# Phrasal verbs of meeting, with their particle: "Modi sat down with Biden".
MEETING_PHRASES = {"sit": "down"}
# Verbs of receiving a visitor: with a leader as object they report a meeting ("Erdogan
# welcomed Kristersson to Ankara", "Biden received Marcos at the White House").
WELCOMING_VERBS = {"welcome", "receive", "greet"}
# Verbs of coming together: with leaders as subject they report a meeting ("the leaders
# gathered at Camp David").
GATHERING_VERBS = {"gather", "convene"}
LEADER_NOUNS = {"leader", "president", "premier", "chancellor", "head"}
# Verbs that bring an agreement about besides signing it: "are negotiating an access
# agreement", "struck a security pact", "renewed the defence accord".
NEGOTIATING_VERBS = {"negotiate", "finalize", "finalise", "strike", "forge", "reach", "renew"}
# Verbs that put an occasion on the calendar: "will hold their annual exercise".
HOLDING_VERBS = {"hold", "stage", "conduct", "host"}
# Exercises held together are defence cooperation: "annual trilateral military exercises".
EXERCISE_NOUNS = {
    "exercise",
    "drill",
    "wargame",
    "maneuver",
    "manoeuvre",
    "patrol",
    "training",
    "test",
    "trial",
}
TOGETHER_MARKERS = {"trilateral", "bilateral", "multilateral", "combined", "multinational"}
# Exercising as a verb: "Japanese and American forces will train together in Hokkaido".
EXERCISING_VERBS = {"train", "exercise", "drill", "manoeuvre", "maneuver"}
# Operating beside another state's forces is cooperation: "defences working alongside British
# aircraft", "troops fighting alongside Ukrainian units".
OPERATING_VERBS = {"work", "operate", "fight", "serve", "patrol", "fly", "sail"}
# Setting up a joint body is defence cooperation ("set up a working group on ship repair").
ESTABLISHING = {
    "establish",
    "set",
    "launch",
    "create",
    "form",
    "found",
    "open",
    "inaugurate",
    "unveil",
    "upgrade",
    "build",
}
INSTITUTIONS = {
    "group",
    "forum",
    "council",
    "body",
    "mechanism",
    "dialogue",
    "headquarters",
    "network",
    "centre",
    "center",
    "organisation",
    "organization",
    "committee",
    "secretariat",
    "command",
    "hub",
    "office",
    "framework",
    "task",
}
# People a training body takes in: their state takes part ("taking Ukrainian students").
TRAINEES = {"student", "trainee", "pilot", "cadet", "crew", "recruit"}
# Signing an agreement (not a purchase) is defence cooperation between the signatories.
SIGNING_VERBS = {"sign", "conclude", "ink", "ratify", "seal"}
AGREEMENT_NOUNS = {"agreement", "pact", "accord", "treaty", "memorandum", "arrangement"}
# Words for the arrangement under which a named kind of cooperation happens ("a partnership
# to build frigates"): the cooperation itself is the event (a forum or working group is not).
ARRANGING = SIGNING_VERBS | AGREEMENT_NOUNS | {"partnership", "cooperation", "collaboration"}
# Leaving a scheme changes policy: "would pull the country out of the initiative", "withdrew
# from the treaty", "quit the coalition".
LEAVING_VERBS = {"withdraw", "quit", "leave", "exit", "pull"}
SCHEMES = AGREEMENT_NOUNS | {
    "initiative",
    "scheme",
    "programme",
    "program",
    "coalition",
    "alliance",
    "framework",
    "partnership",
    "project",
}
# "wrote it into the constitution", "signed the bill into law": a policy made law.
WRITING_VERBS = {"write", "enshrine"}
LAWS = {"law", "constitution", "statute"}
# Permitting exports sets an export rule: "decided to allow exports of the jet".
PERMITTING = {"allow", "permit"}
# What a technology transfer moves: knowledge, not materiel ("transfer of engine technology").
KNOW_HOW = {"technology", "know-how", "design", "expertise", "knowledge", "data"}
# What a state "can" transfer, or is let or enabled to, is a rule or an ability, not a transfer.
ABILITY_MODALS = {"can", "ca"}
# What a state was "unable" or "failed" to hand over was not handed over: no transfer.
FAILING = {"unable", "fail"}
ENABLING = {"let", "enable"}
EXPORT_WORDS = {"export", "sell", "sale", "transfer"}
# A legislature approving or voting on something changes policy ("the parliament approved it").
LEGISLATURES = {"parliament", "congress", "senate", "legislature", "lawmaker", "legislator"}
LEGISLATIVE_VERBS = {"approve", "pass", "vote", "adopt", "enact", "ratify"}
# Export licences suspended, revoked or frozen set an export rule: "suspended 30 arms export
# licences to Israel", "suspended licences for gunpowder shipments".
LICENCES = {"licence", "license", "permit"}
LICENCE_RESTRICTING = {"suspend", "revoke", "halt", "freeze", "cancel", "withdraw", "deny"}
# Exports or sales halted set an export rule too: "has to stop all exports of jet parts to
# Israel", "suspended arms sales to Turkey".
EXPORT_HALTING = {"stop", "halt", "suspend", "freeze", "pause", "ban"}
# A bill weighed or debated is a policy change under consideration ("weighing a bill that").
BILLS = {"bill", "legislation", "amendment"}
# Ties frozen or suspended set a policy: "froze its military programmes in Niger", "suspended
# security assistance to the junta".
HALTED_TIES = {"programme", "program", "aid", "assistance", "cooperation", "mission", "training"}
# Words that make a refusal to send a halt of supplies: "will not send further weapons",
# "will send no more tanks".
FURTHER_WORDS = {"further", "more", "additional"}
# Verbs raising a level: raised to a share ("lifting defence spending to 3 percent") they set a
# spending target.
RAISING_VERBS = {"raise", "lift", "increase", "boost", "hike"}
SHARE_WORDS = {"percent", "per cent", "%"}
# What is raised to a share: spending, or a word taking it up ("lifting that to 5 percent").
SPENDING_WORDS = {"spending", "budget", "expenditure", "outlay", "that", "it", "this"}
# Nouns of an intended rule: "plans for an arms export control law".
PROPOSAL_NOUNS = {"plan", "proposal", "draft"}
# Documents that set defence policy: published, they change it ("published a Defence
# Capability Plan", "unveiled a new defence strategy").
POLICY_DOCUMENTS = {"plan", "strategy", "paper", "review", "doctrine", "policy"}
PUBLISHING_VERBS = {"publish", "release", "unveil", "issue"}
DELIBERATING = {"weigh", "consider", "debate", "discuss", "draft", "mull", "review", "study"}
# A bill put before a legislature is proposed, not passed: "introduced a bill to ease the rules".
PROPOSING = {"introduce", "table", "file", "submit", "sponsor"}
# "revise/overhaul" as policy change need a policy object; as maintenance, materiel.
POLICY_OR_MAINTENANCE = {"overhaul"}
# Words that make a transfer a sale rather than a gift.
COMMERCE = {
    "sell",
    "sale",
    "buy",
    "purchase",
    "procure",
    "procurement",
    "contract",
    "deal",
    "order",
    "export",
    "import",
    "price",
    "cost",
    "customer",
    "buyer",
    "seller",
    "acquire",
    "acquisition",
    "fms",
    "tender",
    "bid",
    "lease",
    "loan",
}
# Trigger words that say a transfer is a sale, whatever else the article reports as aid.
SALE_WORDS = {"sell", "sale", "buy", "purchase", "procure", "procurement", "export", "order"}
# Verbs of goods still to come: "is awaiting the first of 42 Rafales".
AWAITING = {"await", "wait"}
# Aid verbs that need something given or someone receiving ("pledged to expand" is no aid).
VERB_AID = {"donate", "pledge", "aid", "assist", "arm", "gift"}
# Aid verbs whose object may be the state aided: "while arming Ukraine", "to assist Kyiv".
AIDING_STATES = {"aid", "assist", "arm"}
# Choosing another state's system is a (considered) purchase: "Canberra weighs Japan's frigate".
SELECTING = {
    "consider",
    "weigh",
    "eye",
    "evaluate",
    "choose",
    "select",
    "pick",
    "favour",
    "favor",
    "shortlist",
    "prefer",
}
# "an upgraded version of Japan's frigate": a noun that stands for the system it is a kind of.
VARIANT_NOUNS = {"version", "variant", "derivative", "model"}
# Modifiers that make an event mention a new event: "a separate drawdown", "another package",
# "stocks drawn down in earlier packages".
DISTINCT_MARKERS = {
    "separate",
    "another",
    "second",
    "third",
    "fresh",
    "earlier",
    "previous",
    "prior",
}
# A contract for materiel is a transfer: its awarder or signer buys, unless a firm signs it;
# whoever wins it supplies ("NSPA signed contracts for 220,000 rounds", "Nammo won a contract").
CONTRACT_NOUNS = {"contract", "deal", "option"}
# An agreement concluded for materiel is a contract for it: "signed an agreement for 48 K2
# tanks with South Korea".
DEALS_FOR_GOODS = CONTRACT_NOUNS | AGREEMENT_NOUNS
CONTRACTING_VERBS = {
    "sign",
    "award",
    "place",
    "conclude",
    "ink",
    "seal",
    "let",
    "exercise",
    "reach",
    "strike",
}
# What a buyer puts to a contract to sign it: "put its signature to a deal for 20 jets".
SIGNATURES = {"signature", "name", "seal"}
WINNING_VERBS = {"win", "secure", "land", "clinch", "receive", "get", "obtain"}
# Words in an organisation's name that make it part of a state or alliance, not a firm.
GOVERNMENT_WORDS = {
    "ministry",
    "agency",
    "department",
    "administration",
    "office",
    "council",
    "command",
    "government",
    "army",
    "navy",
    "force",
    "forces",
    "guard",
    "parliament",
    "congress",
    "house",
}
# Nouns of a deal whose own "separate", "second"... marks a new event ("under a separate
# contract").
DEAL_NOUNS = {"contract", "deal", "package", "order", "agreement", "tranche"}
# Nouns naming a deal or an agreement: what a cue needing a deal ('reached') takes, what a
# signing or a decision dates.
DEALS = DEAL_NOUNS | AGREEMENT_NOUNS
# Words introducing named members of a group just given: "from allies, including from Seoul".
EXAMPLE_MARKERS = {"including", "notably", "especially", "mainly", "chiefly"}
# Verbs granting a sum: with "$X for/to a state" they report aid ("approved $26 billion for").
GRANTING_VERBS = {
    "approve",
    "commit",
    "allocate",
    "authorize",
    "authorise",
    "earmark",
    "grant",
    "provide",
    "pledge",
    "promise",
    "offer",
    "give",
    "unveil",
}
# Verbs by which a state puts a sum into a common effort: "the Netherlands earmarked 250
# million euros" in an article about aid to one state is aid to it.
CONTRIBUTING_VERBS = GRANTING_VERBS | {"contribute"}
# Verbs that put money into something: "awarded €500 million to projects to expand".
FUNDING_VERBS = GRANTING_VERBS | {"award", "fund", "pay", "invest", "spend"}
# Verbs that pay for goods: "will fund the purchase of interceptors for Ukraine", "is paying
# for tanks for Kyiv" gives aid to the state the goods are for.
PAYING_VERBS = {"fund", "finance", "pay", "bankroll", "underwrite"}
# Spending a sum on materiel for oneself is buying it: "Poland spent $2 billion on K2 tanks".
SPENDING_VERBS = {"spend"}
# Verbs whose subject is the one receiving: "the $3.8 billion a year Israel receives".
RECEIVING_VERBS = {"receive"}
# Verbs whose subject takes what their object noun hands over: "Romania took delivery of".
TAKING_VERBS = {"take", "accept", "receive", "await", "get", "welcome"}
# Verbs of courting a buyer: "France offered India 26 jets" is a sale on offer.
OFFERING_VERBS = {"offer"}
# Verbs by which a package or funding lists its contents: "the package includes 150 barrels".
CONTAINING = {"include", "comprise", "contain", "cover"}
# Subjects of a purchase that are money already given: "the money would buy munitions".
FUNDS = {"money", "fund", "funding", "financing", "sum", "cash"}
# Verbs by which an exporting state clears goods for sale: "missiles that the U.S. approved".
CLEARING_VERBS = {"approve", "clear", "authorize", "authorise"}
# An order placed in the past is a deal agreed, not goods delivered ("has ordered 12 jets").
ORDERING_VERBS = {"order"}
# Verbs whose subject receives the materiel, and nouns whose owner does ("Poland's purchase").
BUYING_VERBS = {"procure", "purchase", "buy", "acquire", "import", "order"}
BUYING_NOUNS = {"purchase", "procurement", "acquisition", "import", "order", "buy"}
# Verbs that are production triggers when the producers are two or more, or "jointly".
PRODUCTION_VERBS = {"produce", "manufacture", "develop", "design", "build", "assemble", "make"}
JOINT_MARKERS = {"joint", "jointly", "together", "co", "collaborative", "cooperative"}
# "in partnership with French suppliers", "in cooperation with Hanwha": made by two hands.
WORKING_TOGETHER = {"partnership", "cooperation", "collaboration", "conjunction", "tandem"}
# Making another's design with its consent, or a foreign system at home, is production done
# together: "built under licence", "licence production", "assembled locally".
LICENSING = {"licence", "license", "licensed", "licenced"}
LOCAL_MARKERS = {"local", "locally", "in-country"}
# Sharing the making of materiel is producing it together: "shares the work on the NSM".
SHARING = {"share", "split", "divide"}
SHARED_WORK = {"work", "production", "manufacture", "manufacturing", "development", "workload"}
# A part of the work on materiel held by a partner: "a share of the production work on the jet".
WORK_SHARES = {"share", "workshare", "work-share"}
# Assembling is putting together what another designed: "will be assembled in Poland".
ASSEMBLING = {"assemble", "assembly"}
# Subjects that are two producers as one: "a joint venture between X and Y will make shells".
JOINT_BODIES = {"venture", "consortium"}
# Nouns of negotiating: "talks with Romarm about a joint venture".
NEGOTIATION_NOUNS = {"talks", "negotiation", "discussion"}
# A works set up to make materiel: "opened an ammunition factory in Lithuania".
PLANT_NOUNS = {"plant", "factory", "facility", "line", "works"}
# Verbs whose "with" partner joins what they lead to: "negotiating with Lockheed to build".
PARTNERING = {"negotiate", "partner", "team", "work", "cooperate", "collaborate", "agree"}
# Words for the firms one makes materiel with: "produce missiles with Indonesian partners".
PARTNER_NOUNS = {"partner", "firm", "company", "manufacturer", "maker"}
# Words for a company as a subject: "the company stands ready to support Estonia".
COMPANY_NOUNS = PARTNER_NOUNS - {"partner"}
# Participles that give a phrase its name: "a version known as Homar-A".
NAMING = {"know", "call", "dub", "name"}
# "weapons, starting with howitzers and expanding to drones": the first items of a series.
SERIES_STARTS = {"start", "begin"}
# "U.S.-designed rockets", "Korean-built tanks": a state's design or make in one word.
ORIGIN_PARTICIPLES = {"designed", "made", "built", "developed"}
# Prepositions that say where something is made: "produced in India", "at a plant near Kyiv".
SITE_PREPOSITIONS = {"in", "at", "near", "inside", "on"}
# Nouns for a state's ground: "on Ukrainian soil", "on Polish territory".
TERRITORY_NOUNS = {"soil", "territory"}
# Verbs that hand something over: aid when the clause speaks of aid, otherwise transfer.
GIVING_VERBS = {"provide", "send", "give", "supply", "promise", "offer", "hand"}
# What weapons are sent over or against is a target, not a taker: "drones Russia sends over
# Ukrainian cities", "sent missiles against Kyiv".
TARGETING = {"over", "against"}
# Phrasal verbs that mean a trigger verb: "was turned over to the navy", "signed up for 48 jets",
# "Canada put in 40 million dollars", "will turn out missiles", "put the jets together in Spain".
PHRASAL_VERBS = {
    ("turn", "over"): "hand",
    ("sign", "up"): "buy",
    ("take", "over"): "acquire",
    ("put", "in"): "contribute",
    ("put", "up"): "contribute",
    ("turn", "out"): "produce",
    ("churn", "out"): "produce",
    ("put", "together"): "assemble",
}
# Verbs that mean a trigger verb with their preposition: "signed in 2024 for two frigates",
# "engineers will look after the frigates".
PREPOSITIONAL_VERBS = {("sign", "for"): "buy", ("look", "after"): "maintain"}
# Verbs that take equipment somewhere: "send destroyers to Japanese yards for overhauls".
DISPATCHING = {"send", "bring", "take", "move", "dispatch"}
AID_CONTEXT = {"aid", "assistance", "package", "donation", "drawdown", "donate", "gift"}
# Verbs of one handover: their perfect is done, even for aid ("has handed over a corvette"),
# where "has provided $60 billion since 2022" still holds.
HANDOVER_VERBS = {"hand", "deliver", "ship", "transfer", "send", "give", "donate", "gift"}
# Words that say a handover cost nothing: aid.
GRATIS = [("free", "of", "charge"), ("free", "of", "cost"), ("at", "no", "cost"), ("for", "free")]
# A purchase is aid only under an unambiguous aid word: a "package" may be a sale.
PURCHASE_AID_CONTEXT = AID_CONTEXT - {"package"}

# Verbs whose materiel object is used up: "depleting their interceptors".
EXHAUSTING = {"deplete", "exhaust", "drain"}
OWN_POSSESSIVES = {"their", "its", "our", "his", "her"}
# Makers whose failing to keep up is a shortfall: "suppliers of steel failed to keep up".
PRODUCER_NOUNS = {"maker", "manufacturer", "producer", "supplier", "factory", "plant", "yard"}
# Sharing out a stock too small: "complained of rationing", "rationing artillery shells".
RATIONING = {"ration"}
# Verbs that, into a stock, use it up: "rocket fire has eaten deep into Israel's stocks".
EATING_INTO = {"eat", "cut", "bite", "dig"}
# Verbs whose stock subject shrinks: "interceptor stocks are dwindling".
SHRINKING = {"dwindle", "shrink", "dry"}
# Having too little: "lacks enough sensors", "a lack of ammunition", "rationing of shells".
LACKING = {"lack"}
SCARCITY_NOUNS = {"lack", "dearth", "scarcity"}
# Being unable to: "cannot make enough shells", "unable to produce enough", "struggle to build".
UNABLE = {"unable", "fail", "struggle"}

MAINTENANCE_NOUNS = [
    "maintenance",
    "repair",
    "overhaul",
    "refit",
    "servicing",
    "mro",
    "sustainment",
    "upkeep",
    "refurbishment",
]
# What maintenance works on when no system is named: "service the ships", "sustain the fleet".
MAINTAINED_NOUNS = {"equipment", "ship", "vessel", "aircraft", "platform", "fleet"}
# Nouns for the systems a force operates, standing for the one the article is about.
FLEET_NOUNS = {"fleet"}
# Keeping equipment in service is maintaining it: "keep the fleet flying", "jets operational".
KEEPING = {"keep"}
IN_SERVICE = {"flying", "operational", "running", "serviceable", "airworthy", "sailing"}
# Support for a system, not for a state, is its upkeep: "set up support for the Rafale".
SUPPORT_NOUNS = {"support", "sustainment"}
# Where repairs are done, once set up: "opened a repair hub in Romania".
WORKSHOP_NOUNS = {"hub", "centre", "center", "depot", "workshop", "yard", "shop", "site"}
# Or once weighed or planned, which the modality reads: "is weighing a maintenance hub in Hungary".
WORKS_WEIGHING = {"weigh", "consider", "mull", "plan", "propose", "eye"}
# Aid nouns that report aid only beside military words, a recipient or their contents.
AID_NOUNS_NEEDING_CONTEXT = {
    "support",
    "financing",
    "funding",
    "package",
    "gift",
    "grant",
    "contribution",
    "pledge",
}

NOUN_TRIGGERS: dict[str, EventClass] = {
    **dict.fromkeys(
        [
            "export",
            "sale",
            "transfer",
            "delivery",
            "shipment",
            "purchase",
            "buy",
            "procurement",
            "acquisition",
            "order",
            "import",
            "lease",
            "loan",
            "handover",
        ],
        E.ARMS_TRANSFER,
    ),
    **dict.fromkeys(["aid", "assistance", "donation", "drawdown"], E.MILITARY_AID),
    **dict.fromkeys(sorted(AID_NOUNS_NEEDING_CONTEXT), E.MILITARY_AID),
    **dict.fromkeys(
        ["co-production", "coproduction", "co-development", "codevelopment"], E.JOINT_PRODUCTION
    ),
    **dict.fromkeys(MAINTENANCE_NOUNS, E.MAINTENANCE_COOPERATION),
    **dict.fromkeys(
        [
            "revision",
            "amendment",
            "relaxation",
            "easing",
            "loosening",
            "tightening",
            "lifting",
            "repeal",
            "reform",
            "change",
        ],
        E.POLICY_CHANGE,
    ),
    **dict.fromkeys(
        ["deployment", "dispatch", "stationing", "rotation", "redeployment", "relocation"],
        E.PERSONNEL_DEPLOYMENT,
    ),
    **dict.fromkeys(["summit", "meeting", "talks", "visit"], E.LEADERS_MEETING),
    **dict.fromkeys(
        ["shortage", "shortfall", "depletion", "bottleneck", "rationing", *SCARCITY_NOUNS],
        E.CAPACITY_SHORTFALL,
    ),
    **dict.fromkeys(
        [
            "cooperation",
            "collaboration",
            "partnership",
            "agreement",
            "pact",
            "accord",
            "treaty",
            "forum",
            "dialogue",
            "council",
            "consultation",
        ],
        E.DEFENSE_COOPERATION,
    ),
}
# Heads that a trigger noun may modify and still report the event ("maintenance framework",
# "export deal"); other heads make it a name or a property ("procurement agency").
EVENT_HEADS = {
    "framework",
    "deal",
    "contract",
    "package",
    "plan",
    "agreement",
    "program",
    "programme",
    "project",
    "arrangement",
    "initiative",
    "effort",
    "talks",
    "work",
    "base",
    "facility",
    "cooperation",
    "partnership",
    "order",
    "capacity",
    "line",
    "approval",
    "license",
    "licence",
    "decision",
    "visit",
    "request",
    "mission",
    "job",
}
PRODUCTION_NOUNS = {
    "production",
    "development",
    "manufacturing",
    "manufacture",
    "assembly",
    "construction",
}
SUPPLY_CHAIN_HEADS = {"chain", "supply-chain"}
SUPPLY_CHAIN_MODIFIERS = {"supply", "supplier", "supply-chain"}
CHAIN_MODIFIERS = SUPPLY_CHAIN_MODIFIERS | {"production"}  # "its production chain"
# Prepositions placing something along a chain: "jobs across the supply chain".
ALONG_PREPOSITIONS = {"across", "throughout", "along"}
# Supplying what others' factories build with is supply-chain cooperation ("supply parts").
INDUSTRIAL_INPUTS = {
    "part",
    "component",
    "subcomponent",
    "subsystem",
    "material",
    "mineral",
    "semiconductor",
    "chip",
}
# not "send components back to the licensor"; "source parts from Australian firms"
SUPPLYING_VERBS = {"supply", "provide", "feed", "source"}
# "agreed to secure supplies of critical minerals": making inputs' supply safe.
SECURING_VERBS = {"secure", "guarantee", "ensure", "safeguard", "diversify"}
# "a framework on critical minerals": an accord about industrial inputs.
INPUT_ACCORDS = AGREEMENT_NOUNS | {"framework", "partnership", "deal"}
# Investing in another's industrial base is supply-chain cooperation.
INDUSTRIAL_BASES = {"base"}
# Works another state pays to grow: "US$3 billion toward expanding American shipyards".
INDUSTRIAL_SITES = {"base", "shipyard", "yard", "plant", "factory", "facility", "line", "dock"}
STRENGTHENING = {
    "enhance",
    "secure",
    "diversify",
    "reinforce",
    "expand",
    "strengthen",
    "bolster",
    "boost",
    "grow",
    "fund",
    "modernise",
    "modernize",
}
# Nouns that make "insufficient/depleted X" a shortfall, and what strain verbs act on.
STOCK_NOUNS = {
    "stockpile",
    "stock",
    "inventory",
    "reserve",
    "capacity",
    "arsenal",
    "supply",
    "production",
    "base",
    "industry",
    "munition",
    "ammunition",
}
SHORT_ADJECTIVES = {
    "insufficient",
    "depleted",
    "deplete",
    "dwindle",
    "low",
    "dwindling",
    "strained",
    "short",
    "inadequate",
    "limited",
    "scarce",
    "thin",
    "empty",
    "exhausted",
}
# Counted units of fighting power a force can be short of: "short of squadrons", "barrels".
CAPACITY_UNITS = {"squadron", "battery", "barrel", "airframe", "hull", "crew"}
# "too little ammunition", "too few launchers": a stock quantified as short.
TOO_LITTLE = {"little", "few"}
# Verbs of holding a force's stock: "has no tanks", "fields only a handful of jets".
HOLDING_STOCK = {"have", "own", "possess", "field", "operate"}
# Nouns counting a stock as small: "only a handful of aircraft", "just a couple of ships".
FEW_NOUNS = {"handful", "couple"}
# Words that make a count small: "only a handful", "a mere handful", "just a few".
ONLY_WORDS = {"only", "just", "mere", "merely"}
# "the ships", "these frigates": a class word taking up a system named before.
ANAPHORIC_DETERMINERS = {"the", "these", "those", "both"}
# "well short of the two a year the Navy needs": what a shortfall falls short of.
NEEDING_VERBS = {"need", "require", "want"}
# "urgently needs more missiles": a stock wanted beyond what is held.
MORE_WORDS = {"more", "additional", "extra"}
# "production lags behind demand": output falling behind what is wanted.
LAGGING_VERBS = {"lag", "trail"}
# "demand for shells far outstrips supply": what is wanted running ahead of output.
OUTPACING_VERBS = {"outstrip", "outpace", "outrun", "exceed"}
DEMAND_NOUNS = {"demand", "need", "requirement", "consumption"}
DRAWDOWN_VERBS = {"draw", "run", "deplete"}
# "stocks are running low": how a stock verb says it is short.
RUNNING_OUT = {"low", "dry", "short", "out", "thin"}
# Forces taking part in an operation or exercise are deployed: "troops take part in drills".
PARTICIPATING = {"participate", "join"}
# Programmes a new partner joins or is brought into: "bringing Riyadh into the programme".
PROGRAMME_NOUNS = {"programme", "program", "project"}
ADMITTING = {"bring", "admit", "invite", "welcome", "take"}
# Verbs of forces moving somewhere ("fighters flew to Australia").
MOVING_VERBS = {
    "land",
    "call",
    "fly",
    "sail",
    "arrive",
    "move",
    "rotate",
    "return",
    "dock",
    "deploy",
    "go",
    "travel",
    "head",
}
# Verbs whose object is the place gone to: "instructors are likely to visit Taiwan".
VISITING = {"visit", "tour"}
# Verbs of staying somewhere: forces that stay or train abroad are deployed there ("crews spent
# months in Germany", "a team of officers remains in Doha", "pilots are training in Texas").
STAYING_VERBS = {"remain", "stay", "spend"}
# Verbs of a leader's journey: travelling to a state or its capital is a visit to its leaders
# ("the minister is expected to travel to New Delhi", "the chancellor flew to Cairo").
TRAVELLING_VERBS = {"travel", "fly", "go", "head", "journey"}
# Bodies forces serve with abroad: "keeps a battalion with the UN mission in South Sudan".
MISSION_NOUNS = {"mission", "operation", "coalition"}
# Materiel arriving in a state is delivered to it: "the first K2 tanks arrived in Poland".
ARRIVING_VERBS = {"arrive", "reach"}
# Materiel awaited at a place is due to arrive there: "the first jets are expected in Poland".
AWAITING_VERBS = {"expect", "await"}
# A state's forces somewhere, as a noun: "a permanent military presence in Poland", "a
# naval footprint", "boots on the ground".
PRESENCE_NOUNS = {"presence", "footprint"}
PRESENCE_MODIFIERS = {"naval", "troop", "force", "rotational", "forward"}
# Ties between states that, made closer, are defence cooperation: "agreed to deepen defence
# ties", "upgraded their security relationship"; and what states share ("share intelligence").
TIES = {"tie", "relation", "relationship", "link"}
DEEPENING = {"deepen", "strengthen", "expand", "boost", "bolster", "upgrade", "elevate", "tighten"}
SHARED_KNOWLEDGE = {"intelligence", "information"}
# Leading a force stationed abroad is a deployment: "Germany leads the battlegroup in Lithuania".
LEADING_VERBS = {"lead", "command"}
# Verbs that put forces somewhere: "is moving 1,000 troops to Estonia", "keeps 28,500 troops
# in South Korea", "committed 1,000 troops to the force in Romania", "host American troops".
POSTING_VERBS = {
    "move",
    "post",
    "relocate",
    "redeploy",
    "shift",
    "transfer",
    "base",
    "keep",
    "assign",
    "contribute",
    "commit",
    "host",
}
# Missions named by a noun and its modifier that send forces abroad: "made a port call in
# Manila", "took over NATO air policing in Poland".
DEPLOYMENT_COMPOUNDS = {"call": "port", "policing": "air"}
# Granting another's forces access to military sites is cooperation: "granted U.S. forces
# access to four bases", "will give Australian ships access to its ports".
ACCESS_GRANTING = {"grant", "give", "allow", "offer", "provide", "extend", "expand", "open"}
MILITARY_SITES = {  # 'bases' too: the lemmatiser reads it as 'basis'
    "base",
    "bases",
    "port",
    "site",
    "facility",
    "airfield",
    "airbase",
    "installation",
    "harbour",
    "harbor",
    "territory",
    "airspace",
}
# Places a force is put: "to Estonia", "in Korea", "through Darwin".
PLACING_PREPOSITIONS = {"to", "into", "in", "at", "through", "on"}
# Craft moving under their own power: "fighters flew to Australia" deploys them, while
# launchers that "arrive" are delivered.
CRAFT_MOVING_VERBS = {"fly", "sail", "dock", "deploy", "rotate", "land", "call", "visit"}
# Objects that make deploy/send a personnel deployment.
PERSONNEL_NOUNS = {
    "troop",
    "personnel",
    "soldier",
    "force",
    "unit",
    "sailor",
    "marine",
    "pilot",
    "officer",
    "instructor",
    "trainer",
    "contingent",
    "battalion",
    "brigade",
    "division",
    "regiment",
    "staff",
    "member",
    "battlegroup",
    "gunner",
    "airman",
    "paratrooper",
    "peacekeeper",
    "commando",
    "adviser",
    "advisor",
    "observer",
    "crew",
}
# "its carrier strike group", "a naval task group": a group that is a military formation.
FORCE_GROUP_MODIFIERS = {"strike", "battle", "task"}
# Determiners of a noun that takes up what the sentences before told: "that ban", "the rules".
POINTING_BACK = {"that", "this", "the", "these", "those"}
# Nouns that name a policy when no reference policy matches.
POLICY_NOUNS = {
    "rule",
    "principle",
    "guideline",
    "law",
    "ban",
    "restriction",
    "policy",
    "regulation",
    "strategy",
    "doctrine",
    "constitution",
    "control",
    "framework",
    "bill",
    "act",
    "budget",
    "plan",
    "legislation",
    "accession",
    "supplemental",
    "amendment",
    "guidance",
    "limit",
    "cap",
    "embargo",
    "hold",
    "curb",
    "moratorium",
    "prohibition",
    "spending",
}
# Words the NER takes for names that name no one in particular ("the Navy said").
# Prefixes navies put before their ships' names: "USS Kentucky", "HMS Queen Elizabeth".
SHIP_PREFIXES = {
    "USS",
    "USNS",
    "HMS",
    "HMAS",
    "HMCS",
    "HMNZS",
    "JS",
    "ROKS",
    "INS",
    "BRP",
    "ORP",
    "TCG",
    "KRI",
    "RSS",
    "HNLMS",
    "FGS",
}
GENERIC_NAMES = {
    "navy",
    "army",
    "air force",
    "defense",
    "defence",
    "ministry",
    "government",
    "military",
    "pentagon",
    "parliament",
    "congress",
    "senate",
    "cabinet",
    "coast guard",
    "marines",
    "forces",
    "alliance",
    "state",
    "department",
}
# Titles whose holders' talks are defence consultations, not a leaders' meeting ("Prime
# Minister" excepted).
MINISTERIAL = {"minister", "secretary", "ministerial"}
# Possessives that make a visit a person's own: "his first visit to Kyiv".
PERSONAL_POSSESSIVES = {"his", "her"}
# Verbs whose object does what their infinitive says: "urged Tokyo to send troops".
OBJECT_CONTROL = {"urge", "ask", "press", "persuade", "encourage", "invite", "pressure", "push"}
# Heads of a noun phrase that stand for the group of states in focus.
GROUP_NOUNS = {
    "country",
    "nation",
    "government",
    "ally",
    "side",
    "partner",
    "neighbor",
    "neighbour",
    "capital",
    "state",
    "leader",
    "democracy",
}
# Words counting a class of states: "all countries that have signed", "many allies that".
QUANTIFIERS = {"all", "many", "some", "most", "several", "dozens"}
NUMBER_WORDS = {"two": 2, "both": 2, "three": 3, "four": 4, "five": 5}
# Generic "support" is aid only near military words or a recipient.
MILITARY_WORDS = {
    "military",
    "defense",
    "defence",
    "security",
    "weapon",
    "arms",
    "lethal",
    "materiel",
    "ammunition",
    "air",
}

STATUS_CUES: dict[str, Status] = {
    **dict.fromkeys(
        [
            "consider",
            "eye",
            "explore",
            "study",
            "examine",
            "weigh",
            "mull",
            "contemplate",
            "ponder",
            "review",
            "evaluate",
            "assess",
            "discuss",
            "float",
            "propose",
            "suggest",
            "consideration",
            "possibility",
            "option",
            "candidate",
            "proposal",
            "idea",
            "potential",
            "possible",
            "feasibility",
            "prospect",
            "discussion",
            "debate",
            "envision",
            "envisage",
            "reconsider",
            "rethink",
            "offer",
            "shortlist",
            "openness",
        ],
        Status.CONSIDERED,
    ),
    **dict.fromkeys(
        [
            "plan",
            "prepare",
            "intend",
            "aim",
            "seek",
            "want",
            "hope",
            "move",
            "push",
            "pursue",
            "arrange",
            "strive",
            "intention",
            "goal",
            "agenda",
            "roadmap",
            "planned",
            "prepared",
            "arrangement",
            "preparation",
            "bid",
            "effort",
            "attempt",
            "try",
            "work",
            "look",
            "request",
        ],
        Status.PLANNED,
    ),
    **dict.fromkeys(
        [
            "expect",
            "likely",
            "schedule",
            "slate",
            "due",
            "poise",
            "anticipate",
            "upcoming",
            "forthcoming",
            "scheduled",
            "expected",
            "set",
            "probable",
            "unlikely",
            "projected",
            "near",
        ],
        Status.EXPECTED,
    ),
    **dict.fromkeys(
        [
            "agree",
            "decide",
            "choose",
            "select",
            "pick",
            "sign",
            "conclude",
            "approve",
            "adopt",
            "commit",
            "pledge",
            "unveil",
            "promise",
            "confirm",
            "reaffirm",
            "endorse",
            "authorize",
            "authorise",
            "clear",
            "finalize",
            "finalise",
            "ratify",
            "clinch",
            "reach",
            "ink",
            "seal",
            "strike",
            "forge",
            "exercise",
            "earmark",
            "allocate",
            "award",
            "decision",
            "agreement",
            "deal",
            "contract",
            "memorandum",
            "commitment",
            "approval",
            "accord",
            "agreed",
        ],
        Status.AGREED,
    ),
    **dict.fromkeys(
        [
            "continue",
            "keep",
            "ongoing",
            "underway",
            "current",
            "currently",
            "continuing",
            "begin",
            "start",
            "launch",
            "expand",
            "increase",
            "ramp",
            "boost",
            "step",
        ],
        Status.ONGOING,
    ),
    **dict.fromkeys(["complete", "finish", "completed", "wrap", "finalized"], Status.COMPLETED),
}
# Ongoing cues that stay so under a modal ("will continue to supply"); the others start or
# grow something ("will begin", "will expand"), which is not under way yet.
CONTINUING = {"continue", "keep"}
# Cue words that only count in one reading: "work to/toward" plans, "set to" expects.
CUES_NEEDING_INFINITIVE = {"move", "work", "look", "set", "try", "due", "push", "offer"}
# Cue verbs that agree only with a deal as object: "reached a deal", not "reached Ukraine";
# "nearing a deal" expects one.
CUES_NEEDING_DEAL = {"reach", "near"}
# Cue verbs whose noun means something else: "a sign that", "a step toward", "an exercise".
VERB_ONLY_CUES = {"sign", "step", "exercise"}
# Prepositional phrases that carry a status: "under consideration", "under way".
PP_STATUS = {
    ("under", "consideration"): Status.CONSIDERED,
    ("under", "discussion"): Status.CONSIDERED,
    ("under", "study"): Status.CONSIDERED,
    ("under", "review"): Status.CONSIDERED,
    ("on", "table"): Status.CONSIDERED,
    ("under", "way"): Status.ONGOING,
    ("in", "progress"): Status.ONGOING,
    ("in", "works"): Status.PLANNED,
    ("in", "talk"): Status.CONSIDERED,  # "are in talks about setting up joint production"
    ("in", "discussion"): Status.CONSIDERED,
}
# Verbs whose particle makes them a cue: "looking at how Japan can supply parts".
PHRASAL_CUES = {
    ("look", "at"): Status.CONSIDERED,
    ("look", "into"): Status.CONSIDERED,
    ("look", "for"): Status.CONSIDERED,  # "is looking for a site to set up a centre"
    ("close", "to"): Status.EXPECTED,  # "is close to a deal", "close to finalising"
    # an actor's aim: "is pressing for the hulls to be built in Greece", "lobbying for jets"
    ("press", "for"): Status.PLANNED,
    ("push", "for"): Status.PLANNED,
    ("lobby", "for"): Status.PLANNED,
}
# What a signed letter of intent or of interest binds no one to: a plan, not a deal.
INTENT_NOUNS = {"intent", "intention", "interest"}
MODAL_STATUS = {"could": Status.CONSIDERED, "may": Status.CONSIDERED, "might": Status.CONSIDERED}
# "would" is the future of a past report ("said it would deliver") or of a condition.
FUTURE_MODALS = {"will", "shall", "'ll", "would", "'d"}
# The futures of a past report or of a condition, not of a plain statement.
REPORTED_FUTURES = {"would", "'d"}
HYPOTHETICAL_MARKS = {"if", "unless", "whether"}
# Governors that negate what they govern.
BLOCKING = {
    "refuse",
    "reject",
    "decline",
    "deny",
    "halt",
    "suspend",
    "scrap",
    "cancel",
    "shelve",
    "freeze",
    "pause",
    "withhold",
    "block",
    "oppose",
    "stop",
    "abandon",
    "rule",
    "veto",
    "bar",
    "prohibit",
    "forbid",
}
# Phrasal verbs that block what they govern: "cuts off security assistance", "called off the
# sale".
BLOCKING_PHRASES = {("cut", "off"), ("call", "off"), ("shut", "down")}
# Nouns of a frame an event is set in: "a framework for their partnership is set to be
# signed", "signed an agreement to set up a joint venture that will build drones" say the
# status of what they frame.
FRAMEWORK_NOUNS = {"framework", "roadmap", "blueprint", "venture"}
# Reporting verbs: never triggers, never status cues; their subject is the attribution.
REPORTING = {
    "say",
    "tell",
    "note",
    "report",
    "describe",
    "announce",
    "state",
    "add",
    "claim",
    "comment",
    "write",
    "tweet",
    "explain",
    "cite",
    "disclose",
    "reveal",
    "brief",
    "quote",
    "stress",
    "emphasize",
    "emphasise",
    "tout",
    "insist",
    "argue",
    "acknowledge",
    "warn",
    "remark",
    "post",
    "indicate",
    "show",
    "underscore",
}
# Predicates that describe a state: their perfect tense is still ongoing.
STATE_CLASSES = {E.CAPACITY_SHORTFALL, E.MILITARY_AID}
# Verbs whose perfect leaves forces where they were put: "sailors have been posted to Lorient"
# still are there ("has sent troops" tells the sending, done).
STATIONING_VERBS = {"station", "post", "base", "deploy", "garrison", "position"}
# Cue words that count when they modify a chain word: "potential sale", "deliveries are due".
MODIFIER_CUES = {
    "potential",
    "possible",
    "likely",
    "upcoming",
    "planned",
    "proposed",
    "expected",
    "scheduled",
    "ongoing",
    "currently",
    "forthcoming",
    "agreed",
    "due",
}
# Nouns whose status passes to the clause they are the subject of: "the decision revises".
SUBJECT_CUES = {
    "decision",
    "agreement",
    "deal",
    "contract",
    "accord",
    "memorandum",
    "plan",
    "aim",
    "goal",
    "intention",
    "roadmap",
    "proposal",
}
# Subjects that list topics, not facts: "the four areas are joint production and repair".
TOPIC_NOUNS = {"area", "topic", "issue", "item", "subject", "theme", "priority"}
# Bodies and activities whose topic is under consideration: "a working group on ship repair".
DELIBERATION_NOUNS = {
    "talks",
    "discussion",
    "consultation",
    "dialogue",
    "study",
    "group",
    "committee",
    "panel",
}
# Reporting verbs whose bare nominal object is a decision made public: "announced a package".
ANNOUNCING = {"announce", "unveil"}
# Verbs of setting out on a journey: the "for" phrase is its purpose, still ahead.
MOTION_VERBS = {"leave", "head", "depart", "fly", "travel", "arrive", "go", "come"}
