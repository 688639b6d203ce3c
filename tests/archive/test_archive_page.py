"""The secretariat's archive page and its download."""

import io
import json
import zipfile

import pytest
from django.urls import reverse


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def test_the_members_page_links_to_the_archive(client_as):
    html = client_as("secretariat").get(reverse("accounts:members")).content.decode()
    assert f'href="{reverse("archive")}"' in html


def test_the_page_explains_the_archive_and_offers_the_download(client_as):
    html = client_as("secretariat").get(reverse("archive")).content.decode()
    assert "Överlämningsarkiv" in html
    assert "import_archive" in html and "DJANGO_READ_ONLY" in html
    assert f'href="{reverse("archive_download")}"' in html


def test_the_download_is_a_complete_verified_archive(client_as, media, may):
    from tests.meetings.factories_registration import meeting_file

    meeting_file(may, "Program")
    response = client_as("secretariat").get(reverse("archive_download"))
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith('attachment; filename="rusnet-arkiv-')
    assert response.streaming
    data = b"".join(response.streaming_content)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        manifest = json.loads(archive.read("manifest.json"))
        assert [entry["name"] for entry in manifest["files"]] == ["meetings/2026/program.pdf"]
    from archive.handover import _open_zip, verify_archive

    with _open_zip(io.BytesIO(data)) as archive:
        verify_archive(archive)


def every_view(patterns=None):
    from django.urls import URLResolver, get_resolver

    for entry in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(entry, URLResolver):
            yield from every_view(entry.url_patterns)
        else:
            yield entry.callback


def test_no_page_imports_an_archive():
    """An archive is trusted input: only `manage.py import_archive` on the server reads one."""
    import inspect

    importing = set()
    for view in every_view():
        module = inspect.getmodule(inspect.unwrap(view))
        if module is not None and "import_archive" in inspect.getsource(module).replace(
            "manage.py import_archive", ""
        ):
            importing.add(module.__name__)
    assert importing == set()
