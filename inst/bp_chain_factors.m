## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

classdef bp_chain_factors
  ## -*- texinfo -*-
  ## @deftypefn {} {@var{t} =} bp_chain_factors (@var{s})
  ## The result of @code{bp_chain}: the chain-rule factors of one weight's
  ## derivative dC_0/dw_jk^(l), for one sample, by name.
  ##
  ## You get one from @code{bp_chain}; the constructor only copies the
  ## fields of struct @var{s}.  Read the factors as properties
  ## (@code{t.dC_da}, @code{t.terms}, @dots{}; see @code{bp_chain} for the
  ## list); they cannot be assigned.  @code{disp (t)}, or @code{t} at the
  ## prompt, writes the chain rule out with the numbers in it, as the
  ## articles write it:
  ##
  ## @example
  ## dC_0/dw_12^(3) = dC_0/da_1^(3) * da_1^(3)/dz_1^(3) * dz_1^(3)/dw_12^(3)
  ##                = (-1.156688) * (0.243862) * (0.724274)
  ##                = -0.204298
  ## @end example
  ##
  ## @code{struct (t)} gives the same values as a plain struct, for
  ## @code{save} or @code{fieldnames}.
  ##
  ## @seealso{bp_chain}
  ## @end deftypefn

  properties (SetAccess = private)
    l = [];             # the layer of the weight w_jk^(l)
    j = [];             # its node in layer l
    k = [];             # its node in layer l-1
    L = [];             # the output layer
    loss = "";          # name of the loss C_0
    g = "";             # name of the activation g^(l)
    a = [];             # a_j^(l)
    z = [];             # z_j^(l)
    y = [];             # y_j (output layer only)
    dC_da = [];         # dC_0/da_j^(l)
    da_dz = [];         # da_j^(l)/dz_j^(l) = g'(z_j^(l)); NaN when it is no factor
    dz_dw = [];         # dz_j^(l)/dw_jk^(l) = a_k^(l-1)
    dC_dw = [];         # dC_0/dw_jk^(l), the product
    delta = [];         # delta_j^(l) = dC_0/dz_j^(l), from bp_gradient
    via_delta = false;  # true when dC_dw = delta * dz_dw (see note)
    note = "";          # why dC_da * da_dz was replaced by delta
    next_g = "";        # g^(l+1) (hidden layers)
    next_dC_da = [];    # dC_0/da_i^(l+1), i = 1..n_(l+1)
    next_da_dz = [];    # g'(z_i^(l+1)); NaN for a softmax layer
    next_delta = [];    # delta_i^(l+1)
    next_w = [];        # w_ij^(l+1), the weights out of node j
    terms = [];         # delta_i^(l+1) * w_ij^(l+1): sum (terms) = dC_da
  endproperties

  methods
    function t = bp_chain_factors (s)
      if (nargin > 0)
        for f = fieldnames (s)'
          t.(f{1}) = s.(f{1});
        endfor
      endif
    endfunction

    function s = struct (t)
      ## In the order of the declaration (properties() would sort them).
      s = struct ();
      for f = {"l", "j", "k", "L", "loss", "g", "a", "z", "y", "dC_da", ...
               "da_dz", "dz_dw", "dC_dw", "delta", "via_delta", "note", ...
               "next_g", "next_dC_da", "next_da_dz", "next_delta", ...
               "next_w", "terms"}
        s.(f{1}) = t.(f{1});
      endfor
    endfunction

    function disp (t)
      if (isempty (t.l))
        printf ("  empty bp_chain_factors (made by bp_chain)\n");
        return;
      endif
      print_equation (t);
      print_factors (t);
      if (t.l < t.L)
        print_sum (t);
      endif
      if (! isempty (t.note))
        printf ("\n");
        print_wrapped (t.note, "");
      endif
    endfunction
  endmethods
endclassdef

## The chain rule for dC_0/dw_jk^(l) with the numbers under the symbols.
function print_equation (t)
  lhs = sprintf ("dC_0/d%s", w_sym (t.j, t.k, t.l));
  pad = blanks (numel (lhs));
  dz_dw = sprintf ("%s/d%s", dsym ("z", t.j, t.l), w_sym (t.j, t.k, t.l));
  if (t.via_delta)
    symbols = {sprintf("dC_0/%s", dsym ("z", t.j, t.l)), dz_dw};
    values = [t.delta, t.dz_dw];
  else
    symbols = {sprintf("dC_0/%s", dsym ("a", t.j, t.l)), ...
               sprintf("%s/%s", dsym ("a", t.j, t.l), dsym ("z", t.j, t.l)), ...
               dz_dw};
    values = [t.dC_da, t.da_dz, t.dz_dw];
  endif
  printf ("%s = %s\n", lhs, strjoin (symbols, " * "));
  printf ("%s = %s\n", pad, strjoin (arrayfun (@(v) ["(" num(v) ")"], values,
                                              "uniformoutput", false), " * "));
  printf ("%s = %s\n", pad, num (t.dC_dw));
endfunction

## What each factor is, in the article's terms.
function print_factors (t)
  lines = {};
  if (t.via_delta)
    lines(end+1,:) = {sprintf("dC_0/%s", dsym ("z", t.j, t.l)), ...
                      sprintf("delta_%d^(%d), from backprop", t.j, t.l)};
  else
    lines(end+1,:) = {sprintf("dC_0/%s", dsym ("a", t.j, t.l)), first_factor(t)};
    lines(end+1,:) = {sprintf("%s/%s", dsym ("a", t.j, t.l), dsym ("z", t.j, t.l)), ...
                      sprintf("g'(z_%d^(%d)) with g = %s, z_%d^(%d) = %s",
                              t.j, t.l, t.g, t.j, t.l, num (t.z))};
  endif
  lines(end+1,:) = {sprintf("%s/d%s", dsym ("z", t.j, t.l), w_sym (t.j, t.k, t.l)), ...
                    input_factor(t)};
  width = max (cellfun (@numel, lines(:,1)));
  printf ("\nwhere\n");
  for r = 1:rows (lines)
    print_wrapped (lines{r,2}, sprintf ("  %-*s = ", width, lines{r,1}));
  endfor
  if (t.l == t.L && strcmp (t.loss, "cross-entropy") && ! t.via_delta)
    ## The simplification that makes this pairing popular.
    printf ("  (the first two factors multiply to a_%d^(%d) - y_%d = %s, the fused error\n   delta_%d^(%d) backprop uses for a sigmoid output with cross-entropy)\n",
            t.j, t.l, t.j, num (t.a - t.y), t.j, t.l);
  endif
endfunction

function s = first_factor (t)
  if (t.l < t.L)
    s = sprintf ("the sum over the nodes of layer %d below", t.l + 1);
    return;
  endif
  aj = sprintf ("a_%d^(%d)", t.j, t.l);
  yj = sprintf ("y_%d", t.j);
  switch (t.loss)
    case "sse"
      f = sprintf ("2 (%s - %s)", aj, yj);
    case "quadratic"
      f = sprintf ("%s - %s", aj, yj);
    case "mse"
      f = sprintf ("2 (%s - %s) / n_L", aj, yj);
    case "cross-entropy"
      f = sprintf ("(%s - %s) / (%s (1 - %s))", aj, yj, aj, aj);
    case "log-likelihood"
      f = sprintf ("-%s / %s", yj, aj);
    otherwise
      f = "dC_0/da";
  endswitch
  s = sprintf ("%s with %s = %s, %s = %s (loss \"%s\")", f, aj, num (t.a),
               yj, num (t.y), t.loss);
endfunction

function s = input_factor (t)
  if (t.l == 1)
    s = sprintf ("a_%d^(0) = x_%d = %s", t.k, t.k, num (t.dz_dw));
  else
    s = sprintf ("a_%d^(%d) = %s", t.k, t.l - 1, num (t.dz_dw));
  endif
endfunction

## dC_0/da_j^(l) of a hidden layer: the sum over the nodes i of layer l+1
## that node j feeds, written with the article's three factors per term
## where they exist, and with delta_i^(l+1) where they do not.
function print_sum (t)
  i_layer = t.l + 1;
  n = numel (t.terms);
  printf ("\nnode %d of layer %d feeds every node i = 1..%d of layer %d, so\n",
          t.j, t.l, n, i_layer);
  lhs = sprintf ("dC_0/%s", dsym ("a", t.j, t.l));
  pad = blanks (numel (lhs));
  if (t.j < 10)
    w_ij = sprintf ("w_i%d^(%d)", t.j, i_layer);
  else
    w_ij = sprintf ("w_i,%d^(%d)", t.j, i_layer);
  endif
  three = all (isfinite (t.next_dC_da) & isfinite (t.next_da_dz));
  printf ("%s = sum_i dC_0/da_i^(%d) * da_i^(%d)/dz_i^(%d) * %s\n", lhs,
          i_layer, i_layer, i_layer, w_ij);
  printf ("%s = sum_i delta_i^(%d) * %s\n", pad, i_layer, w_ij);
  if (three)
    pieces = arrayfun (@(i) sprintf ("(%s * %s * %s)", num (t.next_dC_da(i)),
                                     num (t.next_da_dz(i)), num (t.next_w(i))),
                       1:n, "uniformoutput", false);
  else
    pieces = arrayfun (@(i) sprintf ("(%s * %s)", num (t.next_delta(i)),
                                     num (t.next_w(i))),
                       1:n, "uniformoutput", false);
  endif
  print_wrapped (strjoin (pieces, " + "), [pad " = "], " + ");
  sums = arrayfun (@(v) ["(" num(v) ")"], t.terms', "uniformoutput", false);
  print_wrapped (strjoin (sums, " + "), [pad " = "], " + ");
  printf ("%s = %s\n", pad, num (t.dC_da));
  if (! three)
    if (strcmp (t.next_g, "softmax"))
      why = sprintf ("layer %d is softmax, so", i_layer);
    else
      why = sprintf ("for some i the two factors do not multiply to delta_i^(%d) in floating point (an output that rounds to 0 or 1 or has lost digits), so",
                     i_layer);
    endif
    print_wrapped (sprintf ("(%s delta_i^(%d) = dC_0/dz_i^(%d) stands for the product dC_0/da_i^(%d) * da_i^(%d)/dz_i^(%d))",
                            why, i_layer, i_layer, i_layer, i_layer,
                            i_layer), "");
  endif
endfunction

## Print TEXT wrapped at 78 columns, the first line after FIRST and the
## others indented to the same column; break only after SEP ("" = spaces).
function print_wrapped (text, first, sep)
  if (nargin < 3)
    sep = " ";
  endif
  width = 78;
  indent = blanks (numel (first));
  words = strsplit (text, sep);
  line = first;
  fresh = true;
  for w = 1:numel (words)
    piece = words{w};
    if (! fresh)
      piece = [sep piece];
    endif
    if (! fresh && numel (line) + numel (piece) > width)
      printf ("%s%s\n", line, deblank (sep));
      line = [indent words{w}];
    else
      line = [line piece];
    endif
    fresh = false;
  endfor
  printf ("%s\n", line);
endfunction

## Symbols: a_1^(3), dz_1^(3), w_12^(3).
function s = dsym (letter, j, l)
  s = sprintf ("d%s_%d^(%d)", letter, j, l);
endfunction

function s = w_sym (j, k, l)
  if (j < 10 && k < 10)
    s = sprintf ("w_%d%d^(%d)", j, k, l);
  else
    ## w_1,12 and w_11,2 must not both read w_112.
    s = sprintf ("w_%d,%d^(%d)", j, k, l);
  endif
endfunction

## Six decimals as in the articles' worked examples; exponent form where
## that would hide the digits (tiny or huge values); whole numbers (such
## as one-hot targets) as they are.
function s = num (v)
  if (! isfinite (v) || (v == fix (v) && abs (v) < 1e6))
    s = sprintf ("%d", v);
  elseif (abs (v) >= 1e-3 && abs (v) < 1e6)
    s = sprintf ("%.6f", v);
  else
    s = sprintf ("%.6e", v);
  endif
endfunction

%!shared t
%! net = bp_init ([2 3 2], "loss", "sse", "seed", 1);
%! t = bp_chain (net, [0.5; -0.5], [1; 0], 2, 1, 3);

%!test
%! assert (class (t), "bp_chain_factors");
%! assert (t.dC_dw, t.dC_da * t.da_dz * t.dz_dw);
%! assert ([t.l, t.j, t.k, t.L], [2 1 3 2]);

%!test
%! ## Read-only properties; struct () gives them in declaration order.
%! fail ("t.dC_dw = 0", "private");
%! s = struct (t);
%! assert (fieldnames (s)(1:4), {"l"; "j"; "k"; "L"});
%! assert (s.dC_dw, t.dC_dw);

%!test
%! ## disp and display write the chain rule with the numbers in it.
%! out = evalc ("disp (t)");
%! assert (strncmp (out, "dC_0/dw_13^(2) = dC_0/da_1^(2) * da_1^(2)/dz_1^(2) * dz_1^(2)/dw_13^(2)", 71));
%! assert (! isempty (strfind (out, sprintf ("= %.6f", t.dC_dw))));
%! out = evalc ("t");
%! assert (strncmp (out, "t =", 3));
%! assert (! isempty (strfind (out, "dC_0/dw_13^(2) =")));

%!test
%! ## An empty object (as Octave may make) displays without error.
%! assert (! isempty (evalc ("disp (bp_chain_factors ())")));

%!demo
%! ## The value bp_chain returns: its display is the chain rule with numbers,
%! ## its properties the factors, struct () a plain struct for save.
%! net = bp_init ([2 3 2], "loss", "sse", "seed", 1);
%! t = bp_chain (net, [0.5; -0.5], [1; 0], 2, 1, 3)
%! factors = [t.dC_da, t.da_dz, t.dz_dw]
%! s = struct (t);
