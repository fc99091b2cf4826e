#!/usr/bin/env bash
# Starts the portal with the InnerSource plugins and the demo data: frontend on :3000, backend on
# :7007, embedded SQLite in .data/sqlite. Installs Node 24 and the dependencies first if needed.
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
ensure_dependencies
cd "$REPO_ROOT"
mkdir -p .data/sqlite
node scripts/create-demo-repos.mjs "$INNERSOURCE_DEMO_REPOS"
exec yarn start "$@"
