from pathlib import Path

from django.conf import settings
from django.urls import reverse

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "sv" / "LC_MESSAGES" / "django.po"


def test_swedish_is_the_default_language(client, db):
    page = client.get(reverse("home")).content.decode()
    assert '<html lang="sv">' in page
    assert "Hoppa till innehållet" in page
    assert "Tillgänglighetsredogörelse" in page


def test_the_footer_switches_to_english_and_back(client, db):
    response = client.post(
        reverse("set_language"), {"language": "en", "next": reverse("regions:overview")}
    )
    assert response.url == reverse("regions:overview")
    page = client.get(reverse("regions:overview")).content.decode()
    assert '<html lang="en">' in page
    assert "Skip to content" in page
    assert "På svenska" in page


def test_dates_are_written_as_swedes_write_them(client, db):
    page = client.get(reverse("regions:detail", args=["kronoberg"])).content.decode()
    assert "10 maj 2023" in page


def parse_po(path):
    """(msgid, msgstr list, flags) of each entry of a .po file, header excluded."""
    entries, entry, field = [], None, None
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if not line.strip():
            if entry and entry["msgid"]:
                entries.append(entry)
            entry, field = None, None
            continue
        entry = entry or {"msgid": "", "msgstr": [], "flags": ""}
        if line.startswith("#,"):
            entry["flags"] += line
        elif line.startswith("msgid "):
            field = "msgid"
            entry["msgid"] = line[7:-1]
        elif line.startswith("msgid_plural"):
            field = None
        elif line.startswith("msgstr"):
            field = "msgstr"
            entry["msgstr"].append(line.split(" ", 1)[1][1:-1])
        elif line.startswith('"') and field == "msgid":
            entry["msgid"] += line[1:-1]
        elif line.startswith('"') and field == "msgstr":
            entry["msgstr"][-1] += line[1:-1]
    return entries


def test_every_message_has_a_swedish_translation():
    entries = parse_po(CATALOGUE)
    assert len(entries) > 100
    untranslated = [e["msgid"] for e in entries if not all(e["msgstr"])]
    fuzzy = [e["msgid"] for e in entries if "fuzzy" in e["flags"]]
    assert not untranslated, untranslated
    assert not fuzzy, fuzzy


def test_the_compiled_catalogue_is_newer_than_its_source():
    compiled = CATALOGUE.with_suffix(".mo")
    assert compiled.stat().st_size > 0
    # msgfmt keeps the messages; a stale .mo would show English for new strings.
    assert compiled.read_bytes().count(b"\x00") >= len(parse_po(CATALOGUE))


def test_an_english_browser_still_gets_swedish_until_english_is_chosen(client, db):
    page = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert "Hoppa till innehållet" in page
