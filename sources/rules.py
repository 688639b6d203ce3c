import rules

from accounts.rules import is_member


@rules.predicate
def may_read_text(user, source):
    return source is not None and (not source.members_only or is_member(user))


rules.add_perm("sources.read_text", may_read_text)
