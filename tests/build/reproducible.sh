#!/usr/bin/env bash
# The same sources give the same book: two clean builds in different
# directories, one with make -j2 and one serial, some seconds apart, must give
# byte-identical PDFs (dates come from the last commit, see the Makefile).
set -u
. tests/tap.sh
# The makes below are an author's, not children of make check's make.
unset MAKEFLAGS MFLAGS MAKELEVEL
if ! git rev-parse --git-dir > /dev/null 2>&1; then
  ok "reproducible book # SKIP not a git checkout"; echo "1..$n"; exit 0
fi
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
git clone -q . "$T/one" && git clone -q . "$T/two/deeper"
# the clones build the committed sources; uncommitted edits are not under test
(cd "$T/one" && make -j2 > ../one.out 2>&1); a=$?
sleep 2
(cd "$T/two/deeper" && make > ../two.out 2>&1); b=$?
check "two clean builds succeed (make -j2 and make)" [ $a -eq 0 -a $b -eq 0 ]
check "they give byte-identical PDFs" cmp -s "$T/one/build/book.pdf" "$T/two/deeper/build/book.pdf"
check "the PDF holds no absolute path of the build" \
  bash -c '! strings "$0" | grep -qF "$1"' "$T/one/build/book.pdf" "$T"
echo "1..$n"
