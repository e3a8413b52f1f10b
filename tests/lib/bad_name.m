## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## BAD = bad_name (NAME, UNKNOWN_REASON)
## Values to refuse where an activation or loss name belongs (an
## argument called NAME); UNKNOWN_REASON is the reason for a string
## that is no known name.

function bad = bad_name (name, unknown_reason)
  T = {"wrong_type"};
  U = {unknown_reason};
  bad = {
    "swish-hinge",       "an unknown name",        U
    "",                  "the empty string",       [U, T]
    " sigmoid",          "a name with a space",    U
    5,                   "a number",               T
    [],                  "[]",                     T
    {"sigmoid"},         "a cell holding a name",  T
    ["sse"; "mse"],      "a 2-row char matrix",    T
    ("sse")',            "a char column",          T
    int8("sse"),         "int8 codes of a name",   T
    true,                "logical",                T
    struct("v", "sse"),  "struct",                 T
    @sin,                "function handle",        T
  };
  bad(:,4) = {{name}};
endfunction
