## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## BAD = bad_elements (GOOD, NAME, VALUES, REASONS, POSITIONS)
## Catalogue rows for the valid array GOOD (an argument called NAME) with
## one element replaced by a bad value: each of VALUES (default
## [NaN Inf -Inf]) at each of POSITIONS (default every element), described
## "NAME(e) = v", with the acceptable reasons REASONS (default
## {"not_finite"}).  The rows go position by position, and for each
## position value by value.

function bad = bad_elements (good, name, values, reasons, positions)
  if (nargin < 3)
    values = [NaN Inf -Inf];
  endif
  if (nargin < 4)
    reasons = {"not_finite"};
  endif
  if (nargin < 5)
    positions = 1:numel (good);
  endif
  bad = cell (0, 4);
  for e = positions
    for v = values
      t = good;  t(e) = v;
      bad(end+1,:) = {t, sprintf("%s(%d) = %g", name, e, v), reasons, {name}};
    endfor
  endfor
endfunction
