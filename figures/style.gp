# The shared style of every figure.  make runs
#   gnuplot -e "data='build/out/CHAPTER/'; out='build/figures/NAME'" figures/style.gp figures/NAME.gp
# cairolatex writes NAME.tex (labels, typeset by LaTeX in the book's fonts) and
# NAME.pdf (everything else).  No titles: the LaTeX caption is the title.
set terminal cairolatex pdf input size 12.4cm,8.2cm linewidth 1.6 dashlength 1.4
set output out.'.tex'
set encoding utf8
set border 3 linewidth 0.8
set tics nomirror out scale 0.6
set mxtics default
set mytics default
set grid xtics ytics linewidth 0.4 linecolor rgb '#d9d9d9' dashtype 1
set key opaque box linecolor rgb '#ffffff' samplen 2.5 spacing 1.15
set format x '$%g$'
set format y '$%g$'
# Okabe and Ito's palette, readable by colour-blind readers and in grey.
set linetype 1 linecolor rgb '#0072B2' pointtype 7 pointsize 0.9
set linetype 2 linecolor rgb '#D55E00' pointtype 5 pointsize 0.9
set linetype 3 linecolor rgb '#009E73' pointtype 9 pointsize 0.9
set linetype 4 linecolor rgb '#CC79A7' pointtype 11 pointsize 0.9
set linetype 5 linecolor rgb '#E69F00' pointtype 13 pointsize 0.9
set linetype 6 linecolor rgb '#56B4E9' pointtype 15 pointsize 0.9
set linetype 7 linecolor rgb '#000000' pointtype 1 pointsize 0.9
# Powers of ten on logarithmic axes.
logformat = '$10^{%T}$'
