from allauth.account import forms as allauth_forms
from allauth.account.adapter import get_adapter
from allauth.core import context
from allauth.mfa.webauthn import forms as mfa_webauthn_forms
from django import forms
from django.contrib.auth import password_validation
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.adapter import over_the_limit_answers_429
from accounts.models import Invitation, User
from regions.models import Organisation


class InvitationForm(forms.ModelForm):
    class Meta:
        model = Invitation
        fields = ["full_name", "email", "organisation", "is_region_editor", "is_secretariat"]
        help_texts = {
            "is_region_editor": _("May edit the page of the region they belong to."),
            "is_secretariat": _("Creates meetings, invites members and may edit everything."),
        }

    def clean_email(self):
        email = self.cleaned_data["email"].lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("There is already an account with this e-mail address."))
        if Invitation.objects.pending().filter(email__iexact=email).exists():
            raise forms.ValidationError(
                _("This address already has an invitation that has not expired.")
            )
        return email

    def clean(self):
        cleaned = super().clean()
        organisation = cleaned.get("organisation")
        if cleaned.get("is_region_editor") and organisation and not organisation.is_region:
            self.add_error("is_region_editor", _("Only members of a region can be region editors."))
        return cleaned


class AcceptInvitationForm(forms.Form):
    full_name = forms.CharField(label=_("Your name"), max_length=200)
    title = forms.CharField(label=_("Title or role"), max_length=200, required=False)
    password1 = forms.CharField(
        label=_("Password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, invitation, **kwargs):
        super().__init__(*args, **kwargs)
        self.invitation = invitation

    def clean(self):
        cleaned = super().clean()
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("The two passwords are not the same."))
        elif password1:
            candidate = User(email=self.invitation.email, full_name=cleaned.get("full_name", ""))
            try:
                password_validation.validate_password(password1, candidate)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class MemberFilterForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.all(), required=False
    )
    show_inactive = forms.BooleanField(label=_("Show deactivated members"), required=False)


class EraseMemberForm(forms.Form):
    """The secretariat's confirmation that a former member's personal data goes for good."""

    confirm = forms.BooleanField(
        label=_("I understand that the personal data cannot be restored."), required=True
    )

    def __init__(self, *args, member, by, **kwargs):
        super().__init__(*args, **kwargs)
        self.member = member
        self.by = by

    def clean(self):
        from accounts.erasure import NotErasable, check_erasable

        cleaned = super().clean()
        try:
            check_erasable(self.member, self.by)
        except NotErasable as refusal:
            raise forms.ValidationError(str(refusal)) from None
        return cleaned


class RequestLoginCodeForm(allauth_forms.RequestLoginCodeForm):
    """A login code only for an address verified on an active account.

    allauth also sends one for an address a member attached to their account and
    never verified, which would let anyone who reads that mailbox into the account.
    """

    def clean_email(self):
        with over_the_limit_answers_429(context.request):
            email = super().clean_email()
        if email:
            self._user = User.objects.filter(
                is_active=True, emailaddress__email__iexact=email, emailaddress__verified=True
            ).first()
        return email


class AddEmailForm(allauth_forms.AddEmailForm):
    """No address that another account logs in with or has verified.

    allauth lets it through when it prevents enumeration; a member who is told
    "taken" learns only what the member directory already shows.
    """

    def clean_email(self):
        email = self.cleaned_data["email"].lower()
        others = User.objects.exclude(pk=self.user.pk)
        taken = others.filter(
            Q(email__iexact=email)
            | Q(emailaddress__email__iexact=email, emailaddress__verified=True)
        ).exists()
        if taken:
            raise get_adapter().validation_error("email_taken")
        return super().clean_email()


class LoginForm(allauth_forms.LoginForm):
    """allauth's login form without its "Forgot your password?" link under the password:
    the login page links to the reset once, beside the login-by-code link."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].help_text = ""


class AddWebAuthnForm(mfa_webauthn_forms.AddWebAuthnForm):
    """allauth's form to add a passkey, with its name field labelled in Swedish too."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].label = _("Name")
        self.fields["name"].help_text = _("To tell your keys apart, for example “Work laptop”.")
