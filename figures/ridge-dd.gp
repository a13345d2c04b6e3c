# Problem 4: double descent of the minimum-norm estimator (data: dd.dat).
# The y axis is clipped at 10: a simulated mean above it is drawn on the top
# edge as an open triangle; the exact risk is infinite for n-1 <= p <= n+1
# (the grey band), and its two branches are drawn on to their poles.
top = 10
set xrange [0:200]
set xtics 0, 40, 200
set xlabel 'number of features $p$ used ($n=40$)'
set logscale y
set format y logformat
set yrange [0.03:top]
set ylabel 'prediction risk'
set key bottom right
set object 1 rectangle from 39, graph 0 to 41, graph 1 behind fillcolor rgb '#d0d0d0' fillstyle solid 1.0 noborder
set label 1 '$\infty$ for $\abs{p-n}\le1$' at 44, 6 left front
plot data.'dd.dat' index 1 using 1:2 with lines linetype 1 title 'exact, minimum norm', \
     ''            index 2 using 1:2 with lines linetype 1 notitle, \
     ''            index 3 using 1:2 with lines linetype 1 notitle, \
     ''            index 0 using 1:($2 < top ? $2 : 1/0):(abs($1-40) < 4 ? 0 : 2*$3) with yerrorbars linetype 2 pointtype 6 pointsize 0.55 title 'simulated, minimum norm', \
     ''            index 0 using 1:($2 < top ? 1/0 : top) with points linetype 2 pointtype 8 pointsize 1.1 title 'simulated, off scale (mean $>10$)', \
     ''            index 0 using 1:4 with linespoints linetype 3 pointtype 5 pointsize 0.4 title 'tuned ridge'
