# Problem 5: every unit's elbow during training, and the loss (data: elbows.dat).
set terminal cairolatex pdf input size 14cm,7.4cm linewidth 1.2 dashlength 1.4
set output out.'.tex'
load data.'snapshots.gp'
set multiplot layout 1,2 margins 0.09,0.98,0.14,0.97 spacing 0.12
set logscale x
set format x logformat
set xrange [20:last_step]
set xlabel 'SGD step'
unset key
set ylabel 'elbow $e_i$'
set yrange [-0.1:1.1]
set ytics 0, 0.1, 1
set format y '$%.1f$'
set grid noxtics noytics
do for [k=1:9] {
  set arrow k from 20, k/10.0 to last_step, k/10.0 nohead back linecolor rgb '#999999' dashtype (1,2)
}
plot for [i=3:32] data.'elbows.dat' using 1:i with lines linewidth 0.7 linecolor rgb '#0072B2'
unset arrow
set logscale y
set format y logformat
set yrange [*:*]
set ytics auto
set grid xtics ytics
set ylabel 'loss'
plot data.'elbows.dat' using 1:2 with lines linetype 2
unset multiplot
