#!/usr/bin/env bash
# Command-line tests of build/bin/gradients: help, the reader's data, and every
# kind of bad input; and of build/exp/gradients, the chapter's experiments.
# Run from the top of the tree.
set -u
. tests/tap.sh
G=${BUILD:-build}/bin/gradients
X=${BUILD:-build}/exp/gradients
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT

# --- help and the documented example ---------------------------------------------
out=$($G --help); st=$?
check "--help exits 0 and shows the usage" [ $st -eq 0 ]
check "--help names every option and row" bash -c 'for o in --A --x --c --help "a,..." "e,..."; do
  grep -q -- "$o" <<< "$1" || exit 1; done' _ "$out"

expected='a,3,0,-1
b,2,-4,1
c,2,1,0
c,-1,3,4
c,0.5,0,1
d,4.25,-10,-6.5
e,8.5,-10,-15'
out=$($G --A book/data/A.csv --x book/data/x.csv --c book/data/c.csv); st=$?
check "the example prints the derivatives worked out by hand" [ $st -eq 0 -a "$out" = "$expected" ]
out=$($G --A book/data/A.csv --x book/data/x.csv)
check "without --c there is no a row" [ "$out" = "$(tail -n +2 <<< "$expected")" ]

printf '2,1,0\r\n-1,3,4\r\n0.5,0,1\r\n' > "$T/crlf.csv"
printf '1,-2,0.5\n' > "$T/xrow.csv"
out=$($G --A - --x "$T/xrow.csv" < "$T/crlf.csv")
check "CRLF line ends, a row vector and standard input are accepted" \
  [ "$out" = "$(tail -n +2 <<< "$expected")" ]

printf '0.1\n' > "$T/one.csv"; printf '0.3\n' > "$T/x1.csv"
out=$($G --A "$T/one.csv" --x "$T/x1.csv")
check "1x1 problem, 17 significant digits" [ "$out" = "$(printf 'b,0.59999999999999998\nc,0.10000000000000001\nd,0.059999999999999998\ne,0.059999999999999998')" ]

# --- bad input: exit 2, one line on stderr naming file and line, empty stdout ----------
x=book/data/x.csv
printf '' > "$T/empty.csv"
printf '# nothing\n\n# here\n' > "$T/comments.csv"
printf '1,2,3\n4,5\n6,7,8\n' > "$T/ragged.csv"
printf '1,2,3\n4,five,6\n7,8,9\n' > "$T/text.csv"
printf 'a,b,c\n1,2,3\n4,5,6\n7,8,9\n' > "$T/header.csv"; printf 'a,2,c\n1,2,3\n4,5,6\n' > "$T/mixhead.csv"
printf '1,2,3\n4,NaN,6\n7,8,9\n' > "$T/nan.csv"
printf '1,2,3\n4,5,6\n7,8,inf\n' > "$T/inf.csv"
printf '1,2,3\n4,1e400,6\n7,8,9\n' > "$T/huge.csv"
printf '1,2,3\n4,5,6 7\n7,8,9\n' > "$T/garbage.csv"
printf '1,2\n3,4\n5,6\n' > "$T/nonsquare.csv"
printf '1\n2\n' > "$T/short.csv"
printf '1,2\n3,4\n' > "$T/matrix.csv"
mkdir "$T/dir.csv"
printf '1\n' > "$T/unreadable.csv"; chmod 000 "$T/unreadable.csv"

A=book/data/A.csv
expect_usage_error "missing file" "^gradients: $T/missing.csv: cannot open: No such file" \
  $G --A "$T/missing.csv" --x $x
expect_usage_error "a directory" "^gradients: $T/dir.csv: cannot read: Is a directory" \
  $G --A "$T/dir.csv" --x $x
if [ "$(id -u)" != 0 ]; then
  expect_usage_error "unreadable file" "^gradients: $T/unreadable.csv: cannot open: Permission denied" \
    $G --A "$T/unreadable.csv" --x $x
else
  ok "unreadable file # SKIP root can read anything"
fi
expect_usage_error "empty file" "^gradients: $T/empty.csv: no data" $G --A "$T/empty.csv" --x $x
expect_usage_error "only comments" "^gradients: $T/comments.csv: no data" $G --A "$T/comments.csv" --x $x
expect_usage_error "ragged rows" "^gradients: $T/ragged.csv:2: expected 3 numbers, found 2$" \
  $G --A "$T/ragged.csv" --x $x
expect_usage_error "non-numeric field" "^gradients: $T/text.csv:2: field 2 is not a number: \"five\"$" \
  $G --A "$T/text.csv" --x $x
expect_usage_error "a first line of names and numbers" "^gradients: $T/mixhead.csv:1: the first line mixes numbers and names: field 1 is \"a\" but field 2 is a number \(a header row must hold only names\)$" \
  $G --A "$T/mixhead.csv" --x $x
expect_usage_error "NaN" "^gradients: $T/nan.csv:2: field 2 is not finite: \"NaN\"$" $G --A "$T/nan.csv" --x $x
expect_usage_error "Inf" "^gradients: $T/inf.csv:3: field 3 is not finite: \"inf\"$" $G --A "$T/inf.csv" --x $x
expect_usage_error "1e400" "^gradients: $T/huge.csv:2: field 2 is out of range: \"1e400\"$" \
  $G --A "$T/huge.csv" --x $x
expect_usage_error "trailing garbage" "^gradients: $T/garbage.csv:2: field 3 is not a number: \"6 7\"$" \
  $G --A "$T/garbage.csv" --x $x
expect_usage_error "non-square A" "^gradients: $T/nonsquare.csv: A must be square, found 3 x 2$" \
  $G --A "$T/nonsquare.csv" --x $x
expect_usage_error "x of the wrong length" "^gradients: $T/short.csv: x has 2 entries but A is 3 x 3$" \
  $G --A $A --x "$T/short.csv"
expect_usage_error "c of the wrong length" "^gradients: $T/short.csv: c has 2 entries but A is 3 x 3$" \
  $G --A $A --x $x --c "$T/short.csv"
expect_usage_error "x that is a matrix" "expected a vector \(one column or one row\), found a 2 x 2 matrix" \
  $G --A $A --x "$T/matrix.csv"
expect_usage_error "bad x after a good A" "^gradients: $T/nan.csv:2: field 2 is not finite" \
  $G --A $A --x "$T/nan.csv"

# --- bad usage -------------------------------------------------------------------------
expect_usage_error "no arguments" "^gradients: --A and --x are required" $G
expect_usage_error "missing --x" "^gradients: --A and --x are required" $G --A $A
expect_usage_error "unknown option" "^gradients: unknown option --frobnicate \(try --help\)$" \
  $G --frobnicate --A $A --x $x
expect_usage_error "option without its value" "^gradients: --x: missing value" \
  $G --A $A --x
expect_usage_error "stray argument" "^gradients: unexpected argument: extra" $G --A $A --x $x extra
expect_usage_error "standard output cannot be written" "^gradients: cannot write standard output" \
  bash -c "$G --A $A --x $x > /dev/full"

expect_usage_error "option given twice" "^gradients: --A given twice" $G --A $A --A $A --x $x
expect_usage_error "a value that is the next option" "^gradients: --A: missing value \(found the option --x\)$" \
  $G --A --x $x
expect_usage_error "empty file name" "^gradients: --A: empty value$" $G --A "" --x $x
expect_usage_error "standard input for two files" "^gradients: standard input \(-\) can be read for one file only$" \
  $G --A - --x - < /dev/null
expect_usage_error "--book is not an option of the program" "^gradients: unknown option --book \(try --help\)$" \
  $G --book "$T/b"
check "--help no longer mentions --book" bash -c '! $0 --help | grep -q -- --book' $G
expect_usage_error "--help to a full disk" "^gradients: cannot write standard output" \
  bash -c "$G --help > /dev/full"
printf '1e300,0\n0,1e300\n' > "$T/big.csv"; printf '1e10\n1\n' > "$T/xbig.csv"
expect_usage_error "overflowing derivative" "^gradients: row b \(2x'\) overflows|^gradients: row d \(x'\(A \+ A'\)\) overflows at entry 1" \
  $G --A "$T/big.csv" --x "$T/xbig.csv"
expect_usage_error "a file with no line ends" "^gradients: /dev/zero:1: line longer than 64 MiB" \
  $G --A /dev/zero --x $x
printf '1\n' > "$T/x1e.csv"
expect_usage_error "one entry (grammar)" "x has 1 entry but A is 3 x 3$" $G --A $A --x "$T/x1e.csv"
printf '1,2\x1b[31m,3\n' > "$T/esc.csv"
expect_usage_error "control bytes are escaped" 'field 2 is not a number: "2\\x1B\[31m"$' $G --A "$T/esc.csv" --x $x

# --- accepted oddities ---------------------------------------------------------------
printf '0,1e307,1e307\n-1e307,0,0\n-1e307,0,0\n' > "$T/skew.csv"; printf '1\n1\n1\n' > "$T/ones.csv"
out=$($G --A "$T/skew.csv" --x "$T/ones.csv"); st=$?
check "a skew-symmetric A of size 1e307 gives d = 0 exactly" \
  bash -c '[ $0 -eq 0 ] && grep -qx "d,0,0,0" <<< "$1"' $st "$out"
printf '\xef\xbb\xbf# with a byte-order mark\n2,1,0\n-1,3,4\n0.5,0,1\n' > "$T/bom.csv"
out=$($G --A "$T/bom.csv" --x $x)
check "a UTF-8 byte-order mark is skipped" [ "$out" = "$(tail -n +2 <<< "$expected")" ]
printf '%s\n' "$(printf '1%.0s' $(seq 1 130))" > "$T/long1.csv"
out=$($G --A "$T/long1.csv" --x "$T/x1e.csv"); st=$?
check "a 130-digit number is a number" bash -c '[ $0 -eq 0 ] && grep -q "^c,1.111111111111111e+129$" <<< "$1"' $st "$out"

# --- the experiments: build/exp/gradients DIR ---------------------------------------------
out=$($X "$T/book"); st=$?
check "the experiments succeed and report their claims" bash -c '[ $0 -eq 0 ] && grep -qE "^gradients: [0-9]+ claims hold$" <<< "$1"' $st "$out"
check "the experiments write every output" bash -c 'for f in values.tex claims.tex claims.txt steps.dat steps-optima.dat gradients-table.tex symmetry-table.tex; do [ -s "$0/$f" ] || exit 1; done' "$T/book"
check "the experiments leave no temporary files" bash -c '[ -z "$(ls "$0" | grep -v -E "^[a-z-]+\.(tex|txt|dat)$")" ]' "$T/book"
check "the experiments are deterministic" bash -c "$X $T/book2 >/dev/null && diff -r $T/book $T/book2"
expect_usage_error "the experiments into an impossible directory" "^gradients: .*cannot create directory" \
  $X "$T/empty.csv/sub"
expect_usage_error "the experiments to a full disk" "^gradients: cannot write standard output" \
  bash -c "$X $T/full > /dev/full"
echo "1..$n"
