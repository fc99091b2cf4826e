#!/usr/bin/env bash
# Benchmark of the contribution analytics on a generated repository (100,000 commits by 500 authors
# by default; the repository is generated once and cached in .data/bench/). Prints times, peak
# memory, their targets and a per-stage breakdown; exits 0 whether the targets pass or not.
# Options: --commits=N --authors=N --merges=N --runs=N --incremental=N --no-breakdown --keep --regenerate
source "$(dirname "$0")/env.sh"
ensure_dependencies
cd "$REPO_ROOT"
exec node --require @backstage/cli/config/nodeTransform.cjs \
  plugins/innersource-backend/bench/contributions.bench.ts "$@"
