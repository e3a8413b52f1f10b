## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## -*- texinfo -*-
## @deftypefn  {} {@var{h} =} bp_plot_network (@var{net})
## @deftypefnx {} {@var{h} =} bp_plot_network (@var{hax}, @var{net})
## @deftypefnx {} {@var{h} =} bp_plot_network (@dots{}, @var{name}, @var{value}, @dots{})
## Draw a network: its nodes layer by layer and every weight as an edge.
##
## Layer 0, the inputs x_k = a_k^(0), is the left column; layer l is the
## (l+1)-th column, its nodes labelled a_j^(l), node j = 1 at the top.  The
## edge from node k of layer l-1 to node j of layer l stands for the weight
## w_jk^(l) = @code{net.W@{l@}(j,k)}: blue when the weight is positive,
## orange when negative, grey when zero, and the thicker the larger
## |w_jk^(l)| (one scale for the whole network, so layers can be
## compared); the legend under the drawing shows the colours.  Above each
## column: the layer's number, its role and its activation g^(l).
##
## Each edge's value is written on the edge, near its middle, on a white
## box; labels are placed one by one where they touch no other label,
## node or note, and away from where edges cross, and the columns move
## apart when the labels need more room.  A layer wider than
## @qcode{"maxnodes"} is drawn as its first nodes, a column of dots, and
## its last node.
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
## the names an article gives the layers and the weights: a cell of
## L + 1 names, one per layer (@code{@{"x", "h", "y"@}}: the nodes read
## x_1, x_2, h_1, @dots{}), or a struct with the fields @code{nodes}
## (those names) and @code{weights} (L names, one per weight layer,
## written between the columns, such as @code{@{"w", "u"@}}), either one
## optional.  With weight names the legend reads the weights with the
## subscripts in the articles' order, source first (w_ij from x_i to h_j;
## the value on each edge is the same number either way).  A logical
## true or false is the older spelling of @qcode{"values"}.
## @item @qcode{"values"}
## true to write each edge's value on it, false not to (default: true when
## no layer has more than 25 edges drawn).
## @item @qcode{"maxnodes"}
## the most nodes drawn per layer, at least 3 (default 8).  A larger
## layer is drawn as its first @var{maxnodes} - 1 nodes, a gap marked by
## dots, and its last node, with the edges between the nodes drawn (pale
## and thin where a layer has more than 40 of them, so that the drawing
## does not become a tangle).
## @item @qcode{"maxlayers"}
## the most layers drawn, counting the input layer, at least 3 (default
## 20).  A deeper network is drawn as its first @var{maxlayers} - 2
## layers, a gap marked by dots that names the layers left out, and its
## last two layers, so that the input and the output weights are shown.
## @item @qcode{"title"}
## the figure's title (default: the widths of the layers drawn, with
## @qcode{"..."} for a gap, and what the edges show).
## Texts (the title, the labels) are TeX, as in Octave's own plots:
## @code{a_1} has a subscript, @code{\_} is an underscore and @code{\eta}
## the Greek letter (in single quotes, where Octave keeps a backslash).
## @item @qcode{"fontsize"}
## the size in points of the nodes' names; the other texts are in
## proportion (default: in proportion to the drawing, so that the text
## grows with @qcode{"size"}).  Without @qcode{"size"} the figure grows to
## hold the text; text larger than a given size or axes can hold is made
## as large as fits.
## @item @qcode{"file"}
## write the figure to this file: PNG, SVG or PDF by its extension
## (@qcode{".png"} is added to a name without one).
## @item @qcode{"visible"}
## show the figure on screen (default: true when Octave has a display).
## @item @qcode{"size"}
## [width height] of the figure in pixels, each from 100 to 10000
## (default: from the number of layers and nodes drawn, within those
## bounds).
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
## file and its name printed.  With an axes handle @var{hax} first, the
## drawing goes into those axes of your figure and @var{h} is that figure;
## print it headless with @code{bp_print (h, "slide.png")} or
## @code{print (h, "slide.png", "-dpngcairo")}.
##
## The 2-3-2 network of the article on sigmoid networks with an L2-norm
## loss, with its names (x, h, y; w, u) and its sample, and its gradient
## for that sample:
##
## @example
## [x, t] = bp_dataset ("article-232");
## net = bp_init ([2 3 2], "loss", "l2-norm", "seed", 1);
## names = struct ("nodes", @{@{"x", "h", "y"@}@}, "weights", @{@{"w", "u"@}@});
## bp_plot_network (net, "x", x, "labels", names);
## bp_plot_network (net, "gradient", bp_gradient (net, x, t), "labels", names);
## @end example
##
## That article keeps its weights in the two matrices w and u, which are
## @code{net.W@{1@}'} and @code{net.W@{2@}'} (see @file{doc/notation.md}).
##
## @seealso{bp_init, bp_forward, bp_gradient, bp_plot_boundary, bp_print}
## @end deftypefn

function varargout = bp_plot_network (varargin)
  fn = "bp_plot_network";
  [hax, args] = bp_plot_args (fn, varargin, nargin, nargout, 1, ...
                              "([hax,] net, name, value, ...)");
  net = args{1};
  bp_check_net (fn, net);
  defaults = struct ("gradient", [], "x", [], "labels", [], "values", [], ...
                     "maxnodes", 8, "maxlayers", 20, "title", [], ...
                     "fontsize", [], "file", "", "visible", [], "size", []);
  o = bp_parse_options (fn, defaults, args(2:end), 1 + ! isempty (hax));
  bp_check_title (fn, o.title);
  ## The font size sets the default figure size: checked before that.
  if (! bp_is_unset (o.fontsize))
    o.fontsize = bp_check_scalar (fn, "fontsize", o.fontsize, 4, 200, false);
  endif
  L = numel (net.W);

  if (bp_is_unset (o.gradient))
    V = net.W;
    o.gradient = false;
  else
    V = check_gradient (fn, net, o.gradient);
    o.gradient = true;
  endif
  notes = [];
  if (! bp_is_unset (o.x))
    notes = node_values (fn, net, o.x);
  endif
  o.maxnodes = bp_check_scalar (fn, "maxnodes", o.maxnodes, 3, 1000, true);
  o.maxlayers = bp_check_scalar (fn, "maxlayers", o.maxlayers, 3, 1000, true);
  [o.names, o.values] = check_labels (fn, o.labels, o.values, L);
  layout = bp_network_columns (net.sizes, o.maxnodes, o.maxlayers);
  if (bp_is_unset (o.values))
    edges = cellfun (@numel, layout.shown);
    o.values = max (edges(1:end-1) .* edges(2:end)) <= 25;
  endif
  o.title = check_title (fn, o, net, layout);
  o = bp_check_figure_options (fn, o, default_size (net, layout, notes, o), ...
                               hax);

  varargout = bp_draw_in_figure (fn, o, ...
                                 @(f, ax) draw_network (f, ax, net, V, notes, layout, o), ...
                                 nargout);
endfunction

## ---- arguments

function V = check_gradient (fn, net, dW)
  L = numel (net.W);
  if (! (iscell (dW) && numel (dW) == L))
    error ("backprop:bp_plot_network:wrong_type", ...
           "bp_plot_network: gradient must be a cell of %d matrices shaped like net.W (dW from bp_gradient), got %s", ...
           L, bp_describe (dW));
  endif
  for l = 1:L
    g = dW{l};
    if (! (isa (g, "double") && isreal (g) && ! issparse (g) ...
           && isequal (size (g), size (net.W{l}))))
      error ("backprop:bp_plot_network:wrong_type", ...
             "bp_plot_network: gradient{%d} must be a real double %d-by-%d matrix like net.W{%d}, got %s", ...
             l, rows (net.W{l}), columns (net.W{l}), l, bp_describe (g));
    elseif (! all (isfinite (g(:))))
      error ("backprop:bp_plot_network:not_finite", ...
             "bp_plot_network: gradient{%d} must be finite", l);
    endif
  endfor
  V = dW;
endfunction

## x_k, z_j^(l) and a_j^(l) of one sample.
function v = node_values (fn, net, x)
  [~, a, z] = __bp_forward__ (fn, net, x);
  if (columns (x) != 1)
    error ("backprop:bp_plot_network:wrong_size", ...
           "bp_plot_network: x must be one sample, an n0-by-1 column, got %d columns", ...
           columns (x));
  endif
  v = struct ("x", x, "a", {a}, "z", {z});
endfunction

## The articles' names (NAMES.nodes, L+1 of them, or {}; NAMES.weights, L
## or {}) and whether the edges carry their values ([] = decide later).
function [names, values] = check_labels (fn, labels, values, L)
  names = struct ("nodes", {{}}, "weights", {{}});
  if (! bp_is_unset (values))
    values = bp_check_scalar (fn, "values", values, 0, 1, true);
  endif
  if (bp_is_unset (labels))
    return;
  elseif ((isnumeric (labels) || islogical (labels)) && isscalar (labels))
    if (! bp_is_unset (values))
      error ("backprop:bp_plot_network:conflicting_options", ...
             "bp_plot_network: labels true or false is the older spelling of values; give one of them");
    endif
    values = bp_check_scalar (fn, "labels", labels, 0, 1, true);
    return;
  elseif (iscell (labels))
    names.nodes = check_names (fn, labels, L + 1, "labels", "one per layer, 0 to L");
    return;
  elseif (! (isstruct (labels) && isscalar (labels)))
    error ("backprop:bp_plot_network:wrong_type", ...
           "bp_plot_network: labels must be a cell of %d layer names or a struct with the fields 'nodes' and 'weights', got %s", ...
           L + 1, bp_describe (labels));
  endif
  extra = setdiff (fieldnames (labels), {"nodes", "weights"});
  if (! isempty (extra))
    error ("backprop:bp_plot_network:wrong_type", ...
           "bp_plot_network: labels may have the fields 'nodes' and 'weights', got a field '%s'", ...
           extra{1});
  endif
  if (isfield (labels, "nodes"))
    names.nodes = check_names (fn, labels.nodes, L + 1, "labels.nodes", ...
                               "one per layer, 0 to L");
  endif
  if (isfield (labels, "weights"))
    names.weights = check_names (fn, labels.weights, L, "labels.weights", ...
                                 "one per weight layer, 1 to L");
  endif
endfunction

function c = check_names (fn, c, n, what, which)
  ok = (iscell (c) && numel (c) == n ...
        && all (cellfun (@(s) ischar (s) && isrow (s) && ! isempty (s) && numel (s) <= 40, c)));
  if (! ok)
    error ("backprop:bp_plot_network:wrong_type", ...
           "bp_plot_network: %s must be a cell of %d names (%s), each a string of 1 to 40 characters, got %s", ...
           what, n, which, bp_describe (c));
  endif
  c = c(:)';
endfunction

function t = check_title (fn, o, net, layout)
  t = o.title;
  if (! bp_is_unset (t))
    return;
  endif
  ## The widths of the layers drawn, "..." for the gap: a network of a
  ## thousand layers must not give a title wider than the figure.
  drawn = layout.layers;
  widths = arrayfun (@(l) num2str (net.sizes(l+1)), drawn(! isnan (drawn)), ...
                     "uniformoutput", false);
  if (any (isnan (drawn)))
    k = find (isnan (drawn));
    widths = [widths(1:k-1), {"..."}, widths(k:end)];
  endif
  what = bp_pick (o.gradient, "gradient", "weights");
  if (isempty (o.names.weights))
    symbol = edge_symbol (o, "w", "_{jk}^{(l)}");
  else
    symbol = strjoin (cellfun (@(w) edge_symbol (o, w, ""), o.names.weights, ...
                               "uniformoutput", false), ", ");
  endif
  t = sprintf ("%s network: %s %s", strjoin (widths, "-"), what, symbol);
endfunction

function s = edge_symbol (o, w, sub)
  s = [w sub];
  if (o.gradient)
    s = ["dC/d" s];
  endif
endfunction

## ---- the texts of the drawing

## Every text, a struct each: its string, its size relative to the nodes'
## names (ratio), its role and where it belongs (column, line or node).
function T = drawing_texts (net, V, notes, layout, o)
  T = struct ("str", {}, "ratio", {}, "role", {}, "col", {}, "idx", {}, ...
              "colour", {});
  L = numel (net.W);
  T(end+1) = txt (o.title, 1.15, "title", 0, 0);
  for c = 1:numel (layout.layers)
    l = layout.layers(c);
    if (isnan (l))
      T(end+1) = txt (sprintf ("layers %d to %d", layout.layers(c-1) + 1, ...
                               layout.layers(c+1) - 1), 0.9, "head", c, 1);
      T(end+1) = txt ("not drawn", 0.9, "head", c, 2);
      continue;
    endif
    head = header_lines (net, l, L, o.names);
    for i = 1:numel (head)
      T(end+1) = txt (head{i}, 0.9, "head", c, i);
    endfor
    for p = 1:numel (layout.shown{c})
      j = layout.shown{c}(p);
      T(end+1) = txt (node_name (o.names, l, j), 1, "node", c, p);
      if (! isempty (notes))
        T(end+1) = txt (note_text (notes, o.names, l, j), 0.75, "note", c, p);
      endif
    endfor
    if (c > 1 && layout.layers(c-1) == l - 1)
      if (! isempty (o.names.weights))
        T(end+1) = txt (o.names.weights{l}, 1.1, "weights", c, 0);
      endif
      if (o.values)
        for a = 1:numel (layout.shown{c})
          for b = 1:numel (layout.shown{c-1})
            v = V{l}(layout.shown{c}(a), layout.shown{c-1}(b));
            T(end+1) = txt (sprintf ("%.3g", v), 0.8, "edge", c, [a b]);
            T(end).colour = sign_colour (v);
          endfor
        endfor
      endif
    endif
  endfor
  T(end+1) = txt (convention_text (net, layout, o), 0.75, "foot", 0, 1);
  sym = edge_symbol (o, "w", "");
  T(end+1) = txt ([sym " > 0"], 0.75, "key", 0, 1);
  T(end).colour = sign_colour (1);
  T(end+1) = txt ([sym " < 0"], 0.75, "key", 0, 2);
  T(end).colour = sign_colour (-1);
  T(end+1) = txt (sprintf ("width grows with |%s|;   loss C_0: %s", sym, ...
                           net.loss), 0.75, "key", 0, 3);
endfunction

function t = txt (str, ratio, role, col, idx)
  t = struct ("str", str, "ratio", ratio, "role", role, "col", col, ...
              "idx", idx, "colour", [0 0 0]);
endfunction

function lines = header_lines (net, l, L, names)
  if (l == 0)
    lines = {"layer 0: input"};
    if (isempty (names.nodes))
      lines{2} = "x_k = a_k^{(0)}";
    else
      lines{2} = sprintf ("%s = a^{(0)}", names.nodes{1});
    endif
    return;
  endif
  lines = {sprintf("layer %d: %s", l, bp_pick (l < L, "hidden", "output"))};
  if (! isempty (names.nodes))
    lines{end+1} = sprintf ("%s = a^{(%d)}", names.nodes{l+1}, l);
  endif
  lines{end+1} = sprintf ("g^{(%d)} = %s", l, net.g{l});
endfunction

function s = node_name (names, l, j)
  if (! isempty (names.nodes))
    s = sprintf ("%s_{%d}", names.nodes{l+1}, j);
  elseif (l == 0)
    s = sprintf ("x_{%d}", j);
  else
    s = sprintf ("a_{%d}^{(%d)}", j, l);
  endif
endfunction

function s = note_text (v, names, l, j)
  if (l == 0)
    s = sprintf ("%.3g", v.x(j));
    return;
  endif
  letter = "a";
  if (! isempty (names.nodes))
    letter = names.nodes{l+1};
  endif
  s = sprintf ("z = %.3g,  %s = %.3g", v.z{l}(j), letter, v.a{l}(j));
endfunction

## What an edge stands for: the package's w_jk^(l) from node k of layer
## l-1 to node j of layer l; with the articles' weight names, their
## subscripts, source first (w_ij from x_i to h_j, u_jk from h_j to y_k),
## for the first three weight layers drawn.
function s = convention_text (net, layout, o)
  if (isempty (o.names.weights))
    s = sprintf ("%s: edge from node k of layer l-1 to node j of layer l", ...
                 edge_symbol (o, "w", "_{jk}^{(l)}"));
    return;
  endif
  letters = "ijkmnpqrstuv";
  parts = {};
  cols = find ([false, diff(layout.layers) == 1]);
  for c = cols(1:min (3, end))
    l = layout.layers(c);
    from = node_ref (o.names, l - 1, letters(mod (l - 1, 12) + 1));
    to = node_ref (o.names, l, letters(mod (l, 12) + 1));
    w = sprintf ("%s_{%s%s}", o.names.weights{l}, letters(mod (l - 1, 12) + 1), ...
                 letters(mod (l, 12) + 1));
    parts{end+1} = sprintf ("%s: from %s to %s", edge_symbol (o, w, ""), from, to);
  endfor
  if (numel (cols) > 3)
    parts{end+1} = "...";
  endif
  s = strjoin (parts, ";   ");
endfunction

function s = node_ref (names, l, letter)
  if (isempty (names.nodes))
    s = sprintf ("node %s of layer %d", letter, l);
  else
    s = sprintf ("%s_%s", names.nodes{l+1}, letter);
  endif
endfunction

## Blue for positive, orange (vermillion) for negative: two hues that stay
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

## ---- geometry, in units of the node spacing

## Where everything goes, for texts of SIZE (data units, a row per text
## of T) and columns D apart: g.x (columns), g.r (node radius), g.at
## (each text's centre), g.box (the boxes that must stay clear), g.lim
## (the limits), and g.ok (every edge label found a free place).
function g = place (T, sz, layout, D, place_edges)
  roles = {T.role};
  is = @(role) strcmp (roles, role);
  n_cols = numel (layout.layers);
  g.x = D * (0:n_cols-1);
  node_sz = sz(is ("node"), :);
  g.r = min (max ([0.3; node_sz(:, 1) / 2 + 0.08; node_sz(:, 2) / 2 + 0.1]), 0.45);
  top = (layout.slots - 1) / 2;
  g.at = NaN (numel (T), 2);
  g.ok = true;

  ## Headers stack upwards from just above the top slot.
  head_top = top + g.r + 0.12;
  for c = 1:n_cols
    k = find (is ("head") & [T.col] == c);
    y = top + g.r + 0.12;
    for i = fliplr (k)
      g.at(i, :) = [g.x(c), y + sz(i, 2) / 2];
      y += 1.15 * sz(i, 2);
    endfor
    head_top = max (head_top, y);
  endfor
  for i = find (is ("weights"))
    c = T(i).col;
    g.at(i, :) = [mean(g.x([c-1 c])), top + g.r + 0.12 + sz(i, 2) / 2];
    head_top = max (head_top, g.at(i, 2) + sz(i, 2) / 2);
  endfor

  ## Nodes and the notes under them.
  bottom = -top - g.r;
  for i = find (is ("node") | is ("note"))
    c = T(i).col;
    y = layout.y{c}(T(i).idx);
    if (strcmp (T(i).role, "node"))
      g.at(i, :) = [g.x(c), y];
    else
      g.at(i, :) = [g.x(c), y - g.r - 0.04 - sz(i, 2) / 2];
      bottom = min (bottom, g.at(i, 2) - sz(i, 2) / 2);
    endif
  endfor
  i = find (is ("title"));
  g.at(i, :) = [mean(g.x([1 end])), head_top + 0.15 + sz(i, 2) / 2];

  ## The legend: the convention, then the colour key with line swatches.
  i = find (is ("foot"));
  y = bottom - 0.3 - sz(i, 2) / 2;
  g.at(i, :) = [mean(g.x([1 end])), y];
  k = find (is ("key"));
  y -= sz(i, 2) / 2 + 0.1 + max (sz(k, 2)) / 2;
  swatch = 0.5;
  widths = sz(k, 1)' + [swatch + 0.08, swatch + 0.08, 0];
  x = mean (g.x([1 end])) - (sum (widths) + 0.5 * (numel (k) - 1)) / 2;
  g.swatch = zeros (2, 3);
  for p = 1:numel (k)
    if (p <= 2)
      g.swatch(p, :) = [x, x + swatch, y];
      x += swatch + 0.08;
    endif
    g.at(k(p), :) = [x + sz(k(p), 1) / 2, y];
    x += sz(k(p), 1) + 0.5;
  endfor

  ## What edge labels must not touch: nodes, notes, headers.
  boxes = text_boxes (g.at, sz);
  fixed = ! (is ("edge"));
  taken = boxes(fixed & ! isnan (g.at(:, 1))', :);
  for c = 1:n_cols
    for y = layout.y{c}
      taken(end+1, :) = [g.x(c) - g.r, g.x(c) + g.r, y - g.r, y + g.r];
    endfor
  endfor
  if (place_edges)
    [g, taken] = place_edge_labels (g, T, sz, layout, taken);
  endif

  ## Limits: everything, with a margin.
  boxes = [text_boxes(g.at, sz); taken];
  boxes(isnan (boxes(:, 1)), :) = [];
  g.lim = [min(boxes(:, 1)) - 0.15, max(boxes(:, 2)) + 0.15, ...
           min(boxes(:, 3)) - 0.1, max(boxes(:, 4)) + 0.1];
endfunction

function b = text_boxes (at, sz)
  b = [at(:, 1) - sz(:, 1) / 2, at(:, 1) + sz(:, 1) / 2, ...
       at(:, 2) - sz(:, 2) / 2, at(:, 2) + sz(:, 2) / 2];
endfunction

## The edge labels of every layer drawn, into the free space.
function [g, taken] = place_edge_labels (g, T, sz, layout, taken)
  roles = {T.role};
  for c = find ([false, diff(layout.layers) == 1])
    k = find (strcmp (roles, "edge") & [T.col] == c);
    if (isempty (k))
      continue;
    endif
    ab = reshape ([T(k).idx], 2, [])';
    ys = layout.y{c-1}(ab(:, 2));
    yd = layout.y{c}(ab(:, 1));
    seg = [repmat(g.x(c-1) + g.r, numel (k), 1), ys(:), ...
           repmat(g.x(c) - g.r, numel (k), 1), yd(:)];
    ## The box a label's white ground covers, and a little air around it.
    pad = sz(k, :) + [0.24 0.1];
    [centre, ok] = bp_edge_labels (seg, pad, taken);
    g.ok &= ok;
    g.at(k, :) = centre;
    taken = [taken; text_boxes(centre, pad)];
  endfor
endfunction

## ---- drawing

## About 90 pixels per unit of node spacing, less for tall networks and
## wide ones, so that the figure stays within 10000 pixels (gnuplot's
## cairo terminal refuses sizes beyond 32767 pixels and then never
## answers, and the plots accept sizes from 100 to 10000).  The layout
## is that of the drawing, with texts estimated at 0.55 of their size per
## character and a line 1.2 high (the figure does not exist yet, so
## nothing can be measured).
function sz = default_size (net, layout, notes, o)
  T = drawing_texts (net, net.W, notes, layout, setfield (o, "values", false));
  n = cellfun (@(s) numel (regexprep (s, '[_^{}]|\(\d+\)', "")), {T.str})';
  em = 0.22 * [T.ratio]';
  ## Written values spread the columns (fit, below): about a tenth of a
  ## unit for every edge of the busiest layer beyond 9.
  edges = cellfun (@numel, layout.shown);
  D = 3;
  if (o.values)
    D = min (9, 3 + 0.1 * max (0, max (edges(1:end-1) .* edges(2:end)) - 9));
  endif
  g = place (T, [0.55 * n .* em, 1.2 * em], layout, D, false);
  span = g.lim([2 4]) - g.lim([1 3]);
  unit = min ([90, 800 / span(2), 9800 / span(1)]);
  ## A font size asked for: room for the nodes' names at that size (0.22
  ## units high as drawn by gnuplot, 4/3 of the points).
  if (! bp_is_unset (o.fontsize))
    unit = max (unit, min (o.fontsize * 4 / 3 / 0.22, 9800 / span(1)));
  endif
  sz = min (max (round (unit * span), [400 250]), 10000);
endfunction

function draw_network (fig, ax, net, V, notes, layout, o)
  if (isempty (ax))
    ax = axes ("parent", fig, "position", [0 0 1 1]);
  endif
  box_px = getpixelposition (ax)(3:4);
  k = bp_text_scale (fig);
  T = drawing_texts (net, V, notes, layout, o);
  ratio = [T.ratio]';
  ## Text grows in proportion to its font size: measured at 100 points,
  ## a text of s points per unit of node spacing is px s / 100 units.
  ## With the default, s makes the nodes' names 0.22 units high whatever
  ## the size of the figure; a size in points is reached by iterating the
  ## unit (pixels per unit), which depends on the layout.
  px = bp_text_px (ax, {T.str}, 100 * ratio) / 100;
  ## A size in points larger than the figure holds (the names more than
  ## 0.3 units high) is cut to that: text that cannot fit would overlap.
  s = 0.22 / k;
  for round = 1:6
    g = fit (T, px * s, layout, o.values);
    unit = min (box_px ./ (g.lim([2 4]) - g.lim([1 3])));
    if (bp_is_unset (o.fontsize))
      break;
    endif
    s_new = min (o.fontsize / unit, 0.3 / k);
    if (abs (s_new - s) < 1e-3 * s)
      break;
    endif
    s = s_new;
  endfor
  pt = s * unit;
  if (! bp_is_unset (o.fontsize))
    pt = min (o.fontsize, 0.3 / k * unit);
  endif
  ## Measured again at the sizes drawn (small sizes round up), and laid
  ## out once more for them.
  px = bp_text_px (ax, {T.str}, pt * ratio);
  for round = 1:20
    g = fit (T, px / unit, layout, o.values);
    drawn = min (box_px ./ (g.lim([2 4]) - g.lim([1 3])));
    if (abs (drawn - unit) < 1e-3 * unit)
      break;
    endif
    unit = drawn;
  endfor
  ## Text too large for the figure leaves no unit at which the layout
  ## holds: the texts then shrink to the sizes the layout was made for.
  if (drawn < (1 - 1e-3) * unit)
    pt *= drawn / unit;
  endif
  set (ax, "dataaspectratio", [1 1 1], "xlim", g.lim(1:2), ...
       "ylim", g.lim(3:4));
  axis (ax, "off");
  hold (ax, "on");
  draw_edges (ax, V, layout, g, pt);
  draw_nodes (ax, net, layout, g, pt);
  draw_key (ax, g, pt);
  for i = 1:numel (T)
    if (strcmp (T(i).role, "edge"))
      e = [g.at(i, :) - px(i, :) / unit / 2 - [0.03 0.02]; ...
           g.at(i, :) + px(i, :) / unit / 2 + [0.03 0.02]];
      patch (ax, e([1 2 2 1], 1), e([1 1 2 2], 2), "w", "edgecolor", "none");
    endif
  endfor
  for i = 1:numel (T)
    text (ax, g.at(i, 1), g.at(i, 2), T(i).str, "fontsize", pt * T(i).ratio, ...
          "horizontalalignment", "center", "verticalalignment", "middle", ...
          "color", T(i).colour);
  endfor
  hold (ax, "off");
endfunction

## The layout for texts of size SZ (data units), the columns moved apart
## (by half a unit at a time) until every edge label has a free place.
function g = fit (T, sz, layout, values)
  for D = 3:0.5:9
    g = place (T, sz, layout, D, values);
    if (g.ok)
      return;
    endif
  endfor
endfunction

function draw_edges (ax, V, layout, g, pt)
  cols = find ([false, diff(layout.layers) == 1]);
  vmax = 0;
  for c = cols
    part = V{layout.layers(c)}(layout.shown{c}, layout.shown{c-1});
    vmax = max (vmax, max (abs (part(:))));
  endfor
  scale = max (1, pt / 14);
  for c = cols
    src = layout.shown{c-1};
    dst = layout.shown{c};
    W = V{layout.layers(c)}(dst, src);
    ## Pale and thin where there are many: a band, not a tangle.
    dense = numel (W) > 40;
    for a = 1:numel (dst)
      for b = 1:numel (src)
        colour = sign_colour (W(a, b));
        width = 0.5;
        if (vmax > 0)
          width += (4.5 - 2.5 * dense) * abs (W(a, b)) / vmax;
        endif
        if (dense)
          colour = 0.45 * colour + 0.55;
        endif
        plot (ax, [g.x(c-1) + g.r, g.x(c) - g.r], ...
              [layout.y{c-1}(b), layout.y{c}(a)], "color", colour, ...
              "linewidth", width * scale, "tag", "edge");
      endfor
    endfor
  endfor
endfunction

function draw_nodes (ax, net, layout, g, pt)
  L = numel (net.W);
  t = linspace (0, 2 * pi, 60);
  for c = 1:numel (layout.layers)
    l = layout.layers(c);
    x = g.x(c);
    if (isnan (l))
      plot (ax, x + [-0.5 0 0.5], [0 0 0], "k.", "markersize", pt / 2, ...
            "tag", "dots");
      continue;
    endif
    face = [0.92 0.92 0.92; 1 0.96 0.82; 0.84 0.92 1](1 + (l > 0) + (l == L), :);
    for y = layout.y{c}
      patch (ax, x + g.r * cos (t), y + g.r * sin (t), face, "edgecolor", "k", ...
             "linewidth", 1);
    endfor
    if (! isempty (layout.gap{c}))
      plot (ax, x * [1 1 1], layout.gap{c} + [-0.25 0 0.25], "k.", ...
            "markersize", pt / 2, "tag", "dots");
    endif
  endfor
endfunction

## The colour key's swatches: short lines in the edges' colours.
function draw_key (ax, g, pt)
  for p = 1:2
    plot (ax, g.swatch(p, 1:2), g.swatch(p, [3 3]), "color", ...
          sign_colour (3 - 2 * p), "linewidth", 3 * max (1, pt / 14), ...
          "tag", "key");
  endfor
endfunction

%!function n = count_colour (lines, c)
%!  ## How many of LINES are drawn in colour C.
%!  n = sum (cellfun (@(v) isequal (v, c), get (lines, "color")));

%!function b = drawn_boxes (h)
%!  ## The box each non-empty text of figure H covers when drawn: its
%!  ## extent, scaled about its anchor by 4/3 with gnuplot, which draws
%!  ## fonts at 96 dots per inch where Octave measures at 72
%!  ## (tests/test_plot_text.m checks that factor against a PNG).
%!  k = 1 + (strcmp (get (h, "__graphics_toolkit__"), "gnuplot") / 3);
%!  t = findobj (h, "type", "text");
%!  t = t(! cellfun (@isempty, get (t, "string")));
%!  b = zeros (numel (t), 4);
%!  for i = 1:numel (t)
%!    e = get (t(i), "extent");
%!    p = get (t(i), "position");
%!    b(i, :) = [p(1) + k * ([e(1), e(1) + e(3)] - p(1)), ...
%!               p(2) + k * ([e(2), e(2) + e(4)] - p(2))];
%!  endfor

%!function assert_no_overlap (h)
%!  ## No two texts of the drawing share any area.
%!  b = drawn_boxes (h);
%!  s = get (findobj (h, "type", "text"), "string");
%!  s = s(! cellfun (@isempty, s));
%!  n = rows (b);
%!  for i = 1:n
%!    for j = i+1:n
%!      w = min (b(i, 2), b(j, 2)) - max (b(i, 1), b(j, 1));
%!      v = min (b(i, 4), b(j, 4)) - max (b(i, 3), b(j, 3));
%!      assert (! (w > 1e-9 && v > 1e-9), "'%s' overlaps '%s'", s{i}, s{j});
%!    endfor
%!  endfor

%!shared net, x, t, names
%! [x, t] = bp_dataset ("article-232");
%! net = bp_init ([2 3 2], "seed", 1);
%! names = struct ("nodes", {{"x", "h", "y"}}, "weights", {{"w", "u"}});

%!test
%! ## One edge per weight, blue for w > 0, orange for w < 0, the widest
%! ## edge for the largest |w|; node symbols a_j^(l) and x_k; every value
%! ## written once.
%! h = bp_plot_network (net, "visible", false);
%! unwind_protect
%!   edges = findobj (h, "tag", "edge");
%!   assert (numel (edges), 6 + 6);
%!   W = [net.W{1}(:); net.W{2}(:)];
%!   assert (count_colour (edges, [0 0.447 0.698]), nnz (W > 0));
%!   assert (count_colour (edges, [0.835 0.369 0]), nnz (W < 0));
%!   ## Widths 0.5 + 4.5 |w| / max |w|, in a scale that grows with the text.
%!   width = cell2mat (get (edges, "linewidth"));
%!   assert (max (width) / min (width), (0.5 + 4.5) / (0.5 + 4.5 * min (abs (W)) / max (abs (W))), 1e-9);
%!   strings = get (findobj (h, "type", "text"), "string");
%!   assert (any (strcmp (strings, "a_{3}^{(1)}")));
%!   assert (any (strcmp (strings, "x_{2}")));
%!   values = arrayfun (@(u) sprintf ("%.3g", u), W, "uniformoutput", false);
%!   for i = 1:numel (values)
%!     assert (sum (strcmp (strings, values{i})), sum (strcmp (values, values{i})));
%!   endfor
%! unwind_protect_cleanup
%!   close (h);
%! end_unwind_protect

%!test
%! ## Each value sits on its own edge, between a quarter and three
%! ## quarters of the way along it.
%! h = bp_plot_network (net, "visible", false);
%! unwind_protect
%!   texts = findobj (h, "type", "text");
%!   strings = get (texts, "string");
%!   for l = 1:2
%!     for j = 1:net.sizes(l+1)
%!       for k = 1:net.sizes(l)
%!         s = sprintf ("%.3g", net.W{l}(j,k));
%!         p = get (texts(strcmp (strings, s)), "position");
%!         on = false;
%!         for e = findobj (h, "tag", "edge")'
%!           xd = get (e, "xdata");
%!           yd = get (e, "ydata");
%!           f = (p(1) - xd(1)) / (xd(2) - xd(1));
%!           on |= f >= 0.25 && f <= 0.75 && abs (yd(1) + f * (yd(2) - yd(1)) - p(2)) < 1e-9;
%!         endfor
%!         assert (on, "the label of w_%d%d^(%d) is on no edge", j, k, l);
%!       endfor
%!     endfor
%!   endfor
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
%!   edges = findobj (h, "tag", "edge");
%!   g = [dW{1}(:); dW{2}(:)];
%!   assert (count_colour (edges, [0 0.447 0.698]), nnz (g > 0));
%! unwind_protect_cleanup
%!   close (h);
%! end_unwind_protect

%!function with_figure (h, check)
%! ## check (h), then close h whatever happens.
%! unwind_protect
%!   check (h);
%! unwind_protect_cleanup
%!   close (h);
%! end_unwind_protect

%!function check_article_names (h)
%! texts = findobj (h, "type", "text");
%! strings = get (texts, "string");
%! for s = {"x_{1}", "x_{2}", "h_{3}", "y_{2}", "w", "u", "h = a^{(1)}", ...
%!          "w_{ij}: from x_i to h_j;   u_{jk}: from h_j to y_k"}
%!   assert (any (strcmp (strings, s{1})), "no text '%s'", s{1});
%! endfor
%! assert (any (strncmp (strings, "z = ", 4)));
%! blue = [0 0.447 0.698];
%! orange = [0.835 0.369 0];
%! assert (get (texts(strcmp (strings, "w > 0")), "color"), blue);
%! assert (get (texts(strcmp (strings, "w < 0")), "color"), orange);
%! key = findobj (h, "tag", "key");
%! assert (sortrows (cell2mat (get (key, "color"))), sortrows ([blue; orange]));
%! assert_no_overlap (h);

%!function check_wide_layers (h)
%! strings = get (findobj (h, "type", "text"), "string");
%! assert (any (strcmp (strings, "x_{784}")));
%! assert (any (strcmp (strings, "a_{30}^{(1)}")));
%! assert (! any (strcmp (strings, "x_{8}")));
%! assert (numel (findobj (h, "tag", "dots")), 3);
%! assert_no_overlap (h);

%!function check_every_value (h)
%! assert (numel (findobj (h, "tag", "edge")), 12 + 12 + 6);
%! assert_no_overlap (h);

%!test
%! ## The article's names: nodes x, h, y, weights w and u between the
%! ## columns, the legend in the articles' subscripts; the key's texts and
%! ## swatches have the edges' colours; no two texts overlap, at the
%! ## default size and at 1280-by-720.
%! for size = {[], [1280 720]}
%!   with_figure (bp_plot_network (net, "x", x, "labels", names, "visible", false, ...
%!                                 "size", size{1}), @check_article_names);
%! endfor

%!test
%! ## A 784-30-10 network: the wide layers end in an ellipsis, and no two
%! ## texts overlap, nor with each node's values.
%! big = bp_init ([784 30 10], "seed", 1);
%! for opts = {{}, {"x", linspace(0, 1, 784)'}}
%!   with_figure (bp_plot_network (big, "visible", false, opts{1}{:}), ...
%!                @check_wide_layers);
%! endfor

%!test
%! ## A 3-4-3-2 network with every value written: no two texts overlap.
%! h = bp_plot_network (bp_init ([3 4 3 2], "seed", 7), "x", [0.5; -0.2; 0.8], ...
%!                      "visible", false);
%! with_figure (h, @check_every_value);

%!test
%! ## A font too large for the size asked for is made as large as fits:
%! ## still no overlap.
%! h = bp_plot_network (net, "visible", false, "fontsize", 40, "size", [500 300]);
%! unwind_protect
%!   assert (get (findobj (h, "type", "text", "string", "x_{1}"), "fontsize") < 40);
%!   assert_no_overlap (h);
%! unwind_protect_cleanup
%!   close (h);
%! end_unwind_protect

%!test
%! ## "fontsize" sets the nodes' names; by default text grows with the size.
%! h1 = bp_plot_network (net, "visible", false, "fontsize", 20);
%! h2 = bp_plot_network (net, "visible", false, "size", [800 450]);
%! h3 = bp_plot_network (net, "visible", false, "size", [1600 900]);
%! unwind_protect
%!   fs = @(h) get (findobj (h, "type", "text", "string", "x_{1}"), "fontsize");
%!   assert (fs (h1), 20, 0.01);
%!   assert (fs (h3) / fs (h2), 2, 0.01);
%!   assert_no_overlap (h1);
%! unwind_protect_cleanup
%!   close ([h1 h2 h3]);
%! end_unwind_protect

%!test
%! ## An axes handle first: the drawing goes into that panel; the current
%! ## figure stays the caller's.
%! f = figure ("visible", "off", "position", [0 0 1200 500]);
%! keep = get (0, "currentfigure");
%! unwind_protect
%!   a1 = axes ("parent", f, "outerposition", [0 0 0.5 1]);
%!   a2 = axes ("parent", f, "outerposition", [0.5 0 0.5 1]);
%!   assert (bp_plot_network (a1, net), f);
%!   bp_plot_network (a2, net, "gradient", bp_gradient (net, x, t));
%!   assert (numel (findobj (a1, "tag", "edge")), 12);
%!   assert (numel (findobj (a2, "tag", "edge")), 12);
%!   assert (get (0, "currentfigure"), keep);
%! unwind_protect_cleanup
%!   close (f);
%! end_unwind_protect

%!test
%! ## A wide layer is cut to maxnodes: the first 4 of 30 inputs and the
%! ## last, so 5 * 4 + 4 * 2 edges, and one column of dots for the gap.
%! big = bp_init ([30 4 2], "seed", 2);
%! h = bp_plot_network (big, "maxnodes", 5, "visible", false);
%! unwind_protect
%!   assert (numel (findobj (h, "tag", "edge")), 5 * 4 + 4 * 2);
%!   assert (numel (findobj (h, "tag", "dots")), 1);
%!   strings = get (findobj (h, "type", "text"), "string");
%!   assert (any (strcmp (strings, "x_{30}")));
%!   assert (! any (strcmp (strings, "x_{5}")));
%! unwind_protect_cleanup
%!   close (h);
%! end_unwind_protect

%!test
%! ## Layers of one node: every value on its edge, no overlap.
%! h = bp_plot_network (bp_init ([1 2 1], "seed", 3), "visible", false);
%! unwind_protect
%!   assert (numel (findobj (h, "tag", "edge")), 4);
%!   assert_no_overlap (h);
%! unwind_protect_cleanup
%!   close (h);
%! end_unwind_protect

%!test
%! ## An all-zero network draws thin grey edges (no division by zero).
%! z0 = bp_init ([2 2], "init", "zeros");
%! h = bp_plot_network (z0, "visible", false);
%! unwind_protect
%!   edges = findobj (h, "tag", "edge");
%!   assert (count_colour (edges, [0.6 0.6 0.6]), 4);
%!   width = cell2mat (get (edges, "linewidth"));
%!   assert (width, width(1) * ones (4, 1));
%! unwind_protect_cleanup
%!   close (h);
%! end_unwind_protect

%!test
%! ## "labels" true or false is the older spelling of "values".
%! h1 = bp_plot_network (net, "visible", false, "labels", false);
%! h2 = bp_plot_network (net, "visible", false, "values", false);
%! unwind_protect
%!   n = @(h) numel (findobj (h, "type", "text"));
%!   assert (n (h1), n (h2));
%!   assert (! any (strcmp (get (findobj (h1, "type", "text"), "string"), sprintf ("%.3g", net.W{1}(1)))));
%! unwind_protect_cleanup
%!   close ([h1 h2]);
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
%!error <labels must be a whole number in \[0, 1\]> bp_plot_network (bp_init ([2 3]), "labels", 2)
%!error <labels must be a cell of 3 layer names or a struct> bp_plot_network (bp_init ([2 3 2]), "labels", "yes")
%!error <labels must be a cell of 3 names \(one per layer, 0 to L\)> bp_plot_network (bp_init ([2 3 2]), "labels", {"x", "h"})
%!error <labels.weights must be a cell of 2 names \(one per weight layer, 1 to L\)> bp_plot_network (bp_init ([2 3 2]), "labels", struct ("weights", {{"w"}}))
%!error <labels.nodes must be a cell of 3 names .* each a string of 1 to 40 characters> bp_plot_network (bp_init ([2 3 2]), "labels", struct ("nodes", {{"x", "", "y"}}))
%!error <labels may have the fields 'nodes' and 'weights', got a field 'edges'> bp_plot_network (bp_init ([2 3 2]), "labels", struct ("edges", 1))
%!error <labels true or false is the older spelling of values> bp_plot_network (bp_init ([2 3]), "labels", true, "values", true)
%!error <values must be a real double scalar> bp_plot_network (bp_init ([2 3]), "values", "yes")
%!error <fontsize must be a number in \[4, 200\]> bp_plot_network (bp_init ([2 3]), "fontsize", 300)
%!error <fontsize must be a real double scalar> bp_plot_network (bp_init ([2 3]), "fontsize", "big")
%!error <fontsize must be a real double scalar> bp_plot_network (bp_init ([2 3]), "fontsize", {})
%!error <title must be a string> bp_plot_network (bp_init ([2 3]), "title", 1)
%!error <file must name a PNG, SVG or PDF file> bp_plot_network (bp_init ([2 3]), "file", "net.gif")
%!error <unknown option 'colour'> bp_plot_network (bp_init ([2 3]), "colour", "r")
%!error id=backprop:bp_plot_network:nargin bp_plot_network ()
%!error id=backprop:bp_plot_network:nargout [a, b] = bp_plot_network (bp_init ([2 3]))

%!demo
%! ## The 2-3-2 network of the row-vector article, in its names: inputs x,
%! ## hidden values h, outputs y, weight matrices w and u; each node's
%! ## weighted input z and value for the article's sample.
%! [x, t] = bp_dataset ("article-232");
%! net = bp_init ([2 3 2], "loss", "l2-norm", "seed", 1);
%! names = struct ("nodes", {{"x", "h", "y"}}, "weights", {{"w", "u"}});
%! bp_plot_network (net, "x", x, "labels", names);

%!demo
%! ## The gradient dC/dw_jk^(l) of the same network for that sample: the
%! ## output layer's edges carry most of it.
%! [x, t] = bp_dataset ("article-232");
%! net = bp_init ([2 3 2], "seed", 1);
%! dW = bp_gradient (net, x, t);
%! bp_plot_network (net, "gradient", dW);

%!demo
%! ## A network for 28-by-28 images: wide layers end in an ellipsis.
%! bp_plot_network (bp_init ([784 30 10], "seed", 1));
