## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## BAD = bad_name (NAME, UNKNOWN_REASON)
## Values to refuse where an activation or loss name belongs (an
## argument called NAME), from the catalogue bad_values; UNKNOWN_REASON
## is the reason for a string that is no known name.

function bad = bad_name (name, unknown_reason)
  T = {"wrong_type"};
  bad = bad_rows ("name", "sigmoid", {name}, struct ( ...
    "type", {T}, "unknown", {{unknown_reason}}, ...
    "empty_name", {[{unknown_reason}, T]}));
endfunction
