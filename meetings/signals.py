"""Signals between the parts of the meetings app.

programme_changed is sent by whatever changes a published meeting's programme
(the in-site editor, a restore), with `meeting` and `changes`, a list of short
Swedish sentences describing what changed. The registrations side listens and
e-mails the people registered for the meeting.
"""

from django.dispatch import Signal

programme_changed = Signal()
