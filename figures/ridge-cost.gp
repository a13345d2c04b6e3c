# Problem 4: flop counts of the five constructions, n = 1000 (data: cost.dat).
set logscale xy
set xrange [10:1e4]
set format x logformat
set format y logformat
set xlabel 'number of features $d$ ($n=1000$)'
set ylabel 'floating-point operations'
set key top left
set arrow from 1000, graph 0 to 1000, graph 1 nohead linecolor rgb '#999999' dashtype (2,3)
plot data.'cost.dat' using 1:2 with linespoints linetype 1 pointinterval 6 pointsize 0.6 title 'normal (a)', \
     ''              using 1:6 with linespoints linetype 2 pointinterval 6 pointsize 0.6 title 'kernel (f)', \
     ''              using 1:3 with linespoints linetype 3 pointinterval 6 pointsize 0.6 title 'SVD (b)', \
     ''              using 1:4 with linespoints linetype 4 dashtype (6,3) pointinterval 6 pointsize 0.6 title 'rows (d)', \
     ''              using 1:5 with linespoints linetype 5 dashtype (2,2) pointinterval 6 pointsize 0.6 title 'columns (e)'
