# Sourced by ./run-demo and ./run-tests: create .venv and install the pinned dependencies once.
# Re-installs only when pyproject.toml or requirements.lock changed since the last install.
PY=${PYTHON:-python3}
stamp=.venv/.twinwatch-installed
want=$(cat pyproject.toml requirements.lock | sha256sum | cut -d' ' -f1)
if [ ! -x .venv/bin/python ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "setting up .venv with the pinned dependencies (requirements.lock) ..." >&2
  "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
    || { echo "twinwatch needs Python 3.11+; set PYTHON=python3.11 (or newer) and re-run" >&2; exit 1; }
  "$PY" -m venv .venv
  # pip and setuptools are chatty even with --quiet; keep their output in a log, show it only on failure.
  log=.venv/install.log
  { .venv/bin/python -m pip install --quiet --upgrade pip \
    && .venv/bin/python -m pip install --quiet -c requirements.lock -e '.[test]'; } > "$log" 2>&1 \
    || { tail -n 40 "$log" >&2; echo "setup failed: see $log (needs access to PyPI)" >&2; exit 1; }
  echo "$want" > "$stamp"
fi
