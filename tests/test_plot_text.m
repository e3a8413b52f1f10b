## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later
##
## How large the gnuplot toolkit draws text, against what Octave measures
## (a text's "extent"): the plots size the boxes of their labels from
## extents scaled by 4/3 (inst/private/bp_text_scale.m), and the tests
## that no two labels of a drawing overlap assume the same.  Here the
## inked pixels of texts in a PNG are compared with that model.

%!function box = inked (file)
%!  ## The rows and columns of the PNG's dark pixels: [x0 x1 y0 y1].
%!  img = imread (file);
%!  [r, c] = find (sum (double (img), 3) < 300);
%!  box = [min(c), max(c), min(r), max(r)];

%!test
%! display = getenv ("DISPLAY");
%! setenv ("DISPLAY", "");
%! f = [tempname() ".png"];
%! unwind_protect
%!   for pt = [12 20 32]
%!     for s = {"layer 1: hidden", "-0.4567", "MMMM"}
%!       [h, ax] = bp_figure ("size", [800 500], "visible", false);
%!       set (ax, "position", [0 0 1 1], "xlim", [0 8], "ylim", [0 5]);
%!       axis (ax, "off");
%!       t = text (ax, 4, 2.5, s{1}, "fontsize", pt, "fontname", "FreeSans", ...
%!                 "horizontalalignment", "center", "verticalalignment", "middle");
%!       e = get (t, "extent");
%!       bp_print (h, f);
%!       close (h);
%!       ink = inked (f);
%!       ## 100 pixels a unit; the extent scaled by 4/3 about the centre.
%!       want = 4 / 3 * 100 * e([3 4]);
%!       got = [ink(2) - ink(1), ink(4) - ink(3)] + 1;
%!       assert (abs (got(1) / want(1) - 1) < 0.1, "'%s' at %d points: %d pixels wide, model %.0f", s{1}, pt, got(1), want(1));
%!       assert (got(2) <= 1.25 * want(2), "'%s' at %d points: %d pixels high, model %.0f", s{1}, pt, got(2), want(2));
%!       assert (abs (mean (ink(1:2)) - 400) < 0.05 * want(1));
%!     endfor
%!   endfor
%! unwind_protect_cleanup
%!   setenv ("DISPLAY", display);
%!   if (isfile (f))
%!     unlink (f);
%!   endif
%! end_unwind_protect
