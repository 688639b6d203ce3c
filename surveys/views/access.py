from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from rusnet.fragments import cached
from sources.services import attach_sources
from surveys.models import Survey, survey_drafts_seen_by


def survey_for_member(request, slug):
    """The survey named in the URL, if the user may read the answers; 403 or 404 otherwise
    (a round being prepared is 404 to members: Survey.objects.visible_to)."""
    if not request.user.has_perm("surveys.view_survey"):
        raise PermissionDenied
    survey = get_object_or_404(Survey.objects.visible_to(request.user), slug=slug)
    attach_sources([survey])  # the answers of an imported seed name their document
    return survey


def cached_survey_page(request, name, slug, variant, build):
    """A page about the survey named in the URL that is the same for everyone who reads
    the same rounds: `build(survey)` makes it once per content generation, and a cache hit
    asks the database nothing, not even for the survey. 403 or 404 as survey_for_member
    (a 404 is never cached)."""
    if not request.user.has_perm("surveys.view_survey"):
        raise PermissionDenied
    return cached(
        request,
        name,
        (slug, survey_drafts_seen_by(request.user), variant),
        lambda: build(survey_for_member(request, slug)),
    )


def survey_for_secretariat(request, slug):
    if not request.user.has_perm("surveys.manage_survey"):
        raise PermissionDenied
    return get_object_or_404(Survey.objects.visible_to(request.user), slug=slug)
