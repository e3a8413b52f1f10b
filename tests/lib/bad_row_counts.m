## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## BAD = bad_row_counts (GOOD, NAME)
## Catalogue rows for the valid r-by-c matrix GOOD (an argument called
## NAME, r > 1 and c > 1) reshaped to another number of rows: two copies
## stacked, the first row alone, transposed, and all in one column, each
## to be refused as wrong_size naming NAME.  Callers add the shapes that
## are wrong only for their function (a scalar, other column counts).

function bad = bad_row_counts (good, name)
  [r, c] = size (good);
  S = {"wrong_size"};
  N = {name};
  bad = {[good; good],  sprintf("%d-by-%d", 2*r, c),              S, N
         good(1,:),     sprintf("1-by-%d", c),                    S, N
         good',         sprintf("%d-by-%d (transposed)", c, r),   S, N
         good(:),       sprintf("%d-by-1", r*c),                  S, N};
endfunction
