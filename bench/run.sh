#!/usr/bin/env bash
# Builds the benchmarks with the libraries they import and runs one.
#
#   bench/run.sh                 # bench/event-store.bench.ts
#   bench/run.sh sla-clock       # bench/sla-clock.bench.ts
#
# Settings are environment variables, documented in docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:-event-store}"
if [[ ! -f "bench/${name}.bench.ts" ]]; then
  echo "no benchmark bench/${name}.bench.ts (have: $(cd bench && ls *.bench.ts | sed 's/\.bench\.ts$//' | paste -sd' '))" >&2
  exit 2
fi
# The root .swcrc rewrites the @sla/* imports to relative paths.
npx swc bench apps libs -d dist --ignore "**/*.spec.ts" --copy-files --quiet
exec node "dist/bench/${name}.bench.js"
