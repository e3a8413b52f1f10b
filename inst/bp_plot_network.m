## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## -*- texinfo -*-
## @deftypefn  {} {@var{h} =} bp_plot_network (@var{net})
## @deftypefnx {} {@var{h} =} bp_plot_network (@var{net}, @var{name}, @var{value}, @dots{})
## Draw a network: its nodes layer by layer and every weight as an edge.
##
## Layer 0, the inputs x_k = a_k^(0), is the left column; layer l is the
## (l+1)-th column, its nodes labelled a_j^(l), node j = 1 at the top.  The
## edge from node k of layer l-1 to node j of layer l stands for the weight
## w_jk^(l) = @code{net.W@{l@}(j,k)}: blue when the weight is positive,
## red when negative, grey when zero, and the thicker the larger |w_jk^(l)|
## (one scale for the whole network, so layers can be compared).  Above each
## column: the layer's number, its role and its activation g^(l).
##
## Options:
##
## @table @asis
## @item @qcode{"gradient"}
## a cell @var{dW} from @code{[dW, db] = bp_gradient (net, x, y)}: the edges
## then show the gradient dC/dw_jk^(l) = @code{dW@{l@}(j,k)} instead of the
## weights, with the same colours (the sign) and widths (the size).
## @item @qcode{"x"}
## one sample, an n0-by-1 column: each node is annotated with its values
## for that sample, x_k for the inputs and z_j^(l) and a_j^(l) for the
## other layers, as @code{bp_forward (net, x)} computes them.
## @item @qcode{"labels"}
## true to write each edge's value beside it, false not to (default:
## true when no layer has more than 25 edges drawn).
## @item @qcode{"maxnodes"}
## the most nodes drawn per layer, at least 3 (default 10).  A larger
## layer is drawn as its first @var{maxnodes} - 1 nodes, a gap marked by
## dots, and its last node, with the edges between the nodes drawn.
## @item @qcode{"maxlayers"}
## the most layers drawn, counting the input layer, at least 3 (default
## 20).  A deeper network is drawn as its first @var{maxlayers} - 2
## layers, a gap marked by dots that names the layers left out, and its
## last two layers, so that the input and the output weights are shown.
## @item @qcode{"title"}
## the figure's title (default: the widths of the layers drawn, with
## @qcode{"..."} for a gap, and what the edges show).
## @item @qcode{"file"}
## write the figure to this PNG file (@qcode{".png"} is added to a name
## without an extension).
## @item @qcode{"visible"}
## show the figure on screen (default: true when Octave has a display).
## @item @qcode{"size"}
## [width height] of the figure in pixels, each from 100 to 10000
## (default: from the number of layers and nodes drawn, within those
## bounds).
## @end table
##
## Every call draws in a new figure and returns its handle @var{h}.
## Without a display (an empty DISPLAY variable and no GUI) the figure is
## invisible and drawn with the gnuplot toolkit, whatever toolkit is the
## default; an invisible figure never becomes the current figure.  When the
## figure is invisible and @qcode{"file"} is given, the figure is closed
## once the PNG is written and @var{h} is empty.  An invisible figure made
## without @qcode{"file"} stays open, so that you can @code{print (h, @dots{})}
## it yourself and then @code{close (h)}.
##
## The 2-3-2 network with the sample of the article on sigmoid networks
## with an L2-norm loss, and its gradient for that sample:
##
## @example
## [x, t] = bp_dataset ("article-232");
## net = bp_init ([2 3 2], "seed", 1);
## dW = bp_gradient (net, x, t);
## bp_plot_network (net, "x", x);
## bp_plot_network (net, "gradient", dW, "x", x);
## @end example
##
## That article calls the hidden values h and the outputs y and keeps its
## weights in two matrices w and u, which are @code{net.W@{1@}'} and
## @code{net.W@{2@}'} (see @file{doc/notation.md}).
##
## @seealso{bp_init, bp_forward, bp_gradient, bp_plot_boundary}
## @end deftypefn

function [h, varargout] = bp_plot_network (net, varargin)
  fn = "bp_plot_network";
  if (nargin < 1 || nargout > 1)
    bp_count_error (fn, nargin, nargout, 1, "(net, name, value, ...)");
  endif
  bp_check_net (fn, net);
  defaults = struct ("gradient", [], "x", [], "labels", [], "maxnodes", 10,
                     "maxlayers", 20, "title", [], "file", "",
                     "visible", [], "size", []);
  o = bp_parse_options (fn, defaults, varargin, 1);

  if (bp_is_unset (o.gradient))
    V = net.W;
    o.symbol = "w_{jk}^{(l)}";
  else
    V = check_gradient (fn, net, o.gradient);
    o.symbol = "dC/dw_{jk}^{(l)}";
  endif
  values = [];
  if (! bp_is_unset (o.x))
    values = node_values (fn, net, o.x);
  endif
  o.maxnodes = bp_check_scalar (fn, "maxnodes", o.maxnodes, 3, 1000, true);
  o.maxlayers = bp_check_scalar (fn, "maxlayers", o.maxlayers, 3, 1000, true);
  layout = place_nodes (net.sizes, o.maxnodes, o.maxlayers);
  if (bp_is_unset (o.labels))
    edges = cellfun (@numel, layout.shown);
    o.labels = max (edges(1:end-1) .* edges(2:end)) <= 25;
  else
    o.labels = bp_check_scalar (fn, "labels", o.labels, 0, 1, true);
  endif
  if (bp_is_unset (o.title))
    ## The widths of the layers drawn, "..." for the gap: a network of a
    ## thousand layers must not give a title wider than the figure.
    widths = arrayfun (@(l) num2str (net.sizes(l+1)), layout.layers(! isnan (layout.layers)),
                       "uniformoutput", false);
    if (any (isnan (layout.layers)))
      k = find (isnan (layout.layers));
      widths = [widths(1:k-1), {"..."}, widths(k:end)];
    endif
    widths = strjoin (widths, "-");
    if (bp_is_unset (o.gradient))
      o.title = sprintf ("%s network: weights %s", widths, o.symbol);
    else
      o.title = sprintf ("%s network: gradient %s", widths, o.symbol);
    endif
  elseif (! (ischar (o.title) && (isrow (o.title) || isempty (o.title))))
    error ("backprop:bp_plot_network:wrong_type",
           "bp_plot_network: title must be a string, got %s",
           bp_describe (o.title));
  endif
  o = bp_check_figure_options (fn, o, default_size (layout));

  fig = bp_draw_in_figure (fn, o,
                        @(f) draw_network (f, net, V, values, layout, o));
  if (nargout > 0)
    h = fig;
  endif
endfunction

function V = check_gradient (fn, net, dW)
  L = numel (net.W);
  if (! (iscell (dW) && numel (dW) == L))
    error ("backprop:bp_plot_network:wrong_type",
           "bp_plot_network: gradient must be a cell of %d matrices shaped like net.W (dW from bp_gradient), got %s",
           L, bp_describe (dW));
  endif
  for l = 1:L
    g = dW{l};
    if (! (isa (g, "double") && isreal (g) && ! issparse (g)
           && isequal (size (g), size (net.W{l}))))
      error ("backprop:bp_plot_network:wrong_type",
             "bp_plot_network: gradient{%d} must be a real double %d-by-%d matrix like net.W{%d}, got %s",
             l, rows (net.W{l}), columns (net.W{l}), l, bp_describe (g));
    elseif (! all (isfinite (g(:))))
      error ("backprop:bp_plot_network:not_finite",
             "bp_plot_network: gradient{%d} must be finite", l);
    endif
  endfor
  V = dW;
endfunction

## x_k, z_j^(l) and a_j^(l) of one sample.
function v = node_values (fn, net, x)
  [~, a, z] = __bp_forward__ (fn, net, x);
  if (columns (x) != 1)
    error ("backprop:bp_plot_network:wrong_size",
           "bp_plot_network: x must be one sample, an n0-by-1 column, got %d columns",
           columns (x));
  endif
  v = struct ("x", x, "a", {a}, "z", {z});
endfunction

## Which layers and nodes are drawn, and where.  Column c of the drawing
## is at x = 3 (c - 1) and shows layer layout.layers(c) (NaN for the gap
## of a network deeper than MAXLAYERS: its first MAXLAYERS - 2 layers, an
## empty column with dots, its last two).  Node slots are one unit apart
## and every column is centred on y = 0.  A layer wider than MAXNODES
## keeps its first MAXNODES - 1 nodes and its last one, with an empty slot
## for the dots between them.
function layout = place_nodes (sizes, maxnodes, maxlayers)
  n_layers = numel (sizes);
  if (n_layers <= maxlayers)
    layers = 0:n_layers-1;
  else
    layers = [0:maxlayers-3, NaN, n_layers-2, n_layers-1];
  endif
  n_cols = numel (layers);
  layout.layers = layers;
  layout.x = 3 * (0:n_cols-1);
  layout.shown = cell (1, n_cols);
  layout.y = cell (1, n_cols);
  layout.gap = cell (1, n_cols);
  layout.slots = 0;
  for c = 1:n_cols
    if (isnan (layers(c)))
      continue;
    endif
    n = sizes(layers(c) + 1);
    if (n <= maxnodes)
      shown = 1:n;
      slots = 1:n;
      gap = [];
    else
      shown = [1:maxnodes-1, n];
      slots = [1:maxnodes-1, maxnodes+1];
      gap = maxnodes;
    endif
    centre = (slots(end) + 1) / 2;
    layout.shown{c} = shown;
    layout.y{c} = centre - slots;
    layout.gap{c} = centre - gap;
    layout.slots = max (layout.slots, slots(end));
  endfor
endfunction

## The edges drawn: those of layer l = layout.layers(c) for every column
## c whose left neighbour shows layer l - 1 (none across the gap).
function cols = edge_columns (layout)
  cols = find ([false, diff(layout.layers) == 1]);
endfunction

## About 90 pixels per unit of node spacing, less for tall networks, and
## less for wide ones so that the figure is at most 10000 pixels wide
## (gnuplot's cairo terminal refuses sizes beyond 32767 pixels and then
## never answers, and the plots accept sizes from 100 to 10000); the
## drawing spans the x range of draw_network's limits, and about S + 1.6
## units of height plus room for the title.
function sz = default_size (layout)
  S = layout.slots;
  span = layout.x(end) + 2.6;
  unit = min ([90, 700 / (S + 2), 0.96 * 10000 / span]);
  sz = round ([max(520, unit * span / 0.96), unit * (S + 1.6) / 0.9 + 40]);
  sz = min (max (sz, 100), 10000);
endfunction

function draw_network (fig, net, V, values, layout, o)
  r = 0.3;       # node radius, in the units of the node spacing
  top = (layout.slots - 1) / 2;
  bottom = -top - r - 0.3 - 0.25 * ! isempty (values);
  ## Limits and aspect first: the text boxes below are sized from text
  ## extents in data units, which depend on them.
  ax = axes ("parent", fig, "position", [0.02 0.02 0.96 0.90]);
  set (ax, "dataaspectratio", [1 1 1],
       "xlim", [layout.x(1) - 1.3, layout.x(end) + 1.3],
       "ylim", [bottom - 0.5, top + r + 0.75]);
  axis (ax, "off");
  hold (ax, "on");

  vmax = 0;
  for c = edge_columns (layout)
    part = V{layout.layers(c)}(layout.shown{c}, layout.shown{c-1});
    vmax = max (vmax, max (abs (part(:))));
  endfor
  for c = edge_columns (layout)
    draw_edges (ax, V{layout.layers(c)}, layout, c, vmax, r, o.labels);
  endfor
  for c = 1:numel (layout.x)
    if (isnan (layout.layers(c)))
      draw_gap (ax, layout, c, r);
    else
      draw_layer (ax, net, layout, c, values, r);
    endif
  endfor

  text_lines (ax, mean (layout.x([1 end])), bottom,
              {sprintf("%s: edge from node k of layer l-1 to node j of layer l",
                       o.symbol),
               sprintf("blue > 0,  red < 0,  width grows with |%s|;   loss C_0: %s",
                       o.symbol, net.loss)},
              "top", "fontsize", 9);
  hold (ax, "off");
  title (ax, o.title, "fontsize", 12);
endfunction

## Blue for positive, red (vermillion) for negative: two hues that stay
## distinct for colour-blind readers.  Exact zeros are grey.
function c = sign_colour (v)
  if (v > 0)
    c = [0 0.447 0.698];
  elseif (v < 0)
    c = [0.835 0.369 0];
  else
    c = [0.6 0.6 0.6];
  endif
endfunction

## The edges into column C from column C - 1, W the weights between them.
function draw_edges (ax, W, layout, c, vmax, r, with_labels)
  src = layout.shown{c-1};
  dst = layout.shown{c};
  ys = layout.y{c-1};
  yd = layout.y{c};
  x0 = layout.x(c-1) + r;
  x1 = layout.x(c) - r;
  nk = numel (src);
  for a = 1:numel (dst)
    for b = 1:nk
      v = W(dst(a), src(b));
      width = 0.5;
      if (vmax > 0)
        width += 4.5 * abs (v) / vmax;
      endif
      plot (ax, [x0 x1], [ys(b) yd(a)], "color", sign_colour (v),
            "linewidth", width);
    endfor
  endfor
  ## Labels after all lines, so that no line crosses a label's box.
  if (with_labels)
    for a = 1:numel (dst)
      for b = 1:nk
        v = W(dst(a), src(b));
        ## Labels of edges from one source sit at the same fraction of the
        ## way, different for each source: crossing edges would otherwise
        ## put their labels on top of each other at the middle.
        s = 0.22 + 0.5 * (b - 1) / max (nk - 1, 1);
        boxed_text (ax, x0 + s * (x1 - x0), ys(b) + s * (yd(a) - ys(b)),
                    sprintf ("%.3g", v), "color", sign_colour (v),
                    "fontsize", 8, "horizontalalignment", "center",
                    "verticalalignment", "middle");
      endfor
    endfor
  endif
endfunction

function draw_layer (ax, net, layout, i, values, r)
  l = layout.layers(i);
  L = numel (net.W);
  x = layout.x(i);
  t = linspace (0, 2 * pi, 60);
  if (l == 0)
    face = [0.92 0.92 0.92];
    head = {"layer 0: input", "x_k = a_k^{(0)}"};
  elseif (l < L)
    face = [1 0.96 0.82];
    head = {sprintf("layer %d: hidden", l), sprintf("g^{(%d)} = %s", l, net.g{l})};
  else
    face = [0.84 0.92 1];
    head = {sprintf("layer %d: output", l), sprintf("g^{(%d)} = %s", l, net.g{l})};
  endif
  text_lines (ax, x, (layout.slots - 1) / 2 + r + 0.1, head, "bottom",
              "fontsize", 10);

  for p = 1:numel (layout.shown{i})
    j = layout.shown{i}(p);
    y = layout.y{i}(p);
    patch (ax, x + r * cos (t), y + r * sin (t), face, "edgecolor", "k",
           "linewidth", 1);
    if (l == 0)
      name = sprintf ("x_{%d}", j);
    else
      name = sprintf ("a_{%d}^{(%d)}", j, l);
    endif
    text (ax, x, y, name, "horizontalalignment", "center",
          "verticalalignment", "middle", "fontsize", 11);
    if (! isempty (values))
      if (l == 0)
        note = sprintf ("%.3g", values.x(j));
      else
        note = sprintf ("z = %.3g,  a = %.3g", values.z{l}(j), values.a{l}(j));
      endif
      boxed_text (ax, x, y - r - 0.03, note, "horizontalalignment", "center",
                  "verticalalignment", "top", "fontsize", 8);
    endif
  endfor

  if (! isempty (layout.gap{i}))
    plot (ax, x * [1 1 1], layout.gap{i} + [-0.25 0 0.25], "k.",
          "markersize", 8);
  endif
endfunction

## The column of layers left out: dots across it, and which layers.
function draw_gap (ax, layout, i, r)
  x = layout.x(i);
  plot (ax, x + [-0.5 0 0.5], [0 0 0], "k.", "markersize", 8);
  text_lines (ax, x, (layout.slots - 1) / 2 + r + 0.1,
              {sprintf("layers %d to %d", layout.layers(i-1) + 1,
                       layout.layers(i+1) - 1), "not drawn"},
              "bottom", "fontsize", 10);
endfunction

## Text on a white box, so that it stays legible where it crosses edges.
## The box comes from the text's extent, measured with a first copy of
## the text that is then replaced (the box must be drawn below it).
function boxed_text (ax, x, y, str, varargin)
  t = text (ax, x, y, str, varargin{:});
  e = get (t, "extent");
  delete (t);
  ## Scale the measured box about the text's anchor to the drawn size.
  k = text_scale (ax);
  pad = 0.1 * k * e(4);
  bx = x + k * ([e(1), e(1) + e(3)] - x) + [-pad, pad];
  by = y + k * ([e(2), e(2) + e(4)] - y) + [-pad, pad];
  patch (ax, bx([1 2 2 1]), by([1 1 2 2]), "w", "edgecolor", "none");
  text (ax, x, y, str, varargin{:});
endfunction

## Lines of text stacked from (x, y) downwards (VALIGN "top") or upwards
## ("bottom"), one text object each: the gnuplot toolkit cannot draw a
## single multi-line text object.
function text_lines (ax, x, y, lines, valign, varargin)
  if (strcmp (valign, "bottom"))
    lines = lines(end:-1:1);
    step = 1;
  else
    step = -1;
  endif
  k = text_scale (ax);
  for i = 1:numel (lines)
    t = text (ax, x, y, lines{i}, "horizontalalignment", "center",
              "verticalalignment", valign, varargin{:});
    e = get (t, "extent");
    y += step * k * e(4);
  endfor
endfunction

## Drawn size of text over the size Octave measures for it: gnuplot's
## cairo terminals draw fonts at 96 dots per inch where Octave measures
## at 72, a third larger.
function k = text_scale (ax)
  k = 1;
  if (strcmp (get (ancestor (ax, "figure"), "__graphics_toolkit__"), "gnuplot"))
    k = 4 / 3;
  endif
endfunction

%!function n = count_colour (lines, c)
%!  ## How many of LINES are drawn in colour C.
%!  n = sum (cellfun (@(v) isequal (v, c), get (lines, "color")));

%!shared net, x, t
%! [x, t] = bp_dataset ("article-232");
%! net = bp_init ([2 3 2], "seed", 1);

%!test
%! ## One edge per weight, blue for w > 0, red for w < 0, the widest edge
%! ## for the largest |w|; node symbols a_j^(l) and x_k.
%! h = bp_plot_network (net, "visible", false);
%! unwind_protect
%!   edges = findobj (h, "type", "line");
%!   assert (numel (edges), 6 + 6);
%!   W = [net.W{1}(:); net.W{2}(:)];
%!   assert (count_colour (edges, [0 0.447 0.698]), nnz (W > 0));
%!   assert (count_colour (edges, [0.835 0.369 0]), nnz (W < 0));
%!   assert (max (cell2mat (get (edges, "linewidth"))), 5);
%!   strings = get (findobj (h, "type", "text"), "string");
%!   assert (any (strcmp (strings, "a_{3}^{(1)}")));
%!   assert (any (strcmp (strings, "x_{2}")));
%!   assert (any (strcmp (strings, sprintf ("%.3g", net.W{2}(1,3)))));
%! unwind_protect_cleanup
%!   close (h);
%! end_unwind_protect

%!test
%! ## The gradient replaces the weights; x adds each node's z and a.
%! dW = bp_gradient (net, x, t);
%! [~, a, z] = bp_forward (net, x);
%! h = bp_plot_network (net, "gradient", dW, "x", x, "visible", false);
%! unwind_protect
%!   strings = get (findobj (h, "type", "text"), "string");
%!   assert (any (strcmp (strings, sprintf ("%.3g", dW{1}(2,1)))));
%!   note = sprintf ("z = %.3g,  a = %.3g", z{2}(1), a{2}(1));
%!   assert (any (strcmp (strings, note)));
%!   assert (any (strcmp (strings, "0.05")));
%!   edges = findobj (h, "type", "line");
%!   g = [dW{1}(:); dW{2}(:)];
%!   assert (count_colour (edges, [0 0.447 0.698]), nnz (g > 0));
%! unwind_protect_cleanup
%!   close (h);
%! end_unwind_protect

%!test
%! ## A wide layer is cut to maxnodes: the first 4 of 30 inputs and the
%! ## last, so 5 * 4 + 4 * 2 edges, and one line of dots for the gap.
%! big = bp_init ([30 4 2], "seed", 2);
%! h = bp_plot_network (big, "maxnodes", 5, "visible", false);
%! unwind_protect
%!   assert (numel (findobj (h, "type", "line")), 5 * 4 + 4 * 2 + 1);
%!   strings = get (findobj (h, "type", "text"), "string");
%!   assert (any (strcmp (strings, "x_{30}")));
%!   assert (! any (strcmp (strings, "x_{5}")));
%! unwind_protect_cleanup
%!   close (h);
%! end_unwind_protect

%!test
%! ## An all-zero network draws thin grey edges (no division by zero).
%! z0 = bp_init ([2 2], "init", "zeros");
%! h = bp_plot_network (z0, "visible", false);
%! unwind_protect
%!   edges = findobj (h, "type", "line");
%!   assert (count_colour (edges, [0.6 0.6 0.6]), 4);
%!   assert (cell2mat (get (edges, "linewidth")), 0.5 * ones (4, 1));
%! unwind_protect_cleanup
%!   close (h);
%! end_unwind_protect

%!error <net must be a scalar struct> bp_plot_network (1)
%!error <net has no field 'W'> bp_plot_network (rmfield (bp_init ([2 3]), "W"))
%!error <gradient must be a cell of 2 matrices> bp_plot_network (bp_init ([2 3 2]), "gradient", ones (3, 2))
%!error <gradient\{2\} must be a real double 2-by-3 matrix like net.W\{2\}> bp_plot_network (bp_init ([2 3 2]), "gradient", {ones(3,2), ones(3,2)})
%!error <gradient\{1\} must be finite> bp_plot_network (bp_init ([2 3 2]), "gradient", {[NaN 0; 0 0; 0 0], ones(2,3)})
%!error <x must be a real double matrix with 2 rows> bp_plot_network (bp_init ([2 3]), "x", [1; 2; 3])
%!error <x must be one sample, an n0-by-1 column, got 2 columns> bp_plot_network (bp_init ([2 3]), "x", ones (2, 2))
%!error <size must be \[width height\]> bp_plot_network (bp_init ([2 3]), "size", sparse ([500 400]))
%!error <file must be a file name, got a string with char \(0\) at position 2> bp_plot_network (bp_init ([2 3]), "file", ["a" char(0) "b"])
%!error <maxnodes must be a whole number in \[3, 1000\]> bp_plot_network (bp_init ([2 3]), "maxnodes", 2)
%!error <labels must be a real double scalar> bp_plot_network (bp_init ([2 3]), "labels", "yes")
%!error <title must be a string> bp_plot_network (bp_init ([2 3]), "title", 1)
%!error <file must name a PNG file> bp_plot_network (bp_init ([2 3]), "file", "net.svg")
%!error <unknown option 'colour'> bp_plot_network (bp_init ([2 3]), "colour", "r")
%!error id=backprop:bp_plot_network:nargin bp_plot_network ()
%!error id=backprop:bp_plot_network:nargout [a, b] = bp_plot_network (bp_init ([2 3]))

%!demo
%! ## The 2-3-2 network with the article's sample: the weights w_jk^(l),
%! ## and each node's weighted input z and activation a.
%! [x, t] = bp_dataset ("article-232");
%! net = bp_init ([2 3 2], "seed", 1);
%! bp_plot_network (net, "x", x);

%!demo
%! ## The gradient dC/dw_jk^(l) of the same network for that sample: the
%! ## output layer's edges carry most of it.
%! [x, t] = bp_dataset ("article-232");
%! net = bp_init ([2 3 2], "seed", 1);
%! dW = bp_gradient (net, x, t);
%! bp_plot_network (net, "gradient", dW);
