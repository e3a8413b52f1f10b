## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## BAD = bad_layer (V, S, T, F)
## Values to refuse in place of the layer array V (a W{l}, b{l}, dW{l}
## or db{l}), from the catalogue bad_values, as rows {value, description,
## reasons}: wrong shapes (empty ones included) with reasons S, wrong
## types with reasons T, non-finite values with F.

function bad = bad_layer (v, S, T, F)
  bad = bad_rows ("matrix", v, {}, struct ("shape", {S}, "empty", {S}, ...
                                           "nd", {[S T]}, "type", {T}, ...
                                           "finite", {F}))(:,1:3);
  ## A reshape that keeps V's shape (b{l} "all in one column") is no error.
  keep = true (rows (bad), 1);
  for i = 1:rows (bad)
    keep(i) = ! (isequal (bad{i,3}, S) && isequal (size (bad{i,1}), size (v)));
  endfor
  bad = bad(keep,:);
endfunction
