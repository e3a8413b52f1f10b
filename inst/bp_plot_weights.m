## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## -*- texinfo -*-
## @deftypefn  {} {@var{h} =} bp_plot_weights (@var{net}, @var{l})
## @deftypefnx {} {@var{h} =} bp_plot_weights (@var{net}, @var{l}, [@var{rows} @var{cols}])
## @deftypefnx {} {@var{h} =} bp_plot_weights (@var{hax}, @dots{})
## @deftypefnx {} {@var{h} =} bp_plot_weights (@dots{}, @var{name}, @var{value}, @dots{})
## Draw what the units of layer @var{l} look for: each unit's incoming
## weights as a picture.
##
## Unit j of layer l computes z_j^(l) = sum_k w_jk^(l) a_k^(l-1) + b_j^(l),
## so its weights @code{net.W@{l@}(j,:)} are a pattern over the units of
## layer l-1: the input that makes z_j^(l) largest for its size.  When
## the inputs are images, that pattern is an image too: for the first
## layer of a network trained on 28-by-28 pictures (MNIST, Fashion-MNIST),
## each tile shows the strokes, edges or shapes a hidden unit responds to.
##
## The n_(l-1) weights of each unit are laid out as an image of
## @var{rows}-by-@var{cols} pixels, filled row by row (pixel (r, c) is
## weight (r - 1) @var{cols} + c), the order in which @code{bp_load_idx}
## returns the pixels of IDX images.  Without [@var{rows} @var{cols}] the
## image is square, which needs n_(l-1) to be a square number.  The tiles
## stand in a grid in the order of the units (unit 1 at the top left),
## each with its number when there is room.
##
## Blue is a positive weight, orange a negative one, white zero: the
## colours of @code{bp_plot_network}'s edges.  Each tile is scaled to its
## own largest |w| (the shape of the pattern, as the well-known exercise's
## displayData shows it), or all tiles to the layer's largest |w| with
## @qcode{"scale"}, @qcode{"layer"} (which units weigh most).
##
## Options:
##
## @table @asis
## @item @qcode{"units"}
## the units to draw, a vector of unit numbers j (default: all of them,
## at most the first 100).
## @item @qcode{"scale"}
## @qcode{"unit"} (default) or @qcode{"layer"}, as above.
## @item @qcode{"title"}
## the title (default: the layer and the scale).
## Texts are TeX, as in Octave's own plots:
## @code{a_1} has a subscript, @code{\_} is an underscore and @code{\eta}
## the Greek letter (in single quotes, where Octave keeps a backslash).
## @item @qcode{"fontsize"}
## the size in points of the text (default: 10 points on a figure of
## 800-by-500 pixels, larger on a larger figure).
## @item @qcode{"file"}
## write the figure to this file: PNG, SVG or PDF by its extension
## (@qcode{".png"} is added to a name without one).
## @item @qcode{"visible"}
## show the figure on screen (default: true when Octave has a display).
## @item @qcode{"size"}
## [width height] of the figure in pixels (default [900 700]).
## @end table
##
## Without @var{hax} every call draws in a new figure and returns its
## handle @var{h}; without a display (an empty DISPLAY variable and no
## GUI) the figure is invisible, and when you then give no file and ask
## for no output it is written to a temporary PNG file whose name is
## printed.  With an axes handle @var{hax} first, the tiles go into those
## axes and @var{h} is their figure (print it headless with
## @code{bp_print}).
##
## @example
## X = bp_load_idx ("train-images-idx3-ubyte.gz");      # 784-by-60000
## y = bp_load_idx ("train-labels-idx1-ubyte.gz");
## net = bp_init ([784 30 10], "activation", @{"sigmoid", "softmax"@}, ...
##                "loss", "log-likelihood", "seed", 1);
## net = bp_train (net, X, double ((0:9)' == y), "epochs", 5, "batch", 100);
## bp_plot_weights (net, 1, [28 28]);
## @end example
##
## @seealso{bp_plot_network, bp_load_idx, bp_plot_confusion}
## @end deftypefn

function varargout = bp_plot_weights (varargin)
  fn = "bp_plot_weights";
  [hax, args] = bp_plot_args (fn, varargin, nargin, nargout, 2, ...
                              "([hax,] net, l, [rows cols], name, value, ...)");
  [net, l] = args{1:2};
  bp_check_net (fn, net);
  L = numel (net.W);
  l = bp_check_scalar (fn, "l", l, 1, L, true);
  n_in = net.sizes(l);
  npos = 2;
  shape = [];
  if (numel (args) >= 3 && ! ischar (args{3}) && ! isstruct (args{3}))
    shape = args{3};
    npos = 3;
  endif
  shape = check_shape (fn, shape, n_in, l);
  defaults = struct ("units", [], "scale", "unit", "title", [], "fontsize", [], ...
                     "file", "", "visible", [], "size", []);
  o = bp_parse_options (fn, defaults, args(npos+1:end), npos + ! isempty (hax));
  units = check_units (fn, o.units, net.sizes(l+1), l);
  if (! (ischar (o.scale) && isrow (o.scale) ...
         && any (strcmp (o.scale, {"unit", "layer"}))))
    error ("backprop:bp_plot_weights:wrong_type", ...
           "bp_plot_weights: scale must be 'unit' or 'layer', got %s", ...
           bp_quote (o.scale));
  endif
  if (bp_is_unset (o.title))
    o.title = sprintf ("layer %d: the weights into each unit as a %dx%d image (blue > 0, orange < 0; %s)", ...
                       l, shape(1), shape(2), ...
                       bp_pick (strcmp (o.scale, "unit"), "each tile on its own scale", ...
                             "one scale for all"));
  endif
  o = bp_check_figure_options (fn, o, [900 700], hax);
  o.fontsize = bp_font_size (o);
  grid = tile_grid (numel (units), shape, o.canvas);
  ## The picture: every tile and a pixel of gap around it, RGB.
  __bp_memory__ (fn, 8 * 3 * prod (grid .* (shape + 1) + 1), ...
                 sprintf ("the picture of %d tiles of %dx%d", numel (units), ...
                          shape(1), shape(2)));
  W = net.W{l}(units, :);
  varargout = bp_draw_in_figure (fn, o, ...
                                 @(f, ax) draw_tiles (f, ax, W, units, shape, grid, o), ...
                                 nargout);
endfunction

function shape = check_shape (fn, shape, n_in, l)
  if (isempty (shape) && isa (shape, "double"))
    side = round (sqrt (n_in));
    if (side ^ 2 != n_in)
      error ("backprop:bp_plot_weights:wrong_size", ...
             "bp_plot_weights: layer %d has %d inputs, not a square number: give the image's [rows cols]", ...
             l, n_in);
    endif
    shape = [side side];
    return;
  endif
  if (! (isa (shape, "double") && isreal (shape) && ! issparse (shape) ...
         && numel (shape) == 2 && all (isfinite (shape)) && all (shape >= 1) ...
         && all (shape == fix (shape))))
    error ("backprop:bp_plot_weights:wrong_type", ...
           "bp_plot_weights: [rows cols] must be two whole numbers >= 1, got %s", ...
           bp_describe (shape));
  elseif (prod (shape) != n_in)
    error ("backprop:bp_plot_weights:wrong_size", ...
           "bp_plot_weights: [rows cols] must hold the %d inputs of layer %d (rows * cols = %d), got [%d %d]", ...
           n_in, l, n_in, shape(1), shape(2));
  endif
  shape = shape(:)';
endfunction

function units = check_units (fn, units, n, l)
  if (bp_is_unset (units))
    units = 1:min (n, 100);
    return;
  endif
  if (! (isa (units, "double") && isreal (units) && ! issparse (units) ...
         && isvector (units)))
    error ("backprop:bp_plot_weights:wrong_type", ...
           "bp_plot_weights: units must be a vector of unit numbers of layer %d, got %s", ...
           l, bp_describe (units));
  endif
  bad = find (! (units >= 1 & units <= n & units == fix (units)), 1);
  if (! isempty (bad))
    error ("backprop:bp_plot_weights:out_of_range", ...
           "bp_plot_weights: units(%d) must be a unit of layer %d, from 1 to %d, got %g", ...
           bad, l, n, units(bad));
  endif
  units = units(:)';
endfunction

## Rows and columns of tiles that fill a canvas of PX pixels best: the
## largest tiles for which all of them fit.
function grid = tile_grid (n, shape, px)
  best = 0;
  grid = [1 n];
  for c = 1:n
    r = ceil (n / c);
    scale = min (px(1) / (c * (shape(2) + 1)), 0.85 * px(2) / (r * (shape(1) + 1)));
    if (scale > best)
      best = scale;
      grid = [r c];
    endif
  endfor
endfunction

function draw_tiles (fig, ax, W, units, shape, grid, o)
  blue = reshape ([0 0.447 0.698], 1, 1, 3);
  orange = reshape ([0.835 0.369 0], 1, 1, 3);
  gap = reshape ([0.75 0.75 0.75], 1, 1, 3);
  R = grid(1) * (shape(1) + 1) + 1;
  C = grid(2) * (shape(2) + 1) + 1;
  rgb = repmat (gap, R, C);
  top = max (abs (W(:)));
  for t = 1:numel (units)
    w = reshape (W(t, :), shape(2), shape(1))';
    m = top;
    if (strcmp (o.scale, "unit"))
      m = max (abs (w(:)));
    endif
    f = w / max (m, realmin);
    tile = 1 + max (f, 0) .* (blue - 1) + max (-f, 0) .* (orange - 1);
    [r, c] = deal (floor ((t - 1) / grid(2)), mod (t - 1, grid(2)));
    rows = r * (shape(1) + 1) + 1 + (1:shape(1));
    cols = c * (shape(2) + 1) + 1 + (1:shape(2));
    rgb(rows, cols, :) = tile;
  endfor
  if (isempty (ax))
    ax = axes ("parent", fig, "position", [0.02 0.02 0.96 0.88]);
  endif
  image (ax, [1 C], [1 R], rgb);
  set (ax, "dataaspectratio", [1 1 1], "xlim", [0.5 C+0.5], ...
       "ylim", [0.5 R+0.5], "ydir", "reverse", "fontsize", o.fontsize);
  axis (ax, "off");
  title (ax, o.title, "fontsize", 1.1 * o.fontsize);
  ## Each tile's unit number in its top left corner, when it fits in a
  ## third of the tile.
  tile_px = min (getpixelposition (ax)(3:4) ./ [C R]) * min (shape);
  px = bp_text_px (ax, {sprintf("%d", max (units))}, 100) / 100;
  pt = min (o.fontsize, tile_px / 3 / max (px));
  if (pt >= 6)
    for t = 1:numel (units)
      [r, c] = deal (floor ((t - 1) / grid(2)), mod (t - 1, grid(2)));
      text (ax, c * (shape(2) + 1) + 2, r * (shape(1) + 1) + 2, ...
            sprintf ("%d", units(t)), "fontsize", pt, "color", [0.3 0.3 0.3], ...
            "horizontalalignment", "left", "verticalalignment", "top");
    endfor
  endif
endfunction

%!shared net
%! net = bp_init ([6 4 2], "seed", 1);

%!test
%! ## Each unit's weights as a 2-by-3 image, row by row: blue where w > 0,
%! ## orange where w < 0, white at 0, each tile scaled to its largest |w|.
%! net.W{1} = [1 -1 0.5 0 0 0; zeros(3, 6)];
%! net.W{1}(2, 6) = -2;
%! h = bp_plot_weights (net, 1, [2 3], "visible", false);
%! unwind_protect
%!   rgb = get (findobj (h, "type", "image"), "cdata");
%!   grid = (size (rgb)(1:2) - 1) ./ [3 4];
%!   assert (prod (grid) >= 4);
%!   blue = [0 0.447 0.698];
%!   orange = [0.835 0.369 0];
%!   ## Unit 1's tile starts at pixel (2, 2).
%!   assert (squeeze (rgb(2, 2, :))', blue, 1e-12);
%!   assert (squeeze (rgb(2, 3, :))', orange, 1e-12);
%!   assert (squeeze (rgb(2, 4, :))', 1 + 0.5 * (blue - 1), 1e-12);
%!   assert (squeeze (rgb(3, 2, :))', [1 1 1]);
%!   ## Unit 2's tile: its one weight, -2, is full orange on its own scale.
%!   c2 = 1 + (1 + 3) * (grid(2) > 1);
%!   r2 = 1 + 3 * (grid(2) == 1);
%!   assert (squeeze (rgb(r2 + 2, c2 + 3, :))', orange, 1e-12);
%! unwind_protect_cleanup
%!   close (h);
%! end_unwind_protect

%!test
%! ## One scale for the layer: unit 1's 1 is half of unit 2's |-2|.
%! net.W{1} = [1 zeros(1, 5); -2 zeros(1, 5); zeros(2, 6)];
%! h = bp_plot_weights (net, 1, [2 3], "scale", "layer", "units", [1 2], ...
%!                      "visible", false);
%! unwind_protect
%!   rgb = get (findobj (h, "type", "image"), "cdata");
%!   assert (squeeze (rgb(2, 2, :))', 1 + 0.5 * ([0 0.447 0.698] - 1), 1e-12);
%! unwind_protect_cleanup
%!   close (h);
%! end_unwind_protect

%!test
%! ## A square number of inputs needs no shape; a layer's units are
%! ## numbered; an axes handle takes the tiles.
%! sq = bp_init ([9 5 2], "seed", 2);
%! f = figure ("visible", "off");
%! unwind_protect
%!   ax = axes ("parent", f);
%!   assert (bp_plot_weights (ax, sq, 1, "fontsize", 14), f);
%!   strings = get (findobj (ax, "type", "text"), "string");
%!   assert (sort (str2double (strings))', 1:5);
%!   assert (get (ax, "fontsize"), 14);
%! unwind_protect_cleanup
%!   close (f);
%! end_unwind_protect

%!error <layer 1 has 6 inputs, not a square number: give the image's \[rows cols\]> bp_plot_weights (net, 1)
%!error <\[rows cols\] must hold the 6 inputs of layer 1 \(rows \* cols = 6\), got \[2 2\]> bp_plot_weights (net, 1, [2 2])
%!error <\[rows cols\] must be two whole numbers> bp_plot_weights (net, 1, [2.5 2])
%!error <l must be a whole number in \[1, 2\]> bp_plot_weights (net, 3, [2 2])
%!error <units\(2\) must be a unit of layer 1, from 1 to 4, got 5> bp_plot_weights (net, 1, [2 3], "units", [1 5])
%!error <units must be a vector of unit numbers of layer 1> bp_plot_weights (net, 1, [2 3], "units", "all")
%!error <scale must be 'unit' or 'layer', got 'all'> bp_plot_weights (net, 1, [2 3], "scale", "all")
%!error <title must be a string> bp_plot_weights (net, 1, [2 3], "title", 2)
%!error <net must be a scalar struct> bp_plot_weights (1, 1)
%!error id=backprop:bp_plot_weights:nargin bp_plot_weights (net)
%!error id=backprop:bp_plot_weights:nargout [a, b] = bp_plot_weights (net, 1, [2 3])

%!demo
%! ## The first layer of a network that tells horizontal bars from
%! ## vertical ones in 6-by-6 images (pixels row by row, as bp_load_idx
%! ## reads them): its units respond to strokes.
%! X = zeros (36, 12);
%! Y = zeros (2, 12);
%! for k = 1:6
%!   img = zeros (6);  img(k, :) = 1;          # a horizontal bar
%!   X(:, k) = reshape (img', [], 1);  Y(1, k) = 1;
%!   img = zeros (6);  img(:, k) = 1;          # a vertical bar
%!   X(:, 6 + k) = reshape (img', [], 1);  Y(2, 6 + k) = 1;
%! endfor
%! net = bp_init ([36 8 2], "activation", {"sigmoid", "softmax"}, ...
%!                "loss", "log-likelihood", "seed", 1);
%! net = bp_train (net, X, Y, "epochs", 300, "batch", 4, "eta", 0.5, ...
%!                 "seed", 1, "verbose", false);
%! bp_plot_weights (net, 1, [6 6]);
