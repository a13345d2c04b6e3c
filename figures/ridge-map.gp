# Problem 4: the Bayesian view tested by simulation (data: map.dat).
set logscale x
set xrange [0.01:100]
set format x logformat
set xlabel '$\lambda^\prime/\lambda$'
set logscale y
set format y logformat
set ylabel 'mean squared error $\mathbb{E}\|\hat w_{\lambda^\prime}-W\|^2$'
set key top center
set arrow from 1, graph 0 to 1, graph 1 nohead linecolor rgb '#999999' dashtype (2,3)
plot data.'map.dat' using 1:5 with lines linecolor rgb '#000000' dashtype (8,4) title 'trace of the posterior covariance', \
     ''             using 1:2:(2*$3) with yerrorbars linetype 2 pointtype 6 pointsize 0.6 title 'simulation', \
     ''             using 1:4 with lines linetype 1 linewidth 1.2 title 'exact risk'
