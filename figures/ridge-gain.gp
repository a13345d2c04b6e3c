# Problem 4: the ridge gain sigma/(sigma^2 + lambda) and the filter factor
# sigma^2/(sigma^2 + lambda) for three lambdas (data: gain.dat).
set multiplot layout 1,2
set logscale x
set xrange [1e-4:1e3]
set format x logformat
set xtics 1e-4, 100, 1e2
set xlabel 'singular value $\sigma$'
set logscale y
set yrange [1e-3:1e3]
set format y logformat
set ylabel 'gain'
unset key
set label 1 '$1/\sigma$' at 1.6e-3, 150 right front
plot 1/x with lines linecolor rgb '#000000' dashtype (4,3) title '$1/\sigma$', \
     data.'gain.dat' index 0 using 1:2 with lines linetype 1 title '$\lambda=10^{-4}$', \
     ''              index 0 using 1:3 with lines linetype 2 title '$\lambda=10^{-2}$', \
     ''              index 0 using 1:4 with lines linetype 3 title '$\lambda=1$', \
     ''              index 1 using 1:2:($0+1) with points pointtype 7 pointsize 0.8 linecolor variable notitle
unset logscale y
set yrange [0:1.05]
set format y '$%g$'
set ytics 0, 0.25, 1
set ylabel 'filter factor'
unset label 1
set key at graph 1, graph 0.15 right bottom samplen 1 spacing 1.1 width -1
set label 2 '$\lambda$' at graph 0.80, graph 0.43 left front
plot data.'gain.dat' index 0 using 1:5 with lines linetype 1 title '$10^{-4}$', \
     ''              index 0 using 1:6 with lines linetype 2 title '$10^{-2}$', \
     ''              index 0 using 1:7 with lines linetype 3 title '$1$'
unset label 2
unset multiplot
