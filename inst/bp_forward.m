## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## -*- texinfo -*-
## @deftypefn  {} {@var{aL} =} bp_forward (@var{net}, @var{x})
## @deftypefnx {} {[@var{aL}, @var{a}, @var{z}] =} bp_forward (@var{net}, @var{x})
## Forward propagation: the network's output for every column of @var{x}.
##
## @var{x} is n0-by-m, one sample a column (it is a^(0)).  Layer by layer,
##
## @example
## z^(l) = W@{l@} * a^(l-1) + b@{l@}      z_j^(l) = sum_k w_jk^(l) a_k^(l-1) + b_j^(l)
## a^(l) = g^(l)(z^(l))
## @end example
##
## @var{aL} is the output a^(L), nL-by-m.  The 1-by-L cells @var{a} and
## @var{z} hold every layer's activations a^(l) and weighted inputs z^(l)
## (z is the "net" of some texts; a is "o", "h" or "y" in others), each
## n_l-by-m, so @code{z@{l@}(j,:)} is z_j^(l) for every sample.
##
## @seealso{bp_init, bp_loss, bp_gradient, bp_predict}
## @end deftypefn

function varargout = bp_forward (net, x, varargin)
  ## a{l} and z{l} (every layer, a copy each) are built only when asked for.
  bp_check_counts ("bp_forward", nargin, nargout, 2, 3, "(net, x)");
  [varargout{1:max (nargout, 1)}] = __bp_forward__ ("bp_forward", net, x);
endfunction

%!shared net, x
%! net = bp_init ([2 3 2], "seed", 3);
%! x = [0.1 0.9 -0.4; 0.7 0.2 0.5];

%!test
%! [aL, a, z] = bp_forward (net, x);
%! z1 = net.W{1} * x + net.b{1};
%! a1 = 1 ./ (1 + exp (-z1));
%! z2 = net.W{2} * a1 + net.b{2};
%! a2 = 1 ./ (1 + exp (-z2));
%! assert (z, {z1, z2}, 1e-14);
%! assert (a, {a1, a2}, 1e-14);
%! assert (aL, a2, 1e-14);

%!test
%! ## One column at a time gives the same as the whole batch.
%! aL = bp_forward (net, x);
%! for c = 1:columns (x)
%!   assert (bp_forward (net, x(:,c)), aL(:,c), 1e-15);
%! endfor

%!test
%! ## Saturated sigmoids stay finite.
%! n2 = net; n2.W{1} = 1000 * ones (3, 2);
%! aL = bp_forward (n2, [1; 1]);
%! assert (all (isfinite (aL)));

%!error <x must be a real double matrix with 2 rows> bp_forward (net, ones (3, 1))
%!error <x must be finite> bp_forward (net, [NaN; 1])
%!error <x must be a real double matrix> bp_forward (net, single ([1; 2]))
%!error <net has no field 'W'> bp_forward (rmfield (net, "W"), x)
%!error id=backprop:bp_forward:nargin bp_forward (net)
%!error id=backprop:bp_forward:nargout [a, b, c, d] = bp_forward (net, x)

%!demo
%! net = bp_init ([2 3 2], "seed", 1);
%! x = [0.05; 0.10];
%! [aL, a, z] = bp_forward (net, x);
%! printf ("z^(1) = %s\n", mat2str (z{1}', 4));
%! printf ("a^(1) = %s\n", mat2str (a{1}', 4));
%! printf ("a^(2) = %s\n", mat2str (aL', 4));
