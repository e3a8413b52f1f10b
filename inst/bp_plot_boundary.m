## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## -*- texinfo -*-
## @deftypefn  {} {@var{h} =} bp_plot_boundary (@var{net}, @var{X}, @var{labels})
## @deftypefnx {} {@var{h} =} bp_plot_boundary (@var{hax}, @var{net}, @var{X}, @var{labels})
## @deftypefnx {} {@var{h} =} bp_plot_boundary (@dots{}, @var{name}, @var{value}, @dots{})
## Draw the decision regions of a classifier with two inputs, and the
## data on top of them.
##
## @var{net} must have two inputs (x_1, x_2) = (a_1^(0), a_2^(0)), so that
## every point of the plane is a possible input.  The plane is covered by
## a grid; each grid point is coloured by the class the network gives it:
##
## @itemize
## @item with several outputs, the class j whose output a_j^(L) is largest
## (as @code{[~, class] = bp_predict (net, x)});
## @item with one output, class 2 where a_1^(L) > 0.5 and class 1 elsewhere
## (the threshold is an option), matching targets y = @code{labels - 1}
## as @code{bp_dataset} makes them.
## @end itemize
##
## Black lines mark the borders between the regions.  The columns of
## @var{X} (2-by-m, one sample a column) are drawn as markers, one colour
## and shape per class of @var{labels} (m class indices, 1..K), in the
## colour of their region, so a point on a differently coloured background
## is one the network gets wrong.  The title gives the fraction of points
## classified correctly.  The coordinates in @var{X} must lie between
## -1e150 and 1e150, which Octave's graphics can still draw.
##
## Options:
##
## @table @asis
## @item @qcode{"resolution"}
## grid points along each axis (default 200).
## @item @qcode{"limits"}
## [x1min x1max x2min x2max], the region to draw (default: the data's
## range and a margin of 10% on every side), within -1e150 .. 1e150 and
## each range at least 1e-6 wide and at least 1e-6 of its ends' magnitude.
## @item @qcode{"threshold"}
## for a network with one output: the output value above which a point is
## of class 2 (default 0.5; use 0 for a tanh output).
## @item @qcode{"title"}
## the title (default: the rule and the accuracy).
## Texts are TeX, as in Octave's own plots:
## @code{a_1} has a subscript, @code{\_} is an underscore and @code{\eta}
## the Greek letter (in single quotes, where Octave keeps a backslash).
## @item @qcode{"legend"}
## false to leave out the legend of the classes (default true), e.g. in
## the small panels of a strip that shows the regions epoch by epoch.
## @item @qcode{"fontsize"}
## the size in points of the text (default: 10 points on a figure of
## 800-by-500 pixels, larger on a larger figure); the title is 1.2 times
## larger.
## @item @qcode{"file"}
## write the figure to this file: PNG, SVG or PDF by its extension
## (@qcode{".png"} is added to a name without one).
## @item @qcode{"visible"}
## show the figure on screen (default: true when Octave has a display).
## @item @qcode{"size"}
## [width height] of the figure in pixels, at least [300 200] (default:
## a plot box of about 460 pixels in the shape of the limits, plus room
## for the labels and the legend).
## @end table
##
## Without @var{hax} every call draws in a new figure and returns its
## handle @var{h}.  An invisible figure never becomes the current figure;
## when @qcode{"file"} is given it is closed once the file is written and
## @var{h} is empty, and otherwise it stays open, so that you can
## @code{bp_print (h, @dots{})} it yourself and then @code{close (h)}.
## Without a display (an empty DISPLAY variable and no GUI) the figure is
## invisible and drawn with the gnuplot toolkit; when you then give no
## file and ask for no output, the figure is written to a temporary PNG
## file and its name printed.
##
## With an axes handle @var{hax} first, the regions go into those axes of
## your figure, as @code{plot (hax, @dots{})} does, and @var{h} is their
## figure: four panels of one figure (@code{bp_figure}) show the regions forming
## over the epochs (see @file{doc/teaching.md}).  Headless, print such a
## figure with @code{bp_print (h, "slide.png")} or
## @code{print (h, "slide.png", "-dpngcairo")}.
##
## @example
## [X, Y, labels] = bp_dataset ("spirals", "seed", 1);
## net = bp_init ([2 16 16 2], "activation", @{"tanh", "tanh", "softmax"@}, ...
##                "loss", "log-likelihood", "seed", 1);
## net = bp_train (net, X, Y, "epochs", 500, "eta", 0.1, "seed", 1);
## bp_plot_boundary (net, X, labels);
## @end example
##
## @seealso{bp_dataset, bp_predict, bp_train, bp_plot_history}
## @end deftypefn

function varargout = bp_plot_boundary (varargin)
  fn = "bp_plot_boundary";
  [hax, args] = bp_plot_args (fn, varargin, nargin, nargout, 3, ...
                              "([hax,] net, X, labels, name, value, ...)");
  [net, X, labels] = args{1:3};
  npos = 3 + ! isempty (hax);
  bp_check_net (fn, net);
  if (net.sizes(1) != 2)
    error ("backprop:bp_plot_boundary:not_2d", ...
           "bp_plot_boundary: net must have 2 inputs (net.sizes(1) == 2) to draw its regions in the plane, got %d", ...
           net.sizes(1));
  endif
  nL = net.sizes(end);
  K = max (nL, 2);
  check_inputs (X);
  bp_check_drawable (fn, "X", X, false);
  labels = check_labels (labels, columns (X), K, nL);

  defaults = struct ("resolution", 200, "limits", [], "threshold", [], ...
                     "title", [], "legend", true, "fontsize", [], "file", "", ...
                     "visible", [], "size", []);
  o = bp_parse_options (fn, defaults, args(4:end), npos);
  o.resolution = bp_check_scalar (fn, "resolution", o.resolution, 10, 2000, ...
                                  true);
  o.limits = check_limits (fn, o.limits, X);
  if (bp_is_unset (o.threshold))
    o.threshold = 0.5;
  elseif (nL > 1)
    error ("backprop:bp_plot_boundary:unused_option", ...
           "bp_plot_boundary: option 'threshold' applies to a network with one output; this one has %d (the class is the largest output)", ...
           nL);
  else
    o.threshold = bp_check_scalar (fn, "threshold", o.threshold, -realmax, ...
                                   realmax, false);
  endif
  o.legend = bp_check_scalar (fn, "legend", o.legend, 0, 1, true);
  o = bp_check_figure_options (fn, o, default_size (o.limits), hax);
  if (isempty (hax) && any (o.size < [300 200]))
    error ("backprop:bp_plot_boundary:out_of_range", ...
           "bp_plot_boundary: size must be at least [300 200] pixels, to leave room for the plot next to the legend, got [%g %g]", ...
           o.size);
  endif
  o.fontsize = bp_font_size (o);

  regions = classify_grid (fn, net, o);
  [~, predicted] = classify (fn, net, X, o.threshold);
  if (bp_is_unset (o.title))
    o.title = default_title (nL, o.threshold, mean (predicted == labels), ...
                             sum (predicted == labels), numel (labels));
  endif
  varargout = bp_draw_in_figure (fn, o, ...
                                 @(f, ax) draw_boundary (f, ax, regions, X, labels, K, o), ...
                                 nargout);
endfunction

function check_inputs (X)
  if (! (isa (X, "double") && isreal (X) && ! issparse (X) && ismatrix (X) ...
         && rows (X) == 2 && columns (X) >= 1))
    error ("backprop:bp_plot_boundary:wrong_type", ...
           "bp_plot_boundary: X must be a real double matrix with 2 rows (x_1 and x_2 of each sample), got %s", ...
           bp_describe (X));
  elseif (! all (isfinite (X(:))))
    error ("backprop:bp_plot_boundary:not_finite", ...
           "bp_plot_boundary: X must be finite");
  endif
endfunction

function labels = check_labels (labels, m, K, nL)
  if (! (isa (labels, "double") && isreal (labels) && ! issparse (labels) ...
         && isvector (labels) && numel (labels) == m))
    error ("backprop:bp_plot_boundary:wrong_type", ...
           "bp_plot_boundary: labels must be a real double vector of %d class indices, one per column of X, got %s (for one-hot targets Y use [~, labels] = max (Y))", ...
           m, bp_describe (labels));
  endif
  labels = labels(:)';
  bad = find (! (labels >= 1 & labels <= K & labels == fix (labels)), 1);
  if (! isempty (bad))
    if (nL == 1)
      why = "a network with one output tells 2 classes apart";
    else
      why = sprintf ("the network has %d outputs", nL);
    endif
    error ("backprop:bp_plot_boundary:out_of_range", ...
           "bp_plot_boundary: labels(%d) must be a class index from 1 to %d (%s), got %g", ...
           bad, K, why, labels(bad));
  endif
endfunction

## The data's box with a margin of 10% of its size on every side, and at
## least 0.1 (so that a single point or a line of points has room) and
## 1e-5 of the coordinates' magnitude (so that the limits still differ
## when the coordinates are huge).  Given limits must leave each axis a
## range of at least 1e-6, and 1e-6 of its ends' magnitude, a factor 100
## above where it breaks: Octave 7.3's gnuplot toolkit (gnuplot 5.4)
## writes an empty PNG for the regions of [1, 1 + 1e-8] or
## [1e-10, 1e-10 + 1e-16], while ranges of 1e-6 draw at any resolution.
function lim = check_limits (fn, lim, X)
  if (bp_is_unset (lim))
    lo = min (X, [], 2)';
    hi = max (X, [], 2)';
    margin = max ([0.1 * (hi - lo); 0.1, 0.1; 1e-5 * max(abs (lo), abs (hi))]);
    lim = [lo(1) - margin(1), hi(1) + margin(1), lo(2) - margin(2), hi(2) + margin(2)];
    return;
  elseif (! (isa (lim, "double") && isreal (lim) && ! issparse (lim) ...
             && numel (lim) == 4 && all (isfinite (lim)) ...
             && lim(1) < lim(2) && lim(3) < lim(4)))
    error ("backprop:bp_plot_boundary:wrong_type", ...
           "bp_plot_boundary: limits must be [x1min x1max x2min x2max] with min < max, got %s", ...
           bp_describe (lim));
  endif
  lim = lim(:)';
  bp_check_drawable (fn, "limits", lim, false);
  span = lim([2 4]) - lim([1 3]);
  k = find (span < 1e-6 * max ([1, 1; abs(lim([1 3])); abs(lim([2 4]))]), 1);
  if (! isempty (k))
    error ("backprop:bp_plot_boundary:out_of_range", ...
           "bp_plot_boundary: limits must give x_%d a range of at least 1e-6 and at least 1e-6 of its ends' magnitude to be drawn, got [%g %g]", ...
           k, lim(2*k-1), lim(2*k));
  endif
endfunction

## A plot box of 460 pixels along the longer side, in the data's aspect
## ratio, plus room for the labels, the title and the legend.
function sz = default_size (lim)
  span = [lim(2) - lim(1), lim(4) - lim(3)];
  span = max (span / max (span), 0.4);
  sz = round (460 * span + [280, 120]);
endfunction

## Output and class of every column of P.
function [A, class] = classify (fn, net, P, threshold)
  A = __bp_forward__ (fn, net, P);
  if (rows (A) == 1)
    class = 1 + (A > threshold);
  else
    [~, class] = max (A, [], 1);
  endif
endfunction

## The class of every grid point, and the one output of a one-output
## network (its threshold level is a smooth border line).
function g = classify_grid (fn, net, o)
  n = o.resolution;
  g.x1 = linspace (o.limits(1), o.limits(2), n);
  g.x2 = linspace (o.limits(3), o.limits(4), n);
  [G1, G2] = meshgrid (g.x1, g.x2);
  [A, class] = classify (fn, net, [G1(:)'; G2(:)'], o.threshold);
  g.class = reshape (class, n, n);
  g.output = [];
  if (rows (A) == 1)
    g.output = reshape (A, n, n);
  endif
endfunction

function t = default_title (nL, threshold, acc, right, m)
  if (nL == 1)
    rule = sprintf ("class 2 where a_1^{(L)} > %g", threshold);
  else
    rule = "class = argmax_j a_j^{(L)}";
  endif
  t = sprintf ("%s;  %d of %d points right (%.1f%%)", rule, right, m, ...
               100 * acc);
endfunction

## Colours that colour-blind readers can tell apart (Okabe and Ito), then
## evenly spaced hues for more classes.
function c = class_colours (K)
  c = [0     0.447 0.698;    # blue
       0.902 0.624 0;        # orange
       0     0.620 0.451;    # bluish green
       0.800 0.475 0.655;    # reddish purple
       0.337 0.706 0.914;    # sky blue
       0.835 0.369 0;        # vermillion
       0.941 0.894 0.259];   # yellow
  if (K > rows (c))
    c = [c; hsv(K - rows (c))];
  endif
  c = c(1:K, :);
endfunction

function draw_boundary (fig, ax, g, X, labels, K, o)
  colours = class_colours (K);
  ## Regions in pale versions of the class colours, so the points in the
  ## full colours stand out on them.
  pale = 0.35 * colours + 0.65;
  rgb = reshape (pale(g.class(:), :), [size(g.class), 3]);

  ## The legend, outside on the right, makes its own room.
  if (isempty (ax))
    ax = axes ("parent", fig);
  endif
  image (ax, g.x1, g.x2, rgb);
  ## After image, which resets the axes.
  set (ax, "ydir", "normal", "fontsize", o.fontsize);
  hold (ax, "on");
  if (! isempty (g.output))
    border_lines (ax, g.x1, g.x2, g.output, o.threshold);
  else
    for c = 1:K
      if (any (g.class(:) == c))
        border_lines (ax, g.x1, g.x2, double (g.class == c), 0.5);
      endif
    endfor
  endif

  markers = "os^dvph><";
  handles = [];
  names = {};
  for c = 1:K
    idx = labels == c;
    if (any (idx))
      handles(end+1) = plot (ax, X(1, idx), X(2, idx), "linestyle", "none", ...
                             "marker", markers(mod (c - 1, numel (markers)) + 1), ...
                             "markersize", 6, "markerfacecolor", colours(c, :), ...
                             "markeredgecolor", colours(c, :) * 0.6);
      names{end+1} = sprintf ("class %d", c);
    endif
  endfor
  hold (ax, "off");

  ## No fixed aspect ratio: the default figure size already follows the
  ## limits' shape, and a forced one shrinks gnuplot's plot well inside
  ## its box, leaving a long title hanging over the edge.
  set (ax, "xlim", o.limits(1:2), "ylim", o.limits(3:4), "layer", "top");
  box (ax, "on");
  xlabel (ax, "x_1 = a_1^{(0)}");
  ylabel (ax, "x_2 = a_2^{(0)}");
  title (ax, o.title, "fontsize", 1.2 * o.fontsize);
  if (o.legend)
    legend (ax, handles, names, "location", "eastoutside", ...
            "fontsize", o.fontsize);
  endif
endfunction

## The level LEVEL of V on the grid as plain lines.  contourc computes
## them without drawing: contour's own graphics objects turn an image
## below them grey in the gnuplot toolkit.
function border_lines (ax, x1, x2, V, level)
  C = contourc (x1, x2, V, level * [1 1]);
  i = 1;
  while (i < columns (C))
    n = C(2, i);
    plot (ax, C(1, i+1:i+n), C(2, i+1:i+n), "k", "linewidth", 1.5);
    i += n + 1;
  endwhile
endfunction

%!function net = split_net (W, b, g)
%!  ## A one-layer network with hand-set weights, whose regions are known.
%!  net = bp_init ([2 rows(W)], "activation", g);
%!  net.W = {W};
%!  net.b = {b};

%!test
%! ## Two linear outputs a_1 = x_1, a_2 = -x_1: class 1 (argmax) right of
%! ## x_1 = 0, class 2 left of it; the regions are pale class colours.
%! net = split_net ([1 0; -1 0], [0; 0], "linear");
%! X = [-1 1; 0.5 -0.5];
%! h = bp_plot_boundary (net, X, [2 1], "resolution", 21, ...
%!                       "limits", [-1 1 -1 1], "visible", false);
%! unwind_protect
%!   img = findobj (h, "type", "image");
%!   rgb = get (img, "cdata");
%!   assert (size (rgb), [21 21 3]);
%!   blue = 0.35 * [0 0.447 0.698] + 0.65;
%!   orange = 0.35 * [0.902 0.624 0] + 0.65;
%!   assert (squeeze (rgb(5, 21, :))', blue, 1e-12);
%!   assert (squeeze (rgb(5, 1, :))', orange, 1e-12);
%!   t = get (findall (h, "type", "text"), "string");
%!   assert (any (! cellfun (@isempty, strfind (t, "2 of 2 points right"))));
%! unwind_protect_cleanup
%!   close (h);
%! end_unwind_protect

%!test
%! ## One output with a threshold: class 2 where x_1 + x_2 > 0; the border
%! ## line is the threshold's level set, x_2 = -x_1.
%! net = split_net ([1 1], 0, "linear");
%! h = bp_plot_boundary (net, [0.5 -0.5; 0.5 -0.5], [2 1], "threshold", 0, ...
%!                       "limits", [-1 1 -1 1], "resolution", 11, ...
%!                       "visible", false);
%! unwind_protect
%!   rgb = get (findobj (h, "type", "image"), "cdata");
%!   orange = 0.35 * [0.902 0.624 0] + 0.65;
%!   assert (squeeze (rgb(11, 11, :))', orange, 1e-12);
%!   ax = findobj (h, "type", "axes", "tag", "");
%!   border = findobj (ax, "type", "line", "color", [0 0 0]);
%!   assert (numel (border), 1);
%!   assert (get (border, "xdata") + get (border, "ydata"), ...
%!           zeros (1, numel (get (border, "xdata"))), 1e-12);
%! unwind_protect_cleanup
%!   close (h);
%! end_unwind_protect

%!test
%! ## One marker set per class present, in that class's colour.
%! [X, Y, labels] = bp_dataset ("spirals", "classes", 3, "n", 10, "seed", 1);
%! net = bp_init ([2 5 3], "activation", {"tanh", "softmax"}, ...
%!                "loss", "log-likelihood", "seed", 1);
%! h = bp_plot_boundary (net, X, labels, "resolution", 20, "visible", false);
%! unwind_protect
%!   ax = findobj (h, "type", "axes", "tag", "");
%!   points = findobj (ax, "type", "line", "linestyle", "none");
%!   assert (numel (points), 3);
%!   colours = [0 0.447 0.698; 0.902 0.624 0; 0 0.620 0.451];
%!   for p = points'
%!     c = find (ismember (colours, get (p, "markerfacecolor"), "rows"));
%!     assert (get (p, "xdata"), X(1, labels == c));
%!   endfor
%! unwind_protect_cleanup
%!   close (h);
%! end_unwind_protect

%!shared net2, X
%! net2 = bp_init ([2 3 2], "seed", 1);
%! X = [0 1 0.5; 1 0 0.5];

%!error <net must have 2 inputs \(net.sizes\(1\) == 2\) to draw its regions in the plane, got 3> bp_plot_boundary (bp_init ([3 2]), ones (3, 2), [1 2])
%!error <net has no field 'sizes'> bp_plot_boundary (struct ("W", 1), X, [1 2 1])
%!error <net must be a scalar struct> bp_plot_boundary ("net", X, [1 2 1])
%!error <X must be a real double matrix with 2 rows> bp_plot_boundary (net2, ones (3, 3), [1 2 1])
%!error <X must be a real double matrix with 2 rows> bp_plot_boundary (net2, single (X), [1 2 1])
%!error <X must be finite> bp_plot_boundary (net2, [X, [NaN; 0]], [1 2 1 1])
%!error <labels must be a real double vector of 3 class indices> bp_plot_boundary (net2, X, [1 2])
%!error <for one-hot targets Y use> bp_plot_boundary (net2, X, [1 0 1; 0 1 0])
%!error <labels\(2\) must be a class index from 1 to 2 \(the network has 2 outputs\), got 3> bp_plot_boundary (net2, X, [1 3 1])
%!error <labels\(1\) must be a class index from 1 to 2 \(a network with one output tells 2 classes apart\), got 0> bp_plot_boundary (bp_init ([2 1]), X, [0 1 1])
%!error <labels\(3\) must be a class index> bp_plot_boundary (net2, X, [1 2 1.5])
%!error <option 'threshold' applies to a network with one output> bp_plot_boundary (net2, X, [1 2 1], "threshold", 0)
%!error <limits must be \[x1min x1max x2min x2max\] with min < max> bp_plot_boundary (net2, X, [1 2 1], "limits", [1 0 0 1])
%!error <limits must be \[x1min x1max x2min x2max\] with min < max, got a 1-by-4 sparse double> bp_plot_boundary (net2, X, [1 2 1], "limits", sparse ([-1 2 -1 2]))
%!error <size must be \[width height\]> bp_plot_boundary (net2, X, [1 2 1], "size", sparse ([500 400]))

## Coordinates and limits Octave's graphics cannot draw are refused.
%!error <X must be between -1e150 and 1e150 to be drawn, got 1e\+308> bp_plot_boundary (net2, 1e308 * ones (2, 3), [1 2 1])
%!error <limits must be between -1e150 and 1e150 to be drawn, got -1e\+200> bp_plot_boundary (net2, X, [1 2 1], "limits", [-1 2 -1 2] * 1e200)
%!error <limits must give x_1 a range of at least 1e-6> bp_plot_boundary (net2, X, [1 2 1], "limits", [-1 2 -1 2] * 1e-320)
%!error <limits must give x_2 a range of at least 1e-6 .* got \[1e\+10 1e\+10\]> bp_plot_boundary (net2, X, [1 2 1], "limits", [0 1 1e10 1e10+1])
%!error id=backprop:bp_plot_boundary:out_of_range bp_plot_boundary (net2, X, [1 2 1], "limits", [0 1e-7 0 1])

%!test
%! ## Points at 1e150 still get limits that differ (a margin of 0.1 alone
%! ## would vanish in rounding), and around them the regions are drawn.
%! h = bp_plot_boundary (net2, 1e150 * ones (2, 3), [1 2 1], ...
%!                       "resolution", 10, "visible", false);
%! unwind_protect
%!   ax = findobj (h, "type", "axes", "tag", "");
%!   xl = get (ax, "xlim");
%!   assert (xl(1) < 1e150 && 1e150 < xl(2));
%!   assert (size (get (findobj (h, "type", "image"), "cdata")), [10 10 3]);
%! unwind_protect_cleanup
%!   close (h);
%! end_unwind_protect
%!error <resolution must be a whole number in \[10, 2000\]> bp_plot_boundary (net2, X, [1 2 1], "resolution", 5)
%!error <size must be at least \[300 200\]> bp_plot_boundary (net2, X, [1 2 1], "size", [250 250])
%!error <file must be in an existing folder> bp_plot_boundary (net2, X, [1 2 1], "file", "/no/such/folder/b.png")
%!error <unknown option 'grid'> bp_plot_boundary (net2, X, [1 2 1], "grid", 50)
%!error <legend must be a whole number in \[0, 1\]> bp_plot_boundary (net2, X, [1 2 1], "legend", 2)
%!error <fontsize must be a number in \[4, 200\]> bp_plot_boundary (net2, X, [1 2 1], "fontsize", 0)
%!error <option 'size' describes a figure of the plot's own> bp_plot_boundary (axes ("parent", figure ("visible", "off")), net2, X, [1 2 1], "size", [400 400])

%!test
%! ## Four panels of one figure, one call per axes handle: each holds its
%! ## own regions and points, without a legend, in the font asked for; the
%! ## current figure is the caller's.
%! [f, ax] = bp_figure ("visible", false, "panels", [1 4]);
%! keep = get (0, "currentfigure");
%! unwind_protect
%!   [X, Y, labels] = bp_dataset ("moons", "n", 20, "seed", 1);
%!   net = bp_init ([2 4 2], "seed", 1);
%!   for i = 1:4
%!     h = bp_plot_boundary (ax(i), net, X, labels, "legend", false, ...
%!                           "resolution", 20, "fontsize", 16, ...
%!                           "title", sprintf ("panel %d", i));
%!     assert (h, f);
%!   endfor
%!   assert (get (0, "currentfigure"), keep);
%!   assert (numel (findobj (f, "type", "image")), 4);
%!   assert (isempty (findobj (f, "tag", "legend")));
%!   for i = 1:4
%!     assert (get (get (ax(i), "title"), "string"), sprintf ("panel %d", i));
%!     assert (get (ax(i), "fontsize"), 16);
%!   endfor
%! unwind_protect_cleanup
%!   close (f);
%! end_unwind_protect
%!error id=backprop:bp_plot_boundary:nargin bp_plot_boundary (net2, X)
%!error id=backprop:bp_plot_boundary:nargout [a, b] = bp_plot_boundary (net2, X, [1 2 1])

%!demo
%! ## Two interleaved spirals, learnt by a 2-16-16-2 network: the regions
%! ## follow the arms.
%! [X, Y, labels] = bp_dataset ("spirals", "seed", 1);
%! net = bp_init ([2 16 16 2], "activation", {"tanh", "tanh", "softmax"}, ...
%!                "loss", "log-likelihood", "seed", 1);
%! net = bp_train (net, X, Y, "epochs", 500, "eta", 0.1, "seed", 1, ...
%!                 "verbose", false);
%! bp_plot_boundary (net, X, labels);

%!demo
%! ## XOR with one sigmoid output: class 2 where a_1^(2) > 0.5.
%! [X, Y, labels] = bp_dataset ("xor");
%! net = bp_init ([2 4 1], "seed", 3);
%! net = bp_train (net, X, Y, "epochs", 3000, "batch", 4, "eta", 2, ...
%!                 "seed", 1, "verbose", false);
%! bp_plot_boundary (net, X, labels);
