import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.contrib.sessions.base_session import AbstractBaseSession
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

SECRETARIAT_GROUP = "Sekretariat"

# Shown instead of the name of somebody whose personal data was erased.
FORMER_MEMBER = _("former member")


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email, password=None, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **extra_fields)


class User(AbstractBaseUser, PermissionsMixin):
    """An account: somebody who can log in. People without accounts live in regions.Person."""

    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("name"), max_length=200, blank=True)
    title = models.CharField(_("title"), max_length=200, blank=True)
    organisation = models.ForeignKey(
        "regions.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="accounts",
    )
    person = models.OneToOneField(
        "regions.Person",
        verbose_name=_("person"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="account",
    )
    is_region_editor = models.BooleanField(
        _("region editor"),
        default=False,
        help_text=_("May edit the page of their own region."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(_("staff status"), default=False)
    date_joined = models.DateTimeField(_("joined"), default=timezone.now)
    # Set when the secretariat erased a former member's personal data (accounts/erasure.py):
    # the row stays so that registrations and edits keep pointing somewhere.
    erased_at = models.DateTimeField(_("personal data erased"), null=True, blank=True)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        # Held by the secretariat group (accounts.access); active superusers hold it too.
        permissions = [("act_as_secretariat", "Can act as the secretariat")]
        ordering = ["full_name", "email"]
        indexes = [
            # The newest erasure is part of every cached fragment's version (rusnet.fragments).
            models.Index(
                fields=["erased_at"],
                condition=models.Q(erased_at__isnull=False),
                name="user_erased_at",
            )
        ]

    def __str__(self):
        return self.get_full_name()

    @property
    def is_erased(self) -> bool:
        return self.erased_at is not None

    def get_full_name(self):
        if self.is_erased:
            return str(FORMER_MEMBER)
        return self.full_name or self.email

    def get_short_name(self):
        if self.is_erased:
            return str(FORMER_MEMBER)
        return self.full_name.split(" ")[0] if self.full_name else self.email


def new_invitation_token() -> str:
    return secrets.token_urlsafe(32)


class InvitationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(accepted_at__isnull=True, expires_at__gt=timezone.now())


class Invitation(models.Model):
    """The secretariat's invitation of one person by e-mail; the only way to get an account."""

    email = models.EmailField(_("e-mail address"))
    full_name = models.CharField(_("name"), max_length=200)
    organisation = models.ForeignKey(
        "regions.Organisation", verbose_name=_("organisation"), on_delete=models.PROTECT
    )
    is_region_editor = models.BooleanField(_("region editor"), default=False)
    is_secretariat = models.BooleanField(_("secretariat"), default=False)
    token = models.CharField(max_length=64, unique=True, default=new_invitation_token)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self):
        return self.email

    def save(self, *args, **kwargs):
        if not self.expires_at:
            self.expires_at = self.created_at + timedelta(days=settings.INVITATION_VALID_DAYS)
        super().save(*args, **kwargs)

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()

    @property
    def is_usable(self) -> bool:
        return self.accepted_at is None and not self.is_expired


class Session(AbstractBaseSession):
    """Django's database session with the account it belongs to (accounts/sessions.py).

    The column lets one query load a request's session and its account together,
    and find an account's sessions without decoding every session (accounts.erasure).
    Not shown content: it does not advance the content generation (rusnet.generation),
    and the handover archive leaves it out, as it does Django's own session table.
    """

    user = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )

    class Meta(AbstractBaseSession.Meta):
        db_table = "accounts_session"

    @classmethod
    def get_session_store_class(cls):
        from accounts.sessions import SessionStore

        return SessionStore
