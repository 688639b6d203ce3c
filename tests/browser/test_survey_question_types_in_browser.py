"""The secretariat builds a round with one question of each type; two organisations
answer it over two visits each; the reading page shows a chart and its table."""

import io
import re
from datetime import timedelta

import pytest
from django.utils import timezone
from openpyxl import load_workbook
from playwright.sync_api import expect

from regions.models import Organisation
from surveys.models import Response, Survey
from tests.browser.axe import assert_accessible
from tests.factories import UserFactory

pytestmark = pytest.mark.browser

QUESTIONS = [
    # (type label, text, extra fields to fill)
    ("Enval", "Vem leder arbetet?", {"Alternativ": "Regionstyrelsen\nNämnden"}),
    (
        "Flerval",
        "Vilka teman prioriterar ni?",
        {"Alternativ": "Klimat\nKompetens\nInfrastruktur", "Erbjud": True},
    ),
    ("Skala 1–5", "Hur väl förankrad är RUS?", {"Text vid 1": "Inte alls", "Text vid 5": "Helt"}),
    ("Ja / nej / delvis", "Finns en beskriven struktur?", {"Obligatorisk": True}),
    ("Datum", "När antogs strategin?", {}),
    ("Tal", "Hur många arbetar med RUS?", {"Hjälptext": "Räkna årsarbetskrafter."}),
]


def add_question(page, kind, text, extra):
    page.get_by_role("link", name="Lägg till en fråga").click()
    page.get_by_label(re.compile("^Fråga")).fill(text)
    page.get_by_role("group", name="Typ av fråga").get_by_role(
        "radio", name=kind, exact=True
    ).check()
    for label, value in extra.items():
        field = page.get_by_label(re.compile(f"^{label}"))
        if value is True:
            field.check()
        else:
            field.fill(value)
    page.get_by_role("button", name="Spara").click()
    expect(page.get_by_text("Frågan har lagts till.")).to_be_visible()


def answer(page, site, slug, first_visit):
    page.goto(f"{site.url}/enkater/{slug}/svara/")
    if first_visit:
        page.get_by_role("group", name="Vem leder arbetet?").get_by_label("Nämnden").check()
        themes = page.get_by_role("group", name="Vilka teman prioriterar ni?")
        themes.get_by_label("Klimat").check()
        page.get_by_role("button", name="Spara utkast").click()
        expect(page.get_by_role("status").first).to_contain_text("Utkastet har sparats")
        return
    # The second visit: the draft is there; a required question is missing at first.
    expect(
        page.get_by_role("group", name="Vem leder arbetet?").get_by_label("Nämnden")
    ).to_be_checked()
    page.get_by_role("group", name="Hur väl förankrad är RUS?").get_by_label(
        "4", exact=True
    ).check()
    page.get_by_label("När antogs strategin?").fill("2021-06-15")
    page.get_by_label("Hur många arbetar med RUS?").fill("2,5")
    page.get_by_role("button", name="Skicka in svaren").click()
    expect(page.get_by_text("Svara på frågan innan du skickar in svaren.")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("group", name="Finns en beskriven struktur?").get_by_label("Delvis").check()
    page.get_by_role("button", name="Skicka in svaren").click()
    expect(page.get_by_text("Tack! Svaren har skickats in.")).to_be_visible()


def test_a_round_of_every_type_answered_and_charted(page, site, log_in, secretariat, member):
    log_in(secretariat)
    page.goto(f"{site.url}/enkater/overblick-rus-2017/")
    page.get_by_role("link", name="Ny omgång med dessa frågor").click()
    questions = page.get_by_role("group", name="Frågor att behålla")
    expect(
        questions.get_by_role("checkbox", name=re.compile("^5\\. Vilka kritiska"))
    ).to_be_checked()
    expect(questions.get_by_role("checkbox", name=re.compile("^1\\. Namn"))).to_have_count(0)
    for checkbox in questions.get_by_role("checkbox").all():
        checkbox.uncheck()
    questions.get_by_role("checkbox", name=re.compile("^12\\. Hur organiseras")).check()
    today = timezone.localdate()
    page.get_by_label("Öppnar").fill(today.isoformat())
    page.get_by_label("Stänger").fill((today + timedelta(days=30)).isoformat())
    page.get_by_label("Titel").fill("")
    page.get_by_role("button", name="Skapa omgången").click()
    title = f"Överblick RUS {today.year}"  # the earlier title with the year it opens
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Redigera {title}")
    survey = Survey.objects.get(title=title)
    assert survey.slug == f"overblick-rus-{today.year}"
    for kind, text, extra in QUESTIONS:
        add_question(page, kind, text, extra)
    assert_accessible(page)
    page.get_by_role("button", name="Flytta upp fråga 14").click()
    expect(page.get_by_text("Fråga 14 har flyttats.")).to_be_visible()
    page.get_by_label("Status").select_option(label="Öppen för svar")
    page.get_by_role("button", name="Spara", exact=True).click()
    expect(page.get_by_text("Enkäten har sparats.")).to_be_visible()

    dalarna_member = UserFactory(organisation=Organisation.objects.get(slug="dalarna"))
    for first_visit in (True, False):
        for user in (member, dalarna_member):
            page.context.clear_cookies()
            log_in(user)
            answer(page, site, survey.slug, first_visit)
            if first_visit and user == member:
                assert_accessible(page)
    assert Response.objects.filter(survey=survey, status="submitted").count() == 2

    page.goto(f"{site.url}/enkater/{survey.slug}/")
    page.get_by_role("link", name="Vilka teman prioriterar ni?").click()
    chart = page.get_by_role("img", name=re.compile("Vilka teman prioriterar ni"))
    expect(chart).to_be_visible()
    table = page.get_by_role("table", name=re.compile("Staplarna som tabell: 2 organisationer"))
    expect(table.get_by_role("row", name=re.compile("^Klimat 2 100 %"))).to_contain_text(
        "Region Dalarna, Region Gävleborg"
    )
    expect(table.get_by_role("row", name=re.compile("^Kompetens 0 0 %"))).to_be_visible()
    assert_accessible(page)
    page.goto(f"{site.url}/enkater/{survey.slug}/fraga/15/")
    table = page.get_by_role("table", name=re.compile("Staplarna som tabell"))
    expect(table.get_by_role("row", name=re.compile("^4 2 100 %"))).to_be_visible()
    assert_accessible(page)

    # The overview maps the two regions that answered; the secretariat's XLSX holds the
    # counts the page shows.
    page.goto(f"{site.url}/enkater/{survey.slug}/")
    coverage = page.get_by_role("img", name=re.compile("Karta över Sveriges regioner"))
    expect(coverage).to_be_visible()
    table = page.get_by_role("table", name=re.compile("Kartan som tabell: 2 av 21 regioner"))
    expect(table.get_by_role("row", name="Region Dalarna Ja")).to_be_visible()
    expect(table.get_by_role("row", name="Region Blekinge Nej")).to_be_visible()
    assert_accessible(page)
    page.context.clear_cookies()
    log_in(secretariat)
    download = page.request.get(f"{site.url}/enkater/{survey.slug}/export.xlsx")
    assert download.ok
    workbook = load_workbook(io.BytesIO(download.body()))
    themes = {
        row[0]: row[1:3] for row in workbook["Diagram 14"].iter_rows(min_row=3, values_only=True)
    }
    assert themes["Klimat"] == (2, 1) and themes["Kompetens"] == (0, 0)
    scale = {
        row[0]: row[1] for row in workbook["Diagram 15"].iter_rows(min_row=3, values_only=True)
    }
    assert scale["4"] == 2 and scale["Organisationer som svarade"] == 2
    answers = workbook[workbook.sheetnames[1]]
    assert [cell.value for cell in answers[1]][1] == "Den svarandes namn"
    assert answers.max_row == 3  # a header and the two organisations
    # The question between rounds: a chart per round where it is charted.
    page.goto(f"{site.url}/enkater/{survey.slug}/omgangar/fraga/14/")
    expect(page.get_by_role("img", name=re.compile("Vilka teman prioriterar ni"))).to_be_visible()
    assert_accessible(page)
