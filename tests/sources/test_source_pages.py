"""The source pages: metadata for everyone, the original text for members."""

from django.urls import reverse

FUTURE = "rus-natverkets-framtid-2026"


def test_the_list_names_the_five_seed_documents_with_their_dates(client, db):
    page = client.get(reverse("sources:list")).content.decode()
    for title in [
        "Dokumentation RUS-nätverkets framtid, 27–28 januari 2026",
        "Inbjudan och program, nätverksträff 27–28 januari 2026",
        "Bilder, digitalt möte 19 september 2023: Regional utveckling och folkhälsa",
        "Enkät Överblick RUS, 31 maj 2017",
        "Bilder, RUS-nätverket 10 maj 2023: RUS-ens årshjul",
    ]:
        assert title in page
    assert "31 maj 2017" in page


def test_a_member_reads_the_original_text(client_as):
    page = client_as("member").get(reverse("sources:detail", args=[FUTURE])).content.decode()
    assert "<h1>Dokumentation RUS-nätverkets framtid, 27–28 januari 2026</h1>" in page
    assert "Sammanlagt 19 av totalt 21 regioner medverkade" in page
    assert "fixtures/sources/000_bbdcec3a0d676c30.txt" in page


def test_a_visitor_sees_the_metadata_but_not_the_names_in_it(client, db):
    page = client.get(reverse("sources:detail", args=[FUTURE])).content.decode()
    assert "28 januari 2026" in page
    assert "Maria Ståhl" not in page
    assert "visas för inloggade medlemmar" in page


def test_the_text_is_the_seed_byte_for_byte(db):
    from archive.seed import FIXTURE_DIR
    from sources.models import Source

    for source in Source.objects.all():
        assert source.text() == (FIXTURE_DIR / source.file).read_text(encoding="utf-8")
        assert source.text()


def test_the_january_meeting_page_gives_the_attendance_count_with_its_source(client, db):
    from meetings.models import Meeting

    january = Meeting.objects.get(pk=9)
    page = client.get(january.get_absolute_url()).content.decode()
    assert "<dt>Regioner som medverkade</dt><dd>19<br>" in page
    assert "Källa: Dokumentation RUS-nätverkets framtid, 27–28 januari 2026" in page
    assert "Lilla RUS-nätverket" not in page
