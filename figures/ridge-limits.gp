# Problem 4: the limits lambda -> 0+ and lambda -> infinity (data: limits.dat).
set multiplot layout 1,2
set logscale xy
set format x logformat
set format y logformat
set key bottom center samplen 2
set xrange [1e-14:1]
set xtics 1e-14, 1e4, 1
set yrange [1e-12:1e2]
set xlabel '$\lambda$'
set ylabel '$\|w_\lambda-X^\dagger y\|$'
plot data.'limits.dat' using 1:2 with linespoints linetype 1 pointsize 0.5 title 'measured', \
     ''                using 1:3 with lines linecolor rgb '#000000' dashtype (4,3) title 'bound'
set xrange [1e-2:1e12]
set xtics 1e-2, 1e4, 1e12
set yrange [1e-12:1e2]
set ylabel '$\|\lambda w_\lambda-X^{\top}y\|$'
set key bottom left
plot data.'limits.dat' using 4:5 with linespoints linetype 2 pointsize 0.5 title 'measured', \
     ''                using 4:6 with lines linecolor rgb '#000000' dashtype (4,3) title 'bound'
unset multiplot
