## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## -*- texinfo -*-
## @deftypefn {} {@var{nets} =} fuzz_nets (@var{N})
## Networks for the fuzz suite, as rows @{expression, label, expect@}:
## every broken network of the catalogue the bad-input tests use
## (tests/lib/bad_nets.m, written into calls as @code{bad_net (k)}),
## which must be refused, and a few unusual networks that the contract
## allows (@qcode{"ok"}: doc/design-decisions.md, "The network struct")
## or does not rule on (@qcode{"any"}: either answer is fine as long as
## it is not a crash), each the valid network expression @var{N} (the
## 2-3-1 network bad_net is built from) with one field changed.
## @end deftypefn

function nets = fuzz_nets (N)
  set = @(field, value) {sprintf("setfield (%s, \"%s\", %s)", N, field, value), ...
                         sprintf("net.%s = %s", field, value)};
  W = "{0.1 * ones(3, 2), 0.1 * ones(1, 3)}";
  b = "{zeros(3, 1), 0}";
  unusual = {
    set("note", "'an extra field'"){:},                          "ok"
    sprintf("orderfields (%s)", N), "net with its fields sorted", "ok"
    set("sizes", "[2; 3; 1]"){:},                                "any"   # a column: not ruled out anywhere
    set("sizes", "reshape ([2 3 1], 1, 1, 3)"){:},               "any"
    set("sizes", "[2 3 1] + 0i"){:},                             "any"   # narrows to real at once
    set("W", "{0.1 * ones(3, 2); 0.1 * ones(1, 3)}"){:},         "ok"    # a column cell
    set("W", "{1e308 * ones(3, 2), -1e308 * ones(1, 3)}"){:},    "ok"    # finite
    set("b", "{zeros(3, 1); 0}"){:},                             "ok"    # a column cell
    set("g", "{'sigmoid'; 'sigmoid'}"){:},                       "ok"
    set("g", "{'tanh', 'linear'}"){:},                           "ok"
    set("g", "{'relu', 'leaky-relu'}"){:},                       "ok"
    set("g", "{'softmax', 'softmax'}"){:},                       "ok"
    set("loss", "'cross-entropy'"){:},                           "ok"    # the output layer is sigmoid
    set("loss", "'sse'"){:},                                     "ok"
    set("loss", "'mse'"){:},                                     "ok"
    sprintf("struct (\"sizes\", [2 3 1], \"W\", {%s}, \"b\", {%s}, \"g\", {{'sigmoid', 'sigmoid'}}, \"loss\", 'quadratic')", W, b), ...
                                     "a network typed in by hand", "ok"
  };
  broken = bad_net ();
  refused = [arrayfun(@(k) sprintf ("bad_net (%d)", k), (1:rows (broken))', ...
                      "uniformoutput", false), broken(:,2), ...
             repmat({"error"}, rows (broken), 1)];
  nets = [refused; unusual];
endfunction
