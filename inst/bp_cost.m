## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## -*- texinfo -*-
## @deftypefn  {} {@var{J} =} bp_cost (@var{theta}, @var{net}, @var{X}, @var{Y})
## @deftypefnx {} {[@var{J}, @var{grad}] =} bp_cost (@var{theta}, @var{net}, @var{X}, @var{Y})
## @deftypefnx {} {[@var{J}, @var{grad}] =} bp_cost (@dots{}, "lambda", @var{lambda})
## @deftypefnx {} {[@var{J}, @var{grad}] =} bp_cost (@dots{}, @var{opts})
## The loss of a network and its gradient as functions of one parameter
## vector: the cost function general-purpose optimisers call.
##
## @var{theta} is a column of every weight and bias in the order of
## @code{bp_unroll} (@code{[W@{1@}(:); b@{1@}; W@{2@}(:); b@{2@}; @dots{}]});
## @var{net} gives the sizes, the activations and the loss (its own
## weights are not used); @var{X} is n0-by-m and @var{Y} nL-by-m, one
## sample a column.  @var{J} is the mean loss C over the m samples, with
## the L2 term (lambda/(2m)) sum of squared weights when
## @qcode{"lambda"} is given (default 0), and @var{grad} its gradient
## dJ/dtheta, a column in the order of @var{theta}: exactly what
##
## @example
## [dW, db, ~, J] = bp_gradient (bp_roll (theta, net), X, Y, "lambda", lambda);
## g = net;  g.W = dW;  g.b = db;
## grad = bp_unroll (g);
## @end example
##
## would give, in one call to the C core: one forward and one backward
## pass, the network read from @var{theta} in place and the gradient
## written straight into its column, with no other copy.  The option may
## also come as a struct, @code{struct ("lambda", 1)}.
##
## Any optimiser that minimises a function of a vector with its gradient
## can train a network with it.  With Octave's @code{fminunc}:
##
## @example
## net = bp_init ([2 4 1], "activation", @{"tanh", "sigmoid"@},
##                "loss", "cross-entropy", "seed", 1);
## [X, Y] = bp_dataset ("xor");
## theta0 = bp_unroll (net);
## theta = fminunc (@@(t) bp_cost (t, net, X, Y), theta0,
##                  optimset ("GradObj", "on", "MaxIter", 100));
## net = bp_roll (theta, net);
## @end example
##
## @code{fminsearch} (Nelder-Mead) uses the loss only, and is only
## practical for a few dozen parameters:
##
## @example
## net = bp_init ([2 2 1], "seed", 3);
## theta = fminsearch (@@(t) bp_cost (t, net, X, Y), bp_unroll (net),
##                     optimset ("MaxFunEvals", 2000));
## @end example
##
## A conjugate-gradient routine written in the style of the well-known
## neural-network exercise (@code{fmincg} there, which is part of neither
## Octave nor this package), taking a handle that returns
## @code{[J, grad]}, a starting column and an options struct, is called
## the same way (here with the exercise's weight decay, lambda = 1):
##
## @example
## cost = @@(t) bp_cost (t, net, X, Y, "lambda", 1);
## [theta, J_history] = fmincg (cost, bp_unroll (net), optimset ("MaxIter", 50));
## @end example
##
## @strong{Memory.}  @code{fminunc} is a quasi-Newton method that keeps a
## dense n-by-n matrix (the Cholesky factor of its Hessian estimate) for
## n parameters: 8 n^2 bytes, and Octave 7's @code{fminunc} holds two of
## them while it updates one, so its memory grows by about 16 n^2 bytes.
## That is 0.16 GB for n = 3000, 1.6 GB for n = 10000, and 9 GB for the
## 23860 parameters of a [784 30 10] network; past a few thousand
## parameters it stops fitting in memory (or in time: each iteration
## costs O(n^2) operations).  Use instead @code{bp_train} with
## @qcode{"optimizer"}, @qcode{"cg"} (Polak-Ribiere conjugate gradient)
## or @qcode{"bfgs"} (GSL's vector_bfgs2), which run on the full batch
## in C with a handful of vectors of n values, O(n) memory, or a
## conjugate-gradient routine such as the one above with @code{bp_cost}.
##
## Errors: @var{theta} of the wrong class or length
## (@code{backprop:bp_cost:wrong_type}, @code{wrong_size}, the message
## stating the expected length), with a NaN or Inf (@code{not_finite}),
## and every check of @code{bp_gradient} on @var{net}, @var{X}, @var{Y}
## and @var{lambda}.
##
## @seealso{bp_unroll, bp_roll, bp_gradient, bp_train, bp_gradcheck}
## @end deftypefn

function [J, grad, varargout] = bp_cost (theta, net, X, Y, varargin)
  ## Called once per step of an optimiser: nargout is read once.
  nout = nargout;
  bp_check_counts ("bp_cost", nargin, nout, [4 Inf], 2, ...
                   "(theta, net, X, Y, \"lambda\", lambda)");
  lambda = bp_lambda_option ("bp_cost", varargin, 4);
  if (nout < 2)
    J = __bp_cost__ ("bp_cost", theta, net, X, Y, lambda);
  else
    [J, grad] = __bp_cost__ ("bp_cost", theta, net, X, Y, lambda);
  endif
endfunction

%!shared net, X, Y, theta
%! net = bp_init ([3 4 2], "activation", {"tanh", "sigmoid"}, "seed", 5);
%! X = [0.1 0.5 -0.3 0.8; 0.2 -0.7 0.4 0.1; 0.9 0.3 -0.2 0.6];
%! Y = [1 0 1 0; 0 1 0 1];
%! theta = bp_unroll (net) + 0.1;

%!test
%! ## bp_gradient of the rolled network, unrolled.
%! for lambda = [0 0.3]
%!   [J, grad] = bp_cost (theta, net, X, Y, "lambda", lambda);
%!   [dW, db, ~, C] = bp_gradient (bp_roll (theta, net), X, Y, "lambda", lambda);
%!   assert (J, C, 1e-15);
%!   assert (grad, [dW{1}(:); db{1}; dW{2}(:); db{2}], 1e-15);
%! endfor

%!test
%! ## The network's own weights are not used; options as a struct.
%! other = bp_init ([3 4 2], "activation", {"tanh", "sigmoid"}, "seed", 9);
%! [J1, g1] = bp_cost (theta, net, X, Y, struct ("lambda", 0.2));
%! [J2, g2] = bp_cost (theta, other, X, Y, "lambda", 0.2);
%! assert ([J1; g1], [J2; g2]);
%! assert (bp_cost (theta, net, X, Y), bp_cost (theta, net, X, Y, "lambda", 0));

%!test
%! ## A small step against the gradient lowers J.
%! [J, grad] = bp_cost (theta, net, X, Y);
%! assert (bp_cost (theta - 0.01 * grad, net, X, Y) < J);

%!error <theta must be a real double column of 26 values> bp_cost (theta(1:25), net, X, Y)
%!error <theta must be a real double column of 26 values> bp_cost (theta', net, X, Y)
%!error <theta must be finite> bp_cost ([NaN; theta(2:end)], net, X, Y)
%!error id=backprop:bp_cost:wrong_type bp_cost (single (theta), net, X, Y)
%!error <unknown option 'eta'> bp_cost (theta, net, X, Y, "eta", 1)
%!error <lambda must be a number> bp_cost (theta, net, X, Y, "lambda", -1)
%!error <X must be a real double matrix with 3 rows> bp_cost (theta, net, X(1:2,:), Y)
%!error id=backprop:bp_cost:nargin bp_cost (theta, net, X)
%!error id=backprop:bp_cost:nargout [a, b, c] = bp_cost (theta, net, X, Y)

%!demo
%! ## XOR trained by Octave's fminunc through the parameter vector.
%! net = bp_init ([2 4 1], "activation", {"tanh", "sigmoid"}, ...
%!                "loss", "cross-entropy", "seed", 1);
%! [X, Y] = bp_dataset ("xor");
%! theta0 = bp_unroll (net);
%! printf ("loss at the start: %.4f\n", bp_cost (theta0, net, X, Y));
%! theta = fminunc (@(t) bp_cost (t, net, X, Y), theta0, ...
%!                  optimset ("GradObj", "on", "MaxIter", 100));
%! net = bp_roll (theta, net);
%! printf ("after fminunc:     %.2e\n", bp_cost (theta, net, X, Y));
%! disp (bp_predict (net, X))
