## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## -*- texinfo -*-
## @deftypefn  {} {@var{h} =} bp_figure ()
## @deftypefnx {} {@var{h} =} bp_figure (@var{name}, @var{value}, @dots{})
## A new figure for a slide made of several plots, on any machine.
##
## With a display the figure is shown; without one (an empty DISPLAY
## variable and no GUI) it is invisible and drawn with the gnuplot
## toolkit, set for this figure only, without Octave's notice that gnuplot
## is discouraged (nine lines of advice that cannot be followed on a
## server).  Give its axes to the plot functions, one call per panel, and
## write it with @code{bp_print}:
##
## @example
## h = bp_figure ("size", [1280 720]);
## for i = 1:4
##   ax = subplot (1, 4, i, "parent", h);
##   bp_plot_boundary (ax, nets@{i@}, X, labels, "legend", false);
## endfor
## bp_print (h, "boundary.png");
## close (h);
## @end example
##
## The figure does not become the current figure (nothing the package
## does changes yours), so name it as the parent of its axes, as above,
## rather than calling @code{subplot} without it.
##
## Options:
##
## @table @asis
## @item @qcode{"size"}
## [width height] in pixels, each from 100 to 10000 (default [1280 720],
## a slide).
## @item @qcode{"visible"}
## show the figure (default: true when Octave has a display; true without
## one is an error).
## @end table
##
## @seealso{bp_print, bp_plot_history, bp_plot_boundary, bp_plot_network}
## @end deftypefn

function [h, varargout] = bp_figure (varargin)
  fn = "bp_figure";
  if (nargout > 1)
    bp_count_error (fn, nargin, nargout, 1, "(name, value, ...)");
  endif
  o = bp_parse_options (fn, struct ("size", [], "visible", []), varargin, 0);
  o.file = "";
  o.fontsize = [];
  o = bp_check_figure_options (fn, o, [1280 720], []);
  previous = get (0, "currentfigure");
  h = bp_new_figure (fn, o.size, o.visible);
  if (isempty (previous))
    set (0, "currentfigure", []);
  else
    set (0, "currentfigure", previous);
  endif
endfunction

%!test
%! ## Without a display: invisible, gnuplot for this figure only, the size
%! ## asked for, the current figure and the default toolkit unchanged.
%! display = getenv ("DISPLAY");
%! setenv ("DISPLAY", "");
%! keep = get (0, "currentfigure");
%! toolkit = graphics_toolkit ();
%! h = [];
%! unwind_protect
%!   h = bp_figure ("size", [640 360]);
%!   assert (isfigure (h));
%!   assert (get (0, "currentfigure"), keep);
%!   assert (graphics_toolkit (), toolkit);
%!   pos = get (h, "position");
%!   assert (pos(3:4), [640 360]);
%!   if (! isguirunning ())
%!     assert (get (h, "visible"), "off");
%!     assert (get (h, "__graphics_toolkit__"), "gnuplot");
%!   endif
%! unwind_protect_cleanup
%!   setenv ("DISPLAY", display);
%!   if (isfigure (h))
%!     close (h);
%!   endif
%! end_unwind_protect

%!test
%! ## The default is a slide, 1280 by 720.
%! h = bp_figure ("visible", false);
%! unwind_protect
%!   assert (get (h, "position")(3:4), [1280 720]);
%! unwind_protect_cleanup
%!   close (h);
%! end_unwind_protect

%!error <size must be \[width height\] in pixels, each from 100 to 10000> bp_figure ("size", [50 50])
%!error <visible must be a whole number in \[0, 1\]> bp_figure ("visible", 2)
%!error <unknown option 'file'> bp_figure ("file", "a.png")
%!error <options come in name/value pairs> bp_figure ("size")
%!error id=backprop:bp_figure:nargout [a, b] = bp_figure ()
