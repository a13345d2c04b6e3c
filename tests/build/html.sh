#!/usr/bin/env bash
# Build tests of the HTML edition (make html, build/html/), in a real browser:
# headless Chromium loads every page, with tests/html/check.js first in its
# <head>, and reports what a reader would see (see check.js).  Every page must
# load with no console error and no resource that fails to load, typeset every
# formula, show no TeX command as text, and load every image; every link,
# image, script and style sheet of every page must resolve, to a file and to
# an anchor in it.  The chunks, figures and indexes must be those of the PDF.
# A screenshot of every chapter's page (and of one on a phone's screen) lands
# in build/html-screens/ for people to look at.  On a copy of the tree: two
# builds give identical files, and a prose edit replaces one page.
set -u
. tests/tap.sh
B=${BUILD:-build}
H=$B/html T=$B/html-test S=$B/html-screens
rm -rf "$T" "$S"; mkdir -p "$T" "$S"
browser() {
  timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \
    --disable-background-networking --disable-component-update --disable-sync \
    --no-first-run --no-default-browser-check --hide-scrollbars --mute-audio \
    --user-data-dir="$T/profile-$$-$RANDOM" "$@"
}
pages=$(cd "$H" && ls index*.html)
[ -n "$pages" ] || { not_ok "make html wrote pages in $H"; echo "1..$n"; exit 0; }
files=$(printf "$H/%s\n" $pages)

# ---- in the browser ----------------------------------------------------------------
# A copy of each page with the checker first in its <head>, beside links to
# what the pages load.
for d in mathjax figures fonts index.css book-html.css; do ln -sfn "$PWD/$H/$d" "$T/$d"; done
cp tests/html/check.js "$T/check.js"
for p in $pages; do
  perl -pe 's{<head>}{<head><script src="check.js"></script>}i if !$done && /<head>/i && ($done = 1)' \
    "$H/$p" > "$T/$p"
done
# Chromium loads each page (two at a time) and prints the page as it stands
# when the checker is done; a chapter's page (title "N ..." or, in the
# appendix, "A ...") is also photographed, on a laptop's screen.
export -f browser; export T S H
printf '%s\n' $pages | xargs -P 2 -I{} bash -c '
  shot=(); title=$(grep -oP "(?<=<title>)[^<]*" "$H/{}" | head -1)
  [[ $title =~ ^([0-9]+|[A-Z])\  ]] && shot=(--screenshot="$PWD/$S/{}" )
  browser --enable-logging=stderr --v=0 --window-size=1100,1500 --virtual-time-budget=60000 \
    "${shot[@]/%.html/.png}" --dump-dom "file://$PWD/$T/{}" > "$T/{}.dom" 2> "$T/{}.err"'
for p in $pages; do
  verdict=$(perl -MJSON::PP -e 'local $/; binmode STDOUT, ":utf8"; my $d = <STDIN>;
      my ($j) = $d =~ m{<pre id="book-check">(.*?)</pre>}s or do { print "no verdict"; exit };
      $j =~ s/&lt;/</g; $j =~ s/&gt;/>/g; $j =~ s/&quot;/"/g; $j =~ s/&#39;/\x27/g; $j =~ s/&amp;/&/g;
      my $r = decode_json($j);
      print join("\n", "formulas $r->{formulas} rendered $r->{rendered} images $r->{images}",
                 map { "problem $_" } @{$r->{problems}});' < "$T/$p.dom")
  uncaught=$(grep -E 'CONSOLE.*"(Uncaught|.*Error)' "$T/$p.err" | sed 's/^.*CONSOLE[^]]*] //' | head -3)
  read -r _ f _ r _ i <<< "$(head -1 <<< "$verdict")"
  probs=$(grep '^problem ' <<< "$verdict" | sed 's/^problem //')
  if [ "$verdict" = "no verdict" ]; then
    not_ok "$p: the page loads and the checker reports" "$(tail -3 "$T/$p.err")"; continue
  fi
  check "$p: loads with no console error and nothing failing to load" \
    bash -c '! grep -qE "^(console error|uncaught|unhandled|failed to load|MathJax did not)" <<< "$0" && [ -z "$1" ]' \
    "$probs" "$uncaught"
  check "$p: all $f formulas typeset ($r drawn)" \
    bash -c '[ "$0" = "$1" ] && ! grep -qE "^(formula|MathJax error|[0-9]+ MathML)" <<< "$2"' "$f" "$r" "$probs"
  check "$p: no TeX command in the visible text" bash -c '! grep -q "^raw TeX" <<< "$0"' "$probs"
  check "$p: all $i images load, each with alternative text" bash -c '! grep -q "^image" <<< "$0"' "$probs"
  printf '%s\n' "$probs" "$uncaught" | grep -m 5 . | sed 's/^/#   /'
done

# ---- links ---------------------------------------------------------------------------
# Every href and src of every page: a file of build/html/, and the anchor in it.
for p in $pages; do
  bad=$(cd "$H" && perl -e '
    my %ids; sub ids { my $f = shift; return $ids{$f} //= do { my %i;
        if (open my $h, "<", $f) { local $/; my $s = <$h>; $i{$1} = 1 while $s =~ /\bid=["\x27]([^"\x27]+)/g }
        \%i } }
    open my $h, "<", $ARGV[0] or die; local $/; my $s = <$h>; my (%seen, @bad);
    while ($s =~ /\b(?:href|src)=["\x27]([^"\x27]+)/g) {
      my $u = $1; next if $seen{$u}++ or $u =~ m{^(?:https?:|mailto:|data:)};
      my ($file, $frag) = $u =~ /^([^#?]*)(?:\?[^#]*)?(?:#(.*))?$/;
      $file = $ARGV[0] if $file eq "";
      if (!-e $file) { push @bad, "$u (no file)"; next }
      push @bad, "$u (no anchor)" if defined $frag && $frag ne "" && !ids($file)->{$frag};
    }
    print "$_\n" for @bad' "$p")
  nlinks=$(grep -oE "\\b(href|src)=[\"'][^\"']+" "$H/$p" | sort -u | wc -l)
  check "$p: all $nlinks links, images, scripts and style sheets resolve" test -z "$bad"
  [ -z "$bad" ] || head -5 <<< "$bad" | sed 's/^/#   /'
done

# ---- the same book as the PDF ------------------------------------------------------------
# Chunk numbers: noweb numbers a chunk by its page in the PDF, with a letter
# when the page has two chunks or more; the numbers the PDF's labels
# (build/book.aux) give must be the HTML's, and so must every number pdftotext
# finds on a chunk's first line in the PDF.
pdftotext $B/book.pdf $T/book.txt 2> /dev/null
perl -ne 'push @p, $1 if /^\\newsublabel\{[^}]*\}\{\{\}\{(\d+)\}\}/;
  END { my %c; $c{$_}++ for @p; my %k;
        for (@p) { print $c{$_} > 1 ? $_ . chr(96 + ++$k{$_}) : $_, "\n" } }' $B/book.aux | sort -V > $T/chunks-aux.txt
grep -oP '\d+[a-z]?(?=⟩\+?≡)' $T/book.txt | sort -uV > $T/chunks-pdf.txt
perl -0ne 'while (/<a\s+id=.noweb\.(NW[^"\x27]+).\s*><\/a><a\s+href=.#noweb\.\1.\s*><span\s+class=.[^"\x27]*.\s*>(\d+[a-z]?)</g) { print "$2\n" }' \
  $files | sort -V > $T/chunks-html.txt
auxn=$(wc -l < $T/chunks-aux.txt) pdfn=$(wc -l < $T/chunks-pdf.txt) htmln=$(wc -l < $T/chunks-html.txt)
check "every chunk of the PDF ($auxn) is in the HTML ($htmln) with the PDF's number" \
  bash -c '[ "$0" -gt 100 ] && cmp -s "$1" "$2"' "$auxn" $T/chunks-aux.txt $T/chunks-html.txt
check "the numbers pdftotext reads on the PDF's chunks ($pdfn) are all in the HTML" \
  bash -c '[ "$0" -gt 100 ] && [ -z "$(comm -23 <(sort "$1") <(sort -u "$2"))" ]' "$pdfn" $T/chunks-pdf.txt $T/chunks-html.txt
# Every cross-reference (tex4ht marks each \ref it writes) is a link, and the
# glance's parts link under their own names, "2(a)".
refs=$(cd "$H" && perl -0ne '
  while (/<!--\s*tex4ht:ref:\s*(\S+)/g) { my ($l, $p) = ($1, pos);
    my $pre = substr($_, 0, $p); my ($a, $c) = (rindex($pre, "<a "), rindex($pre, "</a>"));
    print $a > $c ? "ok\n" : "$ARGV: $l is not a link\n" }' $pages)
nref=$(grep -c '^ok$' <<< "$refs")
check "every cross-reference is a link ($nref)" \
  bash -c '[ "$0" -gt 100 ] && ! grep -qv "^ok$" <<< "$1"' "$nref" "$refs"
grep -v '^ok$' <<< "$refs" | head -5 | sed 's/^/#   /'
glance=$(grep -l '<title>Solutions at a glance' $files | head -1)
nparts=$(grep -c '^\\glancerow{' book/glance.tex)
check "Solutions at a glance links each of its $nparts parts under its name, 2(a) to 5(d)" \
  bash -c '[ -n "$0" ] && [ "$1" -gt 0 ] && [ "$(grep -oE "<a [^>]*>(<span[^>]*>)?[2-9]\([a-z]\)<" "$0" | sort -u | wc -l)" = "$1" ]' "$glance" "$nparts"
nfig=$(ls $B/figures/*.tex | wc -l)
hfig=$(cat $files | grep -oE "class=[\"']bookfigure" | wc -l)
check "every figure of the PDF ($nfig) is an SVG image in the HTML ($hfig)" \
  bash -c '[ "$0" -gt 0 ] && [ "$0" = "$1" ] && [ "$(ls "$2"/figures/*.svg | wc -l)" = "$0" ]' "$nfig" "$hfig" "$H"
for t in 'Index of chunks' 'Index of identifiers'; do
  f=$(grep -l "<title>.*$t" $files | head -1)
  check "$t is a page of its own, linking to the chunks" \
    bash -c '[ -n "$0" ] && [ "$(grep -oE "href=.index[a-z]*[0-9]*\.html#noweb" "$0" | wc -l)" -gt 100 ]' "$f"
done
claims=$(grep -c '\\claimresult' $B/out/*/claims.tex | awk -F: '{s += $2} END {print s}')
hclaims=$(cat $files | grep -oE "id=[\"']claimrow:" | wc -l)
check "every claim of the PDF's tables ($claims) has its row in the HTML ($hclaims)" \
  bash -c '[ "$0" -gt 0 ] && [ "$0" = "$1" ]' "$claims" "$hclaims"
# The first page (index.html) has no previous page; the last page in reading
# order, the one no page names as its previous, has no next.
navbad=$(cd "$H" && for p in $pages; do
  grep -qE "class=[\"']nav-contents" "$p" || echo "$p: no contents link"
  [ "$p" = index.html ] || grep -qE "rel=[\"']prev" "$p" || echo "$p: no previous page"
  grep -qE "rel=[\"']next" "$p" || echo "$p: no next page"; done)
last=$(cd "$H" && for p in $pages; do grep -qE "href=[\"']$p[\"'] rel=[\"']prev|rel=[\"']prev[\"'][^>]*href=[\"']$p[\"']" $pages || echo "$p"; done)
check "every page links to the contents and to the previous and next pages (but the first and the last, $last)" \
  bash -c '[ "$(wc -w <<< "$1")" = 1 ] && [ "$0" = "$1: no next page" ]' "$navbad" "$last"
[ "$navbad" = "$last: no next page" ] || head -5 <<< "$navbad" | sed 's/^/#   /'
check "no page needs the network (no http: or https: script, style sheet or font)" \
  bash -c '! grep -lE "<(script|link)[^>]*(src|href)=\"https?:" "$0"/*.html "$0"/*.css' "$H"

# ---- screenshots -------------------------------------------------------------------------
# Besides the chapters' pages above, Chapter 2 on a phone's screen.
p2=$(cd "$H" && grep -lE '<title>2 ' $pages | head -1)
[ -z "$p2" ] || browser --window-size=390,844 --virtual-time-budget=60000 \
  --screenshot="$PWD/$S/phone-${p2%.html}.png" "file://$PWD/$H/$p2" > /dev/null 2>&1
shots=$(ls "$S" | grep -vc '^phone-')
check "a screenshot of every chapter's page in $S ($shots), and one on a phone" \
  bash -c '[ "$0" -ge 8 ] && ls "$1"/phone-*.png > /dev/null 2>&1' "$shots" "$S"

# ---- builds, on a copy of the tree ------------------------------------------------------
# A second build from scratch gives the same files; then a prose edit of one
# chapter (a word of its first paragraph, which moves no page of the PDF)
# replaces its page and no other.
[ "$B" = build ] || { echo "1..$n"; exit 0; }
in_tree_copy
mk() { make --no-print-directory "$@" > ../make.out 2>&1; }
rm -rf build/html build/html-work
if mk html; then
  check "a second build from scratch gives identical files" diff -r -q "$OLDPWD/$H" build/html
  diff -r -q "$OLDPWD/$H" build/html | head -5 | sed 's/^/#   /'
  sed -i '0,/^answers turn out to be the same formula/s//answers prove to be the same formula/' book/lsq.nw
  sleep 1
  if mk html; then
    changed=$(diff -r -q "$OLDPWD/$H" build/html | sed -n 's|^Files .* and build/html/\(.*\) differ$|\1|p')
    check "a prose edit of Chapter 3 replaces its page and no other ($(echo $changed))" \
      bash -c '[ "$(wc -w <<< "$0")" = 1 ] && grep -q "<title>3 " "build/html/$0" && grep -q "answers prove to be" "build/html/$0"' "$changed"
  else
    not_ok "make html after a prose edit" "$(tail -5 ../make.out)"
  fi
else
  not_ok "make html from scratch on a copy of the tree" "$(tail -5 ../make.out)"
fi

echo "1..$n"
