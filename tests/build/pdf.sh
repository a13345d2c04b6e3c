#!/usr/bin/env bash
# Build tests: the book that `make` produced is complete and clean.
set -u
. tests/tap.sh
pdf=build/book.pdf log=build/book.log

check "build/book.pdf exists" [ -s $pdf ]
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
pdftotext -layout $pdf $T/book.txt 2>/dev/null
text=$T/book.txt
pages=$(pdfinfo $pdf 2>/dev/null | awk '/^Pages:/ {print $2}')
check "the book has pages ($pages)" [ "${pages:-0}" -gt 20 ]

for part in "(a) The linear function" "(b) The squared norm" "(c) The linear map" \
            "(d) The quadratic form" "(e) When is the derivative" "The solution as a C module" \
            "The program gradients"; do
  check "Problem 2 part heading: $part" grep -qF "$part" $text
done
for part in "(a) Least squares: the normal equations" "(b) The SVD form" "(c) The left inverse" \
            "(d) The minimum-norm solution" "(e) The same SVD expression" "(f) The right inverse"; do
  check "Problem 3 part heading: $part" grep -qF "$part" $text
done
for part in "(a) The optimization view" "(b) The singular-value view" "(c) The Bayesian view" \
            "(d) The fake-data view" "(e) The fake-features view" "(f) The push-through identity" \
            "(g) The limits" "Equal in exact arithmetic, not in floating point" \
            "The Bayesian view as an experiment" "The cost of the primal and the kernel forms" \
            "Beyond the seed: the ridgeless limit and double descent" "The program ridge"; do
  check "Problem 4 heading: $part" grep -qF "$part" $text
done
for part in "(a) The elbow and the derivatives" "(b) One gradient step, and the exact move of the elbow" \
            "(c) A network of ReLUs" "(d) One SGD step, and the new elbow of each unit" \
            "Every case, with an example" "Training a network, one step at a time"; do
  check "Problem 5 heading: $part" grep -qF "$part" $text
done
for ch in gradients lsq ridge relu-elbow; do
  check "$ch: the chapter has a section on where the seed is imprecise" \
    grep -q '^\\section{Where the seed is imprecise}' book/$ch.nw
done
for heading in "Contents" "Problem 2: Vector calculus" "Problem 3: Least squares and the minimum-norm problem" \
               "Problem 4: Five interpretations of ridge regression" \
               "Problem 5: How a ReLU" \
               "Verified claims" "The support library" \
               "Index of chunks" "Index of identifiers"; do
  check "heading: $heading" grep -qF "$heading" $text
done
check "no unresolved reference (??) in the text" bash -c '! grep -qF "??" "$0"' $text
check "no label leaked into the text as words (a broken \\ref)" bash -c '! grep -qE "(^|[^a-z])ef\\{(claim|eq|fig|tab|sec|ch):" "$0"' $text
check "the LaTeX log has no undefined reference" \
  bash -c '! grep -qE "undefined references|Reference .* undefined|Citation .* undefined" "$0"' $log
check "the LaTeX log has no overfull box" bash -c '! grep -q "^Overfull" "$0"' $log
check "every chunk is cross-referenced (no \"never defined\" chunk)" \
  bash -c '! grep -q "never defined" "$0"' $text

# Every figure and every program output that a chapter inputs exists and was
# made by this build's program (not left over from an older one).
for ch in ${CHAPTERS:-gradients lsq ridge relu-elbow}; do
  nw=book/$ch.nw
  nw="$nw book/$ch-program.nw"
  stamp=build/out/$ch/stamp
  exp=build/exp/$ch
  check "$ch: its experiments ran" [ -f $stamp ]
  for fig in $(cat $nw | grep -oE '\\bookfigure\{[^}]+\}' | sed -E 's/.*\{(.*)\}/\1/'); do
    check "$ch: figure $fig was plotted after the program's run" \
      bash -c '[ -s "$0.tex" ] && [ -s "$0.pdf" ] && [ ! "$0.tex" -ot "$1" ] && [ ! "$2" -ot "$0.tex" ]' \
      build/figures/$fig $stamp $pdf
  done
  for f in $(cat $nw | grep -oE '\\(input|booktable)\{build/out/[^}]+\}' | sed -E 's/.*\{(.*)\}/\1/'); do
    by=$exp; [ "${f##*/}" = try.tex ] && by=build/bin/$ch
    check "$ch: $f exists and was written by this build's $by" \
      bash -c '[ -s "$0" ] && [ ! "$0" -ot "$1" ]' $f $by
  done
done

# The reader first: each chapter, split into its solution (Part I) and its
# program (Part II), opens with the solution, keeps the code of the program and
# of the experiments off the reading path, and is short up to its checks.
toc=build/book.toc
for ch in ${CHAPTERS:-gradients lsq ridge relu-elbow}; do
  nw=book/$ch.nw
  check "$ch: Part I has a section 'Checking the solution' closed by \\verifiedclaims" \
    bash -c 'grep -q "^\\\\section{Checking the solution}" "$0" && grep -q "^\\\\verifiedclaims" "$0"' $nw
  check "$ch: no code chunk from 'Checking the solution' to its Verified claims table" \
    bash -c '[ -z "$(sed -n "/^\\\\section{Checking the solution}/,/^\\\\verifiedclaims/p" "$0" | grep -E "^<<.*>>=$")" ]' $nw
  check "$ch: no option parsing, usage text or program main in Part I" \
    bash -c '! grep -qE "getopt|usage:|^int main\(" "$0"' $nw
  check "$ch: the program's chapter is in Part II" grep -q "^\\\\chapter{The program" book/$ch-program.nw
  title=$(sed -n 's/^\\chapter{\(.*\)}$/\1/p' $nw | head -1)
  first=$(grep -F "{chapter}{\\numberline {" $toc | grep -F "}$title}" | sed -E 's/.*\}\{([0-9]+)\}\{chapter\.[0-9]+\}%$/\1/')
  start=$(grep -A200 -F "}$title}" $toc | grep -m1 -F '}Checking the solution}' | sed -E 's/.*\}\{([0-9]+)\}\{section\.[0-9.]+\}%$/\1/')
  check "$ch: from the chapter's first page to 'Checking the solution' is at most 12 pages (${first:-?}..${start:-?})" \
    bash -c '[ -n "$0" ] && [ -n "$1" ] && [ $(($1 - $0 + 1)) -le 12 ]' "$first" "$start"
done
check "Solutions at a glance is within the first 8 pages" \
  bash -c 'pdftotext -f 1 -l 8 "$0" - | grep -q "Solutions at a glance"' $pdf
check "parts: Solutions, then The programs, then the appendix" \
  bash -c 'grep -nE "\{part\}|\{chapter\}\{\\\\numberline \{A\}" "$0" | grep -oE "Solutions|The programs|support library" | tr "\n" " " | grep -q "^Solutions The programs support library $"' $toc
check "the Makefile compiles nothing twice (no BOOK_NO_MAIN)" bash -c '! grep -rq BOOK_NO_MAIN Makefile tests/tests.mk'
for part in 2a 2b 2c 2d 2e 3a 3b 3c 3d 3e 3f 4a 4b 4c 4d 4e 4f 4g 5a 5b 5c 5d; do
  check "Solutions at a glance links part $part to its derivation" \
    bash -c 'grep -q "\\glancerow{$0}" book/glance.tex && grep -q "\\label{part:$0}" book/*.nw' $part
done
echo "1..$n"
