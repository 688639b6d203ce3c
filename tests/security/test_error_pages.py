"""A refused request gets the portal's own Swedish page in the site's layout, not Django's."""

import pytest
from django.test import Client
from django.urls import reverse


def assert_portal_page(response, status, heading):
    assert response.status_code == status
    page = response.content.decode()
    assert 'class="site-header"' in page
    assert heading in page
    assert "RUS-nätverket" in page


def test_an_unknown_host_gets_the_portals_400_page(seed_data):
    response = Client(HTTP_HOST="angripare.example").get("/")
    assert_portal_page(response, 400, "Begäran kunde inte tolkas")


def test_a_request_with_too_many_fields_gets_the_portals_400_page(seed_data, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 10
    data = {f"field{number}": "x" for number in range(20)}
    response = Client().post(reverse("account_login"), data)
    assert_portal_page(response, 400, "Begäran kunde inte tolkas")


@pytest.mark.parametrize("role", ["visitor", "member"])
def test_a_form_without_its_security_token_gets_the_portals_page(persona, seed_data, role):
    client = Client(enforce_csrf_checks=True)
    if user := persona(role):
        client.force_login(user)
    response = client.post(reverse("account_login"), {"login": "x@example.org", "password": "x"})
    assert_portal_page(response, 403, "Formuläret kunde inte skickas")
    assert "ladda om sidan" in response.content.decode()
