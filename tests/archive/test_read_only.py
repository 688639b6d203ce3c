"""Read-only mode: every page reads, nothing saves, every form says why."""

import re

import pytest
from django.urls import reverse

from tests.factories import PASSWORD

BANNER = "Portalen är skrivskyddad medan den flyttar till en ny värd"
NOTICE = "Formuläret kan inte sparas"


@pytest.fixture
def read_only(settings):
    settings.READ_ONLY = True


def submit_buttons(html):
    """The submit buttons of the page's forms, without the header's search (a GET form)."""
    html = re.sub(r'<form role="search".*?</form>', "", html, flags=re.S)
    return re.findall(r"<button type=\"submit\"[^>]*>", html)


def test_off_by_default_no_banner_and_forms_save(client_as, dalarna, settings):
    assert settings.READ_ONLY is False
    page = client_as("region_editor").get(reverse("regions:edit", args=["dalarna"])).content
    assert BANNER not in page.decode() and NOTICE not in page.decode()
    assert not any("disabled" in button for button in submit_buttons(page.decode()))


@pytest.mark.usefixtures("read_only")
def test_every_page_still_reads_with_a_banner(client_as, may):
    for url in [
        reverse("home"),
        reverse("regions:detail", args=["dalarna"]),
        may.get_absolute_url(),
    ]:
        response = client_as("member").get(url)
        assert response.status_code == 200
        assert BANNER in response.content.decode()


@pytest.mark.usefixtures("read_only")
def test_a_form_explains_and_disables_its_submit_button(client_as, dalarna):
    html = client_as("region_editor").get(reverse("regions:edit", args=["dalarna"])).content
    html = html.decode()
    assert NOTICE in html
    form_buttons = [b for b in submit_buttons(html) if "link-button" not in b]
    assert form_buttons and all(" disabled" in button for button in form_buttons)


@pytest.mark.usefixtures("read_only")
def test_a_post_is_answered_with_503_in_swedish_and_changes_nothing(client_as, dalarna):
    response = client_as("region_editor").post(
        reverse("regions:edit", args=["dalarna"]),
        {"description": "Ändrad under flytten", "website": "", "version": str(dalarna.version)},
    )
    assert response.status_code == 503
    html = response.content.decode()
    assert "Portalen är skrivskyddad" in html and "har inte sparats" in html
    assert 'class="site-header"' in html  # in the site's layout
    dalarna.refresh_from_db()
    assert dalarna.description != "Ändrad under flytten"


@pytest.mark.usefixtures("read_only")
@pytest.mark.parametrize("method", ["put", "patch", "delete"])
def test_other_writing_methods_are_refused_too(client_as, dalarna, method):
    url = reverse("regions:edit", args=["dalarna"])
    assert getattr(client_as("region_editor"), method)(url).status_code == 503


@pytest.mark.usefixtures("read_only")
def test_people_can_still_log_in_and_out(client, member):
    login = client.get(reverse("account_login")).content.decode()
    assert not any("disabled" in button for button in submit_buttons(login))
    response = client.post(reverse("account_login"), {"login": member.email, "password": PASSWORD})
    assert response.status_code in (200, 302)
    assert response.status_code != 503
    assert client.post(reverse("account_logout")).status_code == 302


@pytest.mark.usefixtures("read_only")
def test_the_language_switch_still_works(client, seed_data):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302


@pytest.mark.usefixtures("read_only")
def test_the_archive_can_still_be_downloaded(client_as, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    response = client_as("secretariat").get(reverse("archive_download"))
    assert response.status_code == 200
    b"".join(response.streaming_content)


def test_the_read_only_setting_comes_from_the_environment(monkeypatch):
    import importlib

    import rusnet.settings

    monkeypatch.setenv("DJANGO_READ_ONLY", "true")
    assert importlib.reload(rusnet.settings).READ_ONLY is True
    monkeypatch.delenv("DJANGO_READ_ONLY")
    assert importlib.reload(rusnet.settings).READ_ONLY is False
