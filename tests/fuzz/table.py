"""Every form of the portal: the URL it is posted to, the role allowed to use it,
and how to build it to discover its fields (the strategies come from the fields).

The URL keyword arguments and a valid submission come from the permission matrix
(tests/permissions.py), so a form gets fuzzed around a submission that would save.
`test_every_form_url_is_fuzzed` fails when a URL that takes a POST is missing here.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from tests.permissions import EXPECTATIONS


@dataclass
class FormCase:
    id: str
    url_name: str
    role: str
    form: Callable[[dict], object] | None  # kwargs -> an unbound form (None: no form)
    kwargs: Callable[[], dict] | None = None  # default: the matrix's kwargs
    base: Callable[[], dict] | None = None  # default: the matrix's valid data
    foreign: Callable[[], dict] = dict  # field -> ids of another region's objects
    extra_fields: dict = field(default_factory=dict)  # posted names that are no form field
    report_marker: str | None = None  # a 200 with this markup is a report, not a refusal

    def url_kwargs(self):
        return (self.kwargs or EXPECTATIONS[self.url_name].kwargs)()

    def valid_data(self):
        return (self.base or EXPECTATIONS[self.url_name].data)()


# --- building the forms as their views do -------------------------------------


def _region(kwargs):
    from regions.models import Organisation

    return Organisation.objects.get(slug=kwargs["slug"])


def region_item_form(kind):
    def build(kwargs):
        from regions.forms import ITEM_KINDS

        return ITEM_KINDS[kind].form(region=_region(kwargs))

    return build


def _meeting(kwargs):
    from meetings.models import Meeting

    return Meeting.objects.get(slug=kwargs["slug"])


def _survey(kwargs):
    from surveys.models import Survey

    return Survey.objects.get(slug=kwargs["slug"])


def _theme(kwargs):
    from themes.models import Theme

    return Theme.objects.get(slug=kwargs["slug"])


def _secretariat(kwargs):
    """The secretariat role's account, made if no test did (forms offer what it may see)."""
    from accounts.models import User
    from tests.factories import UserFactory

    existing = User.objects.filter(email="sara@example.org").first()
    return existing or UserFactory(email="sara@example.org", secretariat=True)


def form(path, **build):
    """An unbound form by dotted path; `build` maps constructor arguments to kwargs -> value."""

    def make(kwargs):
        from importlib import import_module

        module, name = path.rsplit(".", 1)
        cls = getattr(import_module(module), name)
        return cls(**{key: get(kwargs) for key, get in build.items()})

    return make


def other_region_people():
    from regions.models import Person

    return {
        "person": list(
            Person.objects.exclude(organisation__slug="dalarna").values_list("pk", flat=True)[:20]
        )
    }


def non_regions():
    from regions.models import Organisation

    ids = Organisation.objects.exclude(kind=Organisation.Kind.REGION).values_list("pk", flat=True)
    return {"region": list(ids[:20]), "co_planners": list(ids[:20])}


def region_item_base(kind):
    def base():
        return {
            "strategi": {"title": "Ny strategi", "period_start": "2020", "period_end": "2030"},
            "fas": {"phase": "drafting", "since": "2025-01-01", "note": "", "source": ""},
            "plan": {"title": "Plan", "relation": "parallel", "description": "", "url": ""},
            "arshjul": {"month": "3", "title": "Budget", "description": ""},
            "roll": {"role": "financier", "is_main": "", "note": ""},
            "kontakt": {"new_name": "Nils Ny", "responsibility": "RUS"},
        }[kind]

    return base


def dalarna_kind(kind):
    return lambda: {"slug": "dalarna", "kind": kind}


def answer_form(kwargs):
    from surveys.forms import ResponseForm
    from surveys.models import Response

    survey = _survey(kwargs)
    return ResponseForm(instance=Response(survey=survey), questions=list(survey.questions.all()))


def coding_form(kwargs):
    from surveys.coding import answers_to_code
    from surveys.forms import CodingForm

    question = _survey(kwargs).questions.get(number=kwargs["number"])
    return CodingForm(codes=list(question.codes.all()), answers=answers_to_code(question))


def registration_form(kwargs):
    from meetings.registration_forms import RegistrationForm

    return RegistrationForm(meeting=_meeting(kwargs))


def attendance_form(kwargs):
    from meetings.registration_forms import AttendanceForm

    meeting = _meeting(kwargs)
    return AttendanceForm(registrations=meeting.registrations.for_list(), days=meeting.days)


def hosting_form(kwargs):
    from themes.forms import HostingDeclineForm

    return HostingDeclineForm(region=None)


CASES = [
    # accounts
    FormCase("invite", "accounts:invite", "secretariat", form("accounts.forms.InvitationForm")),
    FormCase(
        "accept",
        "accounts:accept",
        "visitor",
        form("accounts.forms.AcceptInvitationForm", invitation=lambda kw: None),
    ),
    FormCase("deactivate", "accounts:deactivate", "secretariat", None),
    FormCase("reactivate", "accounts:reactivate", "secretariat", None),
    FormCase("erase", "accounts:erase", "secretariat", None),
    # regions
    FormCase(
        "region-edit", "regions:edit", "region_editor", form("regions.forms.RegionDescriptionForm")
    ),
    *[
        FormCase(
            f"region-item-{kind}",
            "regions:item_add",
            "region_editor",
            region_item_form(kind),
            kwargs=dalarna_kind(kind),
            base=region_item_base(kind),
            foreign=other_region_people if kind == "kontakt" else dict,
        )
        for kind in ("strategi", "fas", "plan", "arshjul", "roll", "kontakt")
    ],
    FormCase(
        "region-item-edit", "regions:item_edit", "region_editor", region_item_form("strategi")
    ),
    FormCase("region-item-delete", "regions:item_delete", "region_editor", None),
    FormCase("region-restore", "regions:restore", "secretariat", None),
    FormCase("region-confirm", "regions:confirm", "region_editor", None),
    FormCase("people-merge", "regions:merge_preview", "secretariat", None),
    # accounts
    FormCase("invitation-resend", "accounts:invitation_resend", "secretariat", None),
    FormCase("invitation-withdraw", "accounts:invitation_withdraw", "secretariat", None),
    # notices
    FormCase(
        "notice-preferences", "notices:preferences", "member", form("notices.forms.PreferencesForm")
    ),
    FormCase("unsubscribe", "notices:unsubscribe", "member", None),
    # meetings
    FormCase(
        "meeting-create", "meetings:create", "secretariat", form("meetings.forms.NewMeetingForm")
    ),
    FormCase("meeting-edit", "meetings:edit", "secretariat", form("meetings.forms.MeetingForm")),
    FormCase(
        "programme-add",
        "meetings:item_add",
        "secretariat",
        form("meetings.forms.ProgrammeItemForm", meeting=_meeting),
    ),
    FormCase(
        "programme-edit",
        "meetings:item_edit",
        "secretariat",
        form("meetings.forms.ProgrammeItemForm", meeting=_meeting),
    ),
    FormCase("programme-delete", "meetings:item_delete", "secretariat", None),
    FormCase(
        "programme-move",
        "meetings:item_move",
        "secretariat",
        None,
        extra_fields={"direction": ["up", "down"], "position": ["1", "2"], "token": [""]},
    ),
    FormCase(
        "programme-day-shift",
        "meetings:day_shift",
        "secretariat",
        form("meetings.forms.ShiftDayForm", meeting=_meeting),
    ),
    FormCase("meeting-restore", "meetings:restore", "secretariat", None),
    FormCase("meeting-publish", "meetings:publish", "secretariat", None),
    FormCase("meeting-cancel", "meetings:cancel", "secretariat", None),
    FormCase(
        "meeting-copy", "meetings:copy", "secretariat", form("meetings.forms.CopyMeetingForm")
    ),
    FormCase("register", "meetings:register", "member", registration_form),
    FormCase("registration-cancel", "meetings:registration_cancel", "member", None),
    FormCase("attendance", "meetings:attendance", "secretariat", attendance_form),
    FormCase(
        "documentation",
        "meetings:documentation_edit",
        "secretariat",
        form("meetings.documentation_forms.DocumentationForm"),
    ),
    FormCase(
        "file-upload",
        "meetings:file_upload",
        "secretariat",
        form("meetings.documentation_forms.MeetingFileForm"),
    ),
    FormCase("file-delete", "meetings:file_delete", "secretariat", None),
    FormCase(
        "item-files",
        "meetings:item_files",
        "secretariat",
        form("meetings.documentation_forms.MeetingFileForm"),
    ),
    FormCase(
        "copy-review",
        "meetings:review",
        "secretariat",
        form("meetings.forms.CopyChecklistForm", meeting=_meeting),
    ),
    # surveys
    FormCase(
        "survey-create",
        "surveys:create",
        "secretariat",
        form("surveys.forms.RoundForm", user=_secretariat),
    ),
    FormCase("survey-edit", "surveys:edit", "secretariat", form("surveys.forms.SurveyForm")),
    FormCase(
        "question-add",
        "surveys:question_add",
        "secretariat",
        form("surveys.forms.QuestionForm", survey=_survey),
    ),
    FormCase(
        "question-edit",
        "surveys:question_edit",
        "secretariat",
        form("surveys.forms.QuestionForm", survey=_survey),
    ),
    FormCase("question-manage", "surveys:question_manage", "secretariat", None),
    FormCase("code-answers", "surveys:code_answers", "secretariat", coding_form),
    FormCase(
        "answer",
        "surveys:answer",
        "member",
        answer_form,
        extra_fields={"action": ["draft", "submit"]},
    ),
    FormCase(
        "import",
        "surveys:import",
        "secretariat",
        form("surveys.forms.ImportForm"),
        report_marker='class="report"',  # a dry run reports what it would import
    ),
    # themes
    FormCase("propose", "themes:propose", "member", form("themes.forms.ProposalForm")),
    FormCase("interest", "themes:interest", "member", None),
    FormCase(
        "theme-edit",
        "themes:edit",
        "secretariat",
        form("themes.forms.ThemeForm", user=_secretariat),
    ),
    FormCase(
        "planning-group",
        "themes:planning_group",
        "secretariat",
        form("themes.forms.PlanningGroupForm", theme=_theme),
    ),
    FormCase("theme-accept", "themes:accept", "secretariat", form("themes.forms.AcceptForm")),
    FormCase("theme-decline", "themes:decline", "secretariat", form("themes.forms.DeclineForm")),
    FormCase("theme-restore", "themes:restore", "secretariat", None),
    FormCase(
        "rotation-confirm",
        "themes:rotation_confirm",
        "secretariat",
        form("themes.forms.HostsForm"),
        foreign=non_regions,
    ),
    FormCase(
        "decline-hosting",
        "themes:decline_hosting",
        "secretariat",
        hosting_form,
        foreign=non_regions,
    ),
    FormCase("withdraw-decline", "themes:withdraw_decline", "secretariat", None),
]

# GET forms (filters): the query string is fuzzed; nothing may be written.
FILTERS = [
    ("accounts:members", "secretariat", {}, "accounts.forms.MemberFilterForm"),
    ("regions:people", "member", {}, "regions.forms.PersonFilter"),
    ("meetings:calendar", "visitor", {}, "meetings.forms.MeetingFilter"),
    ("themes:list", "visitor", {}, "themes.forms.ThemeFilter"),
    (
        "surveys:question",
        "member",
        {"slug": "overblick-rus-2017", "number": 12},
        "surveys.forms.AnswerFilter",
    ),
    ("surveys:compare", "member", {"slug": "overblick-rus-2017"}, "surveys.forms.CompareForm"),
]
