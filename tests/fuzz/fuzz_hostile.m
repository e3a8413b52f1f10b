## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## -*- texinfo -*-
## @deftypefn  {} {@var{v} =} fuzz_hostile ()
## @deftypefnx {} {@var{v} =} fuzz_hostile (@var{kind}, @var{valid})
## Hostile values for the fuzz suite, as rows @{expression, label@}, from
## the catalogue the bad-input tests share (tests/lib/bad_values.m).
##
## Without arguments: the generic values tried in every argument and
## option position.
##
## With @var{kind} and the expression @var{valid} of a position's valid
## value: the catalogue's values for that kind of position, near misses
## of the valid value among them (the right shape in the wrong type, one
## NaN inside, transposed, one entry too many, ...), which reach deeper
## into the checks than the generic values do.
##
## Values are Octave expressions, not values, so that every call the
## suite makes can be printed as a statement that reproduces it.
## @end deftypefn

function v = fuzz_hostile (kind, valid)
  if (nargin == 0)
    v = bad_values ("any")(:,1:2);
  elseif (any (strcmp (kind, {"matrix", "scalar", "name", "cell", "file"})))
    v = bad_values (kind)(:,1:2);
    v(:,1) = regexprep (v(:,1), '\<VALID\>', ["(" valid ")"]);
  else
    v = cell (0, 2);
  endif
endfunction
