## -*- texinfo -*-
## @deftypefn {} {[@var{a}, @var{da_dz}] =} ref_activation (@var{z}, @var{name})
## Test oracle for @code{bp_activation}: the activation g and its derivative
## g'(z), written out in plain Octave from the textbook formulas, without
## using any part of the backprop package.
##
## @var{z} is n-by-m (one sample a column).  For the elementwise activations
## @var{da_dz} is g'(z).  For @qcode{"softmax"} (taken over each column)
## @var{da_dz} is the diagonal of the Jacobian, a .* (1 - a); the full
## Jacobian of one column is diag (a) - a * a' (see @code{ref_gradient}).
##
## Conventions at the kink z = 0: relu has slope 0 there, leaky-relu 0.01
## (the slope on the left).
## @end deftypefn

function [a, da_dz] = ref_activation (z, name)
  switch (name)
    case "sigmoid"
      ## In IEEE arithmetic exp(800) = Inf and 1/(1+Inf) = 0, so this plain
      ## form is already free of NaN for large |z|.
      a = 1 ./ (1 + exp (-z));
      da_dz = a .* (1 - a);
    case "tanh"
      a = tanh (z);
      da_dz = 1 - a .^ 2;
    case "relu"
      a = z;
      a(z <= 0) = 0;
      da_dz = double (z > 0);
    case "leaky-relu"
      a = z;
      a(z <= 0) = 0.01 * z(z <= 0);
      da_dz = ones (size (z));
      da_dz(z <= 0) = 0.01;
    case "linear"
      a = z;
      da_dz = ones (size (z));
    case "softmax"
      ## Subtracting each column's maximum leaves the quotient unchanged
      ## and keeps exp from overflowing.
      e = exp (z - max (z, [], 1));
      a = e ./ sum (e, 1);
      da_dz = a .* (1 - a);
    otherwise
      error ("ref_activation: unknown activation '%s'", name);
  endswitch
endfunction
