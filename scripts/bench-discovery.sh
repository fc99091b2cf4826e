#!/usr/bin/env bash
# Benchmark of the InnerSource discovery listing (issue #6): 10,000 generated projects on SQLite and
# PostgreSQL, GET /projects under 20 concurrent clients (autocannon) with p50/p95 per scenario, where
# the time goes (store calls, SQL statements, EXPLAIN), and the time until the first page of cards
# is visible in headless Chromium on the real backend (port 7017, or --port). Prints PASS/FAIL against the
# targets; exits 0 whether they pass or not. Stops every server it started, also on failure.
# Options: --projects=N --duration=S --connections=N --reloads=N --ingest-timeout=S --seed=N --port=N
#          --skip-browser --skip-postgres --skip-sqlite --no-breakdown --keep
# PostgreSQL: $INNERSOURCE_BENCH_PG (default postgresql://postgres@127.0.0.1:5432); the benchmark
# creates (and afterwards drops) the database innersource_bench.
source "$(dirname "$0")/env.sh"
ensure_dependencies
cd "$REPO_ROOT"
exec node --require @backstage/cli/config/nodeTransform.cjs \
  plugins/innersource-backend/bench/discovery.bench.ts "$@"
