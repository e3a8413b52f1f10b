## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## BAD = bad_scalar (NAME)
## Values to refuse where a non-negative real finite double scalar
## belongs (an argument or option called NAME).

function bad = bad_scalar (name)
  T = {"wrong_type"};
  R = {"out_of_range"};
  F = {"not_finite"};
  bad = {
    -1,              "-1",                   R
    -1e-300,         "-1e-300",              R
    NaN,             "NaN",                  F
    Inf,             "Inf",                  F
    -Inf,            "-Inf",                 F
    [],              "[]",                   T
    zeros(0, 3),     "zeros(0,3)",           T
    [0.1 0.2],       "a 1-by-2 vector",      T
    [0.1; 0.2],      "a 2-by-1 vector",      T
    ones(1, 1, 2),   "ones(1,1,2)",          T
    0.1 + 1i,        "complex",              T
    complex(0.1, 0), "complex(0.1, 0)",      T
    sparse(0.1),     "sparse",               T
    int8(1),         "int8",                 T
    int32(1),        "int32",                T
    uint8(1),        "uint8",                T
    true,            "logical true",         T
    single(0.1),     "single",               T
    "1",             "char '1'",             T
    {0.1},           "cell",                 T
    struct("v", 0.1), "struct",              T
    @sin,            "function handle",      T
    containers.Map(), "a containers.Map object", T
  };
  bad(:,4) = {{name}};
endfunction
