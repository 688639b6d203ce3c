"""Who may read the staff summaries: the secretariat (and admins), nobody else."""

import rules

from accounts.rules import is_secretariat

rules.add_perm("summaries.view_summaries", is_secretariat)
