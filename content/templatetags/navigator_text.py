from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def plain_text(text):
    """Editors write plain text: blank lines split paragraphs, "- " lines make a list.

    Everything is escaped, so an editor can never put markup or script on a page.
    """
    blocks = []
    for block in str(text).replace("\r\n", "\n").split("\n\n"):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        if all(line.startswith("- ") for line in lines):
            items = format_html_join("", "<li>{}</li>", ((line[2:],) for line in lines))
            blocks.append(format_html("<ul>{}</ul>", items))
        else:
            blocks.append(format_html("<p>{}</p>", " ".join(lines)))
    return mark_safe("\n".join(blocks))


@register.filter
def facts_on(option, topic):
    return option.facts_about(topic)
