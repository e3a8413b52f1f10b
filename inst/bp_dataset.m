## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## -*- texinfo -*-
## @deftypefn  {} {[@var{X}, @var{Y}, @var{labels}] =} bp_dataset (@var{name})
## @deftypefnx {} {[@var{X}, @var{Y}, @var{labels}] =} bp_dataset (@var{name}, @var{option}, @var{value}, @dots{})
## Small generated datasets for examples and exercises; nothing is downloaded.
##
## @var{X} is n0-by-m, one sample a column: its rows are the inputs
## x_k = a_k^(0).  @var{Y} holds the targets y_j, also one column per
## sample, ready for @code{bp_train (net, X, Y)}.  @var{labels} is the
## 1-by-m row of class indices 1..K, for @code{bp_plot_boundary} and for
## counting correct predictions.  The samples come class by class: first
## every sample of class 1, then class 2, and so on (@code{bp_train}
## shuffles them).
##
## @table @asis
## @item @qcode{"xor"}
## The four corners of the unit square, @code{X = [0 0 1 1; 0 1 0 1]}, with
## the exclusive or as target, @code{Y = [0 1 1 0]} (one sigmoid output),
## and @code{labels = Y + 1}: class 1 is the output 0, class 2 the output 1.
## The classic problem no network without a hidden layer can solve.
##
## @item @qcode{"spirals"}
## K interleaved spiral arms around the origin (K = 2 unless
## @qcode{"classes"} says otherwise), each arm a class.  Points sit at even
## steps along each arm from radius 0.05 to 1, and then Gaussian noise of
## standard deviation @qcode{"noise"} is added to both coordinates.
##
## @item @qcode{"moons"}
## Two interleaving half circles of radius 1: class 1 the upper arc, class
## 2 the lower arc shifted right, so that each reaches into the other's
## hollow; shifted so the whole set is centred on the origin (x_1 in
## [-1.5, 1.5], x_2 in [-0.75, 0.75] before the noise).
##
## @item @qcode{"circles"}
## Two concentric circles: class 1 of radius 0.5 inside class 2 of radius
## 1.  Separable, but not by a straight line.
##
## @item @qcode{"article-232"}
## The one training sample of the 2-3-2 sigmoid network with the L2-norm
## loss: input x = (x1, x2) and target t = (t1, t2), as columns,
## @code{X = [0.05; 0.10]} and @code{Y = [0.01; 0.99]}, and
## @code{labels = 2} (the target's largest entry).  The article works with
## symbols only; these numbers are ours, chosen small and distinct so that
## every printed step can be told apart.  They are the numbers of the
## package's test of that article.
## @end table
##
## For the classification sets (all but @qcode{"article-232"}) the
## targets are one-hot by default: @code{Y} is K-by-m with @code{Y(c, i)}
## equal to 1 when sample i is of class c, to be learnt with K output
## nodes (sigmoid or softmax).  @qcode{"xor"} defaults to one 0/1 output.
##
## Options:
##
## @table @asis
## @item @qcode{"n"}
## points per class, at most 1e7 (default 100); @qcode{"spirals"},
## @qcode{"moons"}, @qcode{"circles"}.  A dataset that would not fit in
## the memory available is refused (@code{backprop:bp_dataset:out_of_memory})
## before anything is generated.
## @item @qcode{"noise"}
## standard deviation of the Gaussian noise added to each coordinate,
## from 0 (the exact curves) to 1e300, beyond which the data would
## overflow to Inf (default 0.05 for spirals and circles, 0.1 for moons).
## @item @qcode{"turns"}
## how many times each spiral arm winds around the origin (default 1.25);
## @qcode{"spirals"} only.
## @item @qcode{"classes"}
## number of spiral arms K, from 2 to 12 (default 2); @qcode{"spirals"}
## only.
## @item @qcode{"targets"}
## @qcode{"onehot"} (K-by-m) or @qcode{"binary"} (1-by-m row of 0 and 1,
## @code{labels - 1}; two classes only).
## @item @qcode{"seed"}
## a whole number: draw the noise from a generator started at this seed,
## so the same seed gives the same data, and leave the state of Octave's
## @code{rand} and @code{randn} exactly as it was.  Without a seed the
## noise comes from @code{randn} as usual.
## @end table
##
## An option that a dataset does not use is an error rather than being
## ignored, so a typing slip does not go unnoticed.
##
## @example
## [X, Y, labels] = bp_dataset ("moons", "n", 150, "seed", 1);
## net = bp_init ([2 8 2], "activation", @{"tanh", "softmax"@}, ...
##                "loss", "log-likelihood", "seed", 1);
## net = bp_train (net, X, Y, "epochs", 200, "eta", 0.5, "seed", 1);
## bp_plot_boundary (net, X, labels);
## @end example
##
## @seealso{bp_train, bp_plot_boundary}
## @end deftypefn

function [X, Y, labels, varargout] = bp_dataset (name, varargin)
  fn = "bp_dataset";
  if (nargin < 1 || nargout > 3)
    bp_count_error (fn, nargin, nargout, 3, "(name, option, value, ...)");
  endif
  names = {"xor", "spirals", "moons", "circles", "article-232"};
  if (! (ischar (name) && isrow (name)))
    error ("backprop:bp_dataset:wrong_type", ...
           "bp_dataset: name must be a dataset name (a string), got %s", ...
           bp_describe (name));
  elseif (! any (strcmp (name, names)))
    error ("backprop:bp_dataset:unknown_dataset", ...
           "bp_dataset: name must be one of '%s', got '%s'", ...
           strjoin (names, "', '"), name);
  endif

  ## An empty double means "not given", so each dataset can fill in its
  ## own default and reject options it has no use for; any other value,
  ## empty or not, is checked.
  defaults = struct ("n", [], "noise", [], "turns", [], "classes", [], ...
                     "targets", [], "seed", []);
  given = bp_parse_options (fn, defaults, varargin, 1);
  o = check_options (fn, name, given);
  check_memory (fn, name, o);

  if (bp_is_unset (o.seed))
    [X, labels] = generate (name, o);
  else
    ## Generators of its own; bp_seeded leaves the caller's (of either
    ## family) exactly where they were.
    [X, labels] = bp_seeded (o.seed, @() generate (name, o));
  endif

  if (strcmp (name, "article-232"))
    Y = [0.01; 0.99];
  else
    Y = targets (labels, o.classes, o.targets);
  endif
endfunction

## Check the given options against what dataset NAME uses, and fill in
## its defaults.
function o = check_options (fn, name, o)
  switch (name)
    case "xor"
      uses = {"targets"};
      d = struct ("classes", 2, "targets", "binary");
    case "article-232"
      uses = {};
      d = struct ();
    case "spirals"
      uses = {"n", "noise", "turns", "classes", "targets"};
      d = struct ("n", 100, "noise", 0.05, "turns", 1.25, "classes", 2, ...
                  "targets", "onehot");
    case "moons"
      uses = {"n", "noise", "targets"};
      d = struct ("n", 100, "noise", 0.1, "classes", 2, "targets", "onehot");
    case "circles"
      uses = {"n", "noise", "targets"};
      d = struct ("n", 100, "noise", 0.05, "classes", 2, "targets", "onehot");
  endswitch
  uses{end+1} = "seed";

  fields = fieldnames (o);
  for i = 1:numel (fields)
    f = fields{i};
    if (bp_is_unset (o.(f)))
      o.(f) = [];
      if (isfield (d, f))
        o.(f) = d.(f);
      endif
    elseif (! any (strcmp (f, uses)))
      error ("backprop:bp_dataset:unused_option", ...
             "bp_dataset: option '%s' does not apply to dataset '%s'", f, name);
    endif
  endfor

  if (! bp_is_unset (o.n))
    o.n = bp_check_scalar (fn, "n", o.n, 1, 1e7, true);
  endif
  if (! bp_is_unset (o.noise))
    ## X = curve + noise * randn with curves within 1.5 of the origin and
    ## normal draws below 40 in magnitude (the twister's ziggurat tail
    ## ends near 13.7, the legacy generator's near 6.6): up to 1e300 the
    ## data stays finite, at 1e308 it overflows to Inf.
    o.noise = bp_check_scalar (fn, "noise", o.noise, 0, 1e300, false);
  endif
  if (! bp_is_unset (o.turns))
    o.turns = bp_check_scalar (fn, "turns", o.turns, 0.01, 100, false);
  endif
  if (! bp_is_unset (o.classes))
    o.classes = bp_check_scalar (fn, "classes", o.classes, 2, 12, true);
  endif
  if (! bp_is_unset (o.seed))
    o.seed = bp_check_scalar (fn, "seed", o.seed, 0, 2^32 - 1, true);
  endif
  if (! bp_is_unset (o.targets))
    t = o.targets;
    if (! (ischar (t) && isrow (t)))
      error ("backprop:bp_dataset:wrong_type", ...
             "bp_dataset: targets must be 'onehot' or 'binary' (a string), got %s", ...
             bp_describe (t));
    elseif (! any (strcmp (t, {"onehot", "binary"})))
      error ("backprop:bp_dataset:unknown_targets", ...
             "bp_dataset: targets must be 'onehot' or 'binary', got '%s'", t);
    elseif (strcmp (t, "binary") && o.classes != 2)
      error ("backprop:bp_dataset:incompatible_targets", ...
             "bp_dataset: targets 'binary' needs 2 classes, got %d", o.classes);
    endif
  endif
endfunction

## Refuse what cannot fit before generating it: X (2 rows), labels and
## the targets Y (K rows of doubles, or one), and the logical K-by-m
## comparison that makes one-hot targets.  n = 1e7 with 12 classes needs
## 15.8 GB; failing allocations of such sizes again and again can abort
## Octave 7.3, and this fails at once instead of after half a minute.
function check_memory (fn, name, o)
  if (! any (strcmp (name, {"spirals", "moons", "circles"})))
    return;
  endif
  m = o.n * o.classes;
  if (strcmp (o.targets, "onehot"))
    bytes = m * (8 * (2 + 1 + o.classes) + o.classes);
  else
    bytes = m * 8 * (2 + 1 + 1);
  endif
  __bp_memory__ (fn, bytes, "the dataset (X, Y and labels)");
endfunction

## The inputs and class labels of dataset NAME, class by class.
function [X, labels] = generate (name, o)
  switch (name)
    case "xor"
      X = [0 0 1 1; 0 1 0 1];
      labels = [1 2 2 1];
    case "article-232"
      X = [0.05; 0.10];
      labels = 2;
    case "spirals"
      [X, labels] = spirals (o.n, o.turns, o.classes);
    case "moons"
      [X, labels] = moons (o.n);
    case "circles"
      [X, labels] = circles (o.n);
  endswitch
  if (isfield (o, "noise") && ! isempty (o.noise) && o.noise > 0)
    X += o.noise * randn (size (X));
  endif
endfunction

## Arm c is the curve r (cos(theta), sin(theta)) with theta growing with
## the radius r, turned by (c-1)/K of a full turn so the K arms interleave.
function [X, labels] = spirals (n, turns, K)
  r = linspace (0.05, 1, n);
  X = zeros (2, n * K);
  for c = 1:K
    theta = 2 * pi * (turns * r + (c - 1) / K);
    X(:, (c-1)*n + (1:n)) = [r .* cos(theta); r .* sin(theta)];
  endfor
  labels = repelem (1:K, n);
endfunction

## Upper arc (cos t, sin t) and lower arc (1 - cos t, 1/2 - sin t) for t in
## [0, pi], shifted by (-1/2, -1/4) so the pair is centred on the origin.
function [X, labels] = moons (n)
  t = linspace (0, pi, n);
  X = [cos(t), 1 - cos(t); sin(t), 0.5 - sin(t)] - [0.5; 0.25];
  labels = repelem (1:2, n);
endfunction

## Angles spaced evenly without repeating the point at 2 pi.
function [X, labels] = circles (n)
  t = 2 * pi * (0:n-1) / n;
  X = [0.5 * cos(t), cos(t); 0.5 * sin(t), sin(t)];
  labels = repelem (1:2, n);
endfunction

function Y = targets (labels, K, kind)
  if (strcmp (kind, "binary"))
    Y = labels - 1;
  else
    Y = double ((1:K)' == labels);
  endif
endfunction

%!test
%! [X, Y, labels] = bp_dataset ("xor");
%! assert (X, [0 0 1 1; 0 1 0 1]);
%! assert (Y, [0 1 1 0]);
%! assert (labels, [1 2 2 1]);
%! [~, Y] = bp_dataset ("xor", "targets", "onehot");
%! assert (Y, [1 0 0 1; 0 1 1 0]);

%!test
%! ## The 2-3-2 article's sample, as columns.
%! [x, t, labels] = bp_dataset ("article-232");
%! assert (x, [0.05; 0.10]);
%! assert (t, [0.01; 0.99]);
%! assert (labels, 2);

%!test
%! ## Shapes, classes in order, one-hot targets that match the labels.
%! for name = {"spirals", "moons", "circles"}
%!   [X, Y, labels] = bp_dataset (name{1}, "n", 30, "seed", 1);
%!   assert (size (X), [2 60]);
%!   assert (size (Y), [2 60]);
%!   assert (labels, [ones(1, 30), 2 * ones(1, 30)]);
%!   [~, k] = max (Y);
%!   assert (k, labels);
%!   assert (all (sum (Y) == 1));
%!   assert (all (isfinite (X(:))));
%! endfor

%!test
%! ## More spiral arms; labels cover 1..K.
%! [X, Y, labels] = bp_dataset ("spirals", "classes", 3, "n", 20, "seed", 2);
%! assert (size (X), [2 60]);
%! assert (size (Y), [3 60]);
%! assert (unique (labels), 1:3);
%! assert (Y, double ((1:3)' == labels));

%!test
%! ## Binary targets are labels - 1.
%! [~, Y, labels] = bp_dataset ("moons", "targets", "binary", "n", 10, "seed", 1);
%! assert (Y, labels - 1);

%!test
%! ## Without noise the curves are exact: radii of the circles, arcs of
%! ## the moons, radius growing along each spiral arm.
%! [X, ~, labels] = bp_dataset ("circles", "noise", 0, "n", 16);
%! r = sqrt (sum (X .^ 2));
%! assert (r(labels == 1), 0.5 * ones (1, 16), 1e-15);
%! assert (r(labels == 2), ones (1, 16), 1e-15);
%! [X, ~, labels] = bp_dataset ("moons", "noise", 0, "n", 25);
%! up = X(:, labels == 1) + [0.5; 0.25];
%! assert (sqrt (sum (up .^ 2)), ones (1, 25), 1e-15);
%! assert (max (abs (X(:))) <= 1.5 + 1e-15);
%! X = bp_dataset ("spirals", "noise", 0, "n", 40);
%! r = sqrt (sum (X(:, 1:40) .^ 2));
%! assert (r, linspace (0.05, 1, 40), 1e-15);

%!test
%! ## A seed reproduces the data and leaves the global generators alone.
%! s = {rand("state"), randn("state")};
%! a = bp_dataset ("spirals", "seed", 7);
%! b = bp_dataset ("spirals", "seed", 7);
%! assert ({rand("state"), randn("state")}, s);
%! assert (a, b);
%! c = bp_dataset ("spirals", "seed", 8);
%! assert (! isequal (a, c));

%!test
%! ## Without a seed the noise comes from randn, so randn's state decides.
%! randn ("state", 3);
%! a = bp_dataset ("moons");
%! randn ("state", 3);
%! b = bp_dataset ("moons");
%! assert (a, b);

%!test
%! ## Option names ignore case, like Octave's own.
%! X = bp_dataset ("circles", "N", 5, "Noise", 0);
%! assert (columns (X), 10);

%!test
%! ## Only [] means "not given"; every other empty value is checked, and a
%! ## refused seed leaves the global generators alone.
%! s = {rand("state"), randn("state")};
%! for v = {"", {}, int8([]), struct([]), containers.Map(), single([]), true(0, 0)}
%!   for opt = {"n", "noise", "turns", "classes", "targets", "seed"}
%!     try
%!       bp_dataset ("spirals", opt{1}, v{1});
%!       error ("accepted %s = %s", opt{1}, class (v{1}));
%!     catch err
%!       assert (err.identifier, "backprop:bp_dataset:wrong_type");
%!       assert (strncmp (err.message, ["bp_dataset: " opt{1} " must be"], 13 + numel (opt{1})));
%!     end_try_catch
%!   endfor
%! endfor
%! assert ({rand("state"), randn("state")}, s);
%! X = bp_dataset ("spirals", "n", [], "seed", [], "noise", 0);
%! assert (size (X), [2 200]);

%!test
%! ## n = 1e7 with 12 classes (both their largest) needs 15.8 GB: refused
%! ## before anything is drawn, here in a child capped at 3 GB, where
%! ## generating it would fail only after allocating gigabytes.
%! dirs = {fileparts(which ("bp_dataset")), fileparts(which ("__bp_memory__"))};
%! code = sprintf ("addpath ('%s', '%s'); try bp_dataset ('spirals', 'n', 1e7, 'classes', 12); catch err; disp (err.message); end", ...
%!                 dirs{:});
%! octave = fullfile (OCTAVE_HOME (), "bin", "octave-cli");
%! [~, out] = system (sprintf ("ulimit -v 3000000 && '%s' --norc --no-history --quiet --eval \"%s\" 2>&1", ...
%!                            octave, code));
%! assert (! isempty (regexp (out, "bp_dataset: the dataset \\(X, Y and labels\\) needs 15.8 GB of memory", "once")), out);

%!error <name must be one of 'xor', 'spirals'> bp_dataset ("iris")
%!error <name must be a dataset name> bp_dataset (3)
%!error <option 'n' does not apply to dataset 'xor'> bp_dataset ("xor", "n", 10)
%!error <option 'turns' does not apply to dataset 'moons'> bp_dataset ("moons", "turns", 2)
%!error <option 'noise' does not apply to dataset 'article-232'> bp_dataset ("article-232", "noise", 0.1)
%!error <n must be a whole number> bp_dataset ("spirals", "n", 2.5)
%!error <n must be a whole number> bp_dataset ("spirals", "n", 0)
%!error <noise must be a number in \[0, 1e\+300\], got -1> bp_dataset ("moons", "noise", -1)
%!error <noise must be finite> bp_dataset ("moons", "noise", Inf)
%!error <noise must be a real double scalar> bp_dataset ("moons", "noise", "high")
%!error <turns must be a number in \[0.01, 100\]> bp_dataset ("spirals", "turns", 0)
%!error <classes must be a whole number in \[2, 12\]> bp_dataset ("spirals", "classes", 1)
%!error <seed must be a whole number> bp_dataset ("moons", "seed", -2)
%!error <noise must be a number in \[0, 1e\+300\], got 1e\+308> bp_dataset ("moons", "noise", 1e308)

%!test
%! ## The largest noise gives finite data.
%! X = bp_dataset ("spirals", "n", 1000, "noise", 1e300, "seed", 1);
%! assert (all (isfinite (X(:))));
%!error <targets must be 'onehot' or 'binary', got 'one-hot'> bp_dataset ("moons", "targets", "one-hot")
%!error <targets must be 'onehot' or 'binary' \(a string\), got a 1-by-1 double> bp_dataset ("moons", "targets", 1)
%!error <seed must be a real double scalar, got a 0-by-0 char> bp_dataset ("spirals", "seed", "")
%!error <targets 'binary' needs 2 classes, got 3> bp_dataset ("spirals", "classes", 3, "targets", "binary")
%!error <unknown option 'points'> bp_dataset ("moons", "points", 10)
%!error <has no partner> bp_dataset ("moons", "n")
%!error id=backprop:bp_dataset:nargin bp_dataset ()
%!error id=backprop:bp_dataset:nargout [a, b, c, d] = bp_dataset ("xor")

%!demo
%! ## Three datasets side by side, each class in its own colour.  bp_figure
%! ## works with and without a display; bp_print writes the figure to a
%! ## file (here a temporary PNG whose name it prints).
%! [h, ax] = bp_figure ("size", [1200 420], "panels", [1 3]);
%! names = {"spirals", "moons", "circles"};
%! for i = 1:3
%!   [X, ~, labels] = bp_dataset (names{i}, "seed", 1);
%!   scatter (ax(i), X(1,:), X(2,:), 12, labels, "filled");
%!   axis (ax(i), "equal");
%!   title (ax(i), names{i});
%! endfor
%! bp_print (h);
