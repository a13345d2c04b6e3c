# Problem 3: relative error of three least-squares algorithms against the
# condition number (data: conditioning.dat from lsq --book).
set logscale xy
set xrange [1:1e12]
set yrange [1e-17:1e2]
set format x logformat
set format y logformat
set xtics 1, 100, 1e12
set ytics 1e-16, 1000, 1e2
set xlabel 'condition number $\kappa(X)$'
set ylabel 'relative error $\|w-w_{\mathrm{true}}\|/\|w_{\mathrm{true}}\|$'
set key top left Left reverse samplen 3 spacing 1.2
plot data.'conditioning.dat' using 1:5 with lines linecolor rgb '#444444' dashtype (3,3) title '$\kappa\,\varepsilon$', \
     ''                       using 1:6 with lines linecolor rgb '#000000' dashtype (6,3) title '$\kappa^2\varepsilon$', \
     ''                       using 1:2 with linespoints linetype 2 title 'normal equations', \
     ''                       using 1:3 with linespoints linetype 1 title 'Householder QR', \
     ''                       using 1:4 with linespoints linetype 3 pointtype 6 pointsize 1.6 title 'SVD (circles, on QR)'
