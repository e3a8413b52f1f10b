## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## -*- texinfo -*-
## @deftypefn  {} {@var{net} =} bp_init (@var{sizes})
## @deftypefnx {} {@var{net} =} bp_init (@var{sizes}, @var{name}, @var{value}, @dots{})
## Create a fully-connected feed-forward network.
##
## @var{sizes} is the row of layer widths @code{[n0 n1 @dots{} nL]}: layer 0
## is the input (n0 values per sample), layer L the output, and there are
## L = @code{numel (@var{sizes}) - 1} weight layers.  The result is a plain
## struct:
##
## @table @code
## @item net.sizes
## the widths, as given;
## @item net.W@{l@}
## the n_l-by-n_(l-1) weights: @code{net.W@{l@}(j,k)} is w_jk^(l), the
## weight from node k of layer l-1 to node j of layer l;
## @item net.b@{l@}
## the n_l-by-1 biases b_j^(l) (all zero to start with);
## @item net.g@{l@}
## the name of the activation g^(l) of layer l;
## @item net.loss
## the name of the loss C_0.
## @end table
##
## You may assign any field yourself, for instance the hand-picked weights of
## an article; every function checks the struct it is given.
##
## Options:
##
## @table @asis
## @item @qcode{"activation"}
## one name for every layer, or a cell of L names, one per layer (default
## @qcode{"sigmoid"}): @qcode{"sigmoid"} (also called @qcode{"logistic"},
## as the delta article does), @qcode{"tanh"}, @qcode{"relu"},
## @qcode{"leaky-relu"}, @qcode{"linear"}, @qcode{"softmax"}.
## @item @qcode{"loss"}
## @qcode{"quadratic"} (default, C_0 = 1/2 sum_j (a_j - y_j)^2; also called
## @qcode{"l2-norm"}, the 2-3-2 article's name for it),
## @qcode{"sse"}, @qcode{"mse"}, @qcode{"cross-entropy"} (needs a sigmoid
## output layer) or @qcode{"log-likelihood"} (needs a softmax output layer).
## An alias is stored under its first name: @code{net.g@{l@}} reads
## @qcode{"sigmoid"} for @qcode{"logistic"}, @code{net.loss}
## @qcode{"quadratic"} for @qcode{"l2-norm"}.
## @item @qcode{"init"}
## how the weights are drawn, with n_in = n_(l-1), n_out = n_l:
## @qcode{"scaled-normal"} (default) N(0,1)/sqrt(n_in);
## @qcode{"normal"} N(0,1); @qcode{"xavier"} uniform on
## [-r, r] with r = sqrt(6/(n_in+n_out)); @qcode{"he"} N(0,1)*sqrt(2/n_in);
## @qcode{"uniform"} uniform on [-epsilon, epsilon];
## @qcode{"zeros"} all zero.
## @item @qcode{"epsilon"}
## half-width of the @qcode{"uniform"} initialisation (default 0.12).
## @item @qcode{"seed"}
## a whole number: draw the weights from a generator started at this seed,
## so the same seed gives the same network, and leave the state of
## Octave's @code{rand} and @code{randn} exactly as it was.  Without a seed
## the weights come from @code{randn}/@code{rand} as usual.
## @end table
##
## Example: the 2-3-2 sigmoid network with the L2-norm loss of the
## article on the 365 Data Science blog:
##
## @example
## net = bp_init ([2 3 2], "loss", "quadratic", "seed", 1);
## @end example
##
## @seealso{bp_forward, bp_gradient, bp_train}
## @end deftypefn

function [net, varargout] = bp_init (sizes, varargin)
  fn = "bp_init";
  if (nargin < 1)
    error ("backprop:bp_init:nargin", ...
           "bp_init: expected the layer sizes [n0 n1 ... nL] and options");
  elseif (nargout > 1)
    error ("backprop:bp_init:nargout", "bp_init: one output (net), got %d", ...
           nargout);
  endif
  sizes = check_sizes (sizes);
  L = numel (sizes) - 1;

  defaults = struct ("activation", "sigmoid", "loss", "quadratic", ...
                     "init", "scaled-normal", "epsilon", 0.12, "seed", []);
  opts = bp_parse_options (fn, defaults, varargin, 1);
  g = check_activation (fn, opts.activation, L);
  ## Names (and the articles' aliases, such as "logistic") are the core's:
  ## the canonical name goes into the network.
  loss = __bp_check__ (fn, "loss", opts.loss, "loss");
  ## Which output a loss needs is the core's rule.
  __bp_check__ (fn, "pairing", loss, g{L});
  init = check_name (opts.init, "init", ...
                     {"scaled-normal", "normal", "xavier", "he", "uniform", "zeros"});
  epsilon = bp_check_scalar (fn, "epsilon", opts.epsilon, 0, realmax, false);
  ## Only an empty double (the default []) means "no seed"; any other value
  ## must be a seed.
  has_seed = ! (isa (opts.seed, "double") && isempty (opts.seed));
  if (has_seed)
    seed = bp_check_scalar (fn, "seed", opts.seed, 0, 2^32 - 1, true);
  endif
  ## Refuse sizes that cannot fit before asking Octave for them: failing
  ## allocations of absurd size again and again can abort Octave 7.3.
  ## Layer by layer, so the message names the layer that does not fit.
  bytes = cumsum (8 * sizes(2:end) .* (sizes(1:end-1) + 1));
  for l = 1:L
    __bp_memory__ (fn, bytes(l), ...
                   sprintf ("the network up to layer %d (%g-by-%g weights)", ...
                            l, sizes(l+1), sizes(l)));
  endfor

  ## A seed draws from generators of its own; bp_seeded leaves the
  ## caller's (of either family, see there) exactly where they were.
  if (has_seed)
    [W, b] = bp_seeded (seed, @() draw_weights (sizes, init, epsilon));
  else
    [W, b] = draw_weights (sizes, init, epsilon);
  endif

  net = struct ("sizes", sizes, "W", {W}, "b", {b}, "g", {g}, "loss", loss);
endfunction

function sizes = check_sizes (sizes)
  if (! (isa (sizes, "double") && isreal (sizes) && ! issparse (sizes) ...
         && isvector (sizes) && numel (sizes) >= 2))
    error ("backprop:bp_init:wrong_type", ...
           "bp_init: sizes must be a real double vector [n0 n1 ... nL] of at least two layer widths, got %s", ...
           bp_describe (sizes));
  endif
  bad = find (! (isfinite (sizes) & sizes >= 1 & sizes == fix (sizes)), 1);
  if (! isempty (bad))
    error ("backprop:bp_init:out_of_range", ...
           "bp_init: sizes(%d) must be a positive whole number, got %g", ...
           bad, sizes(bad));
  endif
  sizes = sizes(:)';
endfunction

function g = check_activation (fn, act, L)
  if (ischar (act))
    g = repmat ({__bp_check__(fn, "activation", act, "activation")}, 1, L);
  elseif (iscell (act) && numel (act) == L)
    g = cell (1, L);
    for l = 1:L
      g{l} = __bp_check__ (fn, "activation", act{l}, sprintf ("activation{%d}", l));
    endfor
  else
    error ("backprop:bp_init:wrong_type", ...
           "bp_init: activation must be a name or a cell of %d names (one per weight layer), got %s", ...
           L, bp_describe (act));
  endif
endfunction

function s = check_name (s, what, names)
  if (! (ischar (s) && isrow (s)))
    error ("backprop:bp_init:wrong_type", ...
           "bp_init: %s must be a name (a string), got %s", what, bp_describe (s));
  elseif (! any (strcmp (s, names)))
    error ("backprop:bp_init:unknown_init", ...
           "bp_init: %s must be one of '%s', got '%s'", what, ...
           strjoin (names, "', '"), s);
  endif
endfunction

function [W, b] = draw_weights (sizes, init, epsilon)
  L = numel (sizes) - 1;
  W = cell (1, L);
  b = cell (1, L);
  for l = 1:L
    n_in = sizes(l);
    n_out = sizes(l+1);
    try
      switch (init)
        case "scaled-normal"
          W{l} = randn (n_out, n_in) / sqrt (n_in);
        case "normal"
          W{l} = randn (n_out, n_in);
        case "xavier"
          r = sqrt (6 / (n_in + n_out));
          W{l} = r * (2 * rand (n_out, n_in) - 1);
        case "he"
          W{l} = randn (n_out, n_in) * sqrt (2 / n_in);
        case "uniform"
          W{l} = epsilon * (2 * rand (n_out, n_in) - 1);
        case "zeros"
          W{l} = zeros (n_out, n_in);
      endswitch
      b{l} = zeros (n_out, 1);
    catch err
      error ("backprop:bp_init:out_of_memory", ...
             "bp_init: layer %d (%g-by-%g weights) does not fit in memory: %s", ...
             l, n_out, n_in, err.message);
    end_try_catch
  endfor
endfunction

%!test
%! net = bp_init ([2 3 2]);
%! assert (fieldnames (net), {"sizes"; "W"; "b"; "g"; "loss"});
%! assert (net.sizes, [2 3 2]);
%! assert (size (net.W{1}), [3 2]);
%! assert (size (net.W{2}), [2 3]);
%! assert (net.b, {zeros(3,1), zeros(2,1)});
%! assert (net.g, {"sigmoid", "sigmoid"});
%! assert (net.loss, "quadratic");

%!test
%! ## A seed reproduces the network and leaves the global generators alone.
%! s = {rand("state"), randn("state")};
%! a = bp_init ([4 5 3], "seed", 7);
%! b = bp_init ([4 5 3], "seed", 7);
%! assert (a, b);
%! assert ({rand("state"), randn("state")}, s);
%! c = bp_init ([4 5 3], "seed", 8);
%! assert (! isequal (a.W, c.W));

%!test
%! ## The default scaled-normal draw has variance 1/n_in.
%! net = bp_init ([400 300 2], "seed", 1);
%! v = var (net.W{1}(:));
%! assert (v, 1/400, 0.1/400);

%!test
%! net = bp_init ([3 4 2], "activation", {"tanh", "softmax"}, ...
%!                "loss", "log-likelihood", "init", "zeros");
%! assert (net.g, {"tanh", "softmax"});
%! assert (net.W, {zeros(4,3), zeros(2,4)});

%!test
%! net = bp_init ([5 6], "init", "uniform", "epsilon", 0.5, "seed", 2);
%! assert (max (abs (net.W{1}(:))) <= 0.5);
%! net = bp_init ([5 6], "init", "xavier", "seed", 2);
%! assert (max (abs (net.W{1}(:))) <= sqrt (6/11));
%! net = bp_init ([50 60], "init", "he", "seed", 2);
%! assert (var (net.W{1}(:)), 2/50, 0.3*2/50);

%!test
%! ## Option names are matched without regard to case, as in Octave.
%! net = bp_init ([2 2], "Activation", "relu", "LOSS", "sse");
%! assert (net.g, {"relu"});
%! assert (net.loss, "sse");

%!test
%! ## The articles' names are aliases: "logistic" for sigmoid, "l2-norm" for
%! ## the 1/2 sum of squares; the network holds the canonical names.
%! net = bp_init ([2 3 2], "activation", "logistic", "loss", "l2-norm");
%! assert (net.g, {"sigmoid", "sigmoid"});
%! assert (net.loss, "quadratic");

%!test
%! ## ... and computes what the sigmoid network with the quadratic loss
%! ## computes; an alias may stand in a cell of names too.
%! a = bp_init ([2 3 2], "activation", "logistic", "loss", "l2-norm", "seed", 1);
%! b = bp_init ([2 3 2], "seed", 1);
%! assert (a, b);
%! c = bp_init ([2 3 1], "activation", {"tanh", "logistic"}, "loss", "cross-entropy");
%! assert (c.g, {"tanh", "sigmoid"});
%! x = [0.3; -0.2];
%! h = 1 ./ (1 + exp (-a.W{1} * x));
%! assert (bp_forward (a, x), 1 ./ (1 + exp (-a.W{2} * h)), 1e-15);

%!error <sizes must be a real double vector> bp_init ([2])
%!error <sizes\(2\) must be a positive whole number> bp_init ([2 0 1])
%!error <sizes\(2\) must be a positive whole number> bp_init ([2 1.5 1])
%!error <sizes must be> bp_init ({2, 3})
%!error <sizes must be> bp_init (int32 ([2 3]))
%!error <activation must be one of> bp_init ([2 3], "activation", "swish")
%!error <cell of 2 names> bp_init ([2 3 1], "activation", {"relu"})
%!error <loss must be one of> bp_init ([2 3], "loss", "hinge")
%!error <needs a sigmoid output layer> bp_init ([2 3], "activation", "relu", "loss", "cross-entropy")
%!error <needs a softmax output layer> bp_init ([2 3], "loss", "log-likelihood")
%!error <unknown option 'learning_rate'> bp_init ([2 3], "learning_rate", 1)
%!error <has no partner> bp_init ([2 3], "seed")
%!error <seed must be a whole number> bp_init ([2 3], "seed", -1)
%!error <init must be one of> bp_init ([2 3], "init", "ones")
%!error <up to layer 1 \(784-by-1e\+12 weights\) needs .* GB> bp_init ([1e12 784])
%!error id=backprop:bp_init:out_of_memory bp_init ([784 1e12 10])
%!error id=backprop:bp_init:nargin bp_init ()
%!error id=backprop:bp_init:nargout [a, b] = bp_init ([2 3])

%!demo
%! ## The 2-3-2 network of the article on sigmoid networks with an L2-norm
%! ## loss: two inputs, three hidden nodes, two outputs.
%! net = bp_init ([2 3 2], "seed", 1)
%! ## w_jk^(1): weight from input k to hidden node j
%! net.W{1}
