## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## BAD = bad_col_counts (GOOD, NAME, OTHER, OTHER_NAME, NAMES)
## Catalogue rows for the valid r-by-c matrix GOOD (an argument called
## NAME, c > 1) with another number of columns than the argument OTHER
## (called OTHER_NAME) it must agree with: one column too few, and twice
## as many.  Each is to be refused as wrong_size with a message naming
## one of NAMES (default {NAME}).

function bad = bad_col_counts (good, name, other, other_name, names)
  if (nargin < 5)
    names = {name};
  endif
  [r, c] = size (good);
  S = {"wrong_size"};
  is = sprintf ("(%s is %d-by-%d)", other_name, rows (other), columns (other));
  bad = {good(:,1:end-1),  sprintf("%d-by-%d %s", r, c - 1, is),  S, names
         [good good],      sprintf("%d-by-%d %s", r, 2 * c, is),  S, names};
endfunction
