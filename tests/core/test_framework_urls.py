"""The URLs that Django's admin and django-allauth provide, outside the permission matrix."""

import pytest
from django.contrib import admin
from django.test import Client
from django.urls import NoReverseMatch, get_resolver, reverse

from tests.expect import ROLES


@pytest.mark.parametrize("role", ROLES)
def test_django_admin_is_for_admins_only(role, client_as):
    response = client_as(role).get(reverse("admin:index"))
    if role == "admin":
        assert response.status_code == 200
    else:
        assert response.status_code == 302
        assert response.url.startswith(reverse("admin:login"))


def test_admin_lists_every_registered_model(client_as):
    client = client_as("admin")
    for model in admin.site._registry:
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        assert client.get(url).status_code == 200, url


def allauth_urls_without_arguments():
    urls = []
    for name in get_resolver().reverse_dict:
        if isinstance(name, str) and name.startswith(("account_", "mfa_")):
            try:
                urls.append(reverse(name))
            except NoReverseMatch:
                continue  # needs a key from an e-mail; exercised by the login tests
    return sorted(set(urls))


@pytest.mark.parametrize("role", ["visitor", "member", "secretariat"])
def test_allauth_pages_answer_without_errors(role, client_as):
    client = client_as(role)
    for url in allauth_urls_without_arguments():
        answers = (200, 302, 405)
        if url.startswith("/konto/2fa/") and role == "member":
            answers += (404,)  # allauth: no codes to show, no app to turn off before it is on
        assert client.get(url).status_code in answers, url


def test_two_factor_pages_need_a_login():
    login = reverse("account_login")
    for url in allauth_urls_without_arguments():
        if url.startswith("/konto/2fa/") and url != reverse("mfa_authenticate"):
            response = Client().get(url)
            assert response.status_code == 302 and response.url.startswith(login), url


def test_only_admins_see_the_link_to_djangos_admin(client_as):
    link = f'href="{reverse("admin:index")}"'
    assert link in client_as("admin").get(reverse("home")).content.decode()
    assert link not in client_as("secretariat").get(reverse("home")).content.decode()
