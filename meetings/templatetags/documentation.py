from django import template

from meetings import markdown

register = template.Library()


@register.filter
def render_markdown(text):
    """Documentation notes as sanitised HTML."""
    return markdown.render(text)
