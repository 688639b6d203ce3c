"""Bar charts of the answers to a choice, scale or yes/no/partly question, drawn on the server.

A chart is plain data (bars with counts, percentages and the organisations behind them)
that one template draws twice: as an inline SVG (no script, no inline style: the CSP
forbids both, so sizes are SVG attributes and colours come from the stylesheet) and as
the table beside it, which holds every value the bars show.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

# The drawing's coordinate system; the SVG scales to its box.
WIDTH = 640
LABEL_WIDTH = 230
BAR_AREA = 330
BAR_HEIGHT = 24
ROW_HEIGHT = 34
LABEL_CHARACTERS = 32


@dataclass
class Bar:
    value: str
    label: str
    count: int = 0
    organisations: list[str] = field(default_factory=list)
    url: str = ""  # the answers behind the bar (a coded question's category)
    percent: int = 0
    length: float = 0.0
    y: int = 0

    @property
    def short_label(self):
        if len(self.label) <= LABEL_CHARACTERS:
            return self.label
        return self.label[: LABEL_CHARACTERS - 1].rstrip() + "…"

    @property
    def text_y(self):
        return self.y + BAR_HEIGHT // 2 + 5

    @property
    def value_x(self):
        return LABEL_WIDTH + self.length + 6


@dataclass
class Chart:
    question: object
    bars: list[Bar]
    respondents: int  # organisations that answered the question: the base of the percentages
    coded: bool = False  # the categories the secretariat sorted free-text answers into

    @property
    def height(self):
        return ROW_HEIGHT * len(self.bars) + 8

    @property
    def width(self):
        return WIDTH

    @property
    def label_width(self):
        return LABEL_WIDTH

    @property
    def label_x(self):
        return LABEL_WIDTH - 8

    @property
    def bar_height(self):
        return BAR_HEIGHT

    @property
    def description(self):
        parts = [
            _("%(label)s: %(count)s (%(percent)s %%)")
            % {"label": bar.label, "count": bar.count, "percent": bar.percent}
            for bar in self.bars
        ]
        return _("%(count)s organisations answered. %(bars)s.") % {
            "count": self.respondents,
            "bars": "; ".join(parts),
        }


def chart_for(question, answers) -> Chart | None:
    """The chart of a question from its submitted answers (each with response.organisation
    loaded); None for the kinds that are read as text."""
    if not question.is_charted:
        return None
    bars = [Bar(value, label) for value, label in question.bars()]
    by_value = {bar.value: bar for bar in bars}
    respondents = 0
    for answer in answers:
        chosen = [value for value in answer.choices if value in by_value]
        if not chosen:
            continue
        respondents += 1
        for value in dict.fromkeys(chosen):
            bar = by_value[value]
            bar.count += 1
            bar.organisations.append(answer.response.organisation.name)
    layout(bars, respondents)
    return Chart(question, bars, respondents)


def layout(bars, respondents) -> None:
    """Each bar's share of the respondents, its length and its place in the drawing."""
    most = max((bar.count for bar in bars), default=0)
    for index, bar in enumerate(bars):
        bar.percent = round(100 * bar.count / respondents) if respondents else 0
        bar.length = round(BAR_AREA * bar.count / most, 1) if most else 0
        bar.y = 4 + index * ROW_HEIGHT
