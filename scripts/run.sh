#!/usr/bin/env bash
# Set up (once) and start winback on http://localhost:8501 with your local data folder.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh runtime
exec .venv/bin/python -m streamlit run app.py "$@"
