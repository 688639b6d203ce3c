"""allauth's two-factor pages with one addition: they remember where the person was going.

A secretariat member's first login is one flow: SecretariatNeedsMFAMiddleware sends them
to set up the app with `?next=` the page they asked for; activating leads to the recovery
codes with the same `next`, and the codes page continues there. allauth validates the
address (get_next_redirect_url asks the adapter whether it is on this site); without
one, the codes page continues to the two-factor overview.
"""

from allauth.account.utils import get_next_redirect_url
from allauth.mfa.recovery_codes.views import ViewRecoveryCodesView
from allauth.mfa.totp.views import ActivateTOTPView
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.urls import reverse
from django.utils.http import urlencode


class ActivateTOTP(ActivateTOTPView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["next_url"] = get_next_redirect_url(self.request) or ""
        return context

    def get_success_url(self):
        next_url = get_next_redirect_url(self.request)
        if not next_url:
            return super().get_success_url()
        if self.did_generate_recovery_codes:
            codes = reverse("mfa_view_recovery_codes")
            return f"{codes}?{urlencode({REDIRECT_FIELD_NAME: next_url})}"
        return next_url  # codes from before: nothing new to save


class RecoveryCodes(ViewRecoveryCodesView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["continue_url"] = get_next_redirect_url(self.request) or reverse("mfa_index")
        return context


activate_totp = ActivateTOTP.as_view()
view_recovery_codes = RecoveryCodes.as_view()
