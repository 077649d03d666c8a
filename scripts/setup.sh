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
    && .venv/bin/python -m pip install --quiet -c requirements.lock -e '.[test,native]'; } > "$log" 2>&1 \
    || { tail -n 40 "$log" >&2; echo "setup failed: see $log (needs access to PyPI)" >&2; exit 1; }
  echo "$want" > "$stamp"
fi
# The tagger's mypyc build (extract/native.py): once on a fresh clone, again when a compiled module's source changed.
# Optional: without a C compiler, or with TWINWATCH_PURE=1, the same code runs as plain Python.
if [ "${TWINWATCH_PURE:-}" != 1 ] && ! .venv/bin/python scripts/build_native.py --check > /dev/null 2>&1; then
  echo "compiling the tagger with mypyc (about 2 minutes; TWINWATCH_PURE=1 skips it) ..." >&2
  .venv/bin/python scripts/build_native.py > .venv/native-build.log 2>&1 \
    || echo "the mypyc build failed (see .venv/native-build.log); the tagger runs as plain Python, slower" >&2
fi
