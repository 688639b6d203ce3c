from django import template

from surveys.models import Response

register = template.Library()


@register.inclusion_tag("surveys/_region_answers.html")
def survey_answers(organisation, user):
    """The surveys an organisation answered, for its page: members only, one query."""
    if not user.has_perm("surveys.view_survey"):
        return {"responses": None}
    responses = (
        Response.objects.submitted()
        .filter(organisation=organisation)
        .select_related("survey")
        .order_by("-survey__date", "-survey__created_at")
    )
    return {"organisation": organisation, "responses": responses}
