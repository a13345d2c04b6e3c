# Problem 5: one SGD step of max(0, wx + b) in six cases (data: cases.dat;
# blocks 0-5 the curves, block 6 the marks: row x y e e').
set terminal cairolatex pdf input size 14cm,8.6cm linewidth 1.4 dashlength 1.4
set output out.'.tex'
set multiplot layout 2,3 margins 0.07,0.99,0.1,0.97 spacing 0.06,0.1
set xrange [-4:4]
set xtics -4, 2, 4
set mxtics 2
unset key
title(i) = word('$w,x>0$ $w,x>0$ $w,x>0$ $w>0>x$ $x>0>w$ $w,x<0$', i + 1)
do for [i=0:5] {
  stats data.'cases.dat' index 6 every ::i::i using 1 nooutput
  set label 1 sprintf('\small %d: %s', int(STATS_min), title(i)) at graph 0.04, graph 0.92 front
  set xlabel (i >= 3 ? '$t$' : '')
  set ylabel (i % 3 == 0 ? '$\phi(t)$' : '')
  plot data.'cases.dat' index i using 1:2 with lines linetype 1, \
       ''               index i using 1:3 with lines linetype 2 dashtype (4,3), \
       ''               index 6 every ::i::i using 2:3 with points pointtype 7 pointsize 0.7 linecolor rgb '#000000', \
       ''               index 6 every ::i::i using 4:(0) with points pointtype 6 pointsize 1.1 linetype 1, \
       ''               index 6 every ::i::i using 5:(0) with points pointtype 7 pointsize 0.8 linetype 2
}
unset multiplot
