#!/usr/bin/env bash
# Set everything up and serve the site with its content at http://127.0.0.1:8000
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh requirements.txt
.venv/bin/python manage.py migrate --noinput
.venv/bin/python manage.py load_content
echo "Serving on http://127.0.0.1:8000 (Ctrl+C to stop). Admin: http://127.0.0.1:8000/admin/"
exec .venv/bin/python manage.py runserver "${NAVIGATOR_ADDRESS:-127.0.0.1:8000}"
