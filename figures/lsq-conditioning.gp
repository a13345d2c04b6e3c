# Problem 3: relative error of three least-squares algorithms against the
# condition number, with a zero residual (left; data conditioning.dat) and with
# tan(theta) = 1 (right; conditioning-residual.dat).  The key is drawn by hand
# below the panels, where it hides nothing: a sample and a label per curve.
set terminal cairolatex pdf input size 12.4cm,9cm linewidth 1.6 dashlength 1.4
set logscale xy
set xrange [1:1e12]
set yrange [1e-17:1e2]
set format x logformat
set format y logformat
set ytics 1e-16, 1000, 1e2
set xlabel 'condition number $\kappa(X)$'
set multiplot
set tmargin at screen 0.95
set bmargin at screen 0.30
# Left panel: zero residual; it carries the key, placed below both panels.
set lmargin at screen 0.13
set rmargin at screen 0.535
set xtics 1, 1e4, 1e8
set xtics add ('' 1e12)
set ylabel 'relative error $\|w-w_{\mathrm{true}}\|/\|w_{\mathrm{true}}\|$'
set label 1 '$\tan\theta=0$' at graph 0.05, graph 0.92
unset key
# the key's columns start at kx(c), its rows are at height ky(r); a label's
# text is raised by lift to sit level with its sample
kx(c) = 0.06 + 0.33 * c
ky(r) = 0.115 - 0.07 * r
lift = 0.004
set arrow 1 from screen kx(0), ky(0) to screen kx(0) + 0.06, ky(0) nohead linecolor rgb '#444444' dashtype (3,3)
set label 11 '$\kappa\varepsilon$' at screen kx(0) + 0.075, ky(0) + lift
set arrow 2 from screen kx(1), ky(0) to screen kx(1) + 0.06, ky(0) nohead linecolor rgb '#000000' dashtype (6,3)
set label 12 '$\kappa^2\varepsilon$' at screen kx(1) + 0.075, ky(0) + lift
set arrow 3 from screen kx(2), ky(0) to screen kx(2) + 0.06, ky(0) nohead linecolor rgb '#CC79A7' dashtype (4,2) linewidth 1.5
set label 13 '$\kappa_{\mathrm{LS}}\varepsilon$ (right)' at screen kx(2) + 0.075, ky(0) + lift
set arrow 4 from screen kx(0), ky(1) to screen kx(0) + 0.06, ky(1) nohead linetype 2
set label 14 '' at screen kx(0) + 0.03, ky(1) point linetype 2
set label 15 'normal equations' at screen kx(0) + 0.075, ky(1) + lift
set arrow 5 from screen kx(1), ky(1) to screen kx(1) + 0.06, ky(1) nohead linetype 1
set label 16 '' at screen kx(1) + 0.03, ky(1) point linetype 1
set label 17 'Householder QR' at screen kx(1) + 0.075, ky(1) + lift
set arrow 6 from screen kx(2), ky(1) to screen kx(2) + 0.06, ky(1) nohead linetype 3
set label 18 '' at screen kx(2) + 0.03, ky(1) point linetype 3 pointtype 6 pointsize 1.6
set label 19 'SVD (circles)' at screen kx(2) + 0.075, ky(1) + lift
plot data.'conditioning.dat' using 1:5 with lines linecolor rgb '#444444' dashtype (3,3) notitle, \
     ''                       using 1:6 with lines linecolor rgb '#000000' dashtype (6,3), \
     ''                       using 1:2 with linespoints linetype 2, \
     ''                       using 1:3 with linespoints linetype 1, \
     ''                       using 1:4 with linespoints linetype 3 pointtype 6 pointsize 1.6
# Right panel: tan(theta) = 1, the same axes; the key is drawn once.
unset arrow
do for [i = 11:19] { unset label i }
set lmargin at screen 0.585
set rmargin at screen 0.99
set xtics 1, 1e4, 1e12
set ylabel ''
set format y ''
set label 1 '$\tan\theta=1$'
plot data.'conditioning-residual.dat' using 1:5 with lines linecolor rgb '#444444' dashtype (3,3), \
     ''                       using 1:6 with lines linecolor rgb '#000000' dashtype (6,3), \
     ''                       using 1:7 with lines linecolor rgb '#CC79A7' dashtype (4,2) linewidth 1.5, \
     ''                       using 1:2 with linespoints linetype 2, \
     ''                       using 1:3 with linespoints linetype 1, \
     ''                       using 1:4 with linespoints linetype 3 pointtype 6 pointsize 1.6
unset multiplot
