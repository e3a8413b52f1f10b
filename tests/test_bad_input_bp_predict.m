## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later
##
## Bad-input tests of bp_predict (net, X): every bad value of each argument
## (and every way of breaking the network struct) must raise
## backprop:bp_predict:<reason> with a message "bp_predict: ..." naming the
## argument or field, leave the caller's variables as they were, and never
## crash Octave (DESIGN.md sections 2, 3 and 5).

## ---------------------------------------------------------------------
## Helpers.  Every bad-input file carries its own copy of these (a test
## file can only use the functions it defines); they are those of
## test_bad_input_bp_gradient.m, unchanged.
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

## ---------------------------------------------------------------------
## The tests.  The valid call is [Y, class] = bp_predict (net, X), net
## 2-3-2, X 2-by-4.

%!shared net, x
%! net = bp_init ([2 3 2], "seed", 1);
%! x = [0.1 0.9 -0.4 0.3; 0.7 0.2 0.5 -0.6];

%!test
%! ## The valid call is valid, with no, one and two outputs.
%! bp_predict (net, x);
%! Y = bp_predict (net, x);
%! [Y, class] = bp_predict (net, x);

%!test
%! ## net: broken in every way bad_nets knows.
%! report (try_bad ("bp_predict", {net, x}, 1, bad_nets (net), [1 2]));

%!test
%! ## net: the same for a deeper network with other activations and loss.
%! n4 = bp_init ([3 5 4 2], "activation", {"tanh", "relu", "softmax"},
%!               "loss", "log-likelihood", "seed", 2);
%! report (try_bad ("bp_predict", {n4, ones(3, 2)}, 1, bad_nets (n4), 2));

%!test
%! ## net.g{l} and net.loss with an embedded NUL after a valid name.
%! report (try_bad ("bp_predict", {net, x}, 1, nul_nets (net), [0 1 2]));

%!test
%! ## X: wrong types, non-finite values, empty and N-d arrays.
%! report (try_bad ("bp_predict", {net, x}, 2, bad_matrix (x, "X"), [0 1 2]));

%!test
%! ## X with other than n0 = 2 rows.
%! S = {"wrong_size"};  N = {"X"};
%! bad = {[x; x],    "4-by-4",                S, N
%!        x(1,:),    "1-by-4",                S, N
%!        x',        "4-by-2 (transposed)",   S, N
%!        x(:),      "8-by-1",                S, N
%!        1,         "a scalar",              S, N
%!        ones(3, 1), "3-by-1",                 S, N};
%! report (try_bad ("bp_predict", {net, x}, 2, bad, [1 2]));

%!test
%! ## A NaN, Inf or -Inf at every position of X is found.
%! bad = {};
%! for e = 1:numel (x)
%!   for v = [NaN Inf -Inf]
%!     t = x;  t(e) = v;
%!     bad(end+1,:) = {t, sprintf("X(%d) = %g", e, v), {"not_finite"}, {"X"}};
%!   endfor
%! endfor
%! report (try_bad ("bp_predict", {net, x}, 2, bad, 2));

%!test
%! ## Wrong numbers of input and output arguments: bp_predict takes no
%! ## options.
%! I = {"nargin"};  O = {"nargout"};  W = {"input arguments"};  V = {"output arguments"};
%! report ({
%!   check_error("bp_predict", {}, 1, I, W, "no arguments")
%!   check_error("bp_predict", {net}, 1, I, W, "net only")
%!   check_error("bp_predict", {net}, 0, I, W, "net only, no output")
%!   check_error("bp_predict", {net, x, x}, 1, I, W, "three arguments")
%!   check_error("bp_predict", {net, x, "verbose", false}, 2, I, W, "an option")
%!   check_error("bp_predict", {net, x}, 3, O, V, "three outputs")
%!   check_error("bp_predict", {x, net}, 1, {}, {"net"}, "x and net swapped")
%! }');

%!test
%! ## Results too large for memory: a 1-1e6-1 network on 1e6 samples has a
%! ## hidden layer of 1e6-by-1e6 doubles (8 TB) from 16 MB of arguments.
%! ## An error, not an abort.
%! big = bp_init ([1 1e6 1], "init", "zeros");
%! xb = zeros (1, 1e6);
%! for nout = [1 2]
%!   report ({check_error("bp_predict", {big, xb}, nout, {"out_of_memory"},
%!                        {}, "a 1-1e6-1 net and 1e6 samples")});
%! endfor

%!test
%! ## Memory that runs out under an address-space limit (3.2 GB for each
%! ## of z and a of the hidden layer under 2 GB, from 320 kB of arguments)
%! ## must still give backprop:bp_predict:out_of_memory, and Octave must
%! ## survive.
%! if (isunix ())
%!   report ({check_limited("bp_predict",
%!                          "n = bp_init ([1 20000 1], 'init', 'zeros'); [Y, k] = bp_predict (n, zeros (1, 20000))",
%!                          2e6, "a 1-20000-1 net and 20000 samples, 2 GB limit")});
%! endif
