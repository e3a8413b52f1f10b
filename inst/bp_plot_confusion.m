## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## -*- texinfo -*-
## @deftypefn  {} {@var{h} =} bp_plot_confusion (@var{c})
## @deftypefnx {} {@var{h} =} bp_plot_confusion (@var{net}, @var{X}, @var{Y})
## @deftypefnx {} {@var{h} =} bp_plot_confusion (@var{predicted}, @var{actual})
## @deftypefnx {} {@var{h} =} bp_plot_confusion (@var{hax}, @dots{})
## @deftypefnx {} {@var{h} =} bp_plot_confusion (@dots{}, @var{name}, @var{value}, @dots{})
## Draw the confusion matrix of a classifier: where it is right, and which
## classes it takes for which.
##
## The matrix is @var{c}, the result of @code{bp_confusion}, or is made
## by @code{bp_confusion} from a network and its data or from the classes
## predicted and the true ones (see there).  Each cell (i, j) holds the
## number of samples of true class i (a row) predicted as class j (a
## column); its colour is the fraction of class i it holds: blue on the
## diagonal (right), orange off it (wrong), the deeper the more.  The
## column on the right gives each class's recall (the fraction of its
## samples predicted right), the row at the bottom each class's precision
## (the fraction of the predictions of it that are right), the corner the
## accuracy, which the title repeats.
##
## Options:
##
## @table @asis
## @item @qcode{"names"}
## a name for each class, a cell of strings, written beside the rows
## (default: those of @var{c}, or the class numbers).
## @item @qcode{"classes"}
## the class numbers, in order, for @code{bp_confusion} (not with @var{c}).
## @item @qcode{"title"}
## the title (default: the accuracy).
## Texts (the title, the names) are TeX, as in Octave's own plots:
## @code{a_1} has a subscript, @code{\_} is an underscore and @code{\eta}
## the Greek letter (in single quotes, where Octave keeps a backslash).
## @item @qcode{"fontsize"}
## the size in points of the labels (default: 10 points on a figure of
## 800-by-500 pixels, larger on a larger figure); the counts in the
## cells are as large as the cells allow, at most that size.
## @item @qcode{"file"}
## write the figure to this file: PNG, SVG or PDF by its extension
## (@qcode{".png"} is added to a name without one).
## @item @qcode{"visible"}
## show the figure on screen (default: true when Octave has a display).
## @item @qcode{"size"}
## [width height] of the figure in pixels (default [800 650]).
## @end table
##
## Without @var{hax} every call draws in a new figure and returns its
## handle @var{h}; without a display (an empty DISPLAY variable and no
## GUI) the figure is invisible, and when you then give no file and ask
## for no output it is written to a temporary PNG file whose name is
## printed.  With an axes handle @var{hax} first, the chart goes into
## those axes and @var{h} is their figure (print it headless with
## @code{bp_print}).
##
## @seealso{bp_confusion, bp_predict, bp_plot_weights, bp_print}
## @end deftypefn

function varargout = bp_plot_confusion (varargin)
  fn = "bp_plot_confusion";
  [hax, args] = bp_plot_args (fn, varargin, nargin, nargout, 1, usage ());
  npos = first_option (args) - 1;
  defaults = struct ("names", [], "classes", [], "title", [], "fontsize", [], ...
                     "file", "", "visible", [], "size", []);
  o = bp_parse_options (fn, defaults, args(npos+1:end), npos + ! isempty (hax));
  c = the_matrix (fn, args(1:npos), o);
  if (bp_is_unset (o.title))
    o.title = sprintf ("accuracy %.1f%% (%d of %d right)", 100 * c.accuracy, ...
                       trace (c.counts), c.n);
  endif
  o = bp_check_figure_options (fn, o, [800 650], hax);
  o.fontsize = bp_font_size (o);
  varargout = bp_draw_in_figure (fn, o, @(f, ax) draw_matrix (f, ax, c, o), nargout);
endfunction

function u = usage ()
  u = "([hax,] c) or ([hax,] net, X, Y) or ([hax,] predicted, actual), then name, value, ...";
endfunction

## The positional arguments end where the first option name is: after
## the struct c, after net, X, Y, or after predicted, actual.
function k = first_option (args)
  if (isstruct (args{1}) && isfield (args{1}, "counts"))
    k = 2;
  elseif (isstruct (args{1}))
    k = 4;
  else
    k = 3;
  endif
  k = min (k, numel (args) + 1);
endfunction

function c = the_matrix (fn, pos, o)
  if (numel (pos) == 1 && isstruct (pos{1}) && isfield (pos{1}, "counts"))
    if (! bp_is_unset (o.classes))
      error ("backprop:bp_plot_confusion:unused_option", ...
             "bp_plot_confusion: option 'classes' applies when the matrix is made here, not to a matrix c from bp_confusion");
    endif
    c = check_matrix (fn, pos{1}, o.names);
    return;
  elseif (numel (pos) < 2 || (isstruct (pos{1}) && numel (pos) < 3))
    bp_count_error (fn, numel (pos), 0, 1, usage ());
  endif
  opts = {};
  for f = {"classes", "names"}
    if (! bp_is_unset (o.(f{1})))
      opts(end+1:end+2) = {f{1}, o.(f{1})};
    endif
  endfor
  try
    c = bp_confusion (pos{:}, opts{:});
  catch err
    ## The same check, reported as this function's.
    error (strrep (err.identifier, "bp_confusion", fn), "%s", ...
           strrep (err.message, "bp_confusion:", [fn ":"]));
  end_try_catch
endfunction

## A struct as bp_confusion makes it; recall, precision and accuracy are
## computed again from the counts.
function c = check_matrix (fn, c, names)
  if (! isscalar (c))
    error ("backprop:bp_plot_confusion:wrong_type", ...
           "bp_plot_confusion: c must be one struct from bp_confusion, got %s", ...
           bp_describe (c));
  endif
  N = c.counts;
  if (! (isa (N, "double") && isreal (N) && ! issparse (N) && ismatrix (N) ...
         && rows (N) == columns (N) && rows (N) >= 1 && all (isfinite (N(:))) ...
         && all (N(:) >= 0) && all (N(:) == fix (N(:))) && sum (N(:)) > 0))
    error ("backprop:bp_plot_confusion:wrong_type", ...
           "bp_plot_confusion: c.counts must be a square matrix of counts (whole numbers >= 0, not all 0), got %s", ...
           bp_describe (N));
  endif
  K = rows (N);
  __bp_memory__ (fn, 8 * 4 * (K + 1) ^ 2, "the picture of the matrix");
  if (bp_is_unset (names) && isfield (c, "names"))
    names = c.names;
  endif
  names = bp_check_class_names (fn, names, 1:K);
  n = sum (N(:));
  c = struct ("counts", N, "recall", (diag (N) ./ sum (N, 2))', ...
              "precision", diag (N)' ./ sum (N, 1), "accuracy", trace (N) / n, ...
              "n", n, "names", {names(:)'});
endfunction

function draw_matrix (fig, ax, c, o)
  K = rows (c.counts);
  blue = [0 0.447 0.698];
  orange = [0.835 0.369 0];
  grey = [0.93 0.93 0.93];
  rowsum = sum (c.counts, 2);
  f = c.counts ./ max (rowsum, 1);
  rgb = repmat (reshape (grey, 1, 1, 3), K + 1, K + 1);
  for i = 1:K
    for j = 1:K
      hue = orange;
      if (i == j)
        hue = blue;
      endif
      rgb(i, j, :) = 1 + f(i, j) * (hue - 1);
    endfor
  endfor
  if (isempty (ax))
    ax = axes ("parent", fig, "position", [0.2 0.12 0.76 0.8]);
  endif
  image (ax, [1 K+1], [1 K+1], rgb);
  hold (ax, "on");
  ## White lines between the cells, a wider one before the margins.
  for v = 0.5:K+0.5
    w = 1 + 2 * (v == K + 0.5);
    plot (ax, [0.5 K+1.5], [v v], "w", "linewidth", w);
    plot (ax, [v v], [0.5 K+1.5], "w", "linewidth", w);
  endfor
  hold (ax, "off");
  set (ax, "dataaspectratio", [1 1 1], "xlim", [0.5 K+1.5], ...
       "ylim", [0.5 K+1.5], "ydir", "reverse", "fontsize", o.fontsize, ...
       "ticklength", [0 0], ...
       "xtick", 1:K+1, "ytick", 1:K+1);
  short = all (cellfun (@numel, c.names) <= 3);
  if (short)
    set (ax, "xticklabel", [c.names, {"recall"}]);
  else
    set (ax, "xticklabel", [arrayfun(@(k) sprintf ("%d", k), 1:K, "uniformoutput", false), {"recall"}]);
  endif
  ylab = c.names;
  if (! short)
    ylab = cellfun (@(s, k) sprintf ("%s  %d", s, k), c.names, num2cell (1:K), ...
                    "uniformoutput", false);
  endif
  set (ax, "yticklabel", [ylab, {"precision"}]);
  xlabel (ax, "predicted class");
  ylabel (ax, "true class");
  title (ax, o.title, "fontsize", 1.2 * o.fontsize);

  ## The counts as large as a cell allows: the widest string in 80% of a
  ## cell's width and half its height.
  strings = arrayfun (@(v) sprintf ("%d", v), c.counts, "uniformoutput", false);
  cell_px = min (getpixelposition (ax)(3:4)) / (K + 1);
  px = max (bp_text_px (ax, [strings(:); {"100%"}], 100), [], 1) / 100;
  pt = min ([o.fontsize, 0.8 * cell_px / px(1), 0.5 * cell_px / px(2)]);
  for i = 1:K
    for j = 1:K
      colour = [0 0 0];
      if (f(i, j) > 0.55)
        colour = [1 1 1];
      endif
      text (ax, j, i, strings{i, j}, "fontsize", pt, "color", colour, ...
            "horizontalalignment", "center", "verticalalignment", "middle");
    endfor
    text (ax, K + 1, i, percent (c.recall(i)), "fontsize", pt, ...
          "horizontalalignment", "center", "verticalalignment", "middle");
    text (ax, i, K + 1, percent (c.precision(i)), "fontsize", pt, ...
          "horizontalalignment", "center", "verticalalignment", "middle");
  endfor
  text (ax, K + 1, K + 1, percent (c.accuracy), "fontsize", pt, ...
        "fontweight", "bold", "horizontalalignment", "center", ...
        "verticalalignment", "middle");
endfunction

function s = percent (v)
  if (isnan (v))
    s = "-";
  elseif (v == 1)
    s = "100%";
  else
    s = sprintf ("%.1f%%", 100 * v);
  endif
endfunction

%!shared p, a
%! p = [1 2 2 3 3 3 1 2 1 1];
%! a = [1 2 3 3 3 1 1 2 1 2];

%!test
%! ## One cell per pair of classes with its count, deep blue for a class
%! ## predicted right every time, white for no sample; recall on the right
%! ## and precision at the bottom.
%! c = bp_confusion (p, a);
%! h = bp_plot_confusion (c, "visible", false);
%! unwind_protect
%!   rgb = get (findobj (h, "type", "image"), "cdata");
%!   assert (size (rgb), [4 4 3]);
%!   f = c.counts ./ sum (c.counts, 2);
%!   assert (squeeze (rgb(2, 2, :))', 1 + f(2,2) * ([0 0.447 0.698] - 1), 1e-12);
%!   assert (squeeze (rgb(1, 2, :))', 1 + f(1,2) * ([0.835 0.369 0] - 1), 1e-12);
%!   assert (squeeze (rgb(2, 3, :))', [1 1 1]);
%!   strings = get (findobj (h, "type", "text"), "string");
%!   for v = c.counts(:)'
%!     assert (any (strcmp (strings, sprintf ("%d", v))));
%!   endfor
%!   assert (any (strcmp (strings, sprintf ("%.1f%%", 100 * c.recall(1)))));
%!   assert (any (strcmp (strings, sprintf ("%.1f%%", 100 * c.precision(3)))));
%!   assert (get (get (findobj (h, "type", "axes"), "title"), "string"), ...
%!           "accuracy 70.0% (7 of 10 right)");
%! unwind_protect_cleanup
%!   close (h);
%! end_unwind_protect

%!test
%! ## From the classes, or from a network and its data, as bp_confusion;
%! ## long names label the rows, numbers the columns.
%! [X, Y] = bp_dataset ("spirals", "classes", 3, "n", 20, "seed", 1);
%! net = bp_init ([2 5 3], "activation", {"tanh", "softmax"}, ...
%!                "loss", "log-likelihood", "seed", 2);
%! h1 = bp_plot_confusion (p, a, "visible", false);
%! h2 = bp_plot_confusion (net, X, Y, "names", {"first", "second", "third"}, ...
%!                         "visible", false);
%! unwind_protect
%!   c = bp_confusion (p, a);
%!   assert (get (findobj (h1, "type", "image"), "cdata")(1:3, 1:3, 1), ...
%!           1 + (c.counts ./ sum (c.counts, 2)) .* (eye (3) * (0 - 0.835) + 0.835 - 1), 1e-12);
%!   ax = findobj (h2, "type", "axes");
%!   assert (get (ax, "yticklabel")(1:3)', {"first  1", "second  2", "third  3"});
%!   assert (get (ax, "xticklabel")(1:3)', {"1", "2", "3"});
%! unwind_protect_cleanup
%!   close ([h1 h2]);
%! end_unwind_protect

%!test
%! ## Into the axes of a figure of the caller's, in the font asked for.
%! f = figure ("visible", "off");
%! unwind_protect
%!   ax = axes ("parent", f);
%!   assert (bp_plot_confusion (ax, p, a, "fontsize", 15), f);
%!   assert (get (ax, "fontsize"), 15);
%!   assert (numel (findobj (ax, "type", "image")), 1);
%! unwind_protect_cleanup
%!   close (f);
%! end_unwind_protect

%!error <c.counts must be a square matrix of counts> bp_plot_confusion (struct ("counts", [1 2]))
%!error <c.counts must be a square matrix of counts> bp_plot_confusion (struct ("counts", [1 -1; 0 1]))
%!error <names must be a cell of 2 strings> bp_plot_confusion (struct ("counts", eye (2)), "names", {"a"})
%!error <option 'classes' applies when the matrix is made here> bp_plot_confusion (struct ("counts", eye (2)), "classes", [1 2])
%!error <predicted and actual must have one class per sample each> bp_plot_confusion ([1 2], [1 2 1])
%!error id=backprop:bp_plot_confusion:wrong_size bp_plot_confusion ([1 2], [1 2 1])
%!error <title must be a string> bp_plot_confusion ([1 2], [1 2], "title", 1)
%!error <file must name a PNG, SVG or PDF file> bp_plot_confusion ([1 2], [1 2], "file", "c.bmp")
%!error <unknown option 'colour'> bp_plot_confusion ([1 2], [1 2], "colour", 1)
%!error id=backprop:bp_plot_confusion:nargin bp_plot_confusion ()
%!error id=backprop:bp_plot_confusion:nargin bp_plot_confusion ([1 2])
%!error id=backprop:bp_plot_confusion:nargout [a, b] = bp_plot_confusion ([1 2], [1 2])

%!demo
%! ## Three spiral arms after a short training: the chart shows which arm
%! ## the network takes for which.
%! [X, Y] = bp_dataset ("spirals", "classes", 3, "seed", 1);
%! net = bp_init ([2 16 3], "activation", {"tanh", "softmax"}, ...
%!                "loss", "log-likelihood", "seed", 1);
%! net = bp_train (net, X, Y, "epochs", 100, "eta", 0.1, "seed", 1, "verbose", false);
%! bp_plot_confusion (net, X, Y, "names", {"arm 1", "arm 2", "arm 3"});
