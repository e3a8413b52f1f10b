## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later
##
## Bad-input tests of bp_train (net, X, Y, name, value, ...): every bad
## value of each argument and of each option ("epochs", "batch", "eta",
## "momentum", "lambda", "shuffle", "seed", "validation", "verbose"), and
## every way of breaking the network struct, must raise
## backprop:bp_train:<reason> with a message "bp_train: ..." naming the
## argument, option or field, leave the caller's variables as they were,
## and never crash Octave (DESIGN.md sections 2, 3 and 5).

## ---------------------------------------------------------------------
## Helpers.  Every bad-input file carries its own copy of these (a test
## file can only use the functions it defines); deep_copy .. check_limited
## are those of test_bad_input_bp_gradient.m, unchanged.
##
## A bad call is described by a row {value, description, reasons, names}:
## the value put at one argument position of an otherwise valid call, a
## description for the failure report, the acceptable <reason>s of the
## identifier backprop:<function>:<reason> ({} = any reason), and the
## argument names one of which the message must contain ({} = no check).
## Failures are collected over a whole catalogue and reported together,
## so one misbehaving case does not hide the others.

%!function c = deep_copy (v)
%!  ## A copy of V sharing no array data with it.  "c = v" is not enough:
%!  ## Octave copies lazily, so a gateway writing into an input would change
%!  ## v and c alike and a comparison of the two would see nothing.
%!  if (iscell (v))
%!    c = cellfun (@deep_copy, v, "uniformoutput", false);
%!  elseif (isstruct (v))
%!    c = v;
%!    f = fieldnames (v);
%!    for i = 1:numel (v)
%!      for k = 1:numel (f)
%!        c(i).(f{k}) = deep_copy (v(i).(f{k}));
%!      endfor
%!    endfor
%!  elseif ((isnumeric (v) || islogical (v) || ischar (v)) && ! isempty (v))
%!    c = v;
%!    c(1) = c(1);   # writing an element makes the data c's own
%!  else
%!    c = v;         # empty arrays, function handles: nothing to write to
%!  endif

%!function problem = check_error (fn, args, nout, reasons, names, what)
%!  ## Call FN (ARGS{:}) with NOUT outputs; the call must fail.  Returns ""
%!  ## when it fails as DESIGN.md section 5 requires, otherwise one line
%!  ## saying which call (WHAT) went wrong and how.
%!  keep = deep_copy (args);
%!  bad = {};
%!  try
%!    if (nout == 0)
%!      feval (fn, args{:});
%!    else
%!      out = cell (1, nout);
%!      [out{:}] = feval (fn, args{:});
%!    endif
%!    bad{end+1} = "no error was raised";
%!  catch err
%!    id = err.identifier;
%!    msg = err.message;
%!    prefix = ["backprop:" fn ":"];
%!    if (! strncmp (id, prefix, numel (prefix)))
%!      bad{end+1} = sprintf ("identifier '%s' does not start with '%s'",
%!                            id, prefix);
%!    elseif (! isempty (reasons) && ! any (strcmp (id(numel (prefix)+1:end),
%!                                                  reasons)))
%!      bad{end+1} = sprintf ("identifier '%s', expected reason %s", id,
%!                            strjoin (reasons, " or "));
%!    endif
%!    if (! strncmp (msg, [fn ": "], numel (fn) + 2))
%!      bad{end+1} = sprintf ("message does not start with '%s: '", fn);
%!    endif
%!    if (! isempty (names) && ! any (cellfun (@(n) names_word (msg, n), names)))
%!      bad{end+1} = sprintf ("message does not name %s",
%!                            strjoin (names, " or "));
%!    endif
%!    if (! isempty (bad))
%!      bad{end+1} = sprintf ("got [%s] \"%s\"", id, msg);
%!    endif
%!  end_try_catch
%!  if (! isequaln (args, keep))
%!    bad{end+1} = "the caller's arguments were modified";
%!  endif
%!  problem = "";
%!  if (! isempty (bad))
%!    problem = sprintf ("%s with %s (nargout %d): %s", fn, what, nout,
%!                       strjoin (bad, "; "));
%!  endif

%!function tf = names_word (msg, name)
%!  ## True when MSG contains NAME not glued to a longer identifier, so
%!  ## that "x" is not found inside "matrix" nor "net.W{1}" in "net.W{10}".
%!  pat = ['(^|[^\w.])' regexptranslate("escape", name) '($|[^\w])'];
%!  tf = ! isempty (regexp (msg, pat, "once"));

%!function problems = try_bad (fn, base, pos, bad, nouts)
%!  ## Put each bad value of catalogue BAD at argument POS of the valid
%!  ## argument list BASE and check the call with each output count NOUTS.
%!  problems = {};
%!  for i = 1:rows (bad)
%!    args = base;
%!    args{pos} = bad{i,1};
%!    for nout = nouts
%!      p = check_error (fn, args, nout, bad{i,3}, bad{i,4},
%!                       sprintf ("argument %d = %s", pos, bad{i,2}));
%!      if (! isempty (p))
%!        problems{end+1} = p;
%!      endif
%!    endfor
%!  endfor

%!function report (problems)
%!  ## Fail with the list of every call that misbehaved ("" = none).
%!  problems = problems(! cellfun (@isempty, problems));
%!  assert (isempty (problems), "%d bad call(s) misbehaved:\n  %s",
%!          numel (problems), strjoin (problems, "\n  "));

%!function bad = bad_matrix (good, name)
%!  ## Values to refuse where a real finite double matrix shaped like GOOD
%!  ## belongs (an argument called NAME); shape errors are added by callers.
%!  T = {"wrong_type"};
%!  F = {"not_finite"};
%!  E = {"empty", "wrong_size", "wrong_type"};   # empty: any of these
%!  D = {"wrong_type", "wrong_size"};            # N-d
%!  nan_last = good;    nan_last(end) = NaN;
%!  inf_first = good;   inf_first(1) = Inf;
%!  minf_mid = good;    minf_mid(ceil (end / 2)) = -Inf;
%!  bad = {
%!    good + 1i,                 "complex",                           T
%!    complex(good, 0),          "complex with zero imaginary part",  T
%!    sparse(good),              "sparse",                            T
%!    int8(good),                "int8",                              T
%!    int32(good),               "int32",                             T
%!    uint8(good),               "uint8",                             T
%!    true(size (good)),         "logical",                           T
%!    single(good),              "single",                            T
%!    repmat("a", size (good)),  "char",                              T
%!    num2cell(good),            "cell of numbers",                   T
%!    {good},                    "cell holding a good value",         T
%!    struct("v", good),         "struct",                            T
%!    @sin,                      "function handle",                   T
%!    containers.Map(),          "a containers.Map object",           T
%!    int64(good),               "int64",                             T
%!    sparse(good != 0),         "sparse logical",                    T
%!    single(good) + 1i,         "complex single",                    T
%!    nan_last,                  "NaN in the last element",           F
%!    inf_first,                 "Inf in the first element",          F
%!    minf_mid,                  "-Inf in the middle element",        F
%!    [],                        "[]",                                E
%!    zeros(0, 3),               "zeros(0,3)",                        E
%!    zeros(rows (good), 0),     "zeros(n,0)",                        E
%!    ones(2, 2, 2),             "ones(2,2,2)",                       D
%!    cat(3, good, good),        "a good value stacked into 3-D",     D
%!  };
%!  bad(:,4) = {{name}};

%!function bad = add_bad (bad, value, what, reasons, names)
%!  ## Append one row to a catalogue of bad values.
%!  bad(end+1,:) = {value, what, reasons, names};

%!function bad = bad_layer (v, S, T, F)
%!  ## Values to refuse in place of the layer array V (a W{l}, b{l}, dW{l}
%!  ## or db{l}), as rows {value, description, reasons}: wrong shapes with
%!  ## reasons S, wrong types with reasons T, non-finite values with F.
%!  nan_v = v;  nan_v(end) = NaN;
%!  inf_v = v;  inf_v(1) = Inf;
%!  bad = {
%!    [v; v(1,:)],           "one row too many",             S
%!    v(1:end-1,:),          "one row too few",              S
%!    [v v(:,1)],            "one column too many",          S
%!    v',                    "transposed",                   S
%!    v(:),                  "all in one column",            S
%!    [],                    "[]",                           S
%!    zeros(rows (v), 0),    "n_l-by-0",                     S
%!    cat(3, v, v),          "3-D",                          [S T]
%!    v + 1i,                "complex",                      T
%!    sparse(v),             "sparse",                       T
%!    int32(v),              "int32",                        T
%!    uint8(v),              "uint8",                        T
%!    single(v),             "single",                       T
%!    true(size (v)),        "logical",                      T
%!    repmat("a", size (v)), "char",                         T
%!    num2cell(v),           "a cell",                       T
%!    {v},                   "a cell holding a good value",  T
%!    struct("v", v),        "a struct",                     T
%!    @sin,                  "a function handle",            T
%!    nan_v,                 "NaN in the last element",      F
%!    inf_v,                 "Inf in the first element",     F
%!    -inf_v,                "-Inf in the first element",    F
%!  };
%!  ## A reshape that keeps V's shape (b{l} "all in one column") is no error.
%!  keep = true (rows (bad), 1);
%!  for i = 1:rows (bad)
%!    keep(i) = ! (isequal (bad{i,3}, S) && isequal (size (bad{i,1}), size (v)));
%!  endfor
%!  bad = bad(keep,:);

%!function bad = bad_nets (net)
%!  ## Broken copies of the valid network NET (sigmoid output, quadratic
%!  ## loss), as catalogue rows: not a scalar struct, missing fields, fields
%!  ## of the wrong type, wrong shapes in every layer, bad names, bad sizes.
%!  I = {"invalid_net"};
%!  T = {"invalid_net", "wrong_type"};
%!  L = numel (net.W);
%!  bad = cell (0, 4);
%!
%!  ## The value itself
%!  bad = add_bad (bad, [net net], "a 1-by-2 struct array [net net]", I, {"net"});
%!  bad = add_bad (bad, repmat (net, 0, 1), "a 0-by-1 struct array", I, {"net"});
%!  bad = add_bad (bad, struct (), "a struct without fields", I, {"net", "'sizes'"});
%!  bad = add_bad (bad, {net}, "a cell holding the net", I, {"net"});
%!  bad = add_bad (bad, [], "[]", I, {"net"});
%!  bad = add_bad (bad, 5, "a number", I, {"net"});
%!  bad = add_bad (bad, "net", "a string", I, {"net"});
%!  bad = add_bad (bad, @sin, "a function handle", I, {"net"});
%!  bad = add_bad (bad, containers.Map (), "a containers.Map object", I, {"net"});
%!  bad = add_bad (bad, num2cell (net), "a 1-by-1 cell holding the net", I, {"net"});
%!
%!  ## Each required field missing
%!  for f = {"sizes", "W", "b", "g", "loss"}
%!    bad = add_bad (bad, rmfield (net, f{1}), ["net without field " f{1}], I,
%!                   {["net." f{1}], ["'" f{1} "'"]});
%!  endfor
%!
%!  ## net.sizes: not a vector of positive whole numbers (any reason)
%!  sz = net.sizes;
%!  for c = {
%!      [sz(1) 0 sz(3:end)],      "a zero width"
%!      [sz(1) -3 sz(3:end)],     "a negative width"
%!      [sz(1) 1.5 sz(3:end)],    "a fractional width"
%!      [sz(1) NaN sz(3:end)],    "a NaN width"
%!      [sz(1) Inf sz(3:end)],    "an Inf width"
%!      [-Inf sz(2:end)],         "a -Inf width"
%!      [sz(1:end-1) 2^64],       "a width of 2^64"
%!      sz(1),                    "one width only"
%!      [],                       "[]"
%!      zeros(1, 0),              "zeros(1,0)"
%!      "abc",                    "a string"
%!      num2cell(sz),             "a cell"
%!      int32(sz),                "int32"
%!      uint8(sz),                "uint8"
%!      single(sz),               "single"
%!      sz > 0,                   "logical"
%!      sz + 1i,                  "complex"
%!      sparse(sz),               "sparse"
%!      [sz; sz],                 "a 2-row matrix"
%!      reshape(sz, 1, 1, []),    "a 1-by-1-by-n array"
%!      }'
%!    bad = add_bad (bad, setfield (net, "sizes", c{1}), ["net.sizes = " c{2}],
%!                   {}, {"net.sizes"});
%!  endfor
%!  ## net.sizes valid on its own but not the network's
%!  bad = add_bad (bad, setfield (net, "sizes", sz + 1), "net.sizes = sizes + 1",
%!                 I, {"net.sizes", "net.W{1}", "net.b{1}"});
%!  bad = add_bad (bad, setfield (net, "sizes", [sz sz(end)]),
%!                 "net.sizes one layer too long", I,
%!                 {"net.sizes", "net.W", "net.b", "net.g"});
%!  bad = add_bad (bad, setfield (net, "sizes", sz(1:end-1)),
%!                 "net.sizes one layer too short", I,
%!                 {"net.sizes", "net.W", "net.b", "net.g"});
%!
%!  ## W, b, g: not a cell of L elements
%!  for f = {"W", "b", "g"}
%!    F = {["net." f{1}]};
%!    v = net.(f{1});
%!    bad = add_bad (bad, setfield (net, f{1}, v{1}),
%!                   [F{1} " = its first element (no cell)"], I, F);
%!    bad = add_bad (bad, setfield (net, f{1}, v(1:end-1)),
%!                   [F{1} " with a cell too few"], I, F);
%!    bad = add_bad (bad, setfield (net, f{1}, [v v(1)]),
%!                   [F{1} " with a cell too many"], I, F);
%!    bad = add_bad (bad, setfield (net, f{1}, {}), [F{1} " = {}"], I, F);
%!    bad = add_bad (bad, setfield (net, f{1}, []), [F{1} " = []"], I, F);
%!    bad = add_bad (bad, setfield (net, f{1}, struct ("v", {v})),
%!                   [F{1} " = a struct"], I, F);
%!  endfor
%!
%!  ## Every layer of W and b: wrong shapes, types, values
%!  for l = 1:L
%!    for f = {"W", "b"}
%!      F = {sprintf("net.%s{%d}", f{1}, l)};
%!      layer = bad_layer (net.(f{1}){l}, I, T, {"invalid_net", "not_finite"});
%!      for i = 1:rows (layer)
%!        broken = net;
%!        broken.(f{1}){l} = layer{i,1};
%!        bad = add_bad (bad, broken, sprintf ("%s = %s", F{1}, layer{i,2}),
%!                       layer{i,3}, F);
%!      endfor
%!    endfor
%!
%!    ## g{l}: not a name, or an unknown one
%!    F = {sprintf("net.g{%d}", l)};
%!    U = {"unknown_activation", "invalid_net"};
%!    for c = {
%!        "swish",              "an unknown name",         U
%!        "",                   "the empty string",        [U T]
%!        "quadratic",          "a loss name",             U
%!        5,                    "a number",                T
%!        [],                   "[]",                      T
%!        {"sigmoid"},          "a cell holding a name",   T
%!        ("sigmoid")',         "a char column",           T
%!        ["relu"; "tanh"],     "a 2-row char matrix",     T
%!        @sin,                 "a function handle",       T
%!        }'
%!      broken = net;
%!      broken.g{l} = c{1};
%!      bad = add_bad (bad, broken, sprintf ("%s = %s", F{1}, c{2}), c{3}, F);
%!    endfor
%!  endfor
%!
%!  ## net.loss: not a name, an unknown one, or one the output layer cannot
%!  ## take (cross-entropy needs sigmoid, log-likelihood softmax)
%!  U = {"unknown_loss", "invalid_net"};
%!  C = {"invalid_net", "incompatible_loss"};
%!  out = @(g) setfield (net, "g", [net.g(1:L-1), {g}]);   # net, output g
%!  for c = {
%!      net,              "hinge",           "an unknown name",                      U
%!      net,              "",                "the empty string",                     [U T]
%!      net,              "sigmoid",         "an activation name",                   U
%!      net,              5,                 "a number",                             T
%!      net,              [],                "[]",                                   T
%!      net,              {"quadratic"},     "a cell holding a name",                T
%!      net,              ("quadratic")',    "a char column",                        T
%!      net,              ["sse"; "mse"],    "a 2-row char matrix",                  T
%!      out("sigmoid"),   "log-likelihood",  "log-likelihood, sigmoid output layer", C
%!      out("softmax"),   "cross-entropy",   "cross-entropy, softmax output layer",  C
%!      out("relu"),      "cross-entropy",   "cross-entropy, relu output layer",     C
%!      out("relu"),      "log-likelihood",  "log-likelihood, relu output layer",    C
%!      out("linear"),    "log-likelihood",  "log-likelihood, linear output layer",  C
%!      }'
%!    bad = add_bad (bad, setfield (c{1}, "loss", c{2}), ["net.loss = " c{3}],
%!                   c{4}, {"net.loss"});
%!  endfor

%!function bad = nul_nets (net)
%!  ## NET with a name holding an embedded NUL in net.g{l} or net.loss: no
%!  ## known name, even when the part before the NUL is one.
%!  bad = cell (0, 4);
%!  for l = 1:numel (net.g)
%!    broken = net;
%!    broken.g{l} = [net.g{l} char(0) "x"];
%!    F = sprintf ("net.g{%d}", l);
%!    bad = add_bad (bad, broken, [F " = its name, a NUL and 'x'"],
%!                   {"unknown_activation", "invalid_net"}, {F});
%!  endfor
%!  bad = add_bad (bad, setfield (net, "loss", [net.loss char(0) "x"]),
%!                 "net.loss = its name, a NUL and 'x'",
%!                 {"unknown_loss", "invalid_net"}, {"net.loss"});

%!function problem = check_limited (fn, code, kbytes, what)
%!  ## Run CODE, a call of FN that needs more memory than KBYTES, in a
%!  ## fresh octave-cli whose address space "ulimit -v" caps at KBYTES, so
%!  ## that an allocation inside the gateway fails for real (on this
%!  ## machine's physical memory the gateway's own size check lets it
%!  ## through).  The call must fail with backprop:FN:out_of_memory and a
%!  ## message "FN: ...", and the child must survive.  Returns "" or a line
%!  ## saying what went wrong.
%!  dirs = unique ({fileparts(which (fn)), fileparts(which ("__bp_names__"))});
%!  setup = sprintf ("addpath ('%s'); ", dirs{:});
%!  child = [setup "try, " code "; printf ('NOERROR\\n'); catch e, " ...
%!           "printf ('ID=%s\\nMSG=%s\\n', e.identifier, e.message); end; " ...
%!           "printf ('ALIVE\\n');"];
%!  octave = fullfile (OCTAVE_HOME (), "bin", "octave-cli");
%!  problem = "";
%!  if (! exist (octave, "file"))
%!    return;   # no octave-cli to run the child with: nothing to check
%!  endif
%!  [status, out] = system (sprintf ("ulimit -v %d; '%s' --norc --no-history --quiet --eval \"%s\" 2>&1",
%!                                   kbytes, octave, child));
%!  id = regexp (out, '^ID=([^\n]*)$', "tokens", "once", "lineanchors");
%!  msg = regexp (out, '^MSG=([^\n]*)$', "tokens", "once", "lineanchors");
%!  if (isempty (strfind (out, "ALIVE")))
%!    problem = sprintf ("Octave died (exit status %d): %s", status, strtrim (out));
%!  elseif (! isempty (strfind (out, "NOERROR")))
%!    problem = "no error was raised";
%!  elseif (isempty (id) || ! strcmp (id{1}, ["backprop:" fn ":out_of_memory"])
%!          || ! strncmp (msg{1}, [fn ": "], numel (fn) + 2))
%!    problem = sprintf ("expected [backprop:%s:out_of_memory] \"%s: ...\", got %s",
%!                       fn, fn, strtrim (strrep (out, "\n", " ")));
%!  endif
%!  if (! isempty (problem))
%!    problem = sprintf ("%s with %s: %s", fn, what, problem);
%!  endif

%!function bad = bad_option (name, kind)
%!  ## Values to refuse for the scalar option NAME of bp_train, by KIND:
%!  ##   "count"    a whole number >= 1 (epochs, batch)
%!  ##   "rate"     a number >= 0 (eta, lambda)
%!  ##   "fraction" a number in [0, 1] (momentum)
%!  ##   "flag"     true/false or 0/1 (shuffle, verbose)
%!  ##   "seed"     a whole number in [0, 2^32-2]
%!  ## The wrong types are the same for all; logical true is only a valid
%!  ## value of a flag.  [] is not in the list for "seed" and "verbose",
%!  ## where it is the default ("no seed", "when in a terminal").
%!  T = {"wrong_type"};
%!  R = {"out_of_range"};
%!  F = {"not_finite"};
%!  bad = {
%!    NaN,               "NaN",                      F
%!    Inf,               "Inf",                      F
%!    -Inf,              "-Inf",                     F
%!    [1 1],             "a 1-by-2 vector",          T
%!    [1; 1],            "a 2-by-1 vector",          T
%!    ones(1, 1, 2),     "ones(1,1,2)",              T
%!    1 + 1i,            "complex",                  T
%!    complex(1, 0),     "complex(1, 0)",            T
%!    sparse(1),         "sparse",                   T
%!    int8(1),           "int8",                     T
%!    int32(1),          "int32",                    T
%!    uint8(1),          "uint8",                    T
%!    int64(1),          "int64",                    T
%!    single(1),         "single",                   T
%!    "1",               "char '1'",                 T
%!    "true",            "char 'true'",              T
%!    {1},               "cell",                     T
%!    struct("v", 1),    "struct",                   T
%!    @sin,              "function handle",          T
%!    containers.Map(),  "a containers.Map object",  T
%!    [true false],      "a logical 1-by-2 vector",  T
%!    sparse(true),      "sparse logical",           T
%!  };
%!  if (! any (strcmp (kind, {"seed", "flag"})))
%!    bad(end+1,:) = {[], "[]", T};
%!    bad(end+1,:) = {zeros(0, 3), "zeros(0,3)", T};
%!  endif
%!  if (! strcmp (kind, "flag"))
%!    bad(end+1,:) = {true, "logical true", T};
%!    bad(end+1,:) = {false, "logical false", T};
%!  endif
%!  switch (kind)
%!    case "count"
%!      out = {0, -1, -1e-300, 0.5, 1.5, 2.5, 1 + 2*eps};
%!    case "rate"
%!      out = {-1, -1e-300, -realmax};
%!    case "fraction"
%!      out = {-1e-300, -0.1, 1 + eps, 1.5, 2, 100};
%!    case "flag"
%!      out = {2, -1, 0.5, 1e-300, 1 - eps/2};
%!    case "seed"
%!      out = {-1, -1e-300, 0.5, 7.25, 2^32 - 1, 2^32, 1e20};
%!  endswitch
%!  for i = 1:numel (out)
%!    bad(end+1,:) = {out{i}, sprintf("%.17g", out{i}), R};
%!  endfor
%!  bad(:,4) = {{name}};

%!function base = with_option (base, name, value)
%!  ## The valid call BASE (a cell of arguments) with option NAME set to
%!  ## VALUE, appended so that it is the last (deciding) occurrence.
%!  base(end+1:end+2) = {name, value};

## ---------------------------------------------------------------------
## The tests.  The valid call is
##   bp_train (net, x, y, "epochs", 2, "batch", 2, "seed", 1, "verbose", false)
## with net 2-3-2 (sigmoid, quadratic), x and y 2-by-4.  Every check comes
## before any output is made, so the long catalogues (networks, options)
## and the element-by-element NaN/Inf lists are tried with two outputs
## only, the other catalogues with one and two.

%!shared net, x, y, base
%! net = bp_init ([2 3 2], "seed", 1);
%! x = [0.1 0.9 -0.4 0.3; 0.7 0.2 0.5 -0.6];
%! y = [1 0 1 0; 0 1 0 1];
%! base = {net, x, y, "epochs", 2, "batch", 2, "seed", 1, "verbose", false};

%!test
%! ## The valid call is valid (otherwise every test below proves nothing),
%! ## with one and with two outputs, and with the extreme valid values
%! ## ("seed", [] and "validation", {} or [] mean "not given").
%! n1 = bp_train (base{:});
%! [n2, h] = bp_train (base{:});
%! assert (isequal (n1, n2));
%! bp_train (net, x, y, "epochs", 1, "batch", 1e15, "eta", 0, "momentum", 1,
%!           "lambda", 0, "shuffle", true, "seed", 2^32 - 2, "verbose", false);
%! bp_train (net, x, y, "epochs", 1, "seed", 0, "shuffle", 0, "verbose", 0,
%!           "validation", {}, "momentum", 0);
%! bp_train (net, x, y, "epochs", 1, "seed", [], "verbose", false,
%!           "validation", []);

%!test
%! ## batch = flintmax is the largest value bp_train's option check accepts
%! ## (a whole number in [1, flintmax]); any batch >= N is full-batch
%! ## descent, so it must train exactly as batch = N does.
%! a = bp_train (net, x, y, "epochs", 2, "batch", 4, "shuffle", false, "verbose", false);
%! b = bp_train (net, x, y, "epochs", 2, "batch", flintmax, "shuffle", false, "verbose", false);
%! assert (isequal (a, b));

%!test
%! ## net: broken in every way bad_nets knows.
%! report (try_bad ("bp_train", base, 1, bad_nets (net), 2));

%!test
%! ## net: the same for a deeper network with other activations and loss.
%! n4 = bp_init ([3 5 4 2], "activation", {"tanh", "relu", "softmax"},
%!               "loss", "log-likelihood", "seed", 2);
%! report (try_bad ("bp_train", {n4, ones(3, 2), [1 0; 0 1], "verbose", false},
%!                  1, bad_nets (n4), 2));

%!test
%! ## net.g{l} and net.loss with an embedded NUL after a valid name.
%! report (try_bad ("bp_train", base, 1, nul_nets (net), [1 2]));

%!test
%! ## X: wrong types, non-finite values, empty and N-d arrays.
%! report (try_bad ("bp_train", base, 2, bad_matrix (x, "X"), [1 2]));

%!test
%! ## X with other than n0 = 2 rows, or another number of columns than Y.
%! S = {"wrong_size"};
%! bad = {[x; x],      "4-by-4",                S, {"X"}
%!        x(1,:),      "1-by-4",                S, {"X"}
%!        x',          "4-by-2 (transposed)",   S, {"X"}
%!        x(:),        "8-by-1",                S, {"X"}
%!        1,           "a scalar",              S, {"X"}
%!        x(:,1:3),    "2-by-3 (Y is 2-by-4)",  S, {"X", "Y"}
%!        [x x],       "2-by-8 (Y is 2-by-4)",  S, {"X", "Y"}};
%! report (try_bad ("bp_train", base, 2, bad, [1 2]));

%!test
%! ## Y: wrong types, non-finite values, empty and N-d arrays.
%! report (try_bad ("bp_train", base, 3, bad_matrix (y, "Y"), [1 2]));

%!test
%! ## Y with other than nL = 2 rows, or another number of columns than X.
%! S = {"wrong_size"};
%! bad = {[y; y],      "4-by-4",                S, {"Y"}
%!        y(1,:),      "1-by-4",                S, {"Y"}
%!        y',          "4-by-2 (transposed)",   S, {"Y"}
%!        y(:),        "8-by-1",                S, {"Y"}
%!        y(:,1:3),    "2-by-3 (X is 2-by-4)",  S, {"Y"}
%!        [y y],       "2-by-8 (X is 2-by-4)",  S, {"Y"}
%!        1,           "a scalar",              S, {"Y"}};
%! report (try_bad ("bp_train", base, 3, bad, [1 2]));

%!test
%! ## A NaN, Inf or -Inf at every position of X and of Y is found.
%! bad_x = bad_y = {};
%! for e = 1:numel (x)
%!   for v = [NaN Inf -Inf]
%!     t = x;  t(e) = v;
%!     bad_x(end+1,:) = {t, sprintf("X(%d) = %g", e, v), {"not_finite"}, {"X"}};
%!     t = y;  t(e) = v;
%!     bad_y(end+1,:) = {t, sprintf("Y(%d) = %g", e, v), {"not_finite"}, {"Y"}};
%!   endfor
%! endfor
%! report ([try_bad("bp_train", base, 2, bad_x, 2), ...
%!          try_bad("bp_train", base, 3, bad_y, 2)]);

%!test
%! ## With the log losses Y must lie in [0, 1], as in bp_gradient.
%! R = {"out_of_range"};  N = {"Y"};
%! ce = bp_init ([2 3 2], "loss", "cross-entropy", "seed", 1);
%! ll = bp_init ([2 3 2], "activation", {"relu", "softmax"},
%!               "loss", "log-likelihood", "seed", 1);
%! bad = {[2 0 1 0; 0 1 0 1],       "Y(1,1) = 2",        R, N
%!        [1 0 1 0; 0 1 0 -1],      "Y(2,4) = -1",       R, N
%!        [1 0 1 0; 0 1+eps 0 1],   "Y(2,2) = 1 + eps",  R, N
%!        [1 0 1 0; 0 1 0 -1e-300], "Y(2,4) = -1e-300",  R, N};
%! opts = {"epochs", 2, "verbose", false};
%! report ([try_bad("bp_train", [{ce, x, y}, opts], 3, bad, [1 2]), ...
%!          try_bad("bp_train", [{ll, x, y}, opts], 3, bad, [1 2])]);

%!test
%! ## epochs and batch: whole numbers >= 1.
%! p = numel (base) + 2;
%! report ([try_bad("bp_train", with_option (base, "epochs", 3), p,
%!                  bad_option ("epochs", "count"), 2), ...
%!          try_bad("bp_train", with_option (base, "batch", 3), p,
%!                  bad_option ("batch", "count"), 2)]);

%!test
%! ## Absurd whole numbers: more epochs than 1e9, batches beyond flintmax.
%! R = {"out_of_range"};
%! report ({
%!   check_error("bp_train", with_option (base, "epochs", 1e9 + 1), 1, R, {"epochs"}, "epochs = 1e9 + 1")
%!   check_error("bp_train", with_option (base, "epochs", 1e300), 1, R, {"epochs"}, "epochs = 1e300")
%!   check_error("bp_train", with_option (base, "batch", 2^53 + 2), 1, R, {"batch"}, "batch = 2^53 + 2")
%!   check_error("bp_train", with_option (base, "batch", realmax), 1, R, {"batch"}, "batch = realmax")
%! }');

%!test
%! ## eta and lambda: numbers >= 0; momentum: a number in [0, 1].
%! p = numel (base) + 2;
%! report ([try_bad("bp_train", with_option (base, "eta", 0.1), p,
%!                  bad_option ("eta", "rate"), 2), ...
%!          try_bad("bp_train", with_option (base, "lambda", 0.1), p,
%!                  bad_option ("lambda", "rate"), 2), ...
%!          try_bad("bp_train", with_option (base, "momentum", 0.5), p,
%!                  bad_option ("momentum", "fraction"), 2)]);

%!test
%! ## shuffle and verbose: true/false or 0/1, nothing else.
%! p = numel (base) + 2;
%! report ([try_bad("bp_train", with_option (base, "shuffle", true), p,
%!                  bad_option ("shuffle", "flag"), 2), ...
%!          try_bad("bp_train", with_option (base, "verbose", false), p,
%!                  bad_option ("verbose", "flag"), 2)]);

%!test
%! ## seed: a whole number in [0, 2^32-2], also when shuffling is off.
%! p = numel (base) + 2;
%! report ([try_bad("bp_train", with_option (base, "seed", 1), p,
%!                  bad_option ("seed", "seed"), 2), ...
%!          try_bad("bp_train", with_option ([base {"shuffle", false}], "seed", 1),
%!                  p + 2, bad_option ("seed", "seed"), 1)]);

%!test
%! ## validation: not a cell {Xv, Yv} of two elements.
%! T = {"wrong_type"};  N = {"validation"};
%! bad = {x,                   "the matrix x",                  T, N
%!        5,                   "a number",                      T, N
%!        "xv",                "a string",                      T, N
%!        true,                "logical true",                  T, N
%!        struct("Xv", x, "Yv", y), "a struct with Xv and Yv",  T, N
%!        @sin,                "a function handle",             T, N
%!        {x},                 "{x} (one element)",             T, N
%!        {x, y, x},           "{x, y, x} (three elements)",    T, N
%!        {x, y; x, y},        "a 2-by-2 cell",                 T, N
%!        {{x, y}},            "{{x, y}} (a cell in a cell)",   T, N
%!        {x, y, "verbose"},   "{x, y, 'verbose'}",             T, N};
%! p = numel (base) + 2;
%! report (try_bad ("bp_train", with_option (base, "validation", {x, y}), p,
%!                  bad, [1 2]));

%!test
%! ## validation{1} (Xv): wrong types, non-finite values, empty, N-d,
%! ## wrong row counts; the message names validation{1} (or Xv).
%! S = {"wrong_size"};
%! names = {"validation{1}", "Xv"};
%! bad = bad_matrix (x, "Xv");
%! bad = [bad; {
%!   [x; x],      "4-by-4",                S, {}
%!   x(1,:),      "1-by-4",                S, {}
%!   x',          "4-by-2 (transposed)",   S, {}
%!   1,           "a scalar",              S, {}}];
%! bad(:,4) = {names};
%! ## Put each value into the cell {Xv, y}.
%! bad(:,1) = cellfun (@(v) {v, y}, bad(:,1), "uniformoutput", false);
%! p = numel (base) + 2;
%! report (try_bad ("bp_train", with_option (base, "validation", {x, y}), p,
%!                  bad, [1 2]));

%!test
%! ## validation{2} (Yv) the same, and other column counts than Xv.
%! S = {"wrong_size"};
%! names = {"validation{2}", "Yv"};
%! bad = bad_matrix (y, "Yv");
%! bad = [bad; {
%!   [y; y],      "4-by-4",                    S, {}
%!   y(1,:),      "1-by-4",                    S, {}
%!   y',          "4-by-2 (transposed)",       S, {}
%!   1,           "a scalar",                  S, {}
%!   y(:,1:3),    "2-by-3 (Xv is 2-by-4)",     S, {}
%!   [y y],       "2-by-8 (Xv is 2-by-4)",     S, {}}];
%! bad(:,4) = {names};
%! bad(:,1) = cellfun (@(v) {x, v}, bad(:,1), "uniformoutput", false);
%! p = numel (base) + 2;
%! report (try_bad ("bp_train", with_option (base, "validation", {x, y}), p,
%!                  bad, [1 2]));

%!test
%! ## validation data of another size than the training data is fine, but
%! ## Xv and Yv must agree with each other: a 2-by-3 Xv and a 2-by-4 Yv.
%! bp_train (net, x, y, "epochs", 1, "verbose", false,
%!           "validation", {x(:,1:3), y(:,1:3)});
%! report ({check_error("bp_train", with_option (base, "validation", {x(:,1:3), y}),
%!                      2, {"wrong_size"}, {"validation{1}", "validation{2}"},
%!                      "validation {x(:,1:3), y}")});

%!test
%! ## A NaN, Inf or -Inf at every position of Xv and of Yv is found.
%! bad_x = bad_y = {};
%! F = {"not_finite"};
%! for e = 1:numel (x)
%!   for v = [NaN Inf -Inf]
%!     t = x;  t(e) = v;
%!     bad_x(end+1,:) = {{t, y}, sprintf("Xv(%d) = %g", e, v), F, {"validation{1}"}};
%!     t = y;  t(e) = v;
%!     bad_y(end+1,:) = {{x, t}, sprintf("Yv(%d) = %g", e, v), F, {"validation{2}"}};
%!   endfor
%! endfor
%! p = numel (base) + 2;
%! good = with_option (base, "validation", {x, y});
%! report ([try_bad("bp_train", good, p, bad_x, 2), ...
%!          try_bad("bp_train", good, p, bad_y, 2)]);

%!test
%! ## With the log losses Yv must lie in [0, 1] as Y must.
%! R = {"out_of_range"};  N = {"validation{2}"};
%! ce = bp_init ([2 3 2], "loss", "cross-entropy", "seed", 1);
%! ll = bp_init ([2 3 2], "activation", {"relu", "softmax"},
%!               "loss", "log-likelihood", "seed", 1);
%! bad = {{x, [2 0 1 0; 0 1 0 1]},      "Yv(1,1) = 2",        R, N
%!        {x, [1 0 1 0; 0 1 0 -1]},     "Yv(2,4) = -1",       R, N
%!        {x, [1 0 1 0; 0 1+eps 0 1]},  "Yv(2,2) = 1 + eps",  R, N};
%! opts = {"epochs", 2, "verbose", false, "validation", {x, y}};
%! report ([try_bad("bp_train", [{ce, x, y}, opts], 9, bad, [1 2]), ...
%!          try_bad("bp_train", [{ll, x, y}, opts], 9, bad, [1 2])]);

%!test
%! ## Option names that are unknown, and options without a value.
%! U = {"unknown_option"};  M = {"missing_value"};  R = {"out_of_range"};
%! report ({
%!   check_error("bp_train", {net, x, y, "epoch", 1}, 1, U, {"epoch"}, "option 'epoch'")
%!   check_error("bp_train", {net, x, y, "learning_rate", 1}, 1, U, {"learning_rate"}, "option 'learning_rate'")
%!   check_error("bp_train", {net, x, y, "mom", 0.5}, 1, U, {"mom"}, "option 'mom' (a prefix)")
%!   check_error("bp_train", {net, x, y, "lambdas", 1}, 1, U, {"lambdas"}, "option 'lambdas'")
%!   check_error("bp_train", {net, x, y, "activation", "tanh"}, 1, U, {"activation"}, "option 'activation' (of bp_init)")
%!   check_error("bp_train", {net, x, y, "epochs "}, 1, M, {"epochs "}, "'epochs ' (a trailing space) alone")
%!   check_error("bp_train", {net, x, y, "epochs"}, 1, M, {"epochs"}, "'epochs' without a value")
%!   check_error("bp_train", {net, x, y, "epochs", 2, "batch"}, 1, M, {"batch"}, "'batch' without a value")
%!   check_error("bp_train", {net, x, y, "epochs", 2, "epochs", 0}, 1, R, {"epochs"}, "epochs given twice, the second 0")
%!   check_error("bp_train", {net, x, y, "verbose", false, "eta", -1}, 1, R, {"eta"}, "eta = -1 after a good option")
%! }');

%!test
%! ## An option name that is no string: the message says which argument of
%! ## the call it is (the 4th or the 6th).
%! T = {"wrong_type"};  M = {"missing_value"};
%! report ({
%!   check_error("bp_train", {net, x, y, 5, 1}, 1, T, {"argument 4"}, "argument 4 = 5")
%!   check_error("bp_train", {net, x, y, {"epochs"}, 1}, 1, T, {"argument 4"}, "argument 4 = {'epochs'}")
%!   check_error("bp_train", {net, x, y, ["epochs"; "epochs"], 1}, 1, T, {"argument 4"}, "argument 4 = a 2-row char matrix")
%!   check_error("bp_train", {net, x, y, ("epochs")', 1}, 1, T, {"argument 4"}, "argument 4 = a char column")
%!   check_error("bp_train", {net, x, y, true, 1}, 1, T, {"argument 4"}, "argument 4 = true")
%!   check_error("bp_train", {net, x, y, "", 1}, 1, [T {"unknown_option"}], {"argument 4", "''"}, "argument 4 = ''")
%!   check_error("bp_train", {net, x, y, "epochs", 1, 5, 1}, 1, T, {"argument 6"}, "argument 6 = 5")
%!   check_error("bp_train", {net, x, y, 5}, 1, M, {"argument 4"}, "a lone argument 4 = 5")
%!   check_error("bp_train", {net, x, y, "epochs", 1, {}}, 1, M, {"argument 6"}, "a lone argument 6 = {}")
%! }');

%!test
%! ## Wrong numbers of input and output arguments.
%! I = {"nargin"};  O = {"nargout"};  W = {"input arguments"};  V = {"output arguments"};
%! report ({
%!   check_error("bp_train", {}, 1, I, W, "no arguments")
%!   check_error("bp_train", {net}, 1, I, W, "net only")
%!   check_error("bp_train", {net, x}, 1, I, W, "net and X only")
%!   check_error("bp_train", {net, x}, 0, I, W, "net and X only")
%!   check_error("bp_train", base, 3, O, V, "three outputs")
%!   check_error("bp_train", base, 4, O, V, "four outputs")
%! }');

%!test
%! ## A run that diverges: an error naming the epoch, the network passed
%! ## in unchanged.
%! lin = bp_init ([2 2], "activation", "linear", "loss", "sse", "seed", 1);
%! report ({check_error("bp_train", {lin, x, y, "eta", 1e308, "verbose", false},
%!                      2, {"diverged"}, {"epoch"}, "eta = 1e308")});

%!test
%! ## Arrays too large for memory: training a 1-1e6-1 network on 1e6
%! ## samples in one batch needs 3 x 8 TB of workspace, from 40 MB of
%! ## arguments.  An error, not an abort.
%! big = bp_init ([1 1e6 1], "init", "zeros");
%! xb = zeros (1, 1e6);
%! for nout = [1 2]
%!   report ({check_error("bp_train", {big, xb, xb, "batch", 1e6, "epochs", 1, "verbose", false},
%!                        nout, {"out_of_memory"}, {}, "a 1-1e6-1 net and 1e6 samples")});
%! endfor

%!test
%! ## Memory that runs out under an address-space limit (9.6 GB of
%! ## workspace under 2 GB, from 480 kB of arguments) must still give
%! ## backprop:bp_train:out_of_memory, and Octave must survive.
%! if (isunix ())
%!   report ({check_limited("bp_train",
%!                          "n = bp_init ([1 20000 1], 'init', 'zeros'); x = zeros (1, 20000); n = bp_train (n, x, x, 'batch', 20000, 'epochs', 1, 'verbose', false)",
%!                          2e6, "a 1-20000-1 net and 20000 samples, 2 GB limit")});
%! endif
