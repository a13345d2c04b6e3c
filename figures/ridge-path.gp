# Problem 4: the regularization path, every coefficient of w against lambda
# (data: path.dat; index 1 holds X^+ y at the smallest lambda).
set logscale x
set xrange [1e-6:1e2]
set format x logformat
set xtics 1e-6, 100, 1e2
set xlabel '$\lambda$'
set ylabel 'coefficient $w_i$'
unset key
plot for [i=2:9] data.'path.dat' index 0 using 1:i with lines linetype ((i-2)%7+1), \
     data.'path.dat' index 1 using 1:2 with points pointtype 6 pointsize 1.1 linecolor rgb '#000000'
