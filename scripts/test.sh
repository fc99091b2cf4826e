#!/usr/bin/env bash
# Installs everything needed and runs every check: type checking, lint, formatting, the unit and
# integration tests of all packages (SQLite always; PostgreSQL too when
# BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is set or a server answers on
# 127.0.0.1:5432), and the end-to-end test in headless Chromium. Ends with one summary line.
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
set +e
ensure_dependencies || exit 1
cd "$REPO_ROOT"

RESULTS_DIR="$REPO_ROOT/e2e-artifacts"
mkdir -p "$RESULTS_DIR"
failed_steps=()
step() {
  local name="$1"
  shift
  echo
  echo "=== $name ==="
  if ! "$@"; then
    failed_steps+=("$name")
  fi
}

# No Docker here: TestDatabases must not try to start containers. Use a local PostgreSQL when
# one answers, so the database tests run on both engines.
export BACKSTAGE_TEST_DISABLE_DOCKER=1
if [ -z "${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-}" ] &&
  node -e "require('net').connect(5432,'127.0.0.1').on('connect',()=>process.exit(0)).on('error',()=>process.exit(1))" 2>/dev/null; then
  export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="postgresql://postgres@127.0.0.1:5432"
fi
if [ -n "${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-}" ]; then
  echo "[test] database tests run on SQLite and PostgreSQL"
else
  echo "[test] no PostgreSQL found: database tests run on SQLite only"
fi

step "type check" yarn tsc
step "lint" yarn backstage-cli repo lint
step "formatting" yarn prettier --check .

rm -f "$RESULTS_DIR/jest.json" "$RESULTS_DIR/e2e.tap"
step "unit and integration tests" env CI=true yarn backstage-cli repo test \
  --json --outputFile="$RESULTS_DIR/jest.json"

step "end-to-end test" bash "$REPO_ROOT/scripts/e2e.sh"

node "$REPO_ROOT/scripts/summarize-tests.mjs" "$RESULTS_DIR" "${failed_steps[@]}"
