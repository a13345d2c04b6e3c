# Problem 5: histogram of the elbows before and after training (data: hist.dat).
set terminal cairolatex pdf input size 12.4cm,6cm linewidth 1.2 dashlength 1.4
set output out.'.tex'
set xrange [-0.02:1.02]
set xtics 0, 0.1, 1
set format x '$%.1f$'
set xlabel 'elbow $e_i$'
set ylabel 'units'
stats data.'hist.dat' using 3 nooutput
stats data.'hist.dat' using 2 prefix 'B' nooutput
set yrange [0:(STATS_max > B_max ? STATS_max : B_max) + 1]
set ytics 1
set grid noxtics ytics
set style fill solid 0.8 noborder
set boxwidth 0.008
set key top left
do for [k=1:9] {
  set arrow k from k/10.0, graph 0 to k/10.0, graph 1 nohead back linecolor rgb '#999999' dashtype (1,2)
}
plot data.'hist.dat' using ($1-0.0045):2 with boxes linecolor rgb '#aaaaaa' title 'start', \
     ''              using ($1+0.0045):3 with boxes linetype 1 title 'end'
