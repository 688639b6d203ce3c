"""`{{ row.source_references|source_lines }}`: a row's Källa lines (sources.services)."""

from django import template

from sources import services

register = template.Library()


@register.filter(is_safe=True)
def source_lines(references):
    return services.source_lines(references or ())
