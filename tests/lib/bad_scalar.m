## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## BAD = bad_scalar (NAME)
## Values to refuse where a non-negative real finite double scalar
## belongs (an argument or option called NAME), from the catalogue
## bad_values.

function bad = bad_scalar (name)
  bad = bad_rows ("scalar", 0.5, {name}, struct ( ...
    "type", {{"wrong_type"}}, "finite", {{"not_finite"}}, ...
    "range", {{"out_of_range"}}));
endfunction
