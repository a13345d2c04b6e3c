# Problem 5: direction of the elbow's move over (e, x) for w = 1 and w = -1,
# c = 0.5 (data: map.dat; blocks 0, 1 the maps; blocks 2, 3 the branches x < 0
# and x > 0 of the hyperbola 1 + ex = 0).  The w = -1 map is the w = 1 map
# reflected through the origin with the directions reversed.
set terminal cairolatex pdf input size 14cm,7.4cm linewidth 1.4 dashlength 1.4
set output out.'.tex'
set multiplot layout 1,2 margins 0.08,0.99,0.14,0.97 spacing 0.05
set xrange [-3:3]
set yrange [-3:3]
set size ratio -1
set xtics -3, 1, 3
set ytics -3, 1, 3
set xlabel 'old elbow $e$'
unset colorbox
set cbrange [-1:1]
set palette defined (-1 '#E69F00', 0 '#e6e6e6', 1 '#56B4E9')
set grid noxtics noytics
set style textbox opaque noborder
unset key
do for [s=0:1] {
  w = s == 0 ? 1.0 : -1.0
  set ylabel (s == 0 ? 'input $x$' : '')
  set format y (s == 0 ? '$%g$' : '')
  set label 1 (s == 0 ? '$w=1$' : '$w=-1$') at graph 0.04, graph 0.93 front boxed
  set label 2 (s == 0 ? '\small right' : '\small left') at w*(-1.2), w*(-0.6) center front
  set label 3 (s == 0 ? '\small left' : '\small right') at w*(-2.3), w*1.3 center front
  if (s == 1) { set xtics -2, 1, 3 }
  set label 4 '\small inactive' at w*1.6, w*(-1.8) center front
  set arrow 1 from -3, w/0.5 to 3, w/0.5 nohead front linecolor rgb '#000000' dashtype (5,3)
  plot data.'map.dat' index s using 1:2:3 with image, \
       ''             index 3 - s using 1:2 with lines linecolor rgb '#000000', \
       x with lines linecolor rgb '#000000' dashtype (1,3)
}
unset multiplot
