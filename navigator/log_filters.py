"""Logging filters that keep a person's answers out of every log."""
import logging
import re

QUERY_STRING = re.compile(r"\?\S*")


class WithoutQueryStrings(logging.Filter):
    """Takes the query string out of the development server's request lines.

    A shared result's link carries the answers in its query string, and answers are
    never logged. (gunicorn keeps no access log unless asked to; the README's command
    does not ask.)
    """

    def filter(self, record):
        if isinstance(record.args, tuple) and record.args and isinstance(record.args[0], str):
            record.args = (QUERY_STRING.sub("", record.args[0]), *record.args[1:])
        return True


class WithoutRequestText(logging.Filter):
    """For gunicorn's logs: a malformed request is logged without its text (the request line may
    carry a shared result's answers), and any other line without query strings."""

    def filter(self, record):
        message = record.getMessage()
        if message.startswith("Invalid request from"):
            message = message.split(": ", 1)[0] + ": malformed request (its text is not logged: it may hold answers)"
        record.msg, record.args = QUERY_STRING.sub("", message), ()
        return True
