## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## BAD = bad_nets (NET)
## Broken copies of the valid network NET (sigmoid output, quadratic
## loss), as catalogue rows: not a scalar struct, missing fields, fields
## of the wrong type, wrong shapes in every layer, bad names, bad sizes.

function bad = bad_nets (net)
  I = {"invalid_net"};
  T = {"invalid_net", "wrong_type"};
  L = numel (net.W);
  bad = cell (0, 4);

  ## The value itself
  bad = add_bad (bad, [net net], "a 1-by-2 struct array [net net]", I, {"net"});
  bad = add_bad (bad, repmat (net, 0, 1), "a 0-by-1 struct array", I, {"net"});
  bad = add_bad (bad, struct (), "a struct without fields", I, {"net", "'sizes'"});
  bad = add_bad (bad, {net}, "a cell holding the net", I, {"net"});
  bad = add_bad (bad, [], "[]", I, {"net"});
  bad = add_bad (bad, 5, "a number", I, {"net"});
  bad = add_bad (bad, "net", "a string", I, {"net"});
  bad = add_bad (bad, @sin, "a function handle", I, {"net"});
  bad = add_bad (bad, containers.Map (), "a containers.Map object", I, {"net"});
  bad = add_bad (bad, num2cell (net), "a 1-by-1 cell holding the net", I, {"net"});
  bad = add_bad (bad, repmat (net, 2, 2), "a 2-by-2 struct array", I, {"net"});
  bad = add_bad (bad, repmat (net, 0, 0), "a 0-by-0 struct array", I, {"net"});
  bad = add_bad (bad, struct2cell (net), "the network's fields as a cell", I, {"net"});

  ## Each required field missing
  for f = {"sizes", "W", "b", "g", "loss"}
    bad = add_bad (bad, rmfield (net, f{1}), ["net without field " f{1}], I, ...
                   {["net." f{1}], ["'" f{1} "'"]});
  endfor

  bad = add_bad (bad, setfield (rmfield (net, "sizes"), "Sizes", net.sizes), ...
                 "net with field Sizes instead of sizes", I, {"net.sizes", "'sizes'"});

  ## net.sizes: not a vector of positive whole numbers (any reason)
  sz = net.sizes;
  for c = {
      [sz(1) 0 sz(3:end)],      "a zero width"
      [sz(1) -3 sz(3:end)],     "a negative width"
      [sz(1) 1.5 sz(3:end)],    "a fractional width"
      [sz(1) NaN sz(3:end)],    "a NaN width"
      [sz(1) Inf sz(3:end)],    "an Inf width"
      [-Inf sz(2:end)],         "a -Inf width"
      [sz(1:end-1) 2^64],       "a width of 2^64"
      [sz(1) 1e12 sz(3:end)],   "a hidden width of 1e12"
      [1e12 sz(2:end)],         "an input width of 1e12"
      [sz(1:end-1) 1e12],       "an output width of 1e12"
      [sz(1:end-1) 9.1e15],     "a width above flintmax"
      char(sz + 48),            "the widths as characters"
      sz(1),                    "one width only"
      [],                       "[]"
      zeros(1, 0),              "zeros(1,0)"
      "abc",                    "a string"
      num2cell(sz),             "a cell"
      int32(sz),                "int32"
      uint8(sz),                "uint8"
      single(sz),               "single"
      sz > 0,                   "logical"
      sz + 1i,                  "complex"
      sparse(sz),               "sparse"
      [sz; sz],                 "a 2-row matrix"
      reshape(sz, 1, 1, []),    "a 1-by-1-by-n array"
      }'
    bad = add_bad (bad, setfield (net, "sizes", c{1}), ["net.sizes = " c{2}], ...
                   {}, {"net.sizes"});
  endfor
  ## net.sizes valid on its own but not the network's
  bad = add_bad (bad, setfield (net, "sizes", sz + 1), "net.sizes = sizes + 1", ...
                 I, {"net.sizes", "net.W{1}", "net.b{1}"});
  bad = add_bad (bad, setfield (net, "sizes", [sz(1) + 1, sz(2:end)]), ...
                 "net.sizes with another input width", I, {"net.sizes", "net.W{1}"});
  bad = add_bad (bad, setfield (net, "sizes", [sz(1:end-1), sz(end) + 1]), ...
                 "net.sizes with another output width", I, ...
                 {"net.sizes", sprintf("net.W{%d}", L), sprintf("net.b{%d}", L)});
  bad = add_bad (bad, setfield (net, "sizes", [sz sz(end)]), ...
                 "net.sizes one layer too long", I, ...
                 {"net.sizes", "net.W", "net.b", "net.g"});
  bad = add_bad (bad, setfield (net, "sizes", sz(1:end-1)), ...
                 "net.sizes one layer too short", I, ...
                 {"net.sizes", "net.W", "net.b", "net.g"});

  ## W, b, g: not a cell of L elements
  for f = {"W", "b", "g"}
    F = {["net." f{1}]};
    v = net.(f{1});
    bad = add_bad (bad, setfield (net, f{1}, v{1}), ...
                   [F{1} " = its first element (no cell)"], I, F);
    bad = add_bad (bad, setfield (net, f{1}, v(1:end-1)), ...
                   [F{1} " with a cell too few"], I, F);
    bad = add_bad (bad, setfield (net, f{1}, [v v(1)]), ...
                   [F{1} " with a cell too many"], I, F);
    bad = add_bad (bad, setfield (net, f{1}, {}), [F{1} " = {}"], I, F);
    bad = add_bad (bad, setfield (net, f{1}, []), [F{1} " = []"], I, F);
    bad = add_bad (bad, setfield (net, f{1}, struct ("v", {v})), ...
                   [F{1} " = a struct"], I, F);
  endfor

  ## Every layer of W and b: wrong shapes, types, values
  for l = 1:L
    for f = {"W", "b"}
      F = {sprintf("net.%s{%d}", f{1}, l)};
      layer = bad_layer (net.(f{1}){l}, I, T, {"invalid_net", "not_finite"});
      for i = 1:rows (layer)
        broken = net;
        broken.(f{1}){l} = layer{i,1};
        bad = add_bad (bad, broken, sprintf ("%s = %s", F{1}, layer{i,2}), ...
                       layer{i,3}, F);
      endfor
    endfor

    ## g{l}: not a name, or an unknown one
    F = {sprintf("net.g{%d}", l)};
    U = {"unknown_activation", "invalid_net"};
    for c = {
        "swish",              "an unknown name",         U
        "",                   "the empty string",        [U T]
        "quadratic",          "a loss name",             U
        5,                    "a number",                T
        [],                   "[]",                      T
        {"sigmoid"},          "a cell holding a name",   T
        ("sigmoid")',         "a char column",           T
        ["relu"; "tanh"],     "a 2-row char matrix",     T
        @sin,                 "a function handle",       T
        upper(net.g{l}),      "its name in capitals",    U
        [net.g{l} " "],       "its name and a space",    U
        [net.g{l} char(0)],   "its name and a NUL",      U
        [net.g{l}(1:3) char(0) net.g{l}(4:end)], "its name with a NUL inside", U
        repmat("x", 1, 1000), "a 1000-character name",   U
        }'
      broken = net;
      broken.g{l} = c{1};
      bad = add_bad (bad, broken, sprintf ("%s = %s", F{1}, c{2}), c{3}, F);
    endfor
  endfor

  ## net.loss: not a name, an unknown one, or one the output layer cannot
  ## take (cross-entropy needs sigmoid, log-likelihood softmax)
  U = {"unknown_loss", "invalid_net"};
  C = {"invalid_net", "incompatible_loss"};
  out = @(g) setfield (net, "g", [net.g(1:L-1), {g}]);   # net, output g
  for c = {
      net,              "hinge",           "an unknown name",                      U
      net,              "",                "the empty string",                     [U T]
      net,              "sigmoid",         "an activation name",                   U
      net,              5,                 "a number",                             T
      net,              [],                "[]",                                   T
      net,              {"quadratic"},     "a cell holding a name",                T
      net,              ("quadratic")',    "a char column",                        T
      net,              ["sse"; "mse"],    "a 2-row char matrix",                  T
      net,              "QUADRATIC",       "quadratic in capitals",                U
      net,              "quadratic ",      "quadratic and a space",                U
      net,              ["quadratic" char(0)], "quadratic and a NUL",              U
      net,              repmat("x", 1, 1000), "a 1000-character name",             U
      out("sigmoid"),   "log-likelihood",  "log-likelihood, sigmoid output layer", C
      out("softmax"),   "cross-entropy",   "cross-entropy, softmax output layer",  C
      out("relu"),      "cross-entropy",   "cross-entropy, relu output layer",     C
      out("relu"),      "log-likelihood",  "log-likelihood, relu output layer",    C
      out("linear"),    "log-likelihood",  "log-likelihood, linear output layer",  C
      }'
    bad = add_bad (bad, setfield (c{1}, "loss", c{2}), ["net.loss = " c{3}], ...
                   c{4}, {"net.loss"});
  endfor
endfunction
