#!/usr/bin/env bash
# The documented way to add a chapter works with no other step: on a copy of
# the built tree, make new-chapter NAME=... makes a chapter that builds and
# passes make check (whose build tests here are the quick ones, lint and PDF,
# since the others would copy and rebuild the tree again).
set -u
. tests/tap.sh
in_tree_copy
make new-chapter NAME=demo-chapter > ../new.out 2>&1; st=$?
check "make new-chapter NAME=demo-chapter succeeds" [ $st -eq 0 ]
check "it writes the chapter, its program, a figure and both tests" \
  bash -c 'for f in book/demo-chapter.nw book/demo-chapter-program.nw figures/demo-chapter-loss.gp \
             tests/unit/test_demo-chapter.c; do [ -s $f ] || exit 1; done; [ -x tests/cli/demo-chapter.sh ]'
check "it adds the chapter to CHAPTERS" grep -qE '^CHAPTERS := .* demo-chapter$' Makefile
check "it names the lists kept by hand" grep -q 'bad-input' ../new.out
make new-chapter NAME=demo-chapter > ../again.out 2>&1; st=$?
check "a second make new-chapter with the same name refuses" \
  bash -c '[ $0 -eq 2 ] && grep -q "exists already" ../again.out' $st
make new-chapter NAME=Bad_Name > ../bad.out 2>&1; st=$?
check "a name that is not lower-case letters, digits and hyphens is refused" [ $st -eq 2 ]
make > ../make.out 2>&1; st=$?
if [ $st -eq 0 ] && grep -q "^demo-chapter: 1 claim holds$" ../make.out; then
  ok "the new chapter builds with the book"
else
  not_ok "the new chapter builds with the book (make: exit $st)" "$(grep -v '^  [A-Z]' ../make.out | tail -8)"
fi
check "the book has its solution and its program" \
  bash -c 'pdftotext build/book.pdf - | grep -q "Problem: the mean of numbers (demo-chapter)" \
           && pdftotext build/book.pdf - | grep -q "The program demo-chapter"'
make check BUILD_TESTS="tests/build/lint.sh tests/build/pdf.sh" > ../check.out 2>&1; st=$?
check "and make check passes with it ($(tail -1 ../check.out))" \
  bash -c '[ $0 -eq 0 ] && tail -1 ../check.out | grep -qE "^[0-9]+ passed, 0 failed" \
           && grep -qE "tests/cli/demo-chapter.sh +[1-9][0-9]* passed, 0 failed" ../check.out' $st
echo "1..$n"
