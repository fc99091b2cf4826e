#!/usr/bin/env bash
# Starts the portal with the InnerSource plugins and the demo data: frontend on :3000, backend on
# :7007, embedded SQLite in .data/sqlite, and the demo's stand-in for the GitHub API on
# :$DEMO_GITHUB_PORT (7019). Installs Node 24 and the dependencies first if needed.
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
ensure_dependencies
cd "$REPO_ROOT"
mkdir -p .data/sqlite
node scripts/create-demo-repos.mjs "$INNERSOURCE_DEMO_REPOS"
node --require @backstage/cli/config/nodeTransform.cjs scripts/demo-github-server.ts "$DEMO_GITHUB_PORT" &
demo_github=$!
trap 'kill $demo_github 2>/dev/null' EXIT
yarn start "$@"
