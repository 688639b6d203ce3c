"""The blocks of the start page, each computed with a fixed number of queries.

At most six queries whatever the data: the meetings (one query, with the most recent
past meeting folded in), the themes (one), the open survey rounds (one), and by role
the region's facts (one), the organisations that have not answered a closing round
(one) and the secretariat's people to follow up (one). Everything listed goes through
the models' `visible_to(user)`.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import (
    CharField,
    Count,
    DateTimeField,
    Exists,
    FilteredRelation,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
)
from django.db.models.functions import Cast, Coalesce, Lower
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from accounts.models import Invitation, User
from meetings.models import (
    Meeting,
    MeetingDocumentation,
    MeetingFile,
    MeetingHost,
    ProgrammeItem,
    Registration,
    planned_by_subquery,
)
from meetings.services import registration_closed_reason, seats_left
from notices.models import Bounce
from regions.models import CONFIRMED, Contact, Organisation, PhaseEntry, Strategy
from surveys.models import Response, Survey
from themes.models import Theme, ThemeInterest, ThemePlanner

# A region's facts not confirmed for this long are shown to its editor as old.
FACTS_GO_STALE_AFTER = timedelta(days=180)
# The secretariat's horizon for meetings lacking a host or a programme.
PLANNING_HORIZON = timedelta(days=183)
# Survey rounds closing this soon are on the secretariat's work list.
CLOSING_SOON = timedelta(days=14)
# Documentation is due this long after a meeting.
DOCUMENTATION_DUE = timedelta(days=14)
# Planned meetings that ended this long ago still show missing documentation.
PLANNED_LOOKBACK = timedelta(days=365)
# Words in a meeting's "Inför mötet" that ask the regions to update the RUS map.
MAP_TASK_WORDS = ("rus-kartan", "rus-karta")
LISTED_PEOPLE = 20


@dataclass
class MeetingToPlan:
    meeting: Meeting
    missing: list[str]


@dataclass
class MyRegistration:
    meeting: Meeting
    can_cancel: bool
    # The place on the meeting's waiting list (1 for the first); None when holding a seat.
    waiting_position: int | None = None


@dataclass
class ClosingRound:
    survey: Survey
    not_answered: list[Organisation]


@dataclass
class RegionFact:
    kind: str  # "phase", "strategy" or "contact"
    label: str
    confirmed_on: datetime | None
    is_old: bool


@dataclass
class BouncedMember:
    member: User
    bounced_at: datetime
    reason: str


@dataclass
class StartPage:
    now: datetime
    next_meeting: Meeting | None = None
    next_meeting_closed: str | None = None
    latest_meeting: Meeting | None = None
    coming_themes: list[Theme] = field(default_factory=list)
    # member
    my_registrations: list[MyRegistration] = field(default_factory=list)
    open_meetings: list[Meeting] = field(default_factory=list)
    preparations: list[Meeting] = field(default_factory=list)
    my_surveys: list[Survey] = field(default_factory=list)
    my_themes: list[Theme] = field(default_factory=list)
    # region editor
    region: Organisation | None = None
    region_facts: list[RegionFact] = field(default_factory=list)
    map_tasks: list[Meeting] = field(default_factory=list)
    # planning group
    planned_meetings: list[MeetingToPlan] = field(default_factory=list)
    planned_themes: list[Theme] = field(default_factory=list)
    # secretariat
    is_secretariat: bool = False
    proposals: list[Theme] = field(default_factory=list)
    stale_themes: list[Theme] = field(default_factory=list)
    invitations: list[Invitation] = field(default_factory=list)
    meetings_to_prepare: list[MeetingToPlan] = field(default_factory=list)
    closing_rounds: list[ClosingRound] = field(default_factory=list)
    never_logged_in: list[User] = field(default_factory=list)
    bounced: list[BouncedMember] = field(default_factory=list)
    # Moments at which something on the page changes by the clock alone (a deadline
    # passes, a meeting begins or ends); see changes_at.
    moments: list[datetime] = field(default_factory=list, repr=False)

    @property
    def changes_at(self) -> datetime:
        """When the page goes stale by the clock: the first of its moments still to come,
        and at the latest the next midnight (survey rounds open and close by date, and
        facts grow old by date)."""
        midnight = timezone.localtime(self.now).replace(hour=0, minute=0, second=0, microsecond=0)
        coming = [moment for moment in self.moments if moment and moment > self.now]
        return min([*coming, midnight + timedelta(days=1)])

    @property
    def old_region_facts(self) -> list[RegionFact]:
        return [fact for fact in self.region_facts if fact.is_old]

    @property
    def region_needs_attention(self) -> bool:
        return bool(self.old_region_facts or self.map_tasks)

    @property
    def has_work(self) -> bool:
        return bool(
            self.proposals
            or self.stale_themes
            or self.invitations
            or self.meetings_to_prepare
            or self.closing_rounds
            or self.never_logged_in
            or self.bounced
        )

    @property
    def has_tasks(self) -> bool:
        """Whether anything on the page asks this person to act."""
        return bool(
            self.open_meetings
            or self.preparations
            or any(not survey.answered for survey in self.my_surveys)
            or self.region_needs_attention
            or any(item.missing for item in self.planned_meetings)
            or self.has_work
        )


def current_time():
    """The start page's clock; tests set it to a fixed day."""
    return timezone.now()


def start_page(user, now) -> StartPage:
    page = StartPage(now=now, is_secretariat=user.has_perm("meetings.add_meeting"))
    add_meetings(page, user)
    add_themes(page, user)
    if user.is_authenticated:
        add_surveys(page, user)
    if user.is_authenticated and user.is_region_editor and user.organisation_id:
        add_region_facts(page, user)
    if page.is_secretariat:
        add_people_to_follow_up(page)
    return page


def missing_for(meeting, now) -> list[str]:
    """What a meeting still lacks, in the planning group's words."""
    missing = []
    if meeting.timing_status(now) != Meeting.ENDED:
        if not meeting.has_host and meeting.format != Meeting.Format.DIGITAL:
            missing.append(_("no host"))
        if not meeting.has_programme:
            missing.append(_("no programme"))
        elif meeting.status == Meeting.Status.DRAFT:
            missing.append(_("the programme is not published"))
    elif not meeting.has_documentation and now > meeting.ends_at + DOCUMENTATION_DUE:
        missing.append(_("no documentation"))
    return missing


def add_meetings(page, user):
    """One query: the coming meetings the user sees, the meetings they plan from the last
    year, and the most recent past published meeting (shown when nothing is coming)."""
    now = page.now
    person_id = getattr(user, "person_id", None) or 0
    user_id = user.pk or 0
    visible = Meeting.objects.visible_to(user)
    latest_past = (
        Meeting.objects.public()
        .exclude(status=Meeting.Status.CANCELLED)
        .filter(ends_at__lt=now)
        .order_by("-starts_at")
        .values("pk")[:1]
    )
    meeting = OuterRef("pk")
    registration_count = (
        Registration.objects.active()
        .filter(meeting=meeting)
        .order_by()
        .values("meeting")
        .annotate(count=Count("pk"))
        .values("count")
    )
    meetings = (
        visible.annotate(
            planner_flag=Exists(planned_by_subquery(person_id, meeting)),
            viewer_registered=Exists(
                Registration.objects.active().filter(meeting=meeting, user=user_id)
            ),
            viewer_waiting_position=Coalesce(
                Subquery(waiting_position_subquery(user_id, meeting), output_field=IntegerField()),
                0,
            ),
            has_host=Exists(
                MeetingHost.objects.filter(meeting=meeting, role=MeetingHost.Role.HOST)
            ),
            has_programme=Exists(ProgrammeItem.objects.filter(meeting=meeting)),
            has_documentation=Exists(
                MeetingDocumentation.objects.filter(meeting=meeting).exclude(notes="")
            )
            | Exists(MeetingFile.objects.filter(meeting=meeting)),
            active_registration_count=Coalesce(
                Subquery(registration_count, output_field=IntegerField()), 0
            ),
        )
        .filter(
            Q(ends_at__gte=now)
            | Q(planner_flag=True, ends_at__gte=now - PLANNED_LOOKBACK)
            | Q(pk=Subquery(latest_past))
        )
        .order_by("starts_at")
    )
    coming, past = [], []
    for item in meetings:
        (coming if item.ends_at >= now else past).append(item)
        deadline = item.registration_deadline
        page.moments += [deadline, item.starts_at, item.ends_at, item.ends_at + DOCUMENTATION_DUE]
    published = [item for item in coming if item.status == Meeting.Status.PUBLISHED]
    if published:
        page.next_meeting = published[0]
        page.next_meeting_closed = closed_reason(published[0], now)
    elif past:
        page.latest_meeting = max(
            (item for item in past if item.status == Meeting.Status.PUBLISHED),
            key=lambda item: item.starts_at,
            default=None,
        )
    if user.is_authenticated:
        registered = [item for item in published if item.viewer_registered]
        # Waiting registrations are listed with the seated ones, in date order, but the
        # tasks before a meeting are for those who hold a seat.
        page.my_registrations = [
            MyRegistration(
                item,
                registration_closed_reason(item, now) is None,
                item.viewer_waiting_position or None,
            )
            for item in published
            if item.viewer_registered or item.viewer_waiting_position
        ]
        page.preparations = [item for item in registered if item.tasks_before.strip()]
        page.open_meetings = [
            item
            for item in published
            if not item.viewer_registered
            and not item.viewer_waiting_position
            and closed_reason(item, now) is None
        ]
        page.planned_meetings = [
            MeetingToPlan(item, missing_for(item, now))
            for item in coming + past
            if item.planner_flag and (item.ends_at >= now or missing_for(item, now))
        ]
    if user.is_authenticated and user.is_region_editor:
        page.map_tasks = [
            item
            for item in published
            if any(word in item.tasks_before.lower() for word in MAP_TASK_WORDS)
        ]
    if page.is_secretariat:
        page.meetings_to_prepare = [
            MeetingToPlan(item, missing)
            for item in coming
            if item.status != Meeting.Status.CANCELLED
            and item.starts_at <= now + PLANNING_HORIZON
            and (not item.has_host or not item.has_programme)
            and (missing := missing_for(item, now))
        ]


def waiting_position_subquery(user_id, meeting):
    """The user's place on the meeting's waiting list (1 for the first), by the rule of
    meetings.services.waiting_position (RegistrationQuerySet.waiting_ahead_of)."""
    ahead = (
        Registration.objects.waiting_ahead_of(
            OuterRef("meeting"), OuterRef("waiting_since"), OuterRef("pk")
        )
        .order_by()
        .values("meeting")
        .annotate(count=Count("pk"))
        .values("count")
    )
    place = Coalesce(Subquery(ahead, output_field=IntegerField()), 0) + 1
    return (
        Registration.objects.waiting()
        .filter(meeting=meeting, user=user_id)
        .annotate(place=place)
        .values("place")[:1]
    )


def closed_reason(meeting, now):
    """Why the user cannot register; the seats taken come with the meetings' query."""
    if seats_left(meeting, meeting.active_registration_count) == 0:
        return _("The meeting is full. No places are left.")
    return registration_closed_reason(meeting, now)


def add_themes(page, user):
    """One query: the themes planned for this and next year, and by role the themes the
    user proposed, marked or plans, and those awaiting the secretariat."""
    year = page.now.year
    coming = Q(status=Theme.Status.PLANNED, year__in=[year, year + 1])
    themes = Theme.objects.with_last_meeting_end()
    wanted = coming
    if user.is_authenticated:
        marked = ThemeInterest.objects.filter(theme=OuterRef("pk"), marked_by=user)
        planned = ThemePlanner.objects.filter(
            theme=OuterRef("pk"), person_id=getattr(user, "person_id", None) or 0
        )
        themes = themes.annotate(marked_by_me=Exists(marked), planned_by_me=Exists(planned))
        wanted |= Q(proposed_by=user) | Q(marked_by_me=True) | Q(planned_by_me=True)
    if page.is_secretariat:
        wanted |= Q(status=Theme.Status.PROPOSED) | Q(status=Theme.Status.PLANNED)
    page.moments.append(
        timezone.localtime(page.now).replace(year=year + 1, month=1, day=1, hour=0, minute=0)
    )
    for theme in themes.filter(wanted).order_by("year", "title"):
        page.moments.append(theme.last_meeting_end)
        if theme.year in (year, year + 1) and theme.shown_status(page.now) == "planned":
            page.coming_themes.append(theme)
        if not user.is_authenticated:
            continue
        if theme.proposed_by_id == user.pk or theme.marked_by_me:
            page.my_themes.append(theme)
        if theme.planned_by_me and theme.shown_status(page.now) in ("proposed", "planned"):
            page.planned_themes.append(theme)
        if page.is_secretariat and theme.status == Theme.Status.PROPOSED:
            page.proposals.append(theme)
        if (
            page.is_secretariat
            and theme.status == "planned"
            and theme.shown_status(page.now) == "held"
        ):
            page.stale_themes.append(theme)


def add_surveys(page, user):
    """One query for the open rounds; one more when rounds close within 14 days and the
    user is the secretariat: the regions that have not answered them."""
    today = page.now.date()
    submitted = Response.objects.submitted().filter(
        survey=OuterRef("pk"), organisation=user.organisation_id or 0
    )
    rounds = list(
        Survey.objects.visible_to(user)
        .open(today)
        .annotate(answered=Exists(submitted))
        .order_by("closes_on", "title")
    )
    if user.organisation_id:
        page.my_surveys = rounds
    if not page.is_secretariat:
        return
    closing = [
        survey
        for survey in rounds
        if survey.closes_on is not None and survey.closes_on <= today + CLOSING_SOON
    ]
    if not closing:
        return
    by_survey = {survey.pk: ClosingRound(survey, []) for survey in closing}
    answers = Organisation.objects.regions().annotate(
        answer=FilteredRelation(
            "survey_responses",
            condition=Q(
                survey_responses__survey__in=list(by_survey),
                survey_responses__status=Response.Status.SUBMITTED,
            ),
        )
    )
    answered: dict[int, set[int]] = {}
    pairs = answers.values_list("pk", "name", "slug", "answer__survey_id").order_by("name")
    names = {}
    for pk, name, slug, survey_id in pairs:
        names[pk] = Organisation(pk=pk, name=name, slug=slug, kind=Organisation.Kind.REGION)
        if survey_id is not None:
            answered.setdefault(survey_id, set()).add(pk)
    for survey_id, closing_round in by_survey.items():
        closing_round.not_answered = [
            region for pk, region in names.items() if pk not in answered.get(survey_id, set())
        ]
    page.closing_rounds = [item for item in by_survey.values() if item.not_answered]


def add_region_facts(page, user):
    """One query: the region's current phase, strategies and contacts with the date each
    was last changed, the region's confirmations and the region's own name and address."""
    region_id = user.organisation_id

    def changed(model):
        return Subquery(
            model.history.model.objects.filter(id=OuterRef("pk"))
            .order_by("-history_date")
            .values("history_date")[:1],
            output_field=DateTimeField(),
        )

    text = CharField()
    # The rows of a union share columns (kind, pk, label, extra, changed); a phase's
    # since date goes into `extra` so the newest phase can be picked in Python.
    phases = (
        PhaseEntry.objects.filter(region_id=region_id)
        .annotate(
            row_kind=Value("phase", output_field=text),
            since_text=Cast("since", output_field=text),
            changed=changed(PhaseEntry),
        )
        .values_list("row_kind", "pk", "phase", "since_text", "changed")
        .order_by()
    )
    strategies = (
        Strategy.objects.filter(region_id=region_id)
        .annotate(
            row_kind=Value("strategy", output_field=text),
            extra=Value("", output_field=text),
            changed=changed(Strategy),
        )
        .values_list("row_kind", "pk", "title", "extra", "changed")
        .order_by()
    )
    contacts = (
        Contact.objects.filter(region_id=region_id)
        .annotate(row_kind=Value("contact", output_field=text), changed=changed(Contact))
        .values_list("row_kind", "pk", "person__name", "responsibility", "changed")
        .order_by()
    )
    region_rows = (
        Organisation.objects.filter(pk=region_id)
        .annotate(
            row_kind=Value("region", output_field=text),
            confirmed=Subquery(
                Organisation.history.model.objects.filter(
                    id=OuterRef("pk"), history_change_reason=CONFIRMED
                )
                .order_by("-history_date")
                .values("history_date")[:1],
                output_field=DateTimeField(),
            ),
        )
        .values_list("row_kind", "pk", "name", "slug", "confirmed")
        .order_by()
    )
    rows = list(region_rows.union(phases, strategies, contacts, all=True))
    region_row = next((row for row in rows if row[0] == "region"), None)
    if region_row is None:
        return
    _, pk, name, slug, confirmed = region_row
    page.region = Organisation(pk=pk, name=name, slug=slug, kind=Organisation.Kind.REGION)
    phase_rows = [row for row in rows if row[0] == "phase"]
    facts = []
    if phase_rows:
        newest = max(phase_rows, key=lambda row: (str(row[3]), row[1]))
        label = dict(PhaseEntry.Phase.choices).get(newest[2], newest[2])
        facts.append(("phase", str(label), newest[4]))
    for kind, _pk, label, extra, changed_at in rows:
        if kind == "strategy":
            facts.append((kind, label, changed_at))
        elif kind == "contact":
            facts.append((kind, f"{label}, {extra}" if extra else label, changed_at))
    stale_before = page.now - FACTS_GO_STALE_AFTER
    for kind, label, changed_at in facts:
        dates = [moment for moment in (as_datetime(changed_at), as_datetime(confirmed)) if moment]
        confirmed_on = max(dates) if dates else None
        is_old = confirmed_on is None or confirmed_on < stale_before
        page.region_facts.append(RegionFact(kind, label, confirmed_on, is_old))


def as_datetime(value):
    """SQLite returns a union's date columns as text."""
    if value is None or isinstance(value, datetime):
        return value
    return parse_datetime(str(value))


def add_people_to_follow_up(page):
    """One query: invitations not accepted (pending or expired), active members who
    never logged in, and active members whose address bounced (notices.Bounce)."""
    text = CharField()
    nothing = Value("", output_field=text)
    invitations = (
        Invitation.objects.filter(accepted_at__isnull=True)
        .annotate(row_kind=Value("invitation", output_field=text), note=nothing)
        .values_list("row_kind", "pk", "full_name", "email", "expires_at", "note")
    )
    active = User.objects.filter(is_active=True, erased_at__isnull=True)
    members = (
        active.filter(last_login__isnull=True)
        .annotate(row_kind=Value("member", output_field=text), note=nothing)
        .values_list("row_kind", "pk", "full_name", "email", "date_joined", "note")
    )
    bounce = Bounce.objects.filter(
        address=Lower(OuterRef("email")), cleared_at__isnull=True
    ).order_by("-bounced_at")
    bounced = (
        active.annotate(
            row_kind=Value("bounced", output_field=text),
            bounced_at=Subquery(bounce.values("bounced_at")[:1]),
            note=Subquery(bounce.values("reason")[:1], output_field=text),
        )
        .filter(bounced_at__isnull=False)
        .values_list("row_kind", "pk", "full_name", "email", "bounced_at", "note")
    )
    rows = list(invitations.order_by().union(members.order_by(), bounced.order_by(), all=True))
    rows.sort(key=lambda row: (row[0], str(row[4])))
    for kind, pk, name, email, moment, note in rows:
        moment = as_datetime(moment)
        if kind == "invitation" and len(page.invitations) < LISTED_PEOPLE:
            page.moments.append(moment)  # when a pending invitation turns expired
            invitation = Invitation(pk=pk, full_name=name, email=email, expires_at=moment)
            page.invitations.append(invitation)
        elif kind == "member" and len(page.never_logged_in) < LISTED_PEOPLE:
            member = User(pk=pk, full_name=name, email=email, date_joined=moment)
            page.never_logged_in.append(member)
        elif kind == "bounced" and len(page.bounced) < LISTED_PEOPLE:
            member = User(pk=pk, full_name=name, email=email)
            page.bounced.append(BouncedMember(member, moment, note))
