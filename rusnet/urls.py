from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from accounts import mfa_views
from rusnet import archive_views, views

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz/", views.healthz, name="healthz"),
    path("tillganglighet/", views.accessibility, name="accessibility"),
    path("integritet/", views.privacy, name="privacy"),
    path("arkiv/", archive_views.archive, name="archive"),
    path("arkiv/hamta/", archive_views.archive_download, name="archive_download"),
    path("i18n/", include("django.conf.urls.i18n")),
    # Two of allauth's two-factor pages, carrying `next` through the first set-up.
    path("konto/2fa/totp/activate/", mfa_views.activate_totp, name="mfa_activate_totp"),
    path(
        "konto/2fa/recovery-codes/", mfa_views.view_recovery_codes, name="mfa_view_recovery_codes"
    ),
    path("konto/", include("allauth.urls")),
    path("medlemmar/", include("accounts.urls")),
    path("regioner/", include("regions.urls")),
    path("moten/", include("meetings.urls")),
    path("enkater/", include("surveys.urls")),
    path("teman/", include("themes.urls")),
    path("sammanstallningar/", include("summaries.urls")),
    path("sok/", include("search.urls")),
    path("admin/", admin.site.urls),
]

handler400 = "rusnet.views.bad_request"

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
