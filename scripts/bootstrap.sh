# Shared by run.sh and test.sh: make .venv with the project's requirements.
set -euo pipefail
cd "$(dirname "$0")/.."
REQUIREMENTS="${1:-requirements.txt}"
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
STAMP=".venv/.installed-$(cat "$REQUIREMENTS" requirements.txt | sha1sum | cut -c1-12)-$(basename "$REQUIREMENTS")"
if [ ! -f "$STAMP" ]; then
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -r "$REQUIREMENTS"
  touch "$STAMP"
fi
