# Problem 5: the exact move of the elbow, its first-order part and the gap
# against the second-order term (data: order.dat).
set logscale xy
set format x logformat
set format y logformat
set xrange [1e-6:0.1]
set xlabel 'learning rate $\lambda$'
set ylabel 'move of the elbow'
set key bottom right spacing 1.5
set label 1 'slope 2' at 1e-4, 3e-7 rotate by 33 front
set label 2 'slope 1' at 1e-4, 1e-2 rotate by 18 front
plot data.'order.dat' using 1:2 with lines linetype 1 title "exact $e'-e$", \
     ''               using 1:3 with lines linetype 2 dashtype (4,3) title 'first order $\lambda r(1+ex)/w$', \
     ''               using 1:4 with points linetype 3 pointsize 0.5 title 'gap', \
     ''               using 1:5 with lines linecolor rgb '#000000' dashtype (2,2) title "$\\lambda^2r^2x(1+ex)/(ww')$"
