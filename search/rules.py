import rules

# Searching is open to everyone; members (signed-in, active accounts: accounts.rules'
# is_member, spelt with django-rules' own predicates so that search/ imports no app)
# also find people, notes and survey answers.
rules.add_perm("search.search", rules.always_allow)
rules.add_perm("search.find_member_content", rules.is_authenticated & rules.is_active)
