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

# noweb's index is book-wide: an identifier defined in one chapter links every
# occurrence of its name in the code of every other chapter.  So a name defined
# in a chapter's files may appear in the code of another chapter only when that
# chapter builds on it (ridge on lsq, DEPS_ridge in the Makefile).
chapter_of() { local b=${1##*/}; b=${b%.nw}; echo "${b%-program}"; }
deps_of() { sed -n "s/^DEPS_$1 *:= *//p" Makefile; }
leaks=""
for f in book/*.nw; do
  cf=$(chapter_of "$f")
  for g in book/*.nw; do
    cg=$(chapter_of "$g")
    [ "$cf" = "$cg" ] && continue
    grep -qw -- "$cf" <<< "$(deps_of "$cg")" && continue
    code=$(awk '/^<<.*>>=$/{c=1;next} /^@( |$)/{c=0} c && !/^ *<<.*>> *$/' "$g")
    for id in $(nodefs "$f" | sort -u); do
      grep -qw -- "$id" <<< "$code" && leaks="$leaks $id($f→$g)"
    done
  done
done
check "no identifier of one chapter is indexed in another's code${leaks:+:$leaks}" [ -z "$leaks" ]
echo "1..$n"
