## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## -*- texinfo -*-
## @deftypefn {} {@var{nets} =} fuzz_nets (@var{N})
## Broken (and a few unusual but valid) networks for the fuzz suite, as
## rows @{expression, label, expect@}: each is the valid network expression
## @var{N} (a 2-3-1 network) with one field removed, retyped, resized or
## renamed, or a struct array of networks.  @var{expect} is
## @qcode{"error"}, @qcode{"ok"} (doc/design-decisions.md, "The
## network struct", allows it) or @qcode{"any"} (the contract does
## not say; either answer is fine as long as it is not a crash).
##
## The layer sizes of @var{N} are 2, 3, 1; W@{1@} is 3-by-2, W@{2@} 1-by-3.
## @end deftypefn

function nets = fuzz_nets (N)
  set = @(field, value) sprintf ("setfield (%s, \"%s\", %s)", N, field, value);
  W = "{0.1 * ones(3, 2), 0.1 * ones(1, 3)}";
  b = "{zeros(3, 1), 0}";
  nets = {};

  ## A field missing, or extra fields (allowed: they are kept).
  for f = {"sizes", "W", "b", "g", "loss"}
    nets(end+1,:) = {sprintf("rmfield (%s, \"%s\")", N, f{1}), ...
                     ["net without field " f{1}], "error"};
  endfor
  nets(end+1,:) = {set("note", "'an extra field'"), "net with an extra field", "ok"};
  nets(end+1,:) = {sprintf("orderfields (%s)", N), "net with its fields sorted", "ok"};
  nets(end+1,:) = {sprintf("setfield (%s, \"Sizes\", [2 3 1])", sprintf ("rmfield (%s, \"sizes\")", N)), ...
                   "net with field Sizes instead of sizes", "error"};

  ## net.sizes
  sizes = {
    "[]",                  "error"
    "2",                   "error"
    "[2 3]",               "error"
    "[2 3 1 1]",           "error"
    "[2 4 1]",             "error"
    "[3 3 1]",             "error"
    "[2 3 2]",             "error"
    "[2; 3; 1]",           "any"      # a column: not ruled out anywhere
    "reshape ([2 3 1], 1, 1, 3)", "any"
    "[2 3.5 1]",           "error"
    "[2 -3 1]",            "error"
    "[2 0 1]",             "error"
    "[2 NaN 1]",           "error"
    "[2 Inf 1]",           "error"
    "[2 1e12 1]",          "error"
    "[1e12 3 1]",          "error"
    "[2 3 1e12]",          "error"
    "[1e9 3 1]",           "error"
    "[784 1e12 10]",       "error"
    "[2 3 9.1e15]",        "error"
    "[2 3 2^64]",          "error"
    "[2 3 1] + 0i",        "any"      # narrows to real at once
    "complex ([2 3 1], 0)", "error"
    "int32 ([2 3 1])",     "error"
    "uint8 ([2 3 1])",     "error"
    "single ([2 3 1])",    "error"
    "logical ([1 1 1])",   "error"
    "sparse ([2 3 1])",    "error"
    "{2, 3, 1}",           "error"
    "'231'",               "error"
    "char ([2 3 1])",      "error"
  };
  for i = 1:rows (sizes)
    nets(end+1,:) = {set("sizes", sizes{i,1}), ["net.sizes = " sizes{i,1}], sizes{i,2}};
  endfor

  ## net.W
  Ws = {
    "{}",                                          "error"
    "{0.1 * ones(3, 2)}",                          "error"
    "0.1 * ones (3, 2)",                           "error"
    "{0.1 * ones(3, 2), 0.1 * ones(1, 3), 1}",     "error"
    "{0.1 * ones(3, 2); 0.1 * ones(1, 3)}",        "ok"       # a column cell
    "{0.1 * ones(2, 3), 0.1 * ones(1, 3)}",        "error"    # W{1} transposed
    "{0.1 * ones(3, 2), 0.1 * ones(3, 1)}",        "error"    # W{2} transposed
    "{0.1 * ones(3, 3), 0.1 * ones(1, 3)}",        "error"
    "{single(0.1 * ones(3, 2)), 0.1 * ones(1, 3)}", "error"
    "{int8(ones(3, 2)), 0.1 * ones(1, 3)}",        "error"
    "{true(3, 2), 0.1 * ones(1, 3)}",              "error"
    "{complex(ones(3, 2), 0), 0.1 * ones(1, 3)}",  "error"
    "{sparse(ones(3, 2)), 0.1 * ones(1, 3)}",      "error"
    "{[0.1 NaN; 1 1; 1 1], 0.1 * ones(1, 3)}",     "error"
    "{[0.1 Inf; 1 1; 1 1], 0.1 * ones(1, 3)}",     "error"
    "{ones(3, 2, 2), 0.1 * ones(1, 3)}",           "error"
    "{[], 0.1 * ones(1, 3)}",                      "error"
    "{zeros(3, 0), 0.1 * ones(1, 3)}",             "error"
    "{'abcdef', 0.1 * ones(1, 3)}",                "error"
    "{{0.1 * ones(3, 2)}, 0.1 * ones(1, 3)}",      "error"
    "{0.1 * ones(3, 2), @sin}",                    "error"
    "{1e308 * ones(3, 2), -1e308 * ones(1, 3)}",   "ok"       # finite
    "struct ('a', {1, 2})",                        "error"
  };
  for i = 1:rows (Ws)
    nets(end+1,:) = {set("W", Ws{i,1}), ["net.W = " Ws{i,1}], Ws{i,2}};
  endfor

  ## net.b
  bs = {
    "{}",                     "error"
    "{zeros(3, 1)}",          "error"
    "zeros (4, 1)",           "error"
    "{zeros(1, 3), 0}",       "error"    # b{1} a row
    "{zeros(3, 2), 0}",       "error"
    "{zeros(3, 1), [0 0]}",   "error"
    "{zeros(3, 1), []}",      "error"
    "{zeros(3, 1); 0}",       "ok"       # a column cell
    "{[0; NaN; 0], 0}",       "error"
    "{[0; 0; -Inf], 0}",      "error"
    "{single(zeros(3, 1)), 0}", "error"
    "{zeros(3, 1), int8(0)}", "error"
    "{zeros(3, 1), true}",    "error"
    "{zeros(3, 1), 1i}",      "error"
    "{sparse(zeros(3, 1)), 0}", "error"
    "{zeros(3, 1, 2), 0}",    "error"
    "{zeros(3, 1), '0'}",     "error"
  };
  for i = 1:rows (bs)
    nets(end+1,:) = {set("b", bs{i,1}), ["net.b = " bs{i,1}], bs{i,2}};
  endfor

  ## net.g
  gs = {
    "{}",                                  "error"
    "{'sigmoid'}",                         "error"
    "'sigmoid'",                           "error"
    "{'sigmoid', 'sigmoid', 'sigmoid'}",   "error"
    "{'sigmoid'; 'sigmoid'}",              "ok"
    "{'sigmoid', 'swish'}",                "error"
    "{'Sigmoid', 'sigmoid'}",              "error"
    "{'sigmoid', ''}",                     "error"
    "{'sigmoid', 'sigmoid '}",             "error"
    "{'sigmoid', ['sigmoid' char(0)]}",    "error"
    "{'sigmoid', ['sig' char(0) 'moid']}", "error"
    "{'sigmoid', ('sigmoid')'}",           "error"
    "{'sigmoid', {'sigmoid'}}",            "error"
    "{'sigmoid', 1}",                      "error"
    "{1, 2}",                              "error"
    "{'sigmoid', @sin}",                   "error"
    "{'tanh', 'linear'}",                  "ok"
    "{'relu', 'leaky-relu'}",              "ok"
    "{'softmax', 'softmax'}",              "ok"
    "{'sigmoid', repmat('x', 1, 1000)}",   "error"
  };
  for i = 1:rows (gs)
    nets(end+1,:) = {set("g", gs{i,1}), ["net.g = " gs{i,1}], gs{i,2}};
  endfor

  ## net.loss
  losses = {
    "'hinge'",           "error"
    "''",                "error"
    "'QUADRATIC'",       "error"
    "'quadratic '",      "error"
    "['quadratic' char(0)]", "error"
    "('quadratic')'",    "error"
    "{'quadratic'}",     "error"
    "1",                 "error"
    "[]",                "error"
    "'cross-entropy'",   "ok"       # the output layer is sigmoid
    "'log-likelihood'",  "error"    # needs a softmax output
    "'sse'",             "ok"
    "'mse'",             "ok"
    "repmat ('x', 1, 1000)", "error"
  };
  for i = 1:rows (losses)
    nets(end+1,:) = {set("loss", losses{i,1}), ["net.loss = " losses{i,1}], losses{i,2}};
  endfor

  ## Whole-struct damage: arrays of networks, objects, a struct of cells.
  nets(end+1,:) = {sprintf("[%s, %s]", N, N), "1x2 struct array of networks", "error"};
  nets(end+1,:) = {sprintf("repmat (%s, 2, 2)", N), "2x2 struct array of networks", "error"};
  nets(end+1,:) = {sprintf("(%s)([])", N), "0x0 struct array of networks", "error"};
  nets(end+1,:) = {sprintf("struct (\"sizes\", [2 3 1], \"W\", {%s}, \"b\", {%s}, \"g\", {{'sigmoid', 'sigmoid'}}, \"loss\", 'quadratic')", W, b), ...
                   "a network typed in by hand", "ok"};
  nets(end+1,:) = {sprintf("struct (\"sizes\", {[2 3 1], [2 3 1]}, \"W\", {%s, %s}, \"b\", {%s, %s}, \"g\", {{'sigmoid', 'sigmoid'}}, \"loss\", 'quadratic')", W, W, b, b), ...
                   "a 1x2 struct array typed in by hand", "error"};
  nets(end+1,:) = {sprintf("struct2cell (%s)", N), "the network's fields as a cell", "error"};
  nets(end+1,:) = {sprintf("{%s}", N), "{net}", "error"};
endfunction
