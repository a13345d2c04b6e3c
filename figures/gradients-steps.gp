# Problem 2: relative error of forward, central and complex-step derivatives
# against the step h (data: steps.dat and steps-optima.dat from gradients --book).
# Columns of steps.dat: h, three errors (NaN where exactly zero), two model
# curves, and three columns that are 1.4e-18 where an error was exactly zero.
set logscale xy
set xrange [1e-20:1e-1]
set yrange [1e-18:1e2]
set format x logformat
set format y logformat
set xtics 1e-20, 1e4, 1e-1
set mxtics 4
set ytics 1e-18, 1000, 1e2
set mytics 3
set xlabel 'step $h$' offset 0,0.4
set ylabel 'relative error of the derivative'
set key below Left reverse vertical samplen 3 width -1 maxrows 3 spacing 1.25
plot data.'steps.dat' using 1:4 with lines linetype 3 linewidth 1.2 title 'complex step', \
     ''               using 1:2 with lines linetype 1 title 'forward', \
     ''               using 1:3 with lines linetype 2 dashtype (6,3) title 'central', \
     ''               using 1:5 with lines linetype 1 dashtype (1,2) linewidth 1.3 title 'forward: model', \
     ''               using 1:6 with lines linetype 2 dashtype (1,2) linewidth 1.3 title 'central: model', \
     ''               using 1:7 with points linetype 1 pointtype 9 pointsize 0.5 notitle, \
     ''               using 1:8 with points linetype 2 pointtype 9 pointsize 0.5 notitle, \
     ''               using 1:9 with points linetype 3 pointtype 9 pointsize 0.5 notitle, \
     data.'steps-optima.dat' index 0 using 1:2:($0+1) with points pointtype 6 pointsize 1.8 \
        linecolor variable notitle, \
     ''                      index 1 using 1:2:($0+1) with points pointtype 2 pointsize 1.8 \
        linecolor variable notitle, \
     NaN with points pointtype 6 pointsize 1.5 linecolor rgb '#000000' title 'measured minimum', \
     NaN with points pointtype 2 pointsize 1.5 linecolor rgb '#000000' title 'model $h^*$'
