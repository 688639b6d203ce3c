"""The bugs the fuzz tests found, one plain example each, so they stay fixed."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from archive.seed import SURVEY_2017
from meetings.models import Meeting
from surveys.importer import SurveyFileError, import_file
from tests.fuzz.properties import assert_refusal_in_swedish, row_counts


def test_a_meeting_in_year_one_is_refused_in_swedish(client_as):
    """00:30 on 1 January of year 1 in Stockholm is year 0 in UTC: a 500 before the fix."""
    client = client_as("secretariat")
    before = row_counts()
    url = reverse("meetings:create")
    response = client.post(
        url,
        {
            "slug": "ar-ett",
            "title": "År ett",
            "starts_at": "0001-01-01T00:30",
            "ends_at": "0001-01-01T02:00",
            "format": "digital",
        },
    )
    assert response.status_code == 200
    assert "Ange ett datum mellan åren 1900 och 2200." in response.content.decode()
    assert_refusal_in_swedish(response, url)
    assert row_counts() == before
    assert not Meeting.objects.filter(slug="ar-ett").exists()


def test_a_speaker_id_beyond_the_database_range_is_refused(client_as, january):
    """9223372036854775808 in a multiple choice overflowed in the `pk__in` query: a 500."""
    client = client_as("secretariat")
    item = january.items.first()
    url = reverse("meetings:item_add", kwargs={"slug": january.slug})
    before = row_counts()
    response = client.post(
        url,
        {
            "day": item.day.isoformat(),
            "starts": "19:00",
            "ends": "20:00",
            "kind": "meal",
            "title": "Kvällspass",
            "speakers": ["9223372036854775808"],
        },
    )
    assert response.status_code == 200
    assert "Välj ett giltigt alternativ" in response.content.decode()
    assert_refusal_in_swedish(response, url)
    assert row_counts() == before


def test_every_multiple_choice_field_checks_the_id_range(seed_data):
    """Every form of the portal uses the bounded field (rusnet.forms) for several choices."""
    from django import forms

    from rusnet.forms import ModelMultipleChoiceField
    from tests.fuzz.table import CASES

    seen = 0
    for case in CASES:
        if case.form is None:
            continue
        for name, field in case.form(case.url_kwargs()).fields.items():
            if isinstance(field, forms.ModelMultipleChoiceField):
                seen += 1
                assert isinstance(field, ModelMultipleChoiceField), f"{case.id}: {name}"
    assert seen


def test_a_search_of_100000_characters_is_refused_in_swedish(client_as):
    """SQLite refuses a LIKE pattern over 50,000 bytes: the people filter answered 500."""
    client = client_as("member")
    for url, name in [
        (reverse("regions:people"), "title"),
        (reverse("regions:people"), "name"),
        (reverse("surveys:question", kwargs={"slug": "overblick-rus-2017", "number": 12}), "text"),
    ]:
        response = client.get(url, {name: "x" * 100_000})
        assert response.status_code == 200
        html = response.content.decode()
        assert "Säkerställ att detta värde har som mest 200 tecken" in html
        assert_refusal_in_swedish(response, url)


def test_a_calendar_year_out_of_range_is_refused_in_swedish(client, seed_data):
    """?year=0 (or 10**30) made the year lookup raise ValueError: a 500 before the fix."""
    url = reverse("meetings:calendar")
    for year in ["0", "1" + "0" * 30, "-5", "1.5"]:
        response = client.get(url, {"year": year})
        assert response.status_code == 200, year
        assert_refusal_in_swedish(response, url)
    response = client.get(url, {"year": "2026"})
    assert "Kommunikation av RUS" in response.content.decode()


# --- the survey importer ----------------------------------------------------------

SEED_2017 = SURVEY_2017.read_bytes()


def refused(data):
    before = row_counts()
    with translation.override("sv"), pytest.raises(SurveyFileError) as refusal:
        import_file(data, "overblick.txt")
    assert row_counts() == before
    return refusal.value.errors


def test_a_huge_question_number_is_refused_at_once(seed_data):
    """99999999999 made the check for missing questions build a set of that many numbers."""
    data = SEED_2017 + "\n\nOrganisation\t99999999999 En fråga\nRegion Dalarna\tsvar\n".encode()
    errors = refused(data)
    assert any("frågenummer 99999999999 ligger inte mellan 1 och 999" in e for e in errors)
    assert all(e.startswith("Rad ") for e in errors)


def test_a_nul_character_is_refused_with_its_line(seed_data):
    """PostgreSQL cannot store NUL in text: the import was a server error there."""
    data = SEED_2017.replace("Sunny Sandström".encode(), "Sunny\x00Sandström".encode())
    line = SEED_2017.split(b"\n").index(next(r for r in SEED_2017.split(b"\n") if b"Sunny" in r))
    assert refused(data) == [
        f"Rad {line + 1}: raden innehåller ett NUL-tecken, som text inte kan innehålla."
    ]


def test_a_respondent_name_longer_than_its_column_is_refused(seed_data):
    """PostgreSQL refused a 300-character respondent name ("value too long"): a 500."""
    data = SEED_2017.replace("Sunny Sandström".encode(), b"S" * 300)
    errors = refused(data)
    assert len(errors) == 1
    assert "svaret på fråga 1 är längre än 200 tecken" in errors[0]


def test_a_title_without_letters_still_gives_the_survey_an_address(client_as):
    """A title of emoji alone slugified to "": the redirect after the import was a 500."""
    lines = SEED_2017.decode().split("\n")
    lines = ["😀" if line == "Överblick RUS" else line for line in lines]
    data = "\n".join(line for line in lines if line != "2017-05-31").encode()
    upload = SimpleUploadedFile("emoji.txt", data, "text/plain")
    response = client_as("secretariat").post(reverse("surveys:import"), {"file": upload})
    assert response.status_code == 302
    assert response.url == reverse("surveys:detail", kwargs={"slug": "enkat"})


def test_a_csv_cell_over_the_csv_limit_is_refused_with_its_line(seed_data):
    """The csv module raised "field larger than field limit (131072)": a 500."""
    data = b"Titel\n" + b"x" * 200_000 + b",Region Dalarna\n"
    before = row_counts()
    with translation.override("sv"), pytest.raises(SurveyFileError) as refusal:
        import_file(data, "overblick.csv")
    assert refusal.value.errors == [
        "Rad 2: raden kan inte läsas som CSV (en cell längre än 100 000 tecken, "
        "eller trasiga citattecken)."
    ]
    assert row_counts() == before


def test_a_file_name_longer_than_the_file_system_allows_is_stored(client_as, seed_data):
    """200 letters "å" are 400 bytes, over the file system's 255: the upload was a 500."""
    from meetings.models import MeetingFile
    from tests.meetings.expectations import registration_meeting

    meeting = registration_meeting()
    name = "å" * 200 + ".pdf"
    upload = SimpleUploadedFile(name, b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
    url = reverse("meetings:file_upload", kwargs={"slug": meeting.slug})
    response = client_as("secretariat").post(url, {"title": "Långt namn", "file": upload})
    assert response.status_code == 302
    stored = MeetingFile.objects.get(meeting=meeting, title="Långt namn")
    assert stored.original_name == name
    assert stored.file.name.endswith(".pdf") and len(stored.file.name.encode()) < 255
    download = client_as("member").get(
        reverse("meetings:file_download", kwargs={"slug": meeting.slug, "pk": stored.pk})
    )
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    stored.file.delete(save=False)


def test_copying_a_meeting_to_year_9999_or_a_long_address_is_refused(client_as, january):
    """The copy's end overflowed past 9999; a 200-letter address was too long on PostgreSQL."""
    client = client_as("secretariat")
    url = reverse("meetings:copy", kwargs={"slug": january.slug})
    before = row_counts()
    for data, message in [
        ({"starts_on": "9999-12-31", "slug": "kopia-9999"}, "Ange ett datum mellan åren"),
        ({"starts_on": "2027-01-26", "slug": "k" * 200}, "som mest 120 tecken"),
    ]:
        response = client.post(url, {"title": "Kopia", **data})
        assert response.status_code == 200
        assert message in response.content.decode()
        assert_refusal_in_swedish(response, url)
    assert row_counts() == before


def test_a_contact_with_an_address_longer_than_its_column_is_refused(client_as):
    """A valid 307-character address passed the form and was too long for PostgreSQL."""
    from tests.fuzz.strategies import LONG_VALID_EMAIL

    url = reverse("regions:item_add", kwargs={"slug": "dalarna", "kind": "kontakt"})
    client = client_as("region_editor")
    before = row_counts()
    response = client.post(
        url, {"new_name": "Nils Ny", "new_email": LONG_VALID_EMAIL, "responsibility": "RUS"}
    )
    assert response.status_code == 200
    assert "som mest 254 tecken" in response.content.decode()
    assert_refusal_in_swedish(response, url)
    assert row_counts() == before
