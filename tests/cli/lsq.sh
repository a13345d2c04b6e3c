#!/usr/bin/env bash
# Command-line tests of build/bin/lsq: help, every method and option, the
# reader's data, and every kind of bad input; and of the chapter's experiments,
# build/exp/lsq.  Run from the top of the tree.
set -u
. tests/tap.sh
L=${BUILD:-build}/bin/lsq
EXP=${BUILD:-build}/exp/lsq
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
# close A B TOL: every pair of numbers (one per line) agrees to TOL (absolute)
close() { paste <(printf '%s\n' "$1") <(printf '%s\n' "$2") |
          awk -v t="$3" '{ d = $1 - $2; if (d < 0) d = -d; if (d > t || NF != 2) bad = 1 }
                         END { exit bad || NR == 0 }'; }
export -f close

out=$($L --help); st=$?
check "--help exits 0 and shows the usage" [ $st -eq 0 ]
check "--help names every option and the default threshold" bash -c 'for o in --method --rcond --verbose --help "max(m, n)"; do
  grep -qF -- "$o" <<< "$1" || exit 1; done' _ "$out"
check "--help does not offer --book (the experiments are build/exp/lsq)" bash -c '! grep -qF -- --book <<< "$0"' "$out"

# --- solutions ----------------------------------------------------------------------
printf '1,0\n0,1\n1,1\n' > "$T/X3.csv"; printf '1\n2\n3\n' > "$T/y3.csv"
for m in svd qr normal; do
  out=$($L --method $m "$T/X3.csv" "$T/y3.csv"); st=$?
  check "consistent tall system, --method $m: w = (1, 2)" bash -c '[ $0 -eq 0 ] && close "$1" "$(printf "1\n2")" 1e-14' $st "$out"
done
printf '1,2\n' > "$T/Xw.csv"; printf '5\n' > "$T/yw.csv"
for m in svd qr normal; do
  out=$($L --method $m "$T/Xw.csv" "$T/yw.csv")
  check "one equation in two unknowns, --method $m: minimum norm w = (1, 2)" close "$out" "$(printf '1\n2')" 1e-14
done
printf '1,0\n1,1\n1,2\n1,3\n' > "$T/Xl.csv"; printf '0\n1\n1\n3\n' > "$T/yl.csv"
out=$($L "$T/Xl.csv" "$T/yl.csv")
check "least-squares line through four points: w = (-0.1, 0.9)" close "$out" "$(printf -- '-0.1\n0.9')" 1e-14
printf '2\n' > "$T/X1.csv"; printf '6\n' > "$T/y1.csv"
check "1x1: w = 3 exactly" [ "$($L "$T/X1.csv" "$T/y1.csv")" = 3 ]
printf '1,1\n2,2\n3,3\n' > "$T/Xr.csv"
out=$($L "$T/Xr.csv" "$T/y3.csv")
check "rank-deficient X: svd gives the minimum-norm solution (0.5, 0.5)" close "$out" "$(printf '0.5\n0.5')" 1e-14
printf '0,0\n0,0\n' > "$T/X0.csv"; printf '1\n2\n' > "$T/y2.csv"
check "zero matrix: svd gives w = 0" close "$($L "$T/X0.csv" "$T/y2.csv")" "$(printf '0\n0')" 0
out=$($L --rcond 0.5 book/data/lsq-X.csv book/data/lsq-y.csv 2>&1); st=$?
check "--rcond 0.5 lowers the rank (verbose says rank 1)" \
  bash -c '[ $0 -eq 0 ] && [ "$($1 --verbose --rcond 0.5 book/data/lsq-X.csv book/data/lsq-y.csv 2>&1 >/dev/null | grep -o "rank [0-9]*")" = "rank 1" ]' $st $L
a=$($L book/data/lsq-X.csv book/data/lsq-y.csv)
b=$($L --method qr book/data/lsq-X.csv book/data/lsq-y.csv)
c=$($L --method normal book/data/lsq-X.csv book/data/lsq-y.csv)
check "the three methods agree on the example" bash -c 'close "$0" "$1" 1e-12 && close "$0" "$2" 1e-10' "$a" "$b" "$c"
err=$($L --verbose book/data/lsq-X.csv book/data/lsq-y.csv 2>&1 >/dev/null)
check "--verbose reports shape, rank, singular values, condition, residual on stderr" \
  bash -c 'for w in "6 x 3" "rank 3" sigma_max sigma_min condition residual; do grep -qF "$w" <<< "$0" || exit 1; done' "$err"
check "--verbose does not change standard output" [ "$($L --verbose book/data/lsq-X.csv book/data/lsq-y.csv 2>/dev/null)" = "$a" ]

# X = [c1 c2 c1+c2 2c1] has rank 2; sigma_1/sigma_2 = sqrt((4+sqrt5)/(4-sqrt5)) = 1.88025
printf '1,0,1,2\n0,1,1,0\n0,0,0,0\n0,1,1,0\n1,0,1,2\n' > "$T/Xr2.csv"; printf '1\n2\n3\n4\n5\n' > "$T/y5r.csv"
err=$($L --verbose "$T/Xr2.csv" "$T/y5r.csv" 2>&1 >/dev/null)
check "--verbose on a rank-deficient X: rank 2 of 4, 2 singular values dropped" \
  grep -q "numerical rank 2 of 4: 2 singular values at most .* dropped" <<< "$err"
check "--verbose on a rank-deficient X: the retained condition number sigma_1/sigma_r = 1.88025" \
  grep -q "condition number of the retained part sigma_1/sigma_r 1.88025$" <<< "$err"
check "--verbose on a rank-deficient X: no sigma_max/sigma_min over all singular values" \
  bash -c '! grep -q "sigma_max\|sigma_min" <<< "$0"' "$err"
# Wide, rank 1: y = (1, 0) is outside the range span{(1, 2)}; residual |(0.8, -0.4)| = 0.894427
printf '1,1,1\n2,2,2\n' > "$T/Xw1.csv"; printf '1\n0\n' > "$T/yout.csv"; printf '1\n2\n' > "$T/yin.csv"
out=$($L "$T/Xw1.csv" "$T/yout.csv" 2>"$T/err"); st=$?
check "wide rank-deficient X, y outside the range: exit 0, w = X^+ y = (1/15, 1/15, 1/15)" \
  bash -c '[ $0 -eq 0 ] && close "$1" "$(printf "%s\n" 0.0666666666666667 0.0666666666666667 0.0666666666666667)" 1e-15' $st "$out"
check "wide rank-deficient X, y outside the range: stderr says Xw = y has no solution, with the residual" \
  grep -q "^lsq: note: Xw = y has no solution: .*residual 0.894427$" "$T/err"
check "wide rank-deficient X, y in the range: no such note" \
  bash -c '! $0 "$1" "$2" 2>&1 >/dev/null | grep -q "no solution"' $L "$T/Xw1.csv" "$T/yin.csv"
check "--help says when Xw = y has no solution" bash -c '$0 --help | grep -q "Xw = y has no solution"' $L

printf '1,0\n0,1e-20\n' > "$T/Xd.csv"; printf '1\n1\n' > "$T/yd.csv"
check "--rcond 0 keeps a singular value of 1e-20" [ "$($L --rcond 0 "$T/Xd.csv" "$T/yd.csv" | tail -1)" = "1e+20" ]
err=$($L "$T/Xd.csv" "$T/yd.csv" 2>&1 >/dev/null)
check "a dropped singular value is announced on stderr" grep -q "^lsq: note: X has numerical rank 1 < 2" <<< "$err"
printf '1e200,0\n0,1\n' > "$T/Xbig.csv"
expect_usage_error "normal equations that overflow say so" "^lsq: X'X overflows: .*use --method svd$" \
  $L --method normal "$T/Xbig.csv" "$T/yd.csv"
expect_usage_error "standard input is named <stdin> in messages" "^lsq: <stdin>: y has 3 entries but X \(book/data/lsq-X.csv\) has 6 rows$" \
  $L book/data/lsq-X.csv - < "$T/y3.csv"

# --- refusals ----------------------------------------------------------------------------
expect_usage_error "qr refuses a rank-deficient X and suggests svd" "^lsq: X is rank deficient.*use --method svd" \
  $L --method qr "$T/Xr.csv" "$T/y3.csv"
expect_usage_error "normal refuses a rank-deficient X and suggests svd" "^lsq: .*use --method svd" \
  $L --method normal "$T/Xr.csv" "$T/y3.csv"

# --- bad input and usage -----------------------------------------------------------------
X=book/data/lsq-X.csv Y=book/data/lsq-y.csv
printf '' > "$T/empty.csv"; printf '# c\n' > "$T/comments.csv"; mkdir "$T/dir"
printf '1,2\n3\n' > "$T/ragged.csv"; printf '1,2\n1,x\n' > "$T/text.csv"; printf 'a,b\n1,2\n' > "$T/header.csv"
printf '1,nan\n' > "$T/nan.csv"; printf '1,-Inf\n' > "$T/inf.csv"; printf '1,1e400\n' > "$T/huge.csv"
printf '1,2 3\n' > "$T/garbage.csv"; printf '1\n2\n3\n4\n5\n' > "$T/y5.csv"
expect_usage_error "missing file" "^lsq: $T/nope.csv: cannot open" $L "$T/nope.csv" $Y
expect_usage_error "a directory" "^lsq: $T/dir: cannot read: Is a directory" $L "$T/dir" $Y
expect_usage_error "empty file" "^lsq: $T/empty.csv: no data" $L "$T/empty.csv" $Y
expect_usage_error "only comments" "^lsq: $T/comments.csv: no data" $L "$T/comments.csv" $Y
expect_usage_error "ragged rows" "^lsq: $T/ragged.csv:2: expected 2 numbers, found 1$" $L "$T/ragged.csv" $Y
expect_usage_error "non-numeric field" "^lsq: $T/text.csv:2: field 2 is not a number" $L "$T/text.csv" $Y
expect_usage_error "NaN" "^lsq: $T/nan.csv:1: field 2 is not finite" $L "$T/nan.csv" $Y
expect_usage_error "Inf" "^lsq: $T/inf.csv:1: field 2 is not finite" $L "$T/inf.csv" $Y
expect_usage_error "1e400" "^lsq: $T/huge.csv:1: field 2 is out of range" $L "$T/huge.csv" $Y
expect_usage_error "trailing garbage" "^lsq: $T/garbage.csv:1: field 2 is not a number" $L "$T/garbage.csv" $Y
expect_usage_error "y with the wrong number of rows" "^lsq: $T/y5.csv: y has 5 entries but X \($X\) has 6 rows$" \
  $L $X "$T/y5.csv"
expect_usage_error "bad y after a good X" "^lsq: $T/nan.csv:1: field 2 is not finite" $L $X "$T/nan.csv"
expect_usage_error "unknown method" "^lsq: --method: expected svd, qr or normal" $L --method lu $X $Y
for r in -1 1 nan abc 1e400; do
  expect_usage_error "--rcond $r" "^lsq: --rcond: " $L --rcond $r $X $Y
done
expect_usage_error "one file" "^lsq: expected two files, X.csv and y.csv, found 1" $L $X
expect_usage_error "three files" "^lsq: expected two files, X.csv and y.csv, found 3" $L $X $Y $Y
expect_usage_error "unknown option" "^lsq: unknown option --fast" $L --fast $X $Y
expect_usage_error "option given twice" "^lsq: --method given twice" $L --method qr --method svd $X $Y
expect_usage_error "option without its value" "^lsq: --rcond: missing value" $L $X $Y --rcond
expect_usage_error "standard input twice" "^lsq: standard input \(-\) can be read for one file only" $L - - < /dev/null
expect_usage_error "--book is not an option of the program" "^lsq: unknown option --book" $L --book "$T/b"
expect_usage_error "standard output cannot be written" "^lsq: cannot write standard output" \
  bash -c "$L $X $Y > /dev/full"

# --- scale ---------------------------------------------------------------------------------
awk 'BEGIN { srand(1); for (i = 0; i < 4000; i++) { r = "";
       for (j = 0; j < 400; j++) r = r (j ? "," : "") sprintf("%.6f", rand() - 0.5);
       print r } }' > "$T/big.csv"
awk 'BEGIN { srand(2); for (i = 0; i < 4000; i++) printf "%.6f\n", rand() }' > "$T/ybig.csv"
start=$(date +%s%N); out=$($L "$T/big.csv" "$T/ybig.csv"); st=$?; end=$(date +%s%N)
ms=$(( (end - start) / 1000000 ))
check "4000 x 400 is read and solved (in $ms ms; the bound here is 5 s)" \
  bash -c '[ $0 -eq 0 ] && [ "$(wc -l <<< "$1")" -eq 400 ] && [ $2 -lt 5000 ]' $st "$out" $ms

# --- the experiments ------------------------------------------------------------------------
out=$($EXP "$T/book"); st=$?
check "the experiments succeed and report their claims" bash -c '[ $0 -eq 0 ] && grep -qE "^lsq: [0-9]+ claims hold$" <<< "$1"' $st "$out"
check "the experiments write every output" bash -c 'for f in values.tex claims.tex conditioning.dat polyfit-table.tex minnorm.dat; do [ -s "$0/$f" ] || exit 1; done' "$T/book"
check "the experiments are deterministic" bash -c "$EXP $T/book2 >/dev/null && diff -r $T/book $T/book2"
check "the experiments leave no temporary file" bash -c '[ -z "$(find "$0" -name "*.??????")" ]' "$T/book"
expect_usage_error "the experiments into an impossible directory" "^lsq: " $EXP "$T/empty.csv/sub"
echo "1..$n"
