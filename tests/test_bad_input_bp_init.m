## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later
##
## Bad-input tests of bp_init (sizes, name, value, ...): every bad value of
## the sizes and of each option must raise backprop:bp_init:<reason> with
## a message "bp_init: ..." naming the argument or option, leave the
## caller's variables and the state of rand and randn as they were, and
## never crash Octave, not even for absurd sizes (DESIGN.md sections 3, 5).

## ---------------------------------------------------------------------
## Helpers.  Every bad-input file carries its own copy of these (a test
## file can only use the functions it defines).
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

%!function bad = bad_scalar (name)
%!  ## Values to refuse where a non-negative real finite double scalar
%!  ## belongs (an argument or option called NAME).
%!  T = {"wrong_type"};
%!  R = {"out_of_range"};
%!  F = {"not_finite"};
%!  bad = {
%!    -1,              "-1",                   R
%!    -1e-300,         "-1e-300",              R
%!    NaN,             "NaN",                  F
%!    Inf,             "Inf",                  F
%!    -Inf,            "-Inf",                 F
%!    [],              "[]",                   T
%!    zeros(0, 3),     "zeros(0,3)",           T
%!    [0.1 0.2],       "a 1-by-2 vector",      T
%!    [0.1; 0.2],      "a 2-by-1 vector",      T
%!    ones(1, 1, 2),   "ones(1,1,2)",          T
%!    0.1 + 1i,        "complex",              T
%!    complex(0.1, 0), "complex(0.1, 0)",      T
%!    sparse(0.1),     "sparse",               T
%!    int8(1),         "int8",                 T
%!    int32(1),        "int32",                T
%!    uint8(1),        "uint8",                T
%!    true,            "logical true",         T
%!    single(0.1),     "single",               T
%!    "1",             "char '1'",             T
%!    {0.1},           "cell",                 T
%!    struct("v", 0.1), "struct",              T
%!    @sin,            "function handle",      T
%!    containers.Map(), "a containers.Map object", T
%!  };
%!  bad(:,4) = {{name}};

%!function bad = bad_name (name, unknown_reason)
%!  ## Values to refuse where an activation or loss name belongs (an
%!  ## argument called NAME); UNKNOWN_REASON is the reason for a string
%!  ## that is no known name.
%!  T = {"wrong_type"};
%!  U = {unknown_reason};
%!  bad = {
%!    "swish-hinge",       "an unknown name",        U
%!    "",                  "the empty string",       [U, T]
%!    " sigmoid",          "a name with a space",    U
%!    5,                   "a number",               T
%!    [],                  "[]",                     T
%!    {"sigmoid"},         "a cell holding a name",  T
%!    ["sse"; "mse"],      "a 2-row char matrix",    T
%!    ("sse")',            "a char column",          T
%!    int8("sse"),         "int8 codes of a name",   T
%!    true,                "logical",                T
%!    struct("v", "sse"),  "struct",                 T
%!    @sin,                "function handle",        T
%!  };
%!  bad(:,4) = {{name}};

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

%!function p = try_options (bad)
%!  ## Each row of BAD is {options, description, reasons, names}: call
%!  ## bp_init ([2 3 2], options{:}) and check that it fails as it should.
%!  p = {};
%!  for i = 1:rows (bad)
%!    p{end+1} = check_error ("bp_init", [{[2 3 2]}, bad{i,1}], 1, bad{i,3},
%!                            bad{i,4}, bad{i,2});
%!  endfor

%!function bad = option_values (option, values)
%!  ## Turn catalogue rows {value, description, reasons, names} for one
%!  ## option into rows {{option, value}, description, reasons, names}.
%!  bad = values;
%!  for i = 1:rows (bad)
%!    bad{i,1} = {option, values{i,1}};
%!    bad{i,2} = sprintf ("option '%s' = %s", option, values{i,2});
%!  endfor

## ---------------------------------------------------------------------
## The tests.  The valid call is bp_init ([2 3 2]) with any options.

%!test
%! ## sizes: not a real double vector of at least two positive whole numbers.
%! T = {"wrong_type"};  R = {"out_of_range"};  F = {"out_of_range", "not_finite"};
%! bad = {2,                  "a single width",                 T
%!        [],                 "[]",                             T
%!        zeros(1, 0),        "zeros(1,0)",                     T
%!        zeros(0, 3),        "zeros(0,3)",                     T
%!        [2 0 2],            "a zero width",                   R
%!        [0 3],              "a zero input width",             R
%!        [2 -3 2],           "a negative width",               R
%!        [2 3 -1],           "a negative output width",        R
%!        [2 1.5 2],          "a fractional width",             R
%!        [2 3 1e-300],       "a tiny positive width",          R
%!        [2 NaN 2],          "a NaN width",                    F
%!        [Inf 2],            "an Inf width",                   F
%!        [2 -Inf],           "a -Inf width",                   F
%!        "23",               "a string",                       T
%!        {2, 3},             "a cell",                         T
%!        struct("n", [2 3]), "a struct",                       T
%!        @sin,               "a function handle",              T
%!        int8([2 3]),        "int8",                           T
%!        int32([2 3]),       "int32",                          T
%!        uint8([2 3]),       "uint8",                          T
%!        [true true],        "logical",                        T
%!        single([2 3]),      "single",                         T
%!        [2 3] + 1i,         "complex",                        T
%!        complex([2 3], 0),  "complex with zero imaginary part", T
%!        sparse([2 3]),      "sparse",                         T
%!        ones(2, 2, 2),      "ones(2,2,2)",                    T
%!        [2 3; 4 5],         "a 2-by-2 matrix",                T
%!        reshape([2 3 2], 1, 1, 3), "a 1-by-1-by-3 array",     T};
%! bad(:,4) = {{"sizes"}};
%! report (try_bad ("bp_init", {[2 3 2]}, 1, bad, 1));

%!test
%! ## A NaN, Inf, -Inf, 0, -1 or 0.5 at every position of sizes is found.
%! bad = {};
%! for e = 1:3
%!   for v = [NaN Inf -Inf 0 -1 0.5]
%!     t = [2 3 2];  t(e) = v;
%!     bad(end+1,:) = {t, sprintf("sizes(%d) = %g", e, v), ...
%!                     {"out_of_range", "not_finite"}, {"sizes"}};
%!   endfor
%! endfor
%! report (try_bad ("bp_init", {[2 3 2]}, 1, bad, 1));

%!test
%! ## Absurd sizes: the weights cannot be allocated.  An out_of_memory
%! ## error naming the layer, never an abort, whatever the initialisation.
%! O = {"out_of_memory"};
%! p = {};
%! for c = {
%!     [1e12 784],       "layer 1"
%!     [784 1e12],       "layer 1"
%!     [2 1e12 2],       "layer 1"
%!     [2 3 1e15],       "layer 2"
%!     [1e12 1e12],      "layer 1"
%!     [1e300 1],        "layer 1"
%!     [1 1e300],        "layer 1"
%!     }'
%!   for init = {"scaled-normal", "normal", "xavier", "he", "uniform", "zeros"}
%!     for seed = {{}, {"seed", 1}}
%!       args = [{c{1}, "init", init{1}}, seed{1}];
%!       p{end+1} = check_error ("bp_init", args, 1, O, c(2),
%!                               sprintf ("sizes %s, init '%s'%s",
%!                                        mat2str (c{1}), init{1},
%!                                        repmat (", seed 1", 1, ! isempty (seed{1}))));
%!     endfor
%!   endfor
%! endfor
%! report (p);

%!test
%! ## Sizes that pass for numbers but whose weights do not fit in the
%! ## memory left (3.2 GB under a 2 GB address-space limit): also
%! ## out_of_memory, and Octave survives.
%! if (isunix ())
%!   report ({check_limited("bp_init", "n = bp_init ([20000 20000])", 2e6,
%!                          "sizes [20000 20000], 2 GB limit")
%!            check_limited("bp_init", "n = bp_init ([20000 20000], 'init', 'zeros', 'seed', 1)",
%!                          2e6, "sizes [20000 20000], zeros, seed, 2 GB limit")});
%! endif

%!test
%! ## Option names: unknown ones, and options without a value.
%! U = {"unknown_option"};  M = {"missing_value"};
%! report (try_options ({
%!   {"learning_rate", 1},       "option 'learning_rate'",            U, {"learning_rate"}
%!   {"activ", "relu"},          "option 'activ' (a prefix)",         U, {"activ"}
%!   {"lambda", 1},              "option 'lambda'",                   U, {"lambda"}
%!   {"loss"},                   "'loss' without a value",            M, {"loss"}
%!   {"loss", "sse", "seed"},    "'seed' without a value",            M, {"seed"}
%!   {"init", "zeros", "init"},  "a second 'init' without a value",   M, {"init"}
%! }));

%!test
%! ## An option name that is no string: the message must say which
%! ## argument of the call it is, not its place among the options.
%! T = {"wrong_type"};  M = {"missing_value"};
%! report (try_options ({
%!   {5, 1},                      "argument 2 = 5",                   T, {"argument 2"}
%!   {{"loss"}, "sse"},           "argument 2 = {'loss'}",            T, {"argument 2"}
%!   {["loss"; "init"], "sse"},   "argument 2 = a 2-row char matrix", T, {"argument 2"}
%!   {"", 1},                     "argument 2 = ''",          [T {"unknown_option"}], {"argument 2", "''"}
%!   {"loss", "sse", 5, 1},       "argument 4 = 5",                   T, {"argument 4"}
%!   {5},                         "a lone argument 2 = 5",            M, {"argument 2"}
%! }));

%!test
%! ## activation: unknown names, no names, a cell of the wrong length.
%! T = {"wrong_type"};  U = {"unknown_activation"};
%! A = {"activation"};  A1 = {"activation{1}"};  A2 = {"activation{2}"};
%! bad = [bad_name("activation", "unknown_activation")
%!        {"quadratic",                 "a loss name",                U, A
%!         ["relu" char(0) "x"],        "'relu', a NUL and 'x'",      U, A
%!         {},                          "{}",                         T, A
%!         {"relu"},                    "a cell of 1 name for 2 layers",  T, A
%!         {"relu", "relu", "relu"},    "a cell of 3 names for 2 layers", T, A
%!         {"relu", "swish"},           "{'relu', 'swish'}",          U, A2
%!         {"swish", "relu"},           "{'swish', 'relu'}",          U, A1
%!         {"relu", 5},                 "{'relu', 5}",                T, A2
%!         {[], "relu"},                "{[], 'relu'}",               T, A1
%!         {"relu", {"tanh"}},          "{'relu', {'tanh'}}",         T, A2
%!         {"relu", ("tanh")'},         "{'relu', a char column}",    T, A2
%!         {"relu", ""},                "{'relu', ''}",               [T U], A2}];
%! report (try_options (option_values ("activation", bad)));

%!test
%! ## loss: unknown names and no names.
%! bad = [bad_name("loss", "unknown_loss")
%!        {"sigmoid",            "an activation name",     {"unknown_loss"}, {"loss"}
%!         ["sse" char(0) "x"],  "'sse', a NUL and 'x'",   {"unknown_loss"}, {"loss"}}];
%! report (try_options (option_values ("loss", bad)));

%!test
%! ## A loss the output activation cannot take: cross-entropy needs a
%! ## sigmoid output layer, log-likelihood a softmax one.
%! C = {"incompatible_loss"};  N = {"loss"};
%! report (try_options ({
%!   {"loss", "log-likelihood"},                              "log-likelihood, sigmoid output", C, N
%!   {"activation", "relu", "loss", "cross-entropy"},         "cross-entropy, relu output",     C, N
%!   {"activation", "softmax", "loss", "cross-entropy"},      "cross-entropy, softmax output",  C, N
%!   {"activation", "tanh", "loss", "log-likelihood"},        "log-likelihood, tanh output",    C, N
%!   {"activation", {"softmax", "sigmoid"}, "loss", "log-likelihood"}, "log-likelihood, softmax hidden, sigmoid output", C, N
%!   {"activation", {"sigmoid", "relu"}, "loss", "cross-entropy"},     "cross-entropy, sigmoid hidden, relu output",     C, N
%! }));

%!test
%! ## init: unknown names and no names.
%! bad = bad_name ("init", "unknown_init");
%! bad(end+1,:) = {"ones", "'ones'", {"unknown_init"}, {"init"}};
%! report (try_options (option_values ("init", bad)));

%!test
%! ## epsilon: negative, non-finite, not a real double scalar, with the
%! ## uniform initialisation that uses it and with the default one.
%! bad = option_values ("epsilon", bad_scalar ("epsilon"));
%! p = try_options (bad);
%! bad(:,1) = cellfun (@(o) [o, {"init", "uniform"}], bad(:,1), "uniformoutput", false);
%! report ([p, try_options(bad)]);

%!test
%! ## seed: negative, fractional, too large, non-finite, not a real double
%! ## scalar.  (An empty seed means "no seed", like the default.)
%! bad = bad_scalar ("seed");
%! empty = cellfun (@isempty, bad(:,1));   # see the next test
%! bad(empty,:) = [];
%! R = {"out_of_range"};  N = {"seed"};
%! bad = [bad
%!        {0.5,          "0.5",          R, N
%!         1 + eps,      "1 + eps",      R, N
%!         2^32,         "2^32",         R, N
%!         1e300,        "1e300",        R, N}];
%! report (try_options (option_values ("seed", bad)));

%!test
%! ## [] is the default "no seed", but other empty values are no seed at
%! ## all: they must be refused, not taken for "no seed".
%! T = {"wrong_type"};  N = {"seed"};
%! bad = {{},                 "{}",                        T, N
%!        "",                 "the empty string",          T, N
%!        cell(0, 1),         "cell(0,1)",                 T, N
%!        struct([]),         "a 0-by-0 struct array",     T, N
%!        containers.Map(),   "an empty containers.Map",   T, N
%!        int32([]),          "int32([])",                 T, N
%!        false(0, 0),        "an empty logical",          T, N};
%! report (try_options (option_values ("seed", bad)));

%!test
%! ## No failed call moves the global random generators, not even one
%! ## that fails while drawing with a seed.
%! s = {rand("state"), randn("state")};
%! calls = {{[2 3 2], "seed", -1}, {[2 3 2], "loss", "hinge", "seed", 3}, ...
%!          {[1e12 784], "seed", 3}, {[2 1e12 2], "init", "uniform", "seed", 3}, ...
%!          {[784 1e12]}, {[2 3 2], "activation", "swish"}};
%! for i = 1:numel (calls)
%!   try
%!     bp_init (calls{i}{:});
%!   end_try_catch
%!   assert (isequal ({rand("state"), randn("state")}, s),
%!           "bad call %d moved the random generators", i);
%! endfor

%!test
%! ## Wrong numbers of input and output arguments.
%! I = {"nargin"};  O = {"nargout"};
%! report ({
%!   check_error("bp_init", {}, 1, I, {"sizes"}, "no arguments")
%!   check_error("bp_init", {[2 3 2]}, 2, O, {"output"}, "two outputs")
%!   check_error("bp_init", {[2 3 2], "seed", 1}, 3, O, {"output"}, "three outputs")
%! }');
