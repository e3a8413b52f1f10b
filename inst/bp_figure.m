## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## -*- texinfo -*-
## @deftypefn  {} {[@var{h}, @var{ax}] =} bp_figure ()
## @deftypefnx {} {[@var{h}, @var{ax}] =} bp_figure (@var{name}, @var{value}, @dots{})
## A new figure for a slide made of several plots, on any machine, and
## its panels.
##
## With a display the figure is shown; without one (an empty DISPLAY
## variable and no GUI) it is invisible and drawn with the gnuplot
## toolkit, set for this figure only, without Octave's notice that gnuplot
## is discouraged (nine lines of advice that cannot be followed on a
## server).  @var{ax} holds the handles of its panels, row by row from
## the top left; give each to a plot function, and write the figure with
## @code{bp_print}:
##
## @example
## [h, ax] = bp_figure ("size", [1280 720], "panels", [1 4]);
## for i = 1:4
##   bp_plot_boundary (ax(i), nets@{i@}, X, labels, "legend", false);
## endfor
## bp_print (h, "boundary.png");
## close (h);
## @end example
##
## The figure does not become the current figure (nothing the package
## does changes yours), so its panels are laid out here rather than by
## @code{subplot}, which in Octave 7 places axes by the current figure
## (and opens one when there is none), whatever their parent.
##
## Options:
##
## @table @asis
## @item @qcode{"size"}
## [width height] in pixels, each from 100 to 10000 (default [1280 720],
## a slide).
## @item @qcode{"panels"}
## [rows cols] of equal panels, each from 1 to 20 (default [1 1]).
## @item @qcode{"visible"}
## show the figure (default: true when Octave has a display; true without
## one is an error).
## @end table
##
## @seealso{bp_print, bp_plot_history, bp_plot_boundary, bp_plot_network}
## @end deftypefn

function [h, ax, varargout] = bp_figure (varargin)
  fn = "bp_figure";
  if (nargout > 2)
    bp_count_error (fn, nargin, nargout, 2, "(name, value, ...)");
  endif
  o = bp_parse_options (fn, struct ("size", [], "panels", [1 1], "visible", []), ...
                        varargin, 0);
  if (! (isa (o.panels, "double") && isreal (o.panels) && ! issparse (o.panels) ...
         && numel (o.panels) == 2 && all (o.panels >= 1 & o.panels <= 20 ...
                                          & o.panels == fix (o.panels))))
    error ("backprop:bp_figure:wrong_type", ...
           "bp_figure: panels must be [rows cols], two whole numbers from 1 to 20, got %s", ...
           bp_describe (o.panels));
  endif
  o.file = "";
  o.fontsize = [];
  o = bp_check_figure_options (fn, o, [1280 720], []);
  previous = get (0, "currentfigure");
  h = [];
  done = false;
  unwind_protect
    h = bp_new_figure (fn, o.size, o.visible);
    ax = bp_panels (h, o.panels(1), o.panels(2));
    done = true;
  unwind_protect_cleanup
    ## A figure half made (an error, Ctrl-C) is not left behind.
    if (! done && ! isempty (h) && isfigure (h))
      close (h);
    endif
    bp_restore_current (previous);
  end_unwind_protect
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
%! ## The default is a slide, 1280 by 720, of one panel; panels come row
%! ## by row from the top left, each in its share of the figure.
%! [h, ax] = bp_figure ("visible", false);
%! [g, bx] = bp_figure ("visible", false, "panels", [2 3]);
%! unwind_protect
%!   assert (get (h, "position")(3:4), [1280 720]);
%!   assert (numel (ax), 1);
%!   assert (get (ax, "parent"), h);
%!   assert (numel (bx), 6);
%!   op = cell2mat (get (bx, "outerposition"));
%!   assert (op(2, :), [1/3 1/2 1/3 1/2], 1e-12);
%!   assert (op(4, :), [0 0 1/3 1/2], 1e-12);
%! unwind_protect_cleanup
%!   close ([h g]);
%! end_unwind_protect

%!test
%! ## Four boundary plots in the panels of a slide, printed without a
%! ## display: no figure appears besides the slide.
%! before = get (0, "children");
%! [h, ax] = bp_figure ("visible", false, "panels", [1 4]);
%! f = [tempname() ".png"];
%! unwind_protect
%!   [X, ~, labels] = bp_dataset ("xor");
%!   for i = 1:4
%!     bp_plot_boundary (ax(i), bp_init ([2 2 1], "seed", i), X, labels, ...
%!                       "legend", false, "resolution", 20);
%!   endfor
%!   bp_print (h, f);
%!   assert (numel (findobj (h, "type", "image")), 4);
%!   assert (setdiff (get (0, "children"), before), h);
%! unwind_protect_cleanup
%!   close (h);
%!   if (isfile (f))
%!     unlink (f);
%!   endif
%! end_unwind_protect

%!error <size must be \[width height\] in pixels, each from 100 to 10000> bp_figure ("size", [50 50])
%!error <visible must be a whole number in \[0, 1\]> bp_figure ("visible", 2)
%!error <unknown option 'file'> bp_figure ("file", "a.png")
%!error <panels must be \[rows cols\], two whole numbers from 1 to 20> bp_figure ("panels", [0 2])
%!error <panels must be> bp_figure ("panels", 3)
%!error <options come in name/value pairs> bp_figure ("size")
%!error id=backprop:bp_figure:nargout [a, b, c] = bp_figure ()
