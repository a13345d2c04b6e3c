# Problem 2: relative error of forward, central and complex-step derivatives
# against the step h (data: steps.dat and steps-optima.dat from gradients --book).
set logscale xy
set xrange [1e-20:1e-1]
set yrange [1e-18:1e2]
set format x logformat
set format y logformat
set xtics 1e-20, 100, 1e-1
set ytics 1e-18, 1000, 1e2
set xlabel 'step $h$'
set ylabel 'relative error of the derivative'
set key at graph 0.98, graph 0.42 right bottom
plot data.'steps.dat' using 1:2 with lines linetype 1 title 'forward', \
     ''               using 1:3 with lines linetype 2 title 'central', \
     ''               using 1:4 with lines linetype 3 title 'complex step', \
     ''               using 1:5 with lines linetype 1 dashtype (4,4) linewidth 0.7 notitle, \
     ''               using 1:6 with lines linetype 2 dashtype (4,4) linewidth 0.7 notitle, \
     data.'steps-optima.dat' index 0 using 1:2:($0+1) with points pointtype 6 pointsize 1.6 linecolor variable notitle, \
     ''                      index 1 using 1:2:($0+1) with points pointtype 2 pointsize 1.6 linecolor variable notitle
