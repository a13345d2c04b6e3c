#!/usr/bin/env bash
# Command-line tests of build/bin/ridge: every mode and option, and bad input;
# and of the chapter's experiments, build/exp/ridge.
set -u
. tests/tap.sh
R=${BUILD:-build}/bin/ridge
EXP=${BUILD:-build}/exp/ridge
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
X=book/data/lsq-X.csv Y=book/data/lsq-y.csv
close() { paste <(printf '%s\n' "$1") <(printf '%s\n' "$2") |
          awk -v t="$3" '{ d = $1 - $2; if (d < 0) d = -d; if (d > t || NF != 2) bad = 1 }
                         END { exit bad || NR == 0 }'; }
export -f close

out=$($R --help); st=$?
check "--help exits 0 and names every option" bash -c '[ $0 -eq 0 ] && for o in --lambda --method --path --compare --verbose --help; do grep -q -- "$o" <<< "$1" || exit 1; done' $st "$out"
# w = X'y / (X'X + lambda) for a single column: X = (1, 2), y = (3, 4), lambda = 5: 11/10
printf '1\n2\n' > "$T/x1.csv"; printf '3\n4\n' > "$T/y1.csv"
for m in normal svd rows columns kernel; do
  check "one feature, --method $m: w = 11/10" close "$($R --lambda 5 --method $m "$T/x1.csv" "$T/y1.csv")" 1.1 1e-15
done
a=$($R --lambda 0.1 $X $Y)
for m in normal rows columns kernel; do
  check "--method $m agrees with svd on the example" close "$a" "$($R --lambda 0.1 --method $m $X $Y)" 1e-12
done
out=$($R --compare --lambda 0.1 $X $Y)
check "--compare prints five methods, svd exactly 0" bash -c '[ "$(wc -l <<< "$0")" -eq 5 ] && grep -qx "svd,0" <<< "$0"' "$out"
out=$($R --path 1e-2:1e2:5 $X $Y)
check "--path prints K rows of lambda and d coefficients" bash -c '[ "$(wc -l <<< "$0")" -eq 5 ] && [ "$(head -1 <<< "$0" | tr , "\n" | wc -l)" -eq 4 ]' "$out"
mid=$(sed -n 3p <<< "$out" | cut -d, -f2- | tr , '\n')
check "--path at lambda = 1 equals --lambda 1" close "$mid" "$($R --lambda 1 $X $Y)" 1e-12
big=$($R --lambda 1e12 $X $Y | head -1); 
check "a huge lambda shrinks w to nearly 0" awk -v v="$big" 'BEGIN { exit !(v < 1e-8 && v > -1e-8) }'
err=$($R --verbose --lambda 1 $X $Y 2>&1 >/dev/null)
check "--verbose reports on stderr" grep -q "^ridge: residual" <<< "$err"
for v in 0 -1 nan inf 1e400 abc; do
  expect_usage_error "--lambda $v" "^ridge: --lambda: " $R --lambda "$v" $X $Y
done
expect_usage_error "--path with LMIN > LMAX" "^ridge: --path: need 0 < LMIN <= LMAX" $R --path 2:1:3 $X $Y
expect_usage_error "--path without K" "^ridge: --path: expected LMIN:LMAX:K" $R --path 1:2 $X $Y
expect_usage_error "--path with K = 0" "^ridge: --path K: expected a whole number" $R --path 1:2:0 $X $Y
expect_usage_error "--path with --lambda" "^ridge: --path takes no --lambda" $R --path 1:2:3 --lambda 1 $X $Y
expect_usage_error "no lambda" "^ridge: --lambda or --path is required" $R $X $Y
expect_usage_error "unknown method" "^ridge: --method: expected normal, svd" $R --lambda 1 --method lu $X $Y
expect_usage_error "rows of X and y differ" "^ridge: $T/y1.csv: y has 2 entries but X \($X\) has 6 rows$" \
  $R --lambda 1 $X "$T/y1.csv"
expect_usage_error "--compare with --method" "^ridge: --compare runs every method" $R --compare --method svd --lambda 1 $X $Y
expect_usage_error "--path with K = 1 and two ends" "^ridge: --path: K = 1 needs LMIN = LMAX" $R --path 1:2:1 $X $Y
out=$($R --path 1e-300:1e300:3 $X $Y | cut -d, -f1 | tr '\n' ' ')
check "--path keeps its end points exactly" [ "$out" = "1e-300 1 1.0000000000000001e+300 " ]
# a singular value above 1e154 squares to infinity: the gain must not become 0
printf '1e200,0\n0,1e200\n' > "$T/huge.csv"; printf '1\n2\n' > "$T/y2.csv"
for m in svd rows columns; do
  out=$($R --lambda 1 --method $m "$T/huge.csv" "$T/y2.csv" | tr '\n' ' ')
  check "--method $m on X = 1e200 I: w = (1e-200, 2e-200)" [ "$out" = "9.9999999999999998e-201 2e-200 " ]
done
for m in normal kernel; do
  expect_usage_error "--method $m on X = 1e200 I: the product overflows" "^ridge: X.?X'? overflows: .* use --method svd" \
    $R --lambda 1 --method $m "$T/huge.csv" "$T/y2.csv"
done
expect_usage_error "--book is not an option of the program" "^ridge: unknown option --book" $R --book "$T/book"
out=$(OPENBLAS_NUM_THREADS=1 $EXP "$T/book"); st=$?
check "the experiments succeed and report their claims" bash -c '[ $0 -eq 0 ] && grep -qE "^ridge: [0-9]+ claims hold$" <<< "$1"' $st "$out"
check "the experiments write every output" bash -c 'for f in values.tex claims.tex claims.txt quad-table.tex gain.dat path.dat limits.dat map.dat cost.dat dd.dat; do [ -s "$0/$f" ] || exit 1; done' "$T/book"
check "the experiments leave no temporary files" bash -c '[ -d "$0" ] && [ -z "$(ls "$0" | grep -v -E "^[a-z-]+\.(tex|txt|dat)$")" ]' "$T/book"
check "the experiments are deterministic" bash -c "OPENBLAS_NUM_THREADS=1 $EXP $T/book2 >/dev/null && diff -r $T/book $T/book2"
expect_usage_error "the experiments into an impossible directory" "^ridge: " $EXP "$T/x1.csv/sub"
echo "1..$n"
