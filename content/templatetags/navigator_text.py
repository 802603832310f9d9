import re

from django import template
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import mark_safe

register = template.Library()

# Phone numbers in editors' text become tap-to-call links: US toll-free (1-800-662-4357), UK
# 0300 numbers (0300 123 6600), Samaritans' 116 123, and the three-digit emergency and help lines.
PHONE_NUMBER = re.compile(r"(?<![\w.,-])(1-8\d\d-\d{3}-\d{4}|0\d{3} \d{3} \d{4}|116 123|911|988|999|111|112)(?![\w%-])")


# Web addresses an editor writes out in full (https only) become links too.
WEB_ADDRESS = re.compile(r"https://[^\s()<>\"']+[^\s()<>\"'.,;:]")


def link(match):
    text = match.group(0)
    if text.startswith("https://"):
        return f'<a href="{text}" rel="noopener">{text.removeprefix("https://").rstrip("/")}</a>'
    return f'<a href="tel:{re.sub(r"[^0-9]", "", text)}">{text}</a>'


LINKABLE = re.compile(f"{WEB_ADDRESS.pattern}|{PHONE_NUMBER.pattern}")


def with_phone_links(text):
    """Escape text, then link each phone number and web address in it (neither holds markup)."""
    return mark_safe(LINKABLE.sub(link, escape(text)))


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
            items = format_html_join("", "<li>{}</li>", ((with_phone_links(line[2:]),) for line in lines))
            blocks.append(format_html("<ul>{}</ul>", items))
        else:
            blocks.append(format_html("<p>{}</p>", with_phone_links(" ".join(lines))))
    return mark_safe("\n".join(blocks))


@register.filter
def facts_on(option, topic):
    return option.facts_about(topic)
