## -*- texinfo -*-
## @deftypefn {} {@var{pt} =} bp_font_size (@var{o})
## The font size in points of a plot's text: @var{o}.fontsize when the
## caller gave one, otherwise 10 points on a canvas of 800-by-500
## pixels, growing with the canvas (@var{o}.canvas, the figure's size in
## pixels) so that a figure made for a slide (1280-by-720: 14 points)
## reads as well as a small one, and kept between 8 and 40 points.  The
## axes' tick labels, the labels and the legend use it; titles are 1.2
## times larger.
## @end deftypefn

function pt = bp_font_size (o)
  if (! bp_is_unset (o.fontsize))
    pt = o.fontsize;
    return;
  endif
  pt = round (10 * min (o.canvas(1) / 800, o.canvas(2) / 500));
  pt = min (max (pt, 8), 40);
endfunction
