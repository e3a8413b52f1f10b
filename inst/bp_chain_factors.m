## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

classdef bp_chain_factors
  ## -*- texinfo -*-
  ## @deftypefn {} {@var{t} =} bp_chain_factors (@var{s})
  ## The result of @code{bp_chain}: the chain-rule factors of one weight's
  ## derivative dC_0/dw_jk^(l), for one sample, by name.
  ##
  ## You get one from @code{bp_chain}.  The constructor makes one from a
  ## struct @var{s} with the fields @code{bp_chain} fills in, as
  ## @code{struct (t)} gives them back (so a saved struct becomes an object
  ## again); without an argument it makes an empty one.  Read the factors
  ## as properties (@code{t.dC_da}, @code{t.terms}, @dots{}; see
  ## @code{bp_chain} for the list); they cannot be assigned.
  ## @code{disp (t)}, or @code{t} at the prompt, writes the chain rule out
  ## with the numbers in it, as the articles write it:
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
  ## @var{s} must be a scalar struct whose fields are among the properties,
  ## with at least @code{l}, @code{j}, @code{k}, @code{L}, @code{loss},
  ## @code{g}, @code{a}, @code{z}, @code{dC_da}, @code{da_dz},
  ## @code{dz_dw}, @code{dC_dw}, @code{delta}, @code{via_delta} and, for
  ## the output layer (l = L), @code{y}, or for a hidden layer (l < L)
  ## @code{next_g}, @code{next_dC_da}, @code{next_da_dz},
  ## @code{next_delta}, @code{next_w} and @code{terms}.  The indices
  ## @code{l}, @code{j}, @code{k}, @code{L} are whole numbers from 1 (l at
  ## most L); @code{loss}, @code{g} and @code{next_g} are names of a loss
  ## and of activations; @code{note} is a string; @code{via_delta} is true
  ## or false; the numbers are real double scalars (NaN and Inf allowed:
  ## @code{da_dz} is NaN where it is no factor); the @code{next_*} fields
  ## and @code{terms} are real double columns of one length, one entry
  ## per node of layer l+1.  For the output layer, @code{y} is a scalar
  ## and the @code{next_*} fields and @code{terms} are empty; for a hidden
  ## layer @code{y} is empty.  Anything else is an error
  ## @code{backprop:bp_chain_factors:@var{reason}} naming the field:
  ## @code{wrong_type}, @code{unknown_field}, @code{missing_field},
  ## @code{out_of_range}, @code{unknown_loss}, @code{unknown_activation},
  ## @code{wrong_size}, @code{nargin}.  (Octave 7 itself refuses a second
  ## output of a class constructor, before the constructor runs.)
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
    function t = bp_chain_factors (varargin)
      if (nargin > 1)
        bp_count_error ("bp_chain_factors", nargin, 1, 1, "(s)");
      elseif (nargin == 1)
        s = check_factors (varargin{1});
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

## ---- checking the constructor's struct (see the help)

## S checked field by field; via_delta as a logical.
function s = check_factors (s)
  if (! (isstruct (s) && isscalar (s)))
    fail ("wrong_type", "s must be a scalar struct (as struct (t) gives for a bp_chain result t), got %s", ...
          bp_describe (s));
  endif
  known = {"l", "j", "k", "L", "loss", "g", "a", "z", "y", "dC_da", ...
           "da_dz", "dz_dw", "dC_dw", "delta", "via_delta", "note", ...
           "next_g", "next_dC_da", "next_da_dz", "next_delta", "next_w", ...
           "terms"};
  fields = fieldnames (s)';
  extra = setdiff (fields, known);
  if (! isempty (extra))
    fail ("unknown_field", "s.%s is not a field of a bp_chain result; the fields are: %s", ...
          extra{1}, strjoin (known, ", "));
  endif
  need = {"l", "j", "k", "L", "loss", "g", "a", "z", "dC_da", "da_dz", ...
          "dz_dw", "dC_dw", "delta", "via_delta"};
  require (s, need);
  for f = {"l", "j", "k", "L"}
    v = s.(f{1});
    if (! (is_real_scalar (v) && isfinite (v) && v >= 1 && v == fix (v)))
      fail (pick_reason (v), "s.%s must be a whole number >= 1 (an index), got %s", ...
            f{1}, show (v));
    endif
  endfor
  if (s.l > s.L)
    fail ("out_of_range", "s.l must be a layer from 1 to s.L = %d, got %d", ...
          s.L, s.l);
  endif
  check_name (s, "loss", {"sse", "quadratic", "mse", "cross-entropy", "log-likelihood"}, ...
              "unknown_loss");
  check_name (s, "g", activations (), "unknown_activation");
  for f = {"a", "z", "dC_da", "da_dz", "dz_dw", "dC_dw", "delta"}
    if (! is_real_scalar (s.(f{1})))
      fail ("wrong_type", "s.%s must be a real double scalar, got %s", f{1}, ...
            bp_describe (s.(f{1})));
    endif
  endfor
  v = s.via_delta;
  if (! ((islogical (v) || is_real_scalar (v)) && isscalar (v) ...
         && (v == 0 || v == 1)))
    fail ("wrong_type", "s.via_delta must be true or false, got %s", show (v));
  endif
  s.via_delta = logical (v);
  if (isfield (s, "note") && ! (ischar (s.note) && (isrow (s.note) || isempty (s.note))))
    fail ("wrong_type", "s.note must be a string, got %s", bp_describe (s.note));
  endif
  next = {"next_dC_da", "next_da_dz", "next_delta", "next_w", "terms"};
  if (s.l == s.L)
    require (s, {"y"});
    if (! is_real_scalar (s.y))
      fail ("wrong_type", "s.y must be a real double scalar (the target y_j of an output node), got %s", ...
            bp_describe (s.y));
    endif
    for f = [next, {"next_g"}]
      if (isfield (s, f{1}) && ! isempty (s.(f{1})))
        fail ("wrong_size", "s.%s must be empty for the output layer (s.l = s.L = %d), got %s", ...
              f{1}, s.L, bp_describe (s.(f{1})));
      endif
    endfor
  else
    require (s, [{"next_g"}, next]);
    if (isfield (s, "y") && ! isempty (s.y))
      fail ("wrong_size", "s.y must be empty for a hidden layer (s.l = %d < s.L = %d), got %s", ...
            s.l, s.L, bp_describe (s.y));
    endif
    check_name (s, "next_g", activations (), "unknown_activation");
    n = [];
    for f = next
      v = s.(f{1});
      if (! (isa (v, "double") && isreal (v) && ! issparse (v) && iscolumn (v) ...
             && ! isempty (v)))
        fail ("wrong_type", "s.%s must be a real double column (one entry per node of layer %d), got %s", ...
              f{1}, s.l + 1, bp_describe (v));
      elseif (isempty (n))
        n = numel (v);
      elseif (numel (v) != n)
        fail ("wrong_size", "s.%s must have %d entries like s.%s (one per node of layer %d), got %d", ...
              f{1}, n, next{1}, s.l + 1, numel (v));
      endif
    endfor
  endif
endfunction

function require (s, names)
  missing = names(! isfield (s, names));
  if (! isempty (missing))
    fail ("missing_field", "s must have the field '%s' (as bp_chain gives it), and has only: %s", ...
          missing{1}, strjoin (fieldnames (s)', ", "));
  endif
endfunction

function check_name (s, f, names, reason)
  v = s.(f);
  if (! (ischar (v) && isrow (v)))
    fail ("wrong_type", "s.%s must be a name (a string), got %s", f, bp_describe (v));
  elseif (! any (strcmp (v, names)))
    fail (reason, "s.%s must be one of '%s', got '%s'", f, strjoin (names, "', '"), ...
          printable (v));
  endif
endfunction

function n = activations ()
  n = {"sigmoid", "tanh", "relu", "leaky-relu", "linear", "softmax"};
endfunction

function tf = is_real_scalar (v)
  tf = isa (v, "double") && isreal (v) && ! issparse (v) && isscalar (v);
endfunction

function r = pick_reason (v)
  if (is_real_scalar (v))
    r = "out_of_range";
  else
    r = "wrong_type";
  endif
endfunction

## A value for a message: the number itself, or a description.
function s = show (v)
  if (is_real_scalar (v))
    s = sprintf ("%g", v);
  else
    s = bp_describe (v);
  endif
endfunction

## A name for a message: control characters (a NUL) as '?'.
function s = printable (s)
  s(s < 32 | s == 127) = "?";
endfunction

function fail (reason, varargin)
  error (["backprop:bp_chain_factors:" reason], ["bp_chain_factors: " varargin{1}], ...
         varargin{2:end});
endfunction

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
  printf ("%s = %s\n", pad, strjoin (arrayfun (@(v) ["(" num(v) ")"], values, ...
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
                      sprintf("g'(z_%d^(%d)) with g = %s, z_%d^(%d) = %s", ...
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
    printf ("  (the first two factors multiply to a_%d^(%d) - y_%d = %s, the fused error\n   delta_%d^(%d) backprop uses for a sigmoid output with cross-entropy)\n", ...
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
  s = sprintf ("%s with %s = %s, %s = %s (loss \"%s\")", f, aj, num (t.a), ...
               yj, num (t.y), t.loss);
endfunction

function s = input_factor (t)
  if (t.l == 1)
    s = sprintf ("a_%d^(0) = x_%d = %s", t.k, t.k, num (t.dz_dw));
  else
    s = sprintf ("a_%d^(%d) = %s", t.k, t.l - 1, num (t.dz_dw));
  endif
endfunction

## dC_0/da_j^(l) of a hidden layer: the sum over the nodes of layer l+1
## that node j feeds, written with the article's three factors per term
## where they exist, and with delta^(l+1) where they do not.  The summed
## node is called j, as the chain-rule article does ("we need to sum in
## j"): the node of layer l is printed as its number, so the letter is
## free.
function print_sum (t)
  next = t.l + 1;
  n = numel (t.terms);
  printf ("\nnode %d of layer %d feeds every node j = 1..%d of layer %d, so\n", ...
          t.j, t.l, n, next);
  lhs = sprintf ("dC_0/%s", dsym ("a", t.j, t.l));
  pad = blanks (numel (lhs));
  if (t.j < 10)
    w_jk = sprintf ("w_j%d^(%d)", t.j, next);
  else
    w_jk = sprintf ("w_j,%d^(%d)", t.j, next);
  endif
  three = all (isfinite (t.next_dC_da) & isfinite (t.next_da_dz));
  printf ("%s = sum_j dC_0/da_j^(%d) * da_j^(%d)/dz_j^(%d) * %s\n", lhs, ...
          next, next, next, w_jk);
  printf ("%s = sum_j delta_j^(%d) * %s\n", pad, next, w_jk);
  if (three)
    pieces = arrayfun (@(i) sprintf ("(%s * %s * %s)", num (t.next_dC_da(i)), ...
                                     num (t.next_da_dz(i)), num (t.next_w(i))), ...
                       1:n, "uniformoutput", false);
  else
    pieces = arrayfun (@(i) sprintf ("(%s * %s)", num (t.next_delta(i)), ...
                                     num (t.next_w(i))), ...
                       1:n, "uniformoutput", false);
  endif
  print_wrapped (strjoin (pieces, " + "), [pad " = "], " + ");
  sums = arrayfun (@(v) ["(" num(v) ")"], t.terms', "uniformoutput", false);
  print_wrapped (strjoin (sums, " + "), [pad " = "], " + ");
  printf ("%s = %s\n", pad, num (t.dC_da));
  if (! three)
    if (strcmp (t.next_g, "softmax"))
      why = sprintf ("layer %d is softmax, so", next);
    else
      why = sprintf ("for some j the two factors do not multiply to delta_j^(%d) in floating point (an output that rounds to 0 or 1 or has lost digits), so", ...
                     next);
    endif
    print_wrapped (sprintf ("(%s delta_j^(%d) = dC_0/dz_j^(%d) stands for the product dC_0/da_j^(%d) * da_j^(%d)/dz_j^(%d))", ...
                            why, next, next, next, next, next), "");
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

%!test
%! ## struct (t) makes the same object again, for an output and a hidden
%! ## layer; the display is the same.
%! net = bp_init ([2 3 2], "loss", "sse", "seed", 1);
%! for l = 1:2
%!   u = bp_chain (net, [0.5; -0.5], [1; 0], l, 1, 2);
%!   v = bp_chain_factors (struct (u));
%!   assert (struct (v), struct (u));
%!   assert (evalc ("disp (v)"), evalc ("disp (u)"));
%! endfor

## Anything but such a struct is refused, naming the field.
%!error id=backprop:bp_chain_factors:wrong_type bp_chain_factors ("abc")
%!error <s must be a scalar struct .* got a 1-by-2 struct> bp_chain_factors (struct ("l", {1, 2}))
%!error <s.color is not a field of a bp_chain result> bp_chain_factors (setfield (struct (t), "color", 1))
%!error <s must have the field 'dC_dw'> bp_chain_factors (rmfield (struct (t), "dC_dw"))
%!error <s.l must be a whole number .= 1 \(an index\), got a 1-by-3 char> bp_chain_factors (setfield (struct (t), "l", "abc"))
%!error <s.k must be a whole number .= 1 \(an index\), got 0> bp_chain_factors (setfield (struct (t), "k", 0))
%!error <s.l must be a layer from 1 to s.L = 2, got 3> bp_chain_factors (setfield (struct (t), "l", 3))
%!error <s.loss must be a name \(a string\), got a 1-by-1 double> bp_chain_factors (setfield (struct (t), "loss", 1))
%!error <s.g must be one of .* got 'relu\?'> bp_chain_factors (setfield (struct (t), "g", ["relu" char(0)]))
%!error <s.dC_dw must be a real double scalar, got a 1-by-1 cell> bp_chain_factors (setfield (struct (t), "dC_dw", {1}))
%!error <s.via_delta must be true or false, got 2> bp_chain_factors (setfield (struct (t), "via_delta", 2))
%!error <s.note must be a string> bp_chain_factors (setfield (struct (t), "note", 5))
%!error <s.terms must be empty for the output layer> bp_chain_factors (setfield (struct (t), "terms", [1; 2]))
%!error id=backprop:bp_chain_factors:nargin bp_chain_factors (struct (t), 1)

%!demo
%! ## The value bp_chain returns: its display is the chain rule with numbers,
%! ## its properties the factors, struct () a plain struct for save.
%! net = bp_init ([2 3 2], "loss", "sse", "seed", 1);
%! t = bp_chain (net, [0.5; -0.5], [1; 0], 2, 1, 3)
%! factors = [t.dC_da, t.da_dz, t.dz_dw]
%! s = struct (t);
