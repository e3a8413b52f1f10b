## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## BAD = bad_matrix (GOOD, NAME)
## Values to refuse where a real finite double matrix shaped like GOOD
## belongs (an argument called NAME); shape errors are added by callers.

function bad = bad_matrix (good, name)
  T = {"wrong_type"};
  F = {"not_finite"};
  E = {"empty", "wrong_size", "wrong_type"};   # empty: any of these
  D = {"wrong_type", "wrong_size"};            # N-d
  nan_last = good;    nan_last(end) = NaN;
  inf_first = good;   inf_first(1) = Inf;
  minf_mid = good;    minf_mid(ceil (end / 2)) = -Inf;
  bad = {
    good + 1i,                 "complex",                           T
    complex(good, 0),          "complex with zero imaginary part",  T
    sparse(good),              "sparse",                            T
    int8(good),                "int8",                              T
    int32(good),               "int32",                             T
    uint8(good),               "uint8",                             T
    true(size (good)),         "logical",                           T
    single(good),              "single",                            T
    repmat("a", size (good)),  "char",                              T
    num2cell(good),            "cell of numbers",                   T
    {good},                    "cell holding a good value",         T
    struct("v", good),         "struct",                            T
    @sin,                      "function handle",                   T
    containers.Map(),          "a containers.Map object",           T
    int64(good),               "int64",                             T
    sparse(good != 0),         "sparse logical",                    T
    single(good) + 1i,         "complex single",                    T
    nan_last,                  "NaN in the last element",           F
    inf_first,                 "Inf in the first element",          F
    minf_mid,                  "-Inf in the middle element",        F
    [],                        "[]",                                E
    zeros(0, 3),               "zeros(0,3)",                        E
    zeros(rows (good), 0),     "zeros(n,0)",                        E
    ones(2, 2, 2),             "ones(2,2,2)",                       D
    cat(3, good, good),        "a good value stacked into 3-D",     D
  };
  bad(:,4) = {{name}};
endfunction
