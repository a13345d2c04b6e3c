# The loss L(m) of the new chapter @NAME@ (data: loss.dat).
set xlabel '$m$'
set ylabel '$L(m)$'
unset key
plot data.'loss.dat' using 1:2 with lines linetype 1
