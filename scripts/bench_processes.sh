#!/bin/sh
# Whole processes as a user starts them, on the demo and on Storstad:
# `beredning gaps` and `beredning info`, wall time and peak resident
# memory (GNU time), the median of RUNS runs.
#
#   scripts/bench_processes.sh [RUNS]      (default 5)
#
# The databases are built once into a temporary directory (Storstad takes
# up to half a minute) and removed at the end.
set -eu
cd "$(dirname "$0")/.."
runs=${1:-5}
[ -x /usr/bin/time ] || { echo "needs GNU time (/usr/bin/time; apt-get install time)" >&2; exit 1; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
go build -o "$dir/beredning" ./cmd/beredning
"$dir/beredning" demo --db "$dir/demo.db" >/dev/null
"$dir/beredning" demo --large --db "$dir/storstad.db" >/dev/null

# median of the numbers on stdin
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

printf '%-10s %-8s %12s %14s\n' database command "wall (ms)" "peak RSS (MB)"
for db in demo storstad; do
	for cmd in gaps info; do
		: >"$dir/times"
		i=0
		while [ "$i" -lt "$runs" ]; do
			/usr/bin/time -f '%e %M' -o "$dir/one" "$dir/beredning" "$cmd" --db "$dir/$db.db" >/dev/null
			cat "$dir/one" >>"$dir/times"
			i=$((i + 1))
		done
		wall=$(awk '{ print $1 * 1000 }' "$dir/times" | median)
		rss=$(awk '{ print $2 / 1024 }' "$dir/times" | median)
		printf '%-10s %-8s %12.0f %14.1f\n' "$db" "$cmd" "$wall" "$rss"
	done
done
