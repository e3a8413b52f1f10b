## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## BAD = bad_layer (V, S, T, F)
## Values to refuse in place of the layer array V (a W{l}, b{l}, dW{l}
## or db{l}), as rows {value, description, reasons}: wrong shapes with
## reasons S, wrong types with reasons T, non-finite values with F.

function bad = bad_layer (v, S, T, F)
  nan_v = v;  nan_v(end) = NaN;
  inf_v = v;  inf_v(1) = Inf;
  bad = {
    [v; v(1,:)],           "one row too many",             S
    v(1:end-1,:),          "one row too few",              S
    [v v(:,1)],            "one column too many",          S
    v',                    "transposed",                   S
    v(:),                  "all in one column",            S
    [],                    "[]",                           S
    zeros(rows (v), 0),    "n_l-by-0",                     S
    cat(3, v, v),          "3-D",                          [S T]
    v + 1i,                "complex",                      T
    sparse(v),             "sparse",                       T
    int32(v),              "int32",                        T
    uint8(v),              "uint8",                        T
    single(v),             "single",                       T
    true(size (v)),        "logical",                      T
    repmat("a", size (v)), "char",                         T
    num2cell(v),           "a cell",                       T
    {v},                   "a cell holding a good value",  T
    struct("v", v),        "a struct",                     T
    @sin,                  "a function handle",            T
    nan_v,                 "NaN in the last element",      F
    inf_v,                 "Inf in the first element",     F
    -inf_v,                "-Inf in the first element",    F
  };
  ## A reshape that keeps V's shape (b{l} "all in one column") is no error.
  keep = true (rows (bad), 1);
  for i = 1:rows (bad)
    keep(i) = ! (isequal (bad{i,3}, S) && isequal (size (bad{i,1}), size (v)));
  endfor
  bad = bad(keep,:);
endfunction
