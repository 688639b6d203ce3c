"""Delivery status notifications (RFC 3464) read from a Maildir: the recipients that failed.

A bounce comes back as `multipart/report; report-type=delivery-status` with a
`message/delivery-status` part: one block of fields about the report, then one block per
recipient with `Action`, `Final-Recipient`, `Status` and usually `Diagnostic-Code`.
Only recipients whose action is `failed` count: `delayed`, `delivered`, `relayed` and
`expanded` are not bounces. Anything that is not such a report (an auto-reply, spam)
is skipped.
"""

import email
import email.policy
import mailbox
from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime

from django.utils import timezone


@dataclass(frozen=True)
class FailedRecipient:
    address: str
    reason: str
    when: datetime
    report: str  # what names the report: its Message-ID, or its Maildir key


def field_value(value) -> str:
    """`rfc822; anna@example.org` -> `anna@example.org` (the type before the semicolon)."""
    text = " ".join(str(value or "").split())
    kind, _semicolon, rest = text.partition(";")
    return rest.strip() if _semicolon else kind.strip()


def parse_date(value) -> datetime | None:
    if not value:
        return None
    try:
        moment = parsedate_to_datetime(str(value))
    except (TypeError, ValueError, IndexError):
        return None
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment, timezone.get_default_timezone())
    return moment


def status_blocks(message):
    """The blocks of fields of the report's message/delivery-status part, or []."""
    if message.get_content_type() != "multipart/report":
        return []
    if (message.get_param("report-type") or "").lower() != "delivery-status":
        return []
    for part in message.walk():
        if part.get_content_type() in ("message/delivery-status", "message/global-delivery-status"):
            payload = part.get_payload()
            return payload if isinstance(payload, list) else []
    return []


def failed_recipients(message, key: str) -> list[FailedRecipient]:
    blocks = status_blocks(message)
    if not blocks:
        return []
    about, recipients = blocks[0], blocks[1:]
    when = parse_date(about.get("Arrival-Date")) or parse_date(message.get("Date"))
    report = " ".join(str(message.get("Message-ID", "")).split()) or f"maildir:{key}"
    failed = []
    for block in recipients:
        if field_value(block.get("Action")).lower() != "failed":
            continue
        address = field_value(block.get("Final-Recipient") or block.get("Original-Recipient"))
        if "@" not in address:
            continue
        status = field_value(block.get("Status"))
        diagnostic = field_value(block.get("Diagnostic-Code"))
        reason = diagnostic if status and status in diagnostic else f"{status} {diagnostic}"
        moment = parse_date(block.get("Last-Attempt-Date")) or when or timezone.now()
        failed.append(FailedRecipient(address, reason.strip(), moment, report))
    return failed


def read_message(file):
    return email.message_from_binary_file(file, policy=email.policy.default)


def reports_in(path) -> list[FailedRecipient]:
    """Every failed recipient of every delivery report in the Maildir at `path`."""
    box = mailbox.Maildir(path, factory=read_message, create=False)
    found = []
    for key in sorted(box.keys()):
        found.extend(failed_recipients(box[key], key))
    return found
