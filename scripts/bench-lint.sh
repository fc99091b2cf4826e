#!/usr/bin/env bash
# Benchmark of the readiness lint (issue #4): lints 2,000 generated repositories of realistic size
# from a warm cache (generated, cloned and linted once, then cached in .data/bench/) and prints the
# time per repository, RSS and peak RSS as the count grows, and PASS/FAIL against the targets;
# exits 0 whether they pass or not.
# Options: --repos=N --concurrency=N[,N...] --rounds=N --parallel=N (generation) --seed=N --no-warmup
# --regenerate
source "$(dirname "$0")/env.sh"
ensure_dependencies
cd "$REPO_ROOT"
exec node --require @backstage/cli/config/nodeTransform.cjs \
  plugins/innersource-backend/bench/lint.bench.ts "$@"
