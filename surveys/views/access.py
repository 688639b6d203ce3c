from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from sources.services import attach_sources
from surveys.models import Survey


def survey_for_member(request, slug):
    """The survey named in the URL, if the user may read the answers; 403 or 404 otherwise
    (a round being prepared is 404 to members: Survey.objects.visible_to)."""
    if not request.user.has_perm("surveys.view_survey"):
        raise PermissionDenied
    survey = get_object_or_404(Survey.objects.visible_to(request.user), slug=slug)
    attach_sources([survey])  # the answers of an imported seed name their document
    return survey


def survey_for_secretariat(request, slug):
    if not request.user.has_perm("surveys.manage_survey"):
        raise PermissionDenied
    return get_object_or_404(Survey.objects.visible_to(request.user), slug=slug)
