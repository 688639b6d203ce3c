"""Every fact loaded from the seed documents names its source, and nothing stated is invented.

Reads the fixture files themselves, as they are loaded: every row of the models that
hold seed facts has a sources.sourcereference row, and no phase, host role, time or
classification stands without a source or an interpretation flag.
"""

import json
from collections import defaultdict

from archive.seed import FIXTURE_DIR, FIXTURES

# Regions themselves (name, county code) are facts of the world, not of a seed.
WORLD_FACTS = {("regions.organisation", pk) for pk in range(1, 26)}


def fixture_rows():
    rows = []
    for name in FIXTURES:
        if name == "theme_meetings.json":  # repeats themes.json's rows with their meetings
            continue
        rows += json.loads((FIXTURE_DIR / name).read_text(encoding="utf-8"))
    return rows


def references():
    found = defaultdict(list)
    for row in fixture_rows():
        if row["model"] == "sources.sourcereference":
            fields = row["fields"]
            found[(".".join(fields["content_type"]), fields["object_id"])].append(fields)
    return found


def test_every_fixture_row_from_a_seed_has_a_source():
    refs = references()
    missing = [
        (row["model"], row["pk"])
        for row in fixture_rows()
        if row["model"] not in ("sources.source", "sources.sourcereference")
        and (row["model"], row["pk"]) not in WORLD_FACTS
        and (row["model"], row["pk"]) not in refs
    ]
    assert missing == []
    assert any(row["model"] == "sources.networkpageitem" for row in fixture_rows())


def test_every_reference_points_at_a_row_and_a_source():
    rows = {(row["model"], row["pk"]) for row in fixture_rows()}
    sources = {pk for model, pk in rows if model == "sources.source"}
    for (model, pk), entries in references().items():
        assert (model, pk) in rows
        assert all(entry["source"] in sources for entry in entries)


def states_a_time_or_classification(row) -> bool:
    fields = row["fields"]
    if row["model"] == "meetings.programmeitem":
        return bool(fields["starts"] or fields["ends"])
    if row["model"] == "meetings.meeting":
        return fields["times_announced"]
    return row["model"] == "regions.organisation" and (row["model"], row["pk"]) not in WORLD_FACTS


def test_no_phase_host_role_time_or_classification_lacks_a_source_or_interpretation():
    refs = references()
    checked = 0
    for row in fixture_rows():
        key, fields = (row["model"], row["pk"]), row["fields"]
        if row["model"] == "regions.phaseentry":
            # No seed states a phase: each is a flagged reading of a quoted answer.
            assert fields["interpretation"] and fields["note"].startswith("Tolkat från"), key
            assert any(entry["interpretation"] for entry in refs[key]), key
        elif row["model"] == "meetings.meetinghost":
            assert refs[key], key
            if fields["role"] == "host":
                assert "värd" in " ".join(entry["location"] for entry in refs[key]), key
        elif states_a_time_or_classification(row):
            assert refs[key], key
        else:
            continue
        checked += 1
    assert checked > 50


def test_the_portal_adds_nothing_the_seeds_do_not_say():
    rows = fixture_rows()

    def row(model, **match):
        return next(
            r
            for r in rows
            if r["model"] == model and all(r["fields"].get(k) == v for k, v in match.items())
        )

    assert row("regions.organisation", slug="rise")["fields"]["kind"] == "research_institute"
    kulturplan = row("regions.relatedplan", title="Kulturplan")["fields"]
    assert (kulturplan["relation"], kulturplan["relation_in_source"]) == (
        "",
        "Svagare mot kulturplan",
    )
    january = next(r for r in rows if r["model"] == "meetings.meeting" and r["pk"] == 9)
    assert january["fields"]["starts_at"].startswith("2026-01-27T13:00")
    assert january["fields"]["ends_at"].startswith("2026-01-28T12:00")
    assert january["fields"]["network"] == ""
    assert january["fields"]["regions_attended"] == 19
    hosts_2023 = [
        r for r in rows if r["model"] == "meetings.meetinghost" and r["fields"]["meeting"] <= 8
    ]
    assert hosts_2023 and {r["fields"]["role"] for r in hosts_2023} == {"mentioned"}
    september_items = [
        r["fields"]
        for r in rows
        if r["model"] == "meetings.programmeitem" and r["fields"]["meeting"] == 6
    ]
    times = {(item["starts"], item["ends"]) for item in september_items}
    assert times <= {(None, None), (None, "10:15"), (None, "12:00")}
    assert not any(
        "Kontaktperson" in r["fields"].get("responsibility", "")
        for r in rows
        if r["model"] == "regions.contact"
    )
