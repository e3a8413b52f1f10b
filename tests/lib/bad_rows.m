## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## BAD = bad_rows (KIND, VALID, NAMES, REASONS)
## The rows of the catalogue bad_values (KIND) whose group is a field of
## the struct REASONS, evaluated with VALID as the position's valid value,
## as rows {value, description, reasons, names} for try_bad: REASONS.(group)
## are the acceptable reasons, NAMES the names one of which the message
## must contain.

function bad = bad_rows (kind, VALID, names, reasons)
  table = bad_values (kind);
  table = table(isfield (reasons, table(:,3)), :);
  bad = cell (rows (table), 4);
  for i = 1:rows (table)
    bad(i,:) = {eval(table{i,1}), table{i,2}, reasons.(table{i,3}), names};
  endfor
endfunction
