"""No answer reaches the development server's request log (a shared link holds them)."""
import io
import logging

from navigator.log_filters import WithoutQueryStrings

REQUEST_LINE = "GET /questionnaire/result/?withdrawal=severe&overdose=more_than_once HTTP/1.1"


def test_the_development_servers_request_lines_lose_their_query_strings():
    logger = logging.getLogger("django.server")  # configured by settings.LOGGING
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    logger.addHandler(handler)
    try:
        logger.info('"%s" %s %s', REQUEST_LINE, "200", "18855")  # as runserver logs a request
        logger.warning('"%s" %s %s', REQUEST_LINE, "400", "3120")
    finally:
        logger.removeHandler(handler)
    logged = stream.getvalue()
    assert '"GET /questionnaire/result/ HTTP/1.1" 200 18855' in logged
    assert "withdrawal" not in logged and "overdose" not in logged


def test_the_filter_leaves_other_records_alone():
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "count: %d", (3,), None)
    assert WithoutQueryStrings().filter(record) and record.getMessage() == "count: 3"
    plain = logging.LogRecord("x", logging.INFO, __file__, 1, "no arguments ?a=b", None, None)
    assert WithoutQueryStrings().filter(plain) and plain.getMessage() == "no arguments ?a=b"
