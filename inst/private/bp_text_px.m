## -*- texinfo -*-
## @deftypefn {} {@var{px} =} bp_text_px (@var{ax}, @var{strings}, @var{pt})
## The drawn size in pixels, [width height] a row per string, of each of
## the cell @var{strings} at font size @var{pt} (one for all, or one per
## string), in the axes @var{ax}: Octave's measured extent scaled by
## @code{bp_text_scale} to the size the figure's toolkit draws.  The
## measuring texts are deleted again.
## @end deftypefn

function px = bp_text_px (ax, strings, pt)
  k = bp_text_scale (ancestor (ax, "figure"));
  pt = pt(:) .* ones (numel (strings), 1);
  px = zeros (numel (strings), 2);
  for i = 1:numel (strings)
    t = text (ax, 0, 0, strings{i}, "units", "pixels", "fontsize", pt(i), ...
              "fontname", "FreeSans");
    e = get (t, "extent");
    delete (t);
    px(i, :) = k * e(3:4);
  endfor
endfunction
