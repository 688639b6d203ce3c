"""Django's SMTP backend, recording the recipients the server refuses for good.

smtplib raises SMTPRecipientsRefused only when every recipient is refused and returns
the refused ones otherwise; Django's backend drops that answer. Here a permanent refusal
(a 5xx reply to RCPT TO, or to DATA for a message with one recipient) is recorded as a
bounce (notices.bounces) and the message counts as not sent, without an error: the
address is wrong, and the secretariat's work list says so. A temporary (4xx) error is
raised as before.
"""

import smtplib
from email.utils import parseaddr

from django.conf import settings
from django.core.mail.backends.smtp import EmailBackend
from django.core.mail.message import sanitize_address

from notices import bounces


def is_permanent(code) -> bool:
    return isinstance(code, int) and 500 <= code < 600


def reply_text(code, message) -> str:
    if isinstance(message, bytes):
        message = message.decode("utf-8", "replace")
    return f"{code} {message}".strip()


def record_refused(refused: dict) -> int:
    """Record the permanent refusals of {recipient: (code, message)}; how many there were."""
    permanent = 0
    for recipient, (code, message) in refused.items():
        if is_permanent(code):
            bounces.record_refusal(parseaddr(recipient)[1] or recipient, reply_text(code, message))
            permanent += 1
    return permanent


class BounceRecordingEmailBackend(EmailBackend):
    def _send(self, email_message):
        if not email_message.recipients():
            return False
        encoding = email_message.encoding or settings.DEFAULT_CHARSET
        from_email = sanitize_address(email_message.from_email, encoding)
        recipients = [sanitize_address(addr, encoding) for addr in email_message.recipients()]
        message = email_message.message()
        try:
            refused = self.connection.sendmail(
                from_email, recipients, message.as_bytes(linesep="\r\n")
            )
        except smtplib.SMTPException as error:
            if recorded_as_bounce(error, recipients):
                return False
            if not self.fail_silently:
                raise
            return False
        record_refused(refused or {})
        return True


def recorded_as_bounce(error, recipients) -> bool:
    """Whether the error refused every recipient for good (and was recorded so)."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return record_refused(error.recipients) == len(error.recipients)
    if isinstance(error, smtplib.SMTPDataError) and len(recipients) == 1:
        return record_refused({recipients[0]: (error.smtp_code, error.smtp_error)}) == 1
    return False
