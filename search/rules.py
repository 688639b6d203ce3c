import rules

from accounts.rules import is_member

# Searching is open to everyone; members also find people, notes and survey answers.
rules.add_perm("search.search", rules.always_allow)
rules.add_perm("search.find_member_content", is_member)
