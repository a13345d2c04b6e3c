#!/usr/bin/env bash
# Source checks that need no build: code lines fit the printed page, every
# chunk name is used, and chunk names carry no underscore outside [[...]].
set -u
. tests/tap.sh
for f in book/*.nw chunks/*.nw; do
  long=$(awk '/^<<.*>>=$/{code=1; next} /^@( |$)/{code=0}
              code && length($0) > 80 {print FILENAME ":" FNR}' "$f")
  check "$f: code lines fit the page (80 columns)${long:+: $long}" [ -z "$long" ]
  roots=$(noroots "$f" | grep -vE '^<<[A-Za-z0-9_.-]+\.([ch]|sh)>>$')
  check "$f: every chunk is used (roots are files only)${roots:+: $roots}" [ -z "$roots" ]
  bad=$(grep -nE '^<<[^>]*>>=' "$f" | sed -E 's/\[\[[^]]*\]\]//g' | grep '_' || true)
  check "$f: chunk names have no bare underscore${bad:+: $bad}" [ -z "$bad" ]
done
dups=$(for f in book/*.nw chunks/*.nw; do grep -o '^<<.*>>=$' "$f" | sort -u; done | sort | uniq -d)
check "chunk names are unique across files (they join when woven together)${dups:+: $dups}" [ -z "$dups" ]
echo "1..$n"
