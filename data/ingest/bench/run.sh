#!/bin/sh
# Benchmark of the importer on a large budget CSV, measured in the same run
# as sqlite3's own .import of the same file into a plain table.
#
#   data/ingest/bench/run.sh [ROWS]      (default 1 000 000)
#
# Prints wall and CPU time, rows per second and peak resident memory of
# both, and their ratio. Installs the sqlite3 package when it is missing.
set -eu
cd "$(dirname "$0")/../../.."
if ! command -v sqlite3 >/dev/null 2>&1; then
	SUDO=""
	[ "$(id -u)" = 0 ] || SUDO=sudo
	$SUDO apt-get install -y sqlite3 || { $SUDO apt-get update && $SUDO apt-get install -y sqlite3; }
fi
go run ./data/ingest/bench -rows "${1:-1000000}"
