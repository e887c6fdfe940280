#!/bin/sh
# Renders the demo meeting's agenda pack in a real browser: headless
# Chromium (from the distribution's packages) turns the members' and the
# public HTML into a PNG of the first screen and a printed PDF, so the
# print CSS (a page per item) and the layout can be looked at.
#
#   data/pack/browsercheck/run.sh [OUTDIR]     (default: a temporary folder)
#
# Installs the chromium package when no Chromium is found. Prints where the
# files are and how many pages the printed PDFs have (with pdfinfo, when
# poppler-utils is installed).
set -eu
cd "$(dirname "$0")/../../.."
out="${1:-$(mktemp -d)}"
mkdir -p "$out"

browser=""
for b in chromium chromium-browser google-chrome; do
	if command -v "$b" >/dev/null 2>&1; then browser="$b"; break; fi
done
if [ -z "$browser" ]; then
	SUDO=""
	[ "$(id -u)" = 0 ] || SUDO=sudo
	$SUDO apt-get install -y chromium || { $SUDO apt-get update && $SUDO apt-get install -y chromium; }
	browser=chromium
fi

go build -o "$out/beredning" ./cmd/beredning
"$out/beredning" demo --fresh --db "$out/demo.db" >/dev/null
for version in members public; do
	flag=""
	[ "$version" = public ] && flag="--public"
	"$out/beredning" pack --db "$out/demo.db" --meeting 2026-11-26 --format html $flag -o "$out/$version.html" >/dev/null
	# --no-sandbox: containers and CI runners rarely allow Chromium's sandbox.
	"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1200,1600 \
		--screenshot="$out/$version.png" "file://$out/$version.html" 2>/dev/null
	"$browser" --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
		--print-to-pdf="$out/$version.pdf" "file://$out/$version.html" 2>/dev/null
	for f in "$out/$version.png" "$out/$version.pdf"; do
		[ -s "$f" ] || { echo "missing or empty: $f" >&2; exit 1; }
	done
	pages=""
	if command -v pdfinfo >/dev/null 2>&1; then
		pages=", $(pdfinfo "$out/$version.pdf" | awk '/^Pages:/ {print $2}') printed pages"
	fi
	echo "$version: $out/$version.html → $version.png, $version.pdf$pages"
done
