#!/usr/bin/env bash
# Build tests: SyncTeX speaks .nw.  build/book.synctex.gz (beside the PDF) and
# the previews' name book/*.nw and chunks/*.nw, and both directions land on
# the right line: synctex view finds the page that shows a line of a .nw file,
# and synctex edit on a word of that page names the file and the line that
# holds the word, for prose and for code, in the book and in a preview.
set -u
. tests/tap.sh
B=${BUILD:-build}
unset MAKEFLAGS MFLAGS MAKELEVEL
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT

check "build/book.synctex.gz sits beside the PDF" [ -s $B/book.synctex.gz ]
zcat $B/book.synctex.gz 2> /dev/null | grep '^Input:' > $T/inputs
check "its inputs name book/*.nw and chunks/*.nw" \
  bash -c 'grep -q "/book/lsq\.nw$" "$0" && grep -q "/book/lsq-program\.nw$" "$0" &&
           grep -q "/chunks/mat\.nw$" "$0"' $T/inputs
check "no woven file is left in it" \
  bash -c '! grep -vE "/build/tex/(chapters|programs|library)\.tex$" "$0" | grep -q "/build/tex/[^/]*\.tex$"' $T/inputs

# roundtrip WHAT FILE LINE PDF: synctex view of FILE:LINE gives a page and a
# baseline; a word of LINE printed near that baseline, given to synctex edit,
# must give back FILE and LINE.
roundtrip() {
  local what=$1 file=$2 line=$3 pdf=$4 view page v words w box edit got_file got_line
  view=$(synctex view -i "$line:0:$file" -o "$pdf" 2> /dev/null)
  page=$(sed -n 's/^Page://p' <<< "$view" | head -1)
  v=$(sed -n 's/^v://p' <<< "$view" | head -1)
  if [ -z "$page" ] || [ -z "$v" ]; then
    not_ok "$what: synctex view $file:$line" "no page: $(head -c 300 <<< "$view")"; return; fi
  ok "$what: synctex view $file:$line finds page $page"
  # the words of the line, longest first, without TeX commands and noweb quotes
  words=$(sed -n "${line}p" "$file" | sed -E 's/\\[a-zA-Z]+//g; s/\[\[|\]\]//g' \
          | grep -oE '[A-Za-z_][A-Za-z0-9_]{3,}' | awk '{print length, $0}' | sort -rn | cut -d' ' -f2)
  pdftotext -f "$page" -l "$page" -bbox "$pdf" $T/bbox.html 2> /dev/null
  box=""
  for w in $words; do
    box=$(perl -ne 'print "$1 $2 $3 $4\n" if /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">[^<]*\Q'"$w"'\E[^<]*<\/word>/' $T/bbox.html \
          | awk -v v="$v" '{d = $4 - v; if (d < 0) d = -d; if (d < 16) print d, ($1 + $3) / 2, ($2 + $4) / 2}' \
          | sort -n | head -1)
    [ -n "$box" ] && break
  done
  if [ -z "$box" ]; then
    not_ok "$what: a word of $file:$line is on page $page" "words: $words"; return; fi
  read -r _ x y <<< "$box"
  edit=$(synctex edit -o "$page:$x:$y:$pdf" 2> /dev/null)
  got_file=$(sed -n 's/^Input://p' <<< "$edit" | head -1)
  got_line=$(sed -n 's/^Line://p' <<< "$edit" | head -1)
  if [[ "$got_file" == */"$file" || "$got_file" == */./"$file" ]] && [ "$got_line" = "$line" ]; then
    ok "$what: synctex edit on \"$w\" (page $page) names $file:$line"
  else
    not_ok "$what: synctex edit on \"$w\" (page $page) names $file:$line" \
      "got $got_file:$got_line"
  fi
}
# The first line of prose after the chapter heading, and the first line of
# code of a chunk, found afresh so that the test follows edits of the book.
prose_line() { awk '/^<<.*>>=$/ {c = 1} /^@( |$)/ {c = 0}
  seen && !c && /^[A-Z][a-z]+ [a-z]+ [a-z]+/ {print NR; exit} /^\\chapter/ {seen = 1}' "$1"; }
code_line() { awk -v chunk="$2" 'f && /[A-Za-z_]{4,}/ {print NR; exit} index($0, chunk) == 1 {f = 1}' "$1"; }

roundtrip "prose of book/lsq.nw" book/lsq.nw "$(prose_line book/lsq.nw)" $B/book.pdf
roundtrip "code of book/lsq.nw" book/lsq.nw "$(code_line book/lsq.nw '<<lsq.c>>=')" $B/book.pdf
roundtrip "prose of book/ridge-program.nw" book/ridge-program.nw \
  "$(prose_line book/ridge-program.nw)" $B/book.pdf
roundtrip "code of chunks/mat.nw" chunks/mat.nw "$(code_line chunks/mat.nw '<<mat.h>>=')" $B/book.pdf

# A preview carries the same names.
if make --no-print-directory preview CHAPTER=gradients > $T/preview.out 2>&1; then
  ok "make preview CHAPTER=gradients"
  roundtrip "preview, prose of book/gradients.nw" book/gradients.nw \
    "$(prose_line book/gradients.nw)" $B/preview/gradients.pdf
  roundtrip "preview, code of book/gradients.nw" book/gradients.nw \
    "$(code_line book/gradients.nw '<<gradients.c>>=')" $B/preview/gradients.pdf
else
  not_ok "make preview CHAPTER=gradients" "$(tail -5 $T/preview.out)"
fi
echo "1..$n"
