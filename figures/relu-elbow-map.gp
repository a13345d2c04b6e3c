# Problem 5: direction of the elbow's move over (e, x) for w = 1 and w = -1,
# c = 0.5 (data: map.dat; blocks 0, 1 the maps, block 2 the hyperbola 1 + ex = 0).
set terminal cairolatex pdf input size 14cm,7.4cm linewidth 1.4 dashlength 1.4
set output out.'.tex'
set multiplot layout 1,2 margins 0.08,0.99,0.14,0.97 spacing 0.08
set xrange [-3:3]
set yrange [-3:3]
set size ratio -1
set xtics -3, 1, 3
set ytics -3, 1, 3
set xlabel 'old elbow $e$'
set ylabel 'input $x$'
unset colorbox
set cbrange [-1:1]
set palette defined (-1 '#E69F00', 0 '#e6e6e6', 1 '#56B4E9')
set grid noxtics noytics
unset key
do for [s=0:1] {
  w = s == 0 ? 1.0 : -1.0
  set label 1 (s == 0 ? '$w=1$' : '$w=-1$') at graph 0.04, graph 0.93 front
  set arrow 1 from -3, w/0.5 to 3, w/0.5 nohead front linecolor rgb '#000000' dashtype (5,3)
  plot data.'map.dat' index s using 1:2:3 with image, \
       ''             index 2 using 1:2 with lines linecolor rgb '#000000', \
       x with lines linecolor rgb '#000000' dashtype (1,3)
}
unset multiplot
