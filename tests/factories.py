import time

import factory
from allauth.account.models import EmailAddress

from accounts.access import ensure_secretariat_group
from accounts.models import SECRETARIAT_GROUP, User
from regions.models import (
    AnnualCycleItem,
    Contact,
    Organisation,
    Person,
    PhaseEntry,
    RelatedPlan,
    Strategy,
)

PASSWORD = "ett-bra-lösenord-2026"
# The authenticator-app secret of every test account that has one (base32, as apps read it).
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def totp_code(secret=TOTP_SECRET):
    """The code an authenticator app shows now for the secret."""
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    counter = int(time.time()) // 30
    return format_hotp_value(hotp_value(secret, counter))


def unused_totp_code(used):
    """The app's code now, or, if it was entered already, the next one once it shows:
    allauth refuses a code twice (as it should), and a person would wait for the next."""
    code = totp_code()
    while code in used:
        time.sleep(0.5)
        code = totp_code()
    used.add(code)
    return code


def activate_totp(user, secret=TOTP_SECRET):
    """Give the user an authenticator app and recovery codes, as allauth's set-up page does."""
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
    from allauth.mfa.totp.internal.auth import TOTP

    RecoveryCodes.activate(user)
    return TOTP.activate(user, secret).instance


def recovery_codes(user):
    """The user's unused recovery codes."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes

    authenticator = Authenticator.objects.get(user=user, type=Authenticator.Type.RECOVERY_CODES)
    return RecoveryCodes(authenticator).get_unused_codes()


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Testmyndigheten {n}")
    slug = factory.Sequence(lambda n: f"testmyndigheten-{n}")
    kind = Organisation.Kind.AGENCY


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Person Nummer {n}")
    title = "Strateg"
    organisation = factory.SubFactory(OrganisationFactory)
    email = factory.Sequence(lambda n: f"person{n}@example.org")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    full_name = factory.Sequence(lambda n: f"Användare {n}")
    organisation = factory.LazyFunction(lambda: Organisation.objects.get(slug="gavleborg"))
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified_email(self, create, extracted, **kwargs):
        if create:
            self.save()
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)

    @factory.post_generation
    def secretariat(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(ensure_secretariat_group())

    @factory.post_generation
    def totp(self, create, extracted, **kwargs):
        """The secretariat and admins must have an authenticator app (totp=False: without)."""
        if not create:
            return
        if extracted is None:
            extracted = self.is_superuser or self.groups.filter(name=SECRETARIAT_GROUP).exists()
        if extracted:
            activate_totp(self)


class RegionItemFactory(factory.django.DjangoModelFactory):
    region = factory.LazyFunction(lambda: Organisation.objects.get(slug="dalarna"))


class StrategyFactory(RegionItemFactory):
    class Meta:
        model = Strategy

    title = factory.Sequence(lambda n: f"Strategi {n}")
    period_start = 2020
    period_end = 2030


class PhaseEntryFactory(RegionItemFactory):
    class Meta:
        model = PhaseEntry

    phase = PhaseEntry.Phase.IMPLEMENTING
    since = factory.Sequence(lambda n: f"{2000 + n % 20}-01-{1 + n % 28:02d}")


class RelatedPlanFactory(RegionItemFactory):
    class Meta:
        model = RelatedPlan

    title = factory.Sequence(lambda n: f"Plan {n}")
    relation = RelatedPlan.Relation.CONCRETISES


class AnnualCycleItemFactory(RegionItemFactory):
    class Meta:
        model = AnnualCycleItem

    title = factory.Sequence(lambda n: f"Aktivitet {n}")
    month = factory.Sequence(lambda n: 1 + n % 12)


class ContactFactory(RegionItemFactory):
    class Meta:
        model = Contact

    person = factory.SubFactory(PersonFactory, organisation=factory.SelfAttribute("..region"))
    responsibility = "Kontaktperson"
