#!/usr/bin/env bash
# Command-line tests of build/bin/relu-elbow (step and train, and bad input)
# and of the experiments' program build/exp/relu-elbow.
set -u
. tests/tap.sh
R=${BUILD:-build}/bin/relu-elbow
X=${BUILD:-build}/exp/relu-elbow
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
XY=tests/data/relu-xy.csv

out=$($R --help); st=$?
check "--help exits 0 and names both commands and every option" bash -c '[ $0 -eq 0 ] && for o in step train --w --b --x --y --lr --v --units --steps --seed --every --data --verbose; do grep -q -- "$o" <<< "$1" || exit 1; done' $st "$out"

# One step of the seed's counterexample: w = 1, b = 3 (e = -3), x = 1, y = 3:
# r = 1, w' = 0.9, b' = 2.9, e' = -29/9, to the left.
out=$($R step --w 1 --b 3 --x 1 --y 3 --lr 0.1)
check "step prints w', b', e, e'" [ "$out" = "$(printf '0.90000000000000002\n2.8999999999999999\n-3\n-3.2222222222222219')" ]
err=$($R step --w 1 --b 3 --x 1 --y 3 --lr 0.1 --verbose 2>&1 >/dev/null)
check "--verbose explains the case on stderr" bash -c 'grep -q "active" <<< "$0" && grep -q "moves left" <<< "$0" && grep -q "same sign" <<< "$0"' "$err"
out=$($R step --w 1 --b 0 --x 1 --y 0 --lr 0.1 --v 2)
check "step --v prints five lines with the new v" [ "$out" = "$(printf '0.59999999999999998\n-0.40000000000000002\n0\n0.66666666666666674\n1.8')" ]
out=$($R step --w 0.5 --b 0.5 --x 1 --y 0 --lr 0.5)
check "a step that makes w' = 0 prints none for the new elbow" [ "$(tail -1 <<< "$out")" = none ]
out=$($R step --w 0 --b 1 --x 1 --y 0 --lr 0.5)
check "w = 0 prints none for the old elbow" [ "$(sed -n 3p <<< "$out")" = none ]
out=$($R step --w 1 --b -2 --x 1 --y 5 --lr 0.5 --v 3)
check "an inactive unit is printed unchanged" [ "$out" = "$(printf '1\n-2\n2\n2\n3')" ]
err=$($R step --w 1 --b -2 --x 1 --y 5 --lr 0.5 --verbose 2>&1 >/dev/null)
check "--verbose says when the unit is inactive" grep -q "inactive" <<< "$err"
for c in "1 2 -1 0.5 right" "-1 3 1 0.5 left" "-1 2 -1 0.1 right" "1 0 1 2 left"; do
  set -- $c
  err=$($R step --w $1 --b $2 --x $3 --y $(awk -v w=$1 -v b=$2 -v x=$3 'BEGIN { print w * x + b - 1 }') --lr $4 --verbose 2>&1 >/dev/null)
  check "w=$1 b=$2 x=$3 lr=$4 (r = 1): the elbow moves $5" grep -q "moves $5" <<< "$err"
done

err=$($R step --w 0 --b 1 --x 1 --y 0 --lr 0.5 --verbose 2>&1 >/dev/null)
check "--verbose says when a step creates an elbow (w = 0)" grep -q "an elbow appears" <<< "$err"
err=$($R step --w 1 --b 1 --x 1 --y 1 --lr 0.5 --verbose 2>&1 >/dev/null)
check "--verbose says when the elbow sits at the pivot -1/x" grep -q "at the pivot -1/x and stays" <<< "$err"
err=$($R step --w 1 --b 0 --x 1 --y 1 --lr 0.5 --verbose 2>&1 >/dev/null)
check "--verbose: r = 0 is a zero step, not an elbow at the pivot" bash -c 'grep -q "r = 0: the unit already fits the example" <<< "$0" && ! grep -q -e pivot -e "moves" -e "= -0" <<< "$0"' "$err"
err=$($R step --w 1 --b 0 --x 1 --y 1 --lr 0.5 --v 0 --verbose 2>&1 >/dev/null)
check "--verbose: v = 0 is a zero step on w and b" bash -c 'grep -q "v = 0: the step c = lr r v on w and b is zero" <<< "$0" && ! grep -q -e pivot -e "moves" -e "= -0" <<< "$0"' "$err"
err=$($R step --w 1 --b 1 --x 1 --y 1 --lr 1e-30 --verbose 2>&1 >/dev/null)
check "--verbose: a step too small to change w and b is lost to rounding" bash -c 'grep -q "the step c = 1e-30 is lost to rounding" <<< "$0" && ! grep -q -e pivot -e "moves" <<< "$0"' "$err"
err=$($R step --w 3 --b 0.75 --x 3 --y 8.75 --lr 1e-16 --verbose 2>&1 >/dev/null)
check "--verbose: a move of the elbow lost to rounding is not 'moves right by 0'" bash -c 'grep -q "exact move c (1 + e x)/w. = 8.33333e-18 is lost to rounding" <<< "$0" && ! grep -q "moves right" <<< "$0"' "$err"
err=$($R step --w 0.5 --b -0.75 --x 2 --y -0.75 --lr 0.5 --verbose 2>&1 >/dev/null)
check "--verbose: after a flip the elbow moves through infinity" grep -q "moves left by 4 (through infinity: the slope flipped)" <<< "$err"
expect_usage_error "an elbow -b/w that overflows" "^relu-elbow: the step or an elbow -b/w overflows" $R step --w 1e-320 --b 1 --x 0 --y 0 --lr 0.5
out=$($R train --units 2 --steps 4 --every 3)
check "train prints the last step even when it is not a multiple of --every" [ "$(cut -d, -f1 <<< "$out" | tr '\n' ' ')" = "step 0 3 4 " ]
printf '0.5,1\n' > "$T/one.csv"
err=$($R train --units 4 --steps 2000 --data "$T/one.csv" --verbose 2>&1 >/dev/null)
check "one input: the elbows are spread around it, and the fit succeeds" bash -c 'grep -q "1 example, 4 units" <<< "$0" && ! grep -q "(4 dead" <<< "$0"' "$err"
out=$($R train --units 3 --steps 2000 --every 500)
check "train prints a header and steps/every + 1 rows" bash -c '[ "$(head -1 <<< "$0")" = "step,loss,e_1,e_2,e_3" ] && [ "$(wc -l <<< "$0")" -eq 6 ] && [ "$(tail -1 <<< "$0" | cut -d, -f1)" = 2000 ]' "$out"
check "train is deterministic for a seed" [ "$out" = "$($R train --units 3 --steps 2000 --every 500)" ]
check "another seed gives another run" [ "$out" != "$($R train --units 3 --steps 2000 --every 500 --seed 2)" ]
out=$($R train --units 4 --steps 100000 --every 100000 --data $XY)
loss=$(tail -1 <<< "$out" | cut -d, -f2)
check "train fits the reader's data (hinge at 0.5): final loss $loss < 1e-5" awk -v l="$loss" 'BEGIN { exit !(l < 1e-5) }'
sed 's/$/\r/' $XY > "$T/crlf.csv"
check "CRLF data gives the same run" [ "$out" = "$($R train --units 4 --steps 100000 --every 100000 --data "$T/crlf.csv")" ]
err=$($R train --units 4 --steps 1000 --data $XY --verbose 2>&1 >/dev/null)
check "train --verbose reports the examples, dead units and final loss" grep -q "21 examples, 4 units" <<< "$err"

for v in 0 -1 nan inf 1e400 abc; do
  expect_usage_error "step --lr $v" "^relu-elbow: --lr: " $R step --w 1 --b 0 --x 1 --y 0 --lr "$v"
done
expect_usage_error "train --lr 0" "^relu-elbow: --lr: must be > 0" $R train --lr 0
for o in w b x y v; do
  args=(); for p in w b x y v; do args+=(--$p "$([ $p = $o ] && echo nan || echo 1)"); done
  expect_usage_error "step --$o nan" "^relu-elbow: --$o: not finite" $R step "${args[@]}" --lr 1
done
expect_usage_error "step without --y" "^relu-elbow: step needs --y" $R step --w 1 --b 0 --x 1 --lr 1
expect_usage_error "step with a train option" "^relu-elbow: --units is an option of train, not step" $R step --w 1 --b 0 --x 1 --y 0 --lr 1 --units 3
expect_usage_error "train with a step option" "^relu-elbow: --w is an option of step, not train" $R train --w 1
expect_usage_error "no command" "^relu-elbow: expected a command, step or train" $R
expect_usage_error "an unknown command" "^relu-elbow: " $R fly --w 1
expect_usage_error "an unknown option" "^relu-elbow: " $R train --speed 3
expect_usage_error "a stray argument" "^relu-elbow: unexpected argument" $R train extra
for o in "--units 0" "--units 1e3" "--steps -5" "--every 0" "--seed -1" "--steps 99999999999"; do
  expect_usage_error "train $o" "^relu-elbow: ${o%% *}: expected a whole number" $R train $o
done
expect_usage_error "a trajectory too large to keep" "^relu-elbow: the trajectory would have" $R train --steps 100000000 --every 1 --units 1000
out=$($R train --lr 100 --steps 1000 --every 1000 2>"$T/err"); st=$?
check "train --lr 100 says on stderr that every unit died" bash -c '[ $0 -eq 0 ] && grep -q "warning: 30 of 30 units died during training" "$1"' $st "$T/err"
rm -f "$T/err"
printf '1e200,1\n2e200,3\n' > "$T/huge.csv"
expect_usage_error "huge data are badly scaled, not a diverging run" "^relu-elbow: the loss of the initial network overflows before any step: the data are badly scaled" $R train --data "$T/huge.csv"
check "train without options repeats the book's run (its last row)" [ "$($R train 2>/dev/null | tail -1)" = "$(cat ${BUILD:-build}/out/relu-elbow/train-last.dat)" ]
expect_usage_error "a diverging run" "^relu-elbow: training diverged" $R train --lr 1e300 --steps 100 --every 10
printf '1,2,3\n4,5,6\n' > "$T/three.csv"
expect_usage_error "--data with three columns" "^relu-elbow: $T/three.csv: expected two columns x,y, found 3" $R train --data "$T/three.csv"
expect_usage_error "--book is not an option of the program" "^relu-elbow: .*--book" $R train --book "$T/b"
expect_usage_error "--book without a command" "^relu-elbow: .*--book" $R --book "$T/b"
check "refused runs left no file behind" [ -z "$(ls -A "$T" | grep -v -e crlf.csv -e three.csv -e one.csv -e huge.csv)" ]

# --- the experiments ---------------------------------------------------------------------
out=$($X "$T/book"); st=$?
check "the experiments succeed and report their claims" bash -c '[ $0 -eq 0 ] && grep -qE "^relu-elbow: [0-9]+ claims hold$" <<< "$1"' $st "$out"
check "the experiments write every output" bash -c 'for f in values.tex claims.tex claims.txt cases-table.tex cases.dat cases.gp flip.dat flip.gp map.dat order.dat fit.dat snapshots.gp elbows.dat hist.dat train-last.dat; do [ -s "$0/$f" ] || exit 1; done' "$T/book"
check "the experiments leave no temporary files" bash -c '[ -z "$(ls "$0" | grep -v -E "^[a-z-]+\.(tex|txt|dat|gp)$")" ]' "$T/book"
check "the experiments are deterministic (same files as the build's run)" \
  bash -c 'for f in "$0"/*; do cmp -s "$f" "$1/${f##*/}" || exit 1; done' "$T/book" "${BUILD:-build}/out/relu-elbow"
expect_usage_error "the experiments into an impossible directory" "^relu-elbow: .*cannot create directory" \
  $X "$T/one.csv/sub"
rm -rf "$T/book"
echo "1..$n"
