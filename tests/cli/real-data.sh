#!/usr/bin/env bash
# lsq and ridge on data as people export it: delimiters, headers, quotes,
# --y-col, --intercept against scikit-learn's answers on the diabetes data
# (tests/data/diabetes-make.py made them), a safe --compare, and the warnings
# of the Cholesky methods.
set -u
. tests/tap.sh
B=${BUILD:-build}
L=$B/bin/lsq R=$B/bin/ridge
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
D=tests/data
# relclose A B TOL: the vectors A and B (one number a line) have ||A - B|| <= TOL ||B||
relclose() { paste <(printf '%s\n' "$1") <(printf '%s\n' "$2") |
  awk -v t="$3" 'NF != 2 { bad = 1 } { d = $1 - $2; s += d * d; n += $2 * $2 }
                 END { exit bad || NR == 0 || sqrt(s) > t * sqrt(n) }'; }

# ---- delimiters, headers and quotes: every form of one matrix gives one answer
printf '1,0.5\n2,-1\n3,4\n4,2.25\n' > "$T/X.csv"; printf '1\n2\n4\n3\n' > "$T/y.csv"
ref=$($L "$T/X.csv" "$T/y.csv")
printf 'a\tb\n1\t0.5\n2\t-1\n3\t4\n4\t2.25\n' > "$T/tab.tsv"
printf '"a";"b"\n"1";0.5\n2;"-1"\n3;4\n4;2.25\n' > "$T/semi.csv"
printf '1 0.5\n  2   -1\n3 4 \n4 2.25\n' > "$T/space.txt"
printf '\xEF\xBB\xBF"a, quoted","b ""q"""\r\n# a comment\r\n1, 0.5\r\n\r\n2 ,-1\r\n3,4\r\n4,2.25\r\n' > "$T/excel.csv"
for f in tab.tsv semi.csv space.txt excel.csv; do
  check "lsq reads $f as X.csv" [ "$($L "$T/$f" "$T/y.csv")" = "$ref" ]
  check "ridge reads $f as X.csv" [ "$($R --lambda 1 "$T/$f" "$T/y.csv")" = "$($R --lambda 1 "$T/X.csv" "$T/y.csv")" ]
done
check "--delimiter tab reads a tab file" [ "$($L --delimiter tab "$T/tab.tsv" "$T/y.csv")" = "$ref" ]
check "--delimiter ';' reads a semicolon file" [ "$($R --lambda 1 --delimiter ';' "$T/semi.csv" "$T/y.csv")" = "$($R --lambda 1 "$T/X.csv" "$T/y.csv")" ]
expect_usage_error "--delimiter , on a tab file: the tab is named" "^lsq: $T/tab.tsv:2: field 'a\\\\x09b' \\(column 1\\) is \"1\\\\x090.5\": a tab in a file delimited by commas" \
  $L --delimiter , "$T/tab.tsv" "$T/y.csv"
expect_usage_error "--delimiter pipe is refused" "^lsq: --delimiter: expected ',', tab, ';' or space, got \"pipe\"$" $L --delimiter pipe "$T/X.csv" "$T/y.csv"
expect_usage_error "ridge --delimiter pipe is refused" "^ridge: --delimiter: expected" $R --lambda 1 --delimiter pipe "$T/X.csv" "$T/y.csv"
err=$($L --verbose "$T/tab.tsv" "$T/y.csv" 2>&1 >/dev/null)
check "lsq --verbose reports the detected delimiter and the header" grep -q "^lsq: $T/tab.tsv: delimiter tab (detected); a header row of 2 names, 'a' first$" <<< "$err"
err=$($R --verbose --lambda 1 --delimiter space "$T/space.txt" "$T/y.csv" 2>&1 >/dev/null)
check "ridge --verbose reports a named delimiter" grep -q "^ridge: $T/space.txt: delimiter space (as given); no header row$" <<< "$err"
check "standard input: '-' for X" [ "$($L - "$T/y.csv" < "$T/semi.csv")" = "$ref" ]

# ---- --y-col: a name or a number, X is the rest
printf 'a,y,b\n1,1,0.5\n2,2,-1\n3,4,4\n4,3,2.25\n' > "$T/xy.csv"
check "lsq --y-col y" [ "$($L --y-col y "$T/xy.csv")" = "$ref" ]
check "lsq --y-col 2" [ "$($L --y-col 2 "$T/xy.csv")" = "$ref" ]
check "ridge --y-col y" [ "$($R --lambda 1 --y-col y "$T/xy.csv")" = "$($R --lambda 1 "$T/X.csv" "$T/y.csv")" ]
expect_usage_error "--y-col names no column" "^lsq: $T/xy.csv: --y-col: no column is named 'z'$" $L --y-col z "$T/xy.csv"
expect_usage_error "--y-col by name without a header" "^ridge: $T/X.csv: --y-col 'y': the file has no header row of names; give a column number$" $R --lambda 1 --y-col y "$T/X.csv"
expect_usage_error "--y-col past the last column" "^lsq: $T/X.csv: --y-col 3: the file has 2 columns$" $L --y-col 3 "$T/X.csv"
expect_usage_error "--y-col 0" "^lsq: $T/X.csv: --y-col 0: the file has 2 columns$" $L --y-col 0 "$T/X.csv"
expect_usage_error "--y-col with two files" "^lsq: with --y-col, expected one file, found 2" $L --y-col 1 "$T/X.csv" "$T/y.csv"
expect_usage_error "ridge --y-col with two files" "^ridge: with --y-col, expected one file, found 2" $R --lambda 1 --y-col 1 "$T/X.csv" "$T/y.csv"
printf '1\n2\n' > "$T/one.csv"
expect_usage_error "--y-col on one column leaves no X" "^lsq: $T/one.csv: --y-col: the file has one column, which leaves no X$" $L --y-col 1 "$T/one.csv"

# ---- --intercept: b first; a constant added to y moves b alone
out=$($L --intercept "$T/X.csv" "$T/y.csv")
awk '{ print $1 + 100 }' "$T/y.csv" > "$T/y100.csv"
out100=$($L --intercept "$T/X.csv" "$T/y100.csv")
check "lsq --intercept prints b then w (d + 1 lines)" [ "$(wc -l <<< "$out")" -eq 3 ]
check "lsq --intercept: y + 100 moves b by 100, w not at all" relclose "$(tail -2 <<< "$out100")" "$(tail -2 <<< "$out")" 1e-13
check "lsq --intercept: b moves by 100" awk -v a="$(head -1 <<< "$out")" -v b="$(head -1 <<< "$out100")" 'BEGIN { d = b - a - 100; exit !(d < 1e-12 && d > -1e-12) }'
r1=$($R --lambda 3 --intercept "$T/X.csv" "$T/y.csv"); r2=$($R --lambda 3 --intercept "$T/X.csv" "$T/y100.csv")
check "ridge --intercept: b is not penalized (y + 100 leaves w alone)" relclose "$(tail -2 <<< "$r2")" "$(tail -2 <<< "$r1")" 1e-13
for m in normal rows columns kernel; do
  check "ridge --intercept --method $m agrees with svd" relclose "$($R --lambda 3 --intercept --method $m "$T/X.csv" "$T/y.csv")" "$r1" 1e-12
done
p=$($R --path 3:3:1 --intercept "$T/X.csv" "$T/y.csv")
check "ridge --path --intercept: rows lambda,b,w" [ "$p" = "3,$(paste -sd, <<< "$r1")" ]
c=$($R --compare --intercept --lambda 3 "$T/X.csv" "$T/y.csv")
check "ridge --compare --intercept: five rows, svd 0" bash -c '[ "$(wc -l <<< "$0")" -eq 5 ] && grep -qx "svd,0" <<< "$0"' "$c"

# ---- the diabetes data against scikit-learn
for f in diabetes.csv diabetes.tsv; do
  check "diabetes ($f): lsq = LinearRegression(fit_intercept=False)" relclose "$($L --y-col 11 $D/$f)" "$(cat $D/diabetes-lsq.ref)" 1e-12
  check "diabetes ($f): lsq --intercept = LinearRegression()" relclose "$($L --intercept --y-col 11 $D/$f)" "$(cat $D/diabetes-lsq-intercept.ref)" 1e-12
  check "diabetes ($f): ridge = Ridge(alpha=1, fit_intercept=False)" relclose "$($R --lambda 1 --y-col 11 $D/$f)" "$(cat $D/diabetes-ridge.ref)" 1e-12
  check "diabetes ($f): ridge --intercept = Ridge(alpha=1)" relclose "$($R --lambda 1 --intercept --y-col 11 $D/$f)" "$(cat $D/diabetes-ridge-intercept.ref)" 1e-12
done
check "diabetes: --y-col target (by name) = --y-col 11" [ "$($L --y-col target $D/diabetes.csv)" = "$($L --y-col 11 $D/diabetes.tsv)" ]

# ---- a safe --compare: costly forms skipped on a tall X, failures in their row
awk 'BEGIN { srand(7); for (i = 0; i < 3000; i++) { for (j = 0; j < 4; j++) printf "%s%.6f", (j ? "," : ""), rand(); print "" } }' > "$T/tall.csv"
awk 'BEGIN { srand(8); for (i = 0; i < 3000; i++) printf "%.6f\n", rand() }' > "$T/tally.csv"
out=$($R --compare --lambda 1 "$T/tall.csv" "$T/tally.csv" 2> "$T/err"); st=$?
check "--compare on 3000 x 4 exits 0 with five rows" [ $st -eq 0 -a "$(wc -l <<< "$out")" -eq 5 ]
check "--compare skips columns and kernel on a tall X" bash -c 'grep -qx "columns,skipped" <<< "$0" && grep -qx "kernel,skipped" <<< "$0" && grep -q "^normal,[0-9]" <<< "$0"' "$out"
check "--compare says on stderr why each was skipped" bash -c '[ "$(grep -c "^ridge: note: --compare skips .*: on 3000 x 4 it costs about .* times the svd form (--all runs it)$" "$0")" -eq 2 ]' "$T/err"
out=$($R --compare --all --lambda 1 "$T/tall.csv" "$T/tally.csv" 2>/dev/null)
check "--compare --all runs every form" bash -c '! grep -q skipped <<< "$0" && [ "$(wc -l <<< "$0")" -eq 5 ]' "$out"
expect_usage_error "--all without --compare" "^ridge: --all goes with --compare$" $R --all --lambda 1 "$T/X.csv" "$T/y.csv"
printf '1,1\n1,1\n1,1\n' > "$T/twin.csv"; printf '1\n2\n3\n' > "$T/y3.csv"
out=$($R --compare --lambda 1e-30 "$T/twin.csv" "$T/y3.csv"); st=$?
check "--compare: a failed form prints its row and hides nothing" bash -c '[ $0 -eq 0 ] && grep -q "^normal,failed: method normal: X.X + lambda I is not positive definite" <<< "$1" && grep -q "^rows,[0-9]" <<< "$1" && grep -qx "svd,0" <<< "$1"' $st "$out"

# ---- honest accuracy: warnings and failures of the Cholesky methods
printf '1,1\n1,1.000001\n1,0.999999\n' > "$T/ill.csv"
for m in normal kernel; do
  err=$($R --lambda 1e-14 --method $m "$T/ill.csv" "$T/y3.csv" 2>&1 >/dev/null)
  check "ridge --method $m warns when kappa eps > 1e-8" grep -q "^ridge: warning: method $m: the condition number of .* is about .*, so expect a relative error of about .*; use --method svd$" <<< "$err"
  err=$($R --lambda 1 --method $m "$T/X.csv" "$T/y.csv" 2>&1 >/dev/null)
  check "ridge --method $m is silent when well conditioned" [ -z "$err" ]
  expect_usage_error "ridge --method $m: a failed Cholesky names the method and suggests svd" "^ridge: method $m: .* is not positive definite in floating point \\(Cholesky failed at leading minor [0-9]+ of [0-9]+\\); use --method svd$" \
    $R --lambda 1e-30 --method $m "$T/twin.csv" "$T/y3.csv"
done
err=$($L --method normal "$T/ill.csv" "$T/y3.csv" 2>&1 >/dev/null)
check "lsq --method normal warns when kappa eps > 1e-8" grep -q "^lsq: warning: method normal: the condition number of X'X is about .*; use --method svd$" <<< "$err"
check "lsq --method normal is silent when well conditioned" [ -z "$($L --method normal "$T/X.csv" "$T/y.csv" 2>&1 >/dev/null)" ]
expect_usage_error "lsq --method normal: a failed Cholesky names the method" "^lsq: method normal: the normal equations are not positive definite.*use --method svd$" \
  $L --method normal "$T/twin.csv" "$T/y3.csv"
for p in lsq ridge gradients relu-elbow; do
  check "$p --help says that '-' reads standard input" bash -c '"$0" --help | grep -q "'"'"'-'"'"'"' "$B/bin/$p"
done
echo "1..$n"
