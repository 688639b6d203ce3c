"""Addresses whose e-mail bounced: recorded at sending time and from delivery reports.

`record_refusal` is called by the SMTP backend (notices.mail) when the server refuses
a recipient for good; `record_report` by `manage.py record_bounces` for each failed
recipient of a delivery status notification (RFC 3464). `clear` ends the bounces of
addresses that are shown to work again: the member logged in, or added, confirmed or
changed an address.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone

from notices.models import Bounce

REASON_LENGTH = 1000


def normalised(address: str) -> str:
    return address.strip().strip("<>").lower()


def record_refusal(address: str, reason: str, when=None) -> Bounce:
    """A permanent refusal by our SMTP server: one open bounce per address, kept current."""
    bounce, _created = Bounce.objects.update_or_create(
        address=normalised(address),
        source=Bounce.Source.REFUSED,
        cleared_at=None,
        defaults={"bounced_at": when or timezone.now(), "reason": reason[:REASON_LENGTH]},
    )
    return bounce


def record_report(address: str, reason: str, when, report: str) -> bool:
    """A failed recipient of a delivery report; False when that report was read before."""
    try:
        with transaction.atomic():
            Bounce.objects.create(
                address=normalised(address),
                source=Bounce.Source.REPORT,
                report=report[:255],
                bounced_at=when,
                reason=reason[:REASON_LENGTH],
            )
    except IntegrityError:
        return False
    return True


def clear(*addresses: str) -> int:
    wanted = {normalised(address) for address in addresses if address}
    if not wanted:
        return 0
    return Bounce.objects.filter(address__in=wanted, cleared_at__isnull=True).update(
        cleared_at=timezone.now()
    )


def clear_at_login(sender, request, user, **kwargs):
    """A member who logs in again is reachable again, as far as the work list goes."""
    clear(user.email)


def clear_on_new_address(sender, request=None, email_address=None, **kwargs):
    """allauth's email_confirmed (`email_address`) and email_changed (`from_email_address`,
    `to_email_address`): a confirmed address works; a changed one is no longer the member's."""
    changed = [kwargs.get("from_email_address"), kwargs.get("to_email_address"), email_address]
    clear(*(address.email for address in changed if address is not None))
