"""Words the rule-based entity recogniser reads: date cues, amount units and name cues.

English function and content words only; names of states, firms and people come from the
gazetteer.
"""

from __future__ import annotations

# Dates
RELATIVE = {"last", "next", "this", "coming", "past", "previous", "current"}
DATE_UNITS = {"year", "month", "week", "weekend", "quarter", "decade", "day"}
DURATION_UNITS = {"year", "years", "month", "months", "week", "weeks", "day", "days"}
DURATION_UNITS |= {"decade", "decades", "quarter", "quarters"}
SEASONS = {"spring", "summer", "autumn", "fall", "winter"}
PART_OF = {"early", "mid", "late"}  # "early 2025", "mid-March"
PORTIONS = {"end", "start", "beginning", "middle", "close"}  # "the end of 2025"
HALVES = {"first", "second"}  # "the first half of 2026"
YEAR_KINDS = {"fiscal", "fy", "calendar"}
DAY_WORDS = {"yesterday", "today", "tomorrow"}
EARLIER_LATER = {"earlier", "later"}  # "earlier this year"

# Amounts
SCALES = {"thousand", "million", "billion", "trillion", "bn", "mn", "m"}
PERCENT_WORDS = {"%", "percent", "pct"}
UNITS = {"km", "kilometers", "kilometres", "kilometer", "kilometre", "miles", "mile"}
UNITS |= {"tons", "tonnes", "ton", "tonne", "kg", "kilograms", "meters", "metres", "feet"}
UNITS |= {"nautical", "mm", "knots"}
WEIGHTS = {"pound", "pounds"}  # "500 pounds of explosives"; with a scale word, money
UNITS |= WEIGHTS

# Names: a title before a name makes a person, a head word an organisation or a place.
TITLES = {
    "president",
    "minister",
    "secretary",
    "chancellor",
    "premier",
    "general",
    "gen.",
    "admiral",
    "adm.",
    "lt.",
    "col.",
    "maj.",
    "capt.",
    "mr.",
    "ms.",
    "mrs.",
    "dr.",
    "mr",  # British style, without the stop: "Mr Singh"
    "ms",
    "mrs",
    "dr",
    "senator",
    "sen.",
    "rep.",
    "ambassador",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "commander",
    "chief",
    "chairman",
    "chairwoman",
    "director",
    "ceo",
    "envoy",
    "governor",
    "lawmaker",
    "official",
    "analyst",
    "counterpart",
}
SPEAKING = {"said", "says", "told", "added", "stated", "noted", "explained"}
ORGANISATION_HEADS = {
    "corp",
    "corp.",
    "corporation",
    "inc",
    "inc.",
    "co",
    "co.",
    "ltd",
    "ltd.",
    "plc",
    "llc",
    "company",
    "industries",
    "industry",
    "group",
    "systems",
    "aerospace",
    "dynamics",
    "technologies",
    "electronics",
    "shipbuilding",
    "heavy",
    "ministry",
    "department",
    "agency",
    "office",
    "council",
    "command",
    "forces",
    "force",
    "army",
    "navy",
    "committee",
    "commission",
    "institute",
    "university",
    "association",
    "bank",
    "parliament",
    "party",
    "administration",
    "bureau",
    "service",
    "organization",
    "organisation",
    "alliance",
    "union",
    "staff",
    "network",
    "works",
    "motors",
}
PLACE_HEADS = {
    "island",
    "islands",
    "sea",
    "strait",
    "straits",
    "peninsula",
    "bay",
    "ocean",
    "gulf",
    "river",
    "province",
    "prefecture",
    "region",
    "city",
    "county",
    "port",
    "harbor",
    "harbour",
    "base",
    "airfield",
    "shipyard",
}
PLACE_PREPOSITIONS = {"in", "near", "at", "across", "around"}
NAME_JOINERS = {"of", "&", "-", "for"}  # "Ministry of Defense", "Yong-hyun"
