#!/usr/bin/env bash
# End-to-end test: builds the frontend, starts the real backend (which serves it) on :7017 with the
# demo data, and drives Debian's Chromium through playwright-core. Screenshots go to e2e-artifacts/.
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
ensure_dependencies
cd "$REPO_ROOT"

if [ -z "${CHROMIUM_PATH:-}" ]; then
  CHROMIUM_PATH="$(command -v chromium || command -v chromium-browser || true)"
fi
if [ -z "$CHROMIUM_PATH" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "[e2e] installing Debian's chromium"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    CHROMIUM_PATH="$(command -v chromium || true)"
  fi
fi
if [ -z "$CHROMIUM_PATH" ]; then
  echo "[e2e] Chromium is required: install Debian's 'chromium' package or set CHROMIUM_PATH" >&2
  exit 1
fi
export CHROMIUM_PATH

# Rebuild the frontend when any frontend source is newer than the last build.
stamp="packages/app/dist/index.html"
if [ ! -f "$stamp" ] || [ -n "$(find packages/app/src packages/app/package.json plugins/innersource/src plugins/innersource-common/src app-config.yaml -newer "$stamp" -print -quit)" ]; then
  echo "[e2e] building the frontend"
  yarn workspace app build || exit 1
fi

mkdir -p e2e-artifacts
# Fresh demo repositories and git cache for every run.
E2E_TMP="$(mktemp -d)"
trap 'rm -rf "$E2E_TMP"' EXIT
export INNERSOURCE_DEMO_REPOS="$E2E_TMP/demo-repos"
export INNERSOURCE_GIT_CACHE="$E2E_TMP/git-cache"
node scripts/create-demo-repos.mjs "$INNERSOURCE_DEMO_REPOS" || exit 1
# The stand-in for the GitHub API, on its own port so that a running demo portal does not clash.
export DEMO_GITHUB_PORT=7029
export INNERSOURCE_DEMO_GITHUB_API="http://127.0.0.1:$DEMO_GITHUB_PORT/api/v3"
node --require @backstage/cli/config/nodeTransform.cjs scripts/demo-github-server.ts "$DEMO_GITHUB_PORT" &
demo_github=$!
trap 'kill $demo_github 2>/dev/null; rm -rf "$E2E_TMP"' EXIT
node --test --test-concurrency=1 \
  --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination=e2e-artifacts/e2e.tap \
  e2e/*.e2e.test.mjs
