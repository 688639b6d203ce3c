"""Coverage at a glance: which of Sweden's regions answered a round, as a small map of the
RUS map's county shapes (regions.map) and a table twin listing the same regions."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from regions.map import county_shapes


@dataclass
class RegionCoverage:
    region: object
    answered: bool
    map_path: str


@dataclass
class Coverage:
    view_box: str
    regions: list[RegionCoverage]

    @property
    def answered(self):
        return [item for item in self.regions if item.answered]

    @property
    def missing(self):
        return [item for item in self.regions if not item.answered]

    @property
    def description(self):
        names = ", ".join(item.region.name for item in self.answered) or "–"
        return _("%(answered)s of %(total)s regions answered: %(names)s.") % {
            "answered": len(self.answered),
            "total": len(self.regions),
            "names": names,
        }


def coverage_for(regions, answered_organisation_ids) -> Coverage:
    """The map's data from the regions (already loaded) and the organisations that submitted."""
    shapes = county_shapes()
    return Coverage(
        view_box=shapes.view_box,
        regions=[
            RegionCoverage(
                region,
                region.pk in answered_organisation_ids,
                shapes.paths.get(region.county_code, ""),
            )
            for region in regions
        ],
    )
