## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## -*- texinfo -*-
## @deftypefn  {} {[@var{aL}, @var{zL}] =} bp_complex_forward (@var{net}, @var{z}, @var{first})
## @deftypefnx {} {[@var{a}, @var{z}] =} bp_complex_forward (@var{net}, @var{z}, @var{first}, @var{last})
## The rest of a forward pass, in plain Octave that accepts complex
## values, for the numerical derivatives of @code{bp_gradcheck}.
##
## @var{z} is the weighted input z^(first) of layer @var{first} (n-by-m,
## one sample a column).  The pass applies g^(first) to it, then runs the
## layers first+1 .. @var{last} (default L), and returns a^(last) and
## z^(last).  With @var{last} equal to @var{first} it only applies the
## activation.  Starting from z lets a caller that perturbs one weight or
## bias of layer l change one row of z^(l) and rerun only the layers
## above, instead of the whole network.
##
## Every activation is written as an analytic function of z, so that
## imag (g(z + i h)) / h is g'(z) to rounding: no abs, no conj, no
## comparison on anything but real parts.  With real arguments the result
## is the ordinary real forward pass.  The caller has validated @var{net}.
## @end deftypefn

function [a, z] = bp_complex_forward (net, z, first, last)
  if (nargin < 4)
    last = numel (net.W);
  endif
  a = activation (z, net.g{first});
  for l = first+1:last
    ## Plain "*" and "+": a complex transpose (') would conjugate and
    ## destroy the imaginary part that carries the derivative.
    z = net.W{l} * a + net.b{l};
    a = activation (z, net.g{l});
  endfor
endfunction

## g(z) for complex z: analytic where the real function is smooth, and
## following the real part at the kinks of relu and leaky-relu, where
## backprop uses the left-hand slope (z <= 0 takes the left branch).
function a = activation (z, name)
  switch (name)
    case "sigmoid"
      ## exp(-z) = Inf for very negative z gives 1/Inf = 0, not NaN.
      a = 1 ./ (1 + exp (-z));
    case "tanh"
      a = tanh (z);
    case "relu"
      a = z;
      a(real (z) <= 0) = 0;
    case "leaky-relu"
      a = z;
      left = real (z) <= 0;
      a(left) = 0.01 * z(left);
    case "linear"
      a = z;
    case "softmax"
      ## Shifting by a real constant per column changes nothing
      ## mathematically and keeps exp from overflowing; the shift uses only
      ## real parts, so it carries no imaginary part of its own.
      e = exp (z - max (real (z), [], 1));
      a = e ./ sum (e, 1);
    otherwise
      error ("backprop:bp_gradcheck:internal",
             "bp_gradcheck: no complex-step form of activation '%s'", name);
  endswitch
endfunction
