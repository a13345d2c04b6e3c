# Problem 5: the network's function at four moments (data: fit.dat; blocks
# 2s and 2s+1: the curve and the elbows at snapshot s; 8: target; 9: data;
# snapshots.gp: the steps of the snapshots).
set terminal cairolatex pdf input size 14cm,8.6cm linewidth 1.2 dashlength 1.4
set output out.'.tex'
set multiplot layout 2,2 margins 0.13,0.98,0.12,0.97 spacing 0.08,0.12
set xrange [0:1]
set yrange [-0.05:0.15]
set xtics 0, 0.2, 1
set ytics 0, 0.05, 0.1
set format x '$%.1f$'
set format y '$%.2f$'
unset key
load data.'snapshots.gp'
do for [s=0:3] {
  if (s == 0) { set yrange [*:*]; set ytics 0.1 } else { set yrange [-0.05:0.15]; set ytics 0, 0.05, 0.1 }
  set label 1 'after '.snapshot[s+1].' steps' at graph 0.03, graph 0.9 front
  set xlabel (s >= 2 ? '$x$' : '')
  set ylabel (s % 2 == 0 ? '$\hat f(x)$' : '')
  plot data.'fit.dat' index 8 using 1:2 with lines linecolor rgb '#aaaaaa' linewidth 2.5, \
       ''             index 9 using 1:2 with points pointtype 7 pointsize 0.15 linecolor rgb '#666666', \
       ''             index 2*s using 1:2 with lines linetype 1, \
       ''             index 2*s+1 using 1:2 with points pointtype 7 pointsize 0.45 linetype 2
}
unset multiplot
