"""gunicorn's settings for the site: `gunicorn -c navigator/gunicorn.conf.py navigator.wsgi`.

- gthread workers: a slow client ties up one thread, not a whole worker (put a buffering
  proxy such as nginx in front too: docs/DEPLOYMENT.md).
- gunicorn's own limits on the request line, header count and size, and timeouts.
- Bound to 127.0.0.1 unless NAVIGATOR_BIND says otherwise: only the load balancer on the same
  host (or the network it is given) reaches the app, so X-Forwarded-For cannot be forged.
- No log line holds an answer: there is no access log, its format (if one is turned on) has
  the path without the query string, and malformed requests are logged without their text.
"""
import os

bind = os.environ.get("NAVIGATOR_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
worker_class = "gthread"
threads = int(os.environ.get("NAVIGATOR_THREADS", "8"))
timeout = 30
graceful_timeout = 20
keepalive = 5
limit_request_line = 4094  # a shared result's link is about 700 characters
limit_request_fields = 50
limit_request_field_size = 8190

accesslog = None
access_log_format = '%(h)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms'  # %(U)s: the path, never the query string
errorlog = "-"
loglevel = "info"
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"no_request_text": {"()": "navigator.log_filters.WithoutRequestText"}},
    "formatters": {"generic": {"format": "%(asctime)s [%(process)d] [%(levelname)s] %(message)s"}},
    "handlers": {
        "error_console": {"class": "logging.StreamHandler", "formatter": "generic", "stream": "ext://sys.stderr",
                          "filters": ["no_request_text"]},
        "console": {"class": "logging.StreamHandler", "formatter": "generic", "stream": "ext://sys.stdout",
                    "filters": ["no_request_text"]},
    },
    "loggers": {
        "gunicorn.error": {"level": "INFO", "handlers": ["error_console"], "propagate": False},
        "gunicorn.access": {"level": "INFO", "handlers": ["console"], "propagate": False},
    },
}
