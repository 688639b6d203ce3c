"""Permissions of the portal-wide pages: the handover archive."""

import rules

from accounts.rules import is_secretariat

rules.add_perm("rusnet.export_archive", is_secretariat)
