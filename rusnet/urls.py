from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from rusnet import views

urlpatterns = [
    path("", include("start.urls")),
    path("healthz/", views.healthz, name="healthz"),
    path("tillganglighet/", views.accessibility, name="accessibility"),
    path("integritet/", views.privacy, name="privacy"),
    path("arkiv/", include("archive.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    # Two of allauth's two-factor pages, carrying `next` through the first set-up.
    path("konto/", include("accounts.mfa_urls")),
    path("konto/", include("allauth.urls")),
    path("medlemmar/", include("accounts.urls")),
    path("regioner/", include("regions.urls")),
    path("moten/", include("meetings.urls")),
    path("enkater/", include("surveys.urls")),
    path("teman/", include("themes.urls")),
    path("sammanstallningar/", include("summaries.urls")),
    path("kallor/", include("sources.urls")),
    path("om-natverket/", include("sources.network_urls")),
    path("sok/", include("search.urls")),
    path("", include("notices.urls")),
    path("admin/", admin.site.urls),
]

handler400 = "rusnet.views.bad_request"

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
