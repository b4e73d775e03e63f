"""Cooperation events (production, supply chains, maintenance, other defence cooperation):
who takes part and what they make or mend, on real parses."""

from __future__ import annotations

from alliance_kg.pipeline.extractor import Extractor
from test_triggers_roles import E, Role, countries, extractor, only

__all__ = ["extractor"]  # the shared module-scoped fixture


def test_the_first_items_of_a_production_series(extractor: Extractor) -> None:
    text = (
        "Oslo pays Polish firms to build weapons for Ukraine, starting with K9 howitzers "
        "and expanding to drones."
    )
    c = only(extractor, text, E.JOINT_PRODUCTION)
    labels = {e.label for e in c.roles[Role.MATERIEL].values()}
    assert {"K9", "drone"} <= labels


def test_a_factory_where_a_firm_will_assemble_drones(extractor: Extractor) -> None:
    text = "Saab is building a plant near Warsaw where it plans to assemble its Gripen jets."
    c = only(extractor, text, E.JOINT_PRODUCTION)
    assert countries(c, Role.PARTICIPANT) == {"SWE", "POL"}
