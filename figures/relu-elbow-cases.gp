# Problem 5: one SGD step of max(0, wx + b) in eight cases (data: cases.dat;
# blocks 0-7 the curves, block 8 the marks: row x y e e'; cases.gp: titles).
set terminal cairolatex pdf input size 14.5cm,8.8cm linewidth 1.3 dashlength 1.4
set output out.'.tex'
load data.'cases.gp'
set multiplot layout 2,4 margins 0.07,0.99,0.14,0.97 spacing 0.035,0.1
set xrange [-4:4]
set xtics -4, 2, 4
set mxtics 2
set yrange [-1:7]
set ytics 0, 2, 6
unset key
set style textbox opaque noborder
do for [i=0:7] {
  set label 1 '\footnotesize '.title[i+1] at graph 0.04, graph 0.9 front boxed
  set xlabel (i >= 4 ? 'input $t$' : '')
  set ylabel (i % 4 == 0 ? '$\phi(t)$' : '')
  set format y (i % 4 == 0 ? '$%g$' : '')
  set format x (i >= 4 ? '$%g$' : '')
  plot data.'cases.dat' index i using 1:2 with lines linetype 1, \
       ''               index i using 1:3 with lines linetype 2 dashtype (4,3), \
       ''               index 8 every ::i::i using 2:3 with points pointtype 7 pointsize 0.6 linecolor rgb '#000000', \
       ''               index 8 every ::i::i using 4:(0) with points pointtype 6 pointsize 1.1 linetype 1, \
       ''               index 8 every ::i::i using 5:(0) with points pointtype 7 pointsize 0.7 linetype 2
}
unset multiplot
