# Problem 3: relative error of three least-squares algorithms against the
# condition number, with a zero residual (left; data conditioning.dat) and with
# tan(theta) = 1 (right; conditioning-residual.dat).  The key sits below the
# panels, where it hides nothing.
set terminal cairolatex pdf input size 12.4cm,9cm linewidth 1.6 dashlength 1.4
set logscale xy
set xrange [1:1e12]
set yrange [1e-17:1e2]
set format x logformat
set format y logformat
set xtics 1, 1e4, 1e12
set ytics 1e-16, 1000, 1e2
set xlabel 'condition number $\kappa(X)$'
unset key
set multiplot
set lmargin at screen 0.13
set rmargin at screen 0.54
set tmargin at screen 0.93
set bmargin at screen 0.34
set ylabel 'relative error $\|w-w_{\mathrm{true}}\|/\|w_{\mathrm{true}}\|$'
set label 1 '$\tan\theta=0$' at graph 0.05, graph 0.92
set key at screen 0.5, screen 0.01 center bottom horizontal maxrows 2 width 1 samplen 2.5 noopaque nobox
plot data.'conditioning.dat' using 1:5 with lines linecolor rgb '#444444' dashtype (3,3) title '$\kappa\,\varepsilon$', \
     ''                       using 1:6 with lines linecolor rgb '#000000' dashtype (6,3) title '$\kappa^2\varepsilon$', \
     1/0 with lines linecolor rgb '#CC79A7' dashtype (2,2) title '$\kappa_{\mathrm{LS}}\varepsilon$ ($=\kappa\varepsilon$ when $\tan\theta=0$)', \
     data.'conditioning.dat' using 1:2 with linespoints linetype 2 title 'normal equations', \
     ''                       using 1:3 with linespoints linetype 1 title 'Householder QR', \
     ''                       using 1:4 with linespoints linetype 3 pointtype 6 pointsize 1.6 title 'SVD (circles)'
unset key
set lmargin at screen 0.58
set rmargin at screen 0.99
set ylabel ''
set format y ''
set label 1 '$\tan\theta=1$'
plot data.'conditioning-residual.dat' using 1:5 with lines linecolor rgb '#444444' dashtype (3,3), \
     ''                       using 1:6 with lines linecolor rgb '#000000' dashtype (6,3), \
     ''                       using 1:7 with lines linecolor rgb '#CC79A7' dashtype (2,2), \
     ''                       using 1:2 with linespoints linetype 2, \
     ''                       using 1:3 with linespoints linetype 1, \
     ''                       using 1:4 with linespoints linetype 3 pointtype 6 pointsize 1.6
unset multiplot
