# Problem 5: the new elbow e' and the new slope w' of one flip row's example
# against the learning rate (data: flip.dat, one block on each side of the
# pole; flip.gp: lstar = w/(rx), the old elbow e0, the pivot -1/x and the
# row's own rate lrow).
set terminal cairolatex pdf input size 14cm,6cm linewidth 1.3 dashlength 1.4
set output out.'.tex'
load data.'flip.gp'
set multiplot layout 1,2 margins 0.09,0.98,0.17,0.96 spacing 0.15
set xrange [0:3*lstar]
set xlabel 'learning rate $\lambda$'
set format x '$%g$'
set format y '$%g$'
unset key
set style textbox opaque noborder
set arrow 1 from lstar, graph 0 to lstar, graph 1 nohead back linecolor rgb '#000000' dashtype (5,3)
set arrow 2 from lrow, graph 0 to lrow, graph 0.06 nohead front linecolor rgb '#000000' linewidth 2
set label 1 '$\lambda^*$' at lstar, graph 0.92 offset 0.5,0 left front
set yrange [-6:6]
set ytics -6, 2, 6
set ylabel "new elbow $e'$"
set label 2 'old elbow $e$' at 3*lstar, e0 offset -0.5,0.6 right front
set label 3 'pivot $-1/x$' at 3*lstar, pivot offset -0.5,0.6 right front
plot e0 with lines linecolor rgb '#999999' dashtype (1,2), \
     pivot with lines linecolor rgb '#999999' dashtype (4,2), \
     data.'flip.dat' using 1:3 with lines linetype 1
unset label 2
unset label 3
set yrange [*:*]
set ytics auto
set ylabel "new slope $w'$"
plot 0 with lines linecolor rgb '#999999' dashtype (1,2), \
     data.'flip.dat' using 1:2 with lines linetype 2
unset multiplot
