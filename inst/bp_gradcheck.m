## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## -*- texinfo -*-
## @deftypefn  {} {} bp_gradcheck (@var{net}, @var{x}, @var{y})
## @deftypefnx {} {@var{r} =} bp_gradcheck (@var{net}, @var{x}, @var{y})
## @deftypefnx {} {@var{r} =} bp_gradcheck (@var{net}, @var{x}, @var{y}, @var{name}, @var{value}, @dots{})
## Check backpropagation against numerical derivatives of the loss.
##
## For every weight w_jk^(l) and bias b_j^(l) of @var{net}, the gradient
## of @code{bp_gradient} (backprop, the chain rule) is compared with a
## numerical derivative of the mean loss C over the columns of @var{x}
## (n0-by-m) and @var{y} (nL-by-m), obtained by perturbing that one
## parameter and evaluating the loss again.  The numerical side does not
## use backpropagation at all: it runs a plain-Octave forward pass and
## loss, so it also cross-checks the C core.
##
## Options:
##
## @table @asis
## @item @qcode{"method"}
## @table @asis
## @item @qcode{"central"} (default)
## central differences n = (C(p + h) - C(p - h)) / (2 h), with the step
## h = eps^(1/3) max(1, |p|) (about 6e-6 for parameters up to 1 in size).
## The error of n is O(h^2) from truncation plus O(eps |C| / h) from
## rounding the two losses; eps^(1/3) balances the two, for about 1e-10
## in all.  (The two losses are subtracted sample by sample before the
## mean over the samples, so many samples do not add rounding.)
## @item @qcode{"complex"}
## the complex step n = imag (C(p + i h)) / h with h = 1e-30: there is no
## difference of nearly equal numbers, so h can be tiny, the truncation
## error h^2 vanishes and n is exact to rounding (about 1e-13 relative
## or better).  The forward pass and the loss are evaluated in complex
## arithmetic by analytic formulas (relu and leaky-relu branch on the
## real part, the log losses are computed from z).
## @end table
## @item @qcode{"lambda"}
## L2 weight decay, as in @code{bp_gradient}: the loss checked includes
## (lambda/(2m)) sum of squared weights (default 0).
## @item @qcode{"tolerance"}
## the largest relative error that passes.  Defaults: 1e-6 for
## @qcode{"central"}, whose errors are about 1e-10 in absolute terms and
## so reach about 1e-7 relative on the smallest entries of a typical
## gradient; 1e-10 for @qcode{"complex"}, which typically agrees to
## 1e-14 and leaves room for rounding in long sums.  A wrong backprop
## formula gives relative errors of 1e-3 to 1.
## @item @qcode{"gradient"}
## a cell @{@var{dW}, @var{db}@} of 1-by-L cells shaped like @code{net.W}
## and @code{net.b}: check this gradient instead of @code{bp_gradient}'s,
## for instance one computed by your own backprop code.  With
## @qcode{"lambda"} it must include the weight-decay term.  NaN or Inf
## entries are accepted and fail the check.
## @item @qcode{"verbose"}
## true to print the report even when @var{r} is returned.  Without an
## output argument the report is always printed.
## @end table
##
## The relative error of one entry, backprop g against numeric n, is
##
## @example
## |g - n| / max (|g| + |n|, floor),     floor = 1e-3 max (1, |C|)
## @end example
##
## where C is the mean loss.  It is at most 1, and 1 where g or n is NaN
## or Inf.  The floor keeps entries that are zero, or too small for the
## method to resolve, from showing large relative errors made of rounding
## noise (both sides of an entry that should be 0 may be 1e-18 apart):
## below it the test becomes |g - n| <= tolerance * floor, an absolute
## test of 1e-9 |C| (central) or 1e-13 |C| (complex), still far below any
## real mistake.  The numerical error of central differences scales with
## |C|, hence the floor does too.
##
## @var{r} is a struct with fields
## @table @code
## @item passed
## true when @code{max_rel_error <= tolerance};
## @item max_rel_error
## the largest relative error over all parameters;
## @item per_layer
## 1-by-L: the largest relative error among the weights and biases of each
## layer;
## @item method, tolerance, lambda
## the options used;
## @item worst
## where the largest error is: struct with @code{l}, @code{name} (such as
## @qcode{"w_21^(2)"}), @code{backprop}, @code{numeric}, @code{rel_error};
## @item dW, db, numeric_dW, numeric_db, rel_dW, rel_db
## the gradient checked, the numerical one, and the relative error of each
## entry, as 1-by-L cells shaped like @code{net.W} and @code{net.b}.
## @end table
##
## Relu and leaky-relu have a kink at z = 0.  Backprop and the complex
## step take its left-hand slope; central differences straddle it when
## some z is within h of 0 (for example an input column of zeros with zero
## biases), and then disagree honestly.  Use @qcode{"complex"} there.
##
## Cost: one forward pass (complex step) or two (central differences)
## per parameter, through the layers from the parameter's own upward; the
## passes for the parameters feeding one node run together as one wide
## batch.  A 784-30-10 network (some 24000 parameters) with 10 samples
## takes well under a second.
##
## @seealso{bp_gradient, bp_chain}
## @end deftypefn

function varargout = bp_gradcheck (net, x, y, varargin)
  fn = "bp_gradcheck";
  nin = nargin;
  nout = nargout;
  if (nin < 3 || nout > 1)
    bp_count_error (fn, nin, nout, 1, "(net, x, y, name, value, ...)");
  endif
  opts = check_options (varargin);
  ## The gateway checks net, x and y (its messages name bp_gradcheck).
  [dW, db, ~, C] = __bp_gradient__ (fn, net, x, y, opts.lambda);
  if (! isempty (opts.gradient))
    [dW, db] = check_gradient (opts.gradient, net);
  endif
  [nW, nb] = numeric_gradient (net, x, y, opts);
  r = compare (dW, db, nW, nb, C, opts);
  if (nout == 0 || opts.verbose)
    print_report (r, net, columns (x), ! isempty (opts.gradient));
  endif
  if (nout > 0)
    varargout{1} = r;
  endif
endfunction

function opts = check_options (args)
  fn = "bp_gradcheck";
  defaults = struct ("method", "central", "lambda", 0, "tolerance", [], ...
                     "gradient", [], "verbose", false);
  opts = bp_parse_options (fn, defaults, args, 3);
  methods = {"central", "complex"};
  if (! (ischar (opts.method) && isrow (opts.method)))
    error ("backprop:bp_gradcheck:wrong_type", ...
           "bp_gradcheck: method must be \"central\" or \"complex\", got %s", ...
           bp_describe (opts.method));
  elseif (! any (strcmp (opts.method, methods)))
    error ("backprop:bp_gradcheck:unknown_method", ...
           "bp_gradcheck: method must be \"central\" or \"complex\", got '%s'", ...
           opts.method);
  endif
  opts.lambda = bp_check_scalar (fn, "lambda", opts.lambda, 0, realmax, ...
                                 false);
  if (isempty (opts.tolerance))
    if (strcmp (opts.method, "central"))
      opts.tolerance = 1e-6;
    else
      opts.tolerance = 1e-10;
    endif
  endif
  opts.tolerance = bp_check_scalar (fn, "tolerance", opts.tolerance, 0, ...
                                    realmax, false);
  opts.verbose = logical (bp_check_scalar (fn, "verbose", opts.verbose, 0, ...
                                           1, true));
endfunction

## The user's {dW, db}: each a cell with one matrix per layer, shaped like
## net.W{l} and net.b{l}.  Values may be NaN or Inf (a broken gradient is
## what this function is for); they fail the check instead of erroring.
function [dW, db] = check_gradient (g, net)
  L = numel (net.W);
  if (! (iscell (g) && numel (g) == 2 && iscell (g{1}) && iscell (g{2}) ...
         && numel (g{1}) == L && numel (g{2}) == L))
    error ("backprop:bp_gradcheck:wrong_type", ...
           "bp_gradcheck: gradient must be a cell {dW, db} of two cells with %d elements (one per layer, like net.W and net.b), got %s", ...
           L, describe_gradient (g));
  endif
  ## Shapes are the gateway's rule (as for bp_sgd_step); values may be
  ## anything.
  __bp_check__ ("bp_gradcheck", "gradient", net, g{1}, g{2}, "gradient dW", ...
                "gradient db", true);
  dW = reshape (g{1}, 1, L);
  db = reshape (g{2}, 1, L);
endfunction

function s = describe_gradient (g)
  if (iscell (g) && numel (g) == 2)
    s = sprintf ("a cell holding %s and %s", bp_describe (g{1}), ...
                 bp_describe (g{2}));
  else
    s = bp_describe (g);
  endif
endfunction


## Numerical derivative of the mean loss with respect to every parameter.
## The parameters feeding node j of layer l, w_j1^(l) .. w_jn^(l) and
## b_j^(l), each move only row j of z^(l): by s a_k^(l-1) when w_jk^(l)
## moves by s, by s when b_j^(l) does.  So the loss is evaluated from the
## unperturbed z^(l) with that row moved, through the layers above only,
## and the perturbations of one row go through those layers together as
## one wide batch (a block of m columns each).
function [nW, nb] = numeric_gradient (net, x, y, opts)
  L = numel (net.W);
  net.W = reshape (net.W, 1, L);
  net.b = reshape (net.b, 1, L);
  m = columns (x);
  z = cell (1, L);              # the unperturbed z^(l)
  below = cell (1, L);          # and a^(l-1)
  a = x;
  for l = 1:L
    below{l} = a;
    z{l} = net.W{l} * a + net.b{l};
    a = __bp_activation__ ("bp_gradcheck", z{l}, net.g{l});
  endfor
  nW = cell (1, L);
  nb = cell (1, L);
  for l = 1:L
    [n, n_prev] = size (net.W{l});
    inputs = [below{l}; ones(1, m)];        # what each parameter multiplies
    ## Weight decay lambda/(2m) w^2 on the weights, not the bias.  The
    ## decay of the other weights does not move and is left out, which
    ## keeps its rounding out of the differences.
    decay = [repmat(opts.lambda / (2 * m), 1, n_prev), 0];
    nW{l} = zeros (n, n_prev);
    nb{l} = zeros (n, 1);
    for j = 1:n
      p = [net.W{l}(j,:), net.b{l}(j)];
      d = row_slopes (net, z{l}, l, j, inputs, p, decay, y, opts.method);
      nW{l}(j,:) = d(1:n_prev);
      nb{l}(j) = d(end);
    endfor
  endfor
endfunction

## dC/dp for the parameters p (a row) that feed row j of z^(l) through the
## rows of INPUTS: the loss C(s) of p + s, differentiated at s = 0.  The
## differences are taken sample by sample and then averaged: the mean of
## the differences rounds far less than the difference of two means of
## many samples would.
function d = row_slopes (net, zl, l, j, inputs, p, decay, y, method)
  if (strcmp (method, "complex"))
    h = 1e-30;
    s = repmat (1i * h, size (p));
    C0 = sample_losses (net, zl, l, j, inputs, s, y);
    d = (mean (imag (C0), 1) + imag (decay .* (p + s) .^ 2)) / h;
  else
    ## Relative to the parameter's size (at least 1) the step is always
    ## eps^(1/3), which balances truncation (h^2) against rounding (eps/h).
    h = eps ^ (1/3) * max (1, abs (p));
    q = numel (p);
    C0 = sample_losses (net, zl, l, j, [inputs; inputs], [h, -h], y);
    data = mean (C0(:,1:q) - C0(:,q+1:end), 1);
    d = (data + decay .* ((p + h) .^ 2 - (p - h) .^ 2)) ./ (2 * h);
  endif
endfunction

## The loss C_0 of each sample (rows) for each step s(r) (columns): row j
## of z^(l) moved by s(r) times row r of INPUTS.  Each step is a block of
## m columns; blocks go through the layers above in batches of bounded
## size.
function C0 = sample_losses (net, zl, l, j, inputs, s, y)
  [~, m] = size (zl);
  q = numel (s);
  per_batch = max (1, floor (2^21 / (m * max (net.sizes))));
  C0 = zeros (m, q);
  for first = 1:per_batch:q
    r = first:min (q, first + per_batch - 1);
    Z = repmat (zl, 1, numel (r));
    moves = s(r).' .* inputs(r,:);         # (.' keeps s's imaginary sign)
    Z(j,:) += reshape (moves.', 1, []);     # block by block
    ## Layers l .. L and the loss in complex arithmetic, in C
    ## (bp_complex.c), where each activation and loss has its analytic form
    ## next to its real one.
    [cr, ci] = __bp_complex__ ("bp_gradcheck", net, real (Z), imag (Z), l, ...
                               repmat (y, 1, numel (r)));
    c = complex (cr, ci);
    C0(:,r) = reshape (c, m, numel (r));
  endfor
endfunction

function r = compare (dW, db, nW, nb, C, opts)
  L = numel (dW);
  ## Below this size an entry is compared on an absolute scale (see the
  ## help); the numerical noise grows with |C|, so the floor does too.
  floor_ = 1e-3 * max (1, abs (C));
  rel = @(g, n) rel_error (g, n, floor_);
  rel_dW = cellfun (rel, dW, nW, "uniformoutput", false);
  rel_db = cellfun (rel, db, nb, "uniformoutput", false);
  per_layer = zeros (1, L);
  for l = 1:L
    per_layer(l) = max ([rel_dW{l}(:); rel_db{l}(:)]);
  endfor
  r.passed = max (per_layer) <= opts.tolerance;
  r.max_rel_error = max (per_layer);
  r.per_layer = per_layer;
  r.method = opts.method;
  r.tolerance = opts.tolerance;
  r.lambda = opts.lambda;
  r.worst = worst_entry (dW, db, nW, nb, rel_dW, rel_db);
  r.dW = dW;
  r.db = db;
  r.numeric_dW = nW;
  r.numeric_db = nb;
  r.rel_dW = rel_dW;
  r.rel_db = rel_db;
endfunction

## |g - n| / max(|g| + |n|, floor); 1 (the largest a finite pair can give)
## where either is NaN or Inf, so that max() cannot skip it as it skips NaN.
function e = rel_error (g, n, floor_)
  e = abs (g - n) ./ max (abs (g) + abs (n), floor_);
  e(! (isfinite (g) & isfinite (n))) = 1;
endfunction

function w = worst_entry (dW, db, nW, nb, rel_dW, rel_db)
  w = struct ("l", 0, "name", "", "backprop", 0, "numeric", 0, ...
              "rel_error", -1);
  for l = 1:numel (dW)
    [e, i] = max (rel_dW{l}(:));
    if (e > w.rel_error)
      [j, k] = ind2sub (size (dW{l}), i);
      w = struct ("l", l, "name", sprintf ("w_%s^(%d)", pair (j, k), l), ...
                  "backprop", dW{l}(i), "numeric", nW{l}(i), "rel_error", e);
    endif
    [e, j] = max (rel_db{l}(:));
    if (e > w.rel_error)
      w = struct ("l", l, "name", sprintf ("b_%d^(%d)", j, l), ...
                  "backprop", db{l}(j), "numeric", nb{l}(j), "rel_error", e);
    endif
  endfor
endfunction

## Subscript jk as the articles write it; with a comma once an index has
## two digits, so that w_1,12 and w_11,2 stay apart.
function s = pair (j, k)
  if (j < 10 && k < 10)
    s = sprintf ("%d%d", j, k);
  else
    s = sprintf ("%d,%d", j, k);
  endif
endfunction

function print_report (r, net, m, given)
  L = numel (r.per_layer);
  if (given)
    who = "given";
    what = "the given gradient";
  else
    who = "backprop";
    what = "backprop (bp_gradient)";
  endif
  if (strcmp (r.method, "central"))
    printf ("Gradient check of %s against central differences\n", what);
    printf ("  step h = eps^(1/3) max(1, |p|) for each weight or bias p\n");
  else
    printf ("Gradient check of %s against the complex step\n", what);
    printf ("  step i h, h = 1e-30\n");
  endif
  printf ("  network %s, g = %s, loss \"%s\", m = %d sample%s, lambda = %g\n", ...
          strjoin (arrayfun (@num2str, net.sizes, "uniformoutput", false), "-"), ...
          strjoin (reshape (net.g, 1, []), "/"), net.loss, m, ...
          plural_s (m), r.lambda);
  printf ("  %5s %8s %7s  %24s  %18s\n", "layer", "weights", "biases", ...
          sprintf ("max |%s - numeric|", who), "max relative error");
  for l = 1:L
    diff = max ([abs(r.dW{l}(:) - r.numeric_dW{l}(:));
                 abs(r.db{l}(:) - r.numeric_db{l}(:))]);
    printf ("  %5d %8d %7d  %24.2e  %18.2e\n", l, numel (r.dW{l}), ...
            numel (r.db{l}), diff, r.per_layer(l));
  endfor
  w = r.worst;
  printf ("  largest error at dC/d%s: %s %.12g, numeric %.12g\n", ...
          w.name, who, w.backprop, w.numeric);
  if (r.passed)
    printf ("  PASSED: max relative error %.2e <= tolerance %g\n", ...
            r.max_rel_error, r.tolerance);
  else
    printf ("  FAILED: max relative error %.2e > tolerance %g\n", ...
            r.max_rel_error, r.tolerance);
    kinked = any (ismember (net.g, {"relu", "leaky-relu"}));
    if (strcmp (r.method, "central") && kinked)
      ## Not necessarily a backprop error: see the help on kinks.
      printf (["  (relu and leaky-relu have a kink at z = 0; a central " ...
               "difference whose step\n   crosses it disagrees with " ...
               "backprop. Try \"method\", \"complex\".)\n"]);
    endif
  endif
endfunction

function s = plural_s (m)
  s = "";
  if (m != 1)
    s = "s";
  endif
endfunction

%!shared net, x, y
%! net = bp_init ([3 4 2], "activation", {"tanh", "sigmoid"}, "seed", 4);
%! net.b = {[0.1; -0.2; 0.3; 0], [0.05; -0.05]};
%! x = [0.2 -0.5; 0.7 0.1; -0.3 0.9];
%! y = [1 0; 0 1];

%!test
%! r = bp_gradcheck (net, x, y);
%! assert (r.passed);
%! assert (r.method, "central");
%! assert (size (r.per_layer), [1 2]);
%! assert (r.max_rel_error < 1e-7);

%!test
%! r = bp_gradcheck (net, x, y, "method", "complex", "lambda", 0.1);
%! assert (r.passed);
%! assert (r.max_rel_error < 1e-12);
%! [dW, db] = bp_gradient (net, x, y, "lambda", 0.1);
%! assert (r.dW, dW);
%! assert (r.numeric_db, db, 1e-14);

%!test
%! ## A gradient with one wrong entry fails.
%! [dW, db] = bp_gradient (net, x, y);
%! dW{1}(2,3) *= 1.01;
%! r = bp_gradcheck (net, x, y, "gradient", {dW, db}, "method", "complex");
%! assert (! r.passed);
%! assert (r.worst.name, "w_23^(1)");
%! assert (r.per_layer(2) < 1e-12);

%!error <method must be "central" or "complex"> bp_gradcheck (net, x, y, "method", "forward")
%!error <gradient must be a cell \{dW, db\}> bp_gradcheck (net, x, y, "gradient", {1})
%!error <x must be a real double matrix with 3 rows> bp_gradcheck (net, x(1:2,:), y)
%!error id=backprop:bp_gradcheck:nargin bp_gradcheck (net, x)

%!demo
%! ## Backprop against both numerical methods on a small network.
%! net = bp_init ([3 4 2], "activation", {"tanh", "sigmoid"}, ...
%!                "loss", "cross-entropy", "seed", 1);
%! x = [0.2 -0.5 0.9; 0.7 0.1 -0.4; -0.3 0.9 0.5];
%! y = [1 0 1; 0 1 1];
%! bp_gradcheck (net, x, y)
%! bp_gradcheck (net, x, y, "method", "complex")

%!demo
%! ## Check your own backprop: here a classic mistake, the output error
%! ## delta^(L) = a - y without g'(z^(L)) for the quadratic loss.
%! net = bp_init ([2 3 1], "seed", 2);
%! x = [0 0 1 1; 0 1 0 1];
%! y = [0 1 1 0];
%! [aL, a] = bp_forward (net, x);
%! m = columns (x);
%! d2 = aL - y;                                   # should be (aL - y) .* aL .* (1 - aL)
%! d1 = (net.W{2}' * d2) .* a{1} .* (1 - a{1});
%! dW = {d1 * x' / m, d2 * a{1}' / m};
%! db = {mean(d1, 2), mean(d2, 2)};
%! bp_gradcheck (net, x, y, "gradient", {dW, db})
