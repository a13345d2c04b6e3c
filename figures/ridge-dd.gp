# Problem 4: double descent of the minimum-norm estimator (data: dd.dat).
set xrange [0:200]
set xtics 0, 40, 200
set xlabel 'number of features $p$ used ($n=40$)'
set logscale y
set format y logformat
set yrange [0.03:1e4]
set ylabel 'prediction risk'
set key top right
set arrow from 40, graph 0 to 40, graph 1 nohead linecolor rgb '#999999' dashtype (2,3)
plot data.'dd.dat' index 1 using 1:2 with lines linetype 1 title 'exact, minimum norm', \
     ''            index 0 using 1:2:(abs($1-40) < 4 ? 0 : 2*$3) with yerrorbars linetype 2 pointtype 6 pointsize 0.55 title 'simulated, minimum norm', \
     ''            index 0 using 1:4 with linespoints linetype 3 pointtype 5 pointsize 0.4 title 'tuned ridge'
