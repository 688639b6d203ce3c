"""The cached parts of the regions overview and a region page show an edit at once."""

from django.urls import reverse

from regions.models import Strategy


def test_an_edited_strategy_shows_on_the_overview_and_the_region_page_at_once(client_as, dalarna):
    client = client_as("visitor")
    overview = reverse("regions:overview")
    page = reverse("regions:detail", kwargs={"slug": dalarna.slug})
    client.get(overview), client.get(page)  # both now cached
    strategy = Strategy.objects.filter(region=dalarna).first()
    strategy.title = "Dalastrategin, ny version"
    strategy.save()
    assert "Dalastrategin, ny version" in client.get(overview).content.decode()
    assert "Dalastrategin, ny version" in client.get(page).content.decode()


def test_a_deleted_strategy_disappears_at_once(client_as, dalarna):
    client = client_as("member")
    page = reverse("regions:detail", kwargs={"slug": dalarna.slug})
    strategy = Strategy.objects.filter(region=dalarna).first()
    assert strategy.title in client.get(page).content.decode()
    strategy.delete()
    assert f"<h3>{strategy.title}</h3>" not in client.get(page).content.decode()
