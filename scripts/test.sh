#!/usr/bin/env bash
# Run the whole test suite, browser tests included, on SQLite; set DATABASE_URL to run it
# on PostgreSQL instead. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh requirements-dev.txt
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's chromium for the browser tests..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "The browser tests need /usr/bin/chromium: run 'sudo apt-get install chromium' first." >&2
    exit 1
  fi
fi
# Models and migrations agree (checked against SQLite: it needs no database server).
env -u DATABASE_URL .venv/bin/python manage.py makemigrations --check --dry-run --settings=navigator.settings.test >/dev/null
exec .venv/bin/python -m pytest "$@"
