## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## BAD = bad_matrix (GOOD, NAME)
## Values to refuse where a real finite double matrix shaped like GOOD
## belongs (an argument called NAME), from the catalogue bad_values;
## shape errors are added by callers.

function bad = bad_matrix (good, name)
  T = {"wrong_type"};
  bad = bad_rows ("matrix", good, {name}, struct ( ...
    "type", {T}, "finite", {{"not_finite"}}, ...
    "empty", {{"empty", "wrong_size", "wrong_type"}}, ... # any of these
    "nd", {{"wrong_type", "wrong_size"}}));
endfunction
