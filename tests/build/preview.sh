#!/usr/bin/env bash
# Build tests of make preview CHAPTER=NAME: every chapter previews, each
# preview shows the same pages as the book (its numbers, pages, chunk numbers
# and references to the rest of the book resolved from the full build), and on
# a copy of the tree an edit rebuilds what the chapter needs and nothing else,
# and a broken edit fails at its .nw line.
set -u
. tests/tap.sh
B=${BUILD:-build}
unset MAKEFLAGS MFLAGS MAKELEVEL
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
files=$(for c in ${CHAPTERS:-$(sed -n 's/^CHAPTERS *:= *//p' Makefile)}; do echo "$c $c-program"; done)

# same_pages PREVIEW: the pages of PREVIEW are, word for word, a run of pages
# of the book.
pdftotext -layout $B/book.pdf $T/book.txt 2> /dev/null
same_pages() {
  pdftotext -layout "$1" $T/preview.txt 2> /dev/null &&
  perl -e 'local $/; open my $b, "<", $ARGV[0] or exit 1; open my $p, "<", $ARGV[1] or exit 1;
    my @b = split /\f/, <$b>; my @p = split /\f/, <$p>; exit 1 unless @p;
    for my $i (0 .. $#b) { next unless $b[$i] eq $p[0];
      for my $k (0 .. $#p) { exit 1 unless defined $b[$i + $k] && $b[$i + $k] eq $p[$k] }
      exit 0 }
    exit 1' $T/book.txt $T/preview.txt
}
for f in $files; do
  if make --no-print-directory preview CHAPTER=$f > $T/make.out 2>&1; then
    check "make preview CHAPTER=$f: the same pages as in the book" same_pages $B/preview/$f.pdf
  else
    not_ok "make preview CHAPTER=$f" "$(tail -5 $T/make.out)"
  fi
done
make --no-print-directory preview CHAPTER=no-such > $T/make.out 2>&1; st=$?
check "make preview CHAPTER=no-such fails and lists the chapters" \
  bash -c '[ $0 -ne 0 ] && grep -q "NAME is one of .*lsq-program" "$1"' $st $T/make.out

# Edits, on a copy of the tree.
[ "$B" = build ] || { echo "1..$n"; exit 0; }
cp -a . $T/tree && cd $T/tree && rm -rf .git || exit 1
mk() { make --no-print-directory "$@" > ../make.out 2>&1; }
steps() { grep -oE '^  [A-Z]+ ' ../make.out | tr -d ' ' | sort -u | tr '\n' ' '; }
sleep 1   # time stamps of the edits below must be newer than the build's
book_time=$(stat -c %Y build/book.pdf)

awk '/^<<.*>>=$/ {c = 1} /^@( |$)/ {c = 0}
     !done && !c && seen && /^[A-Z][a-z]+ [a-z]+ [a-z]+/ {$0 = "Indeed, " $0; done = 1}
     /^\\chapter/ {seen = 1} {print}' book/lsq.nw > ../lsq.nw && cp ../lsq.nw book/lsq.nw
mk preview CHAPTER=lsq; st=$?; s=$(steps)
check "prose edit: make preview succeeds" [ $st -eq 0 ]
check "prose edit: re-weaves and previews ($s)" bash -c 'grep -q WEAVE <<< "$0" && grep -q PREVIEW <<< "$0"' "$s"
check "prose edit: no compile, run, plot or full book" bash -c '! grep -qE "CC|LD|RUN|PLOT|LATEX" <<< "$0"' "$s"
check "prose edit: the preview has the new prose" \
  bash -c 'pdftotext build/preview/lsq.pdf - | tr "\n" " " | grep -q "Indeed, "'
check "prose edit: the full book is left alone" [ "$(stat -c %Y build/book.pdf)" = "$book_time" ]
mk preview CHAPTER=lsq
check "a second make preview does nothing" [ -z "$(steps)" ]

sed -i '/^<<gradients\.c>>=$/a /* edited by the preview test */' book/gradients.nw
mk preview CHAPTER=gradients; st=$?; s=$(steps)
check "code edit: make preview succeeds" [ $st -eq 0 ]
check "code edit: recompiles, re-runs, previews ($s)" \
  bash -c 'for w in CC LD RUN PREVIEW; do grep -qw $w <<< "$0" || exit 1; done' "$s"
check "code edit: only that chapter, no full book" \
  bash -c '! grep -E "^  (CC|LD|RUN|PLOT|TRY|LATEX) " ../make.out | grep -v gradients | grep -q .'

sed -i 's/^\(\\section{.*\)$/\1 \\nosuchmacro/; T; :a; n; ba' book/lsq.nw
line=$(grep -n 'nosuchmacro' book/lsq.nw | head -1 | cut -d: -f1)
mk preview CHAPTER=lsq; st=$?
check "broken edit: make preview fails" [ $st -ne 0 ]
check "broken edit: the error is at book/lsq.nw:$line" grep -q "^book/lsq.nw:$line: Undefined control sequence" ../make.out
check "broken edit: no stale preview is left" [ ! -e build/preview/lsq.pdf ]
echo "1..$n"
