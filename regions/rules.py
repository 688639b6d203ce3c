import rules

from accounts.rules import is_member, is_secretariat


@rules.predicate
def is_editor_of_region(user, region):
    return (
        region is not None
        and is_member(user)
        and user.is_region_editor
        and user.organisation_id == region.pk
        and region.is_region
    )


rules.add_perm("regions.view_people", is_member)
rules.add_perm("regions.view_history", is_member)
rules.add_perm("regions.change_region", is_editor_of_region | is_secretariat)
# A region editor restores earlier versions of their own region's facts; the region's
# own row only in the fields their form edits (regions.restore_every_field).
rules.add_perm("regions.restore_history", is_editor_of_region | is_secretariat)
rules.add_perm("regions.restore_every_field", is_secretariat)
# Merging two records of the same person (regions/merge.py): the secretariat's cleanup.
rules.add_perm("regions.merge_people", is_secretariat)
