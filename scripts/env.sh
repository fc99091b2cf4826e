#!/usr/bin/env bash
# Sourced by the other scripts: makes a Node 22/24 and the committed Yarn 4 available, and installs
# the workspace's dependencies when (and only when) the lockfile or a package.json changed.
#
# A machine may only have Node 20 (which Backstage 1.55 refuses). We then fetch Node 24 as the npm
# package `node-linux-<arch>`, which ships both the binary and the headers that node-gyp needs to
# build better-sqlite3 from source (prebuilt binaries cannot be downloaded here).
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODE_VERSION_WANTED="24.21.0"
TOOLS_DIR="$REPO_ROOT/.tools"

node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

ensure_node() {
  local candidate major
  # 1. A Node we fetched earlier.
  if [ -x "$TOOLS_DIR/node/bin/node" ]; then
    candidate="$TOOLS_DIR/node/bin/node"
  # 2. A suitable Node already on PATH.
  elif command -v node >/dev/null 2>&1; then
    major="$(node_major node)"
    if [ "$major" = "22" ] || [ "$major" = "24" ]; then
      candidate="$(command -v node)"
    fi
  fi
  if [ -z "${candidate:-}" ]; then
    local arch
    arch="$(uname -m)"
    case "$arch" in
      x86_64) arch=x64 ;;
      aarch64 | arm64) arch=arm64 ;;
    esac
    echo "[env] Node 22/24 not found; fetching node-linux-$arch@$NODE_VERSION_WANTED from the npm registry" >&2
    mkdir -p "$TOOLS_DIR/download"
    (cd "$TOOLS_DIR/download" && npm pack --silent "node-linux-$arch@$NODE_VERSION_WANTED" >/dev/null)
    rm -rf "$TOOLS_DIR/node" "$TOOLS_DIR/unpack"
    mkdir -p "$TOOLS_DIR/unpack"
    tar xzf "$TOOLS_DIR/download/node-linux-$arch-$NODE_VERSION_WANTED.tgz" -C "$TOOLS_DIR/unpack"
    mv "$TOOLS_DIR/unpack/package" "$TOOLS_DIR/node"
    rm -rf "$TOOLS_DIR/unpack" "$TOOLS_DIR/download"
    candidate="$TOOLS_DIR/node/bin/node"
  fi
  local node_dir
  node_dir="$(cd "$(dirname "$candidate")/.." && pwd)"
  export PATH="$node_dir/bin:$REPO_ROOT/scripts/bin:$PATH"
  # node-gyp builds native modules against these headers instead of downloading them.
  if [ -d "$node_dir/include/node" ]; then
    export npm_config_nodedir="$node_dir"
  fi
}

ensure_node

# The demo configuration points git URLs at local repositories (see app-config.yaml).
export INNERSOURCE_REPO_ROOT="$REPO_ROOT"
export INNERSOURCE_DEMO_REPOS="${INNERSOURCE_DEMO_REPOS:-$REPO_ROOT/.data/demo-repos}"
# The demo's stand-in for the GitHub API (scripts/demo-github-server.ts)
export DEMO_GITHUB_PORT="${DEMO_GITHUB_PORT:-7019}"
export INNERSOURCE_DEMO_GITHUB_API="${INNERSOURCE_DEMO_GITHUB_API:-http://127.0.0.1:$DEMO_GITHUB_PORT/api/v3}"


install_stamp() {
  (
    cd "$REPO_ROOT"
    {
      node --version
      cat yarn.lock package.json .yarnrc.yml
      find packages plugins -maxdepth 2 -name package.json -not -path '*/node_modules/*' | sort | xargs cat
    } | sha256sum | cut -d' ' -f1
  )
}

ensure_dependencies() {
  local stamp_file="$REPO_ROOT/node_modules/.innersource-install-stamp"
  local want
  want="$(install_stamp)"
  if [ -f "$stamp_file" ] && [ "$(cat "$stamp_file")" = "$want" ]; then
    return 0
  fi
  echo "[env] installing dependencies with yarn (this takes a few minutes the first time)" >&2
  local flags=()
  if [ "${CI:-}" = "true" ]; then flags+=(--immutable); fi
  (cd "$REPO_ROOT" && yarn install "${flags[@]}")
  want="$(install_stamp)"
  echo "$want" >"$stamp_file"
}
