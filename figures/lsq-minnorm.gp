# Problem 3: the minimum-norm solution of w1 + 2 w2 = 5 (data: minnorm.dat).
set terminal cairolatex pdf input size 9cm,8.2cm linewidth 1.6 dashlength 1.4
set size ratio -1
set xrange [-3:5]
set yrange [-2.6:5]
set xtics 1
set ytics 1
set xzeroaxis linewidth 0.6 linecolor rgb '#999999'
set yzeroaxis linewidth 0.6 linecolor rgb '#999999'
set xlabel '$w_1$'
set ylabel '$w_2$'
set format x '$%g$'
set format y '$%g$'
unset key
set label 1 '$w_1+2w_2=5$' at -2.9,4.6 left
set label 2 'row space' at 2.05,4.2 right
plot data.'minnorm.dat' index 2 with lines linecolor rgb '#bbbbbb' linewidth 0.8, \
     ''                 index 0 with lines linetype 1, \
     ''                 index 1 with lines linetype 2 dashtype (6,3), \
     ''                 index 5 with lines linecolor rgb '#000000' linewidth 0.8, \
     ''                 index 4 using 1:2 with points pointtype 6 pointsize 0.9 linecolor rgb '#555555', \
     ''                 index 4 using 3:4:(sprintf('$%s$', stringcolumn(5))) with labels, \
     ''                 index 3 with points pointtype 7 pointsize 1.3 linetype 3, \
     ''                 index 3 using 1:2:('$w^*$') with labels offset 2.2,0.3
