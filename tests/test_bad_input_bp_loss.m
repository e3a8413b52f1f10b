## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later
##
## Bad-input tests of bp_loss (aL, y, name): every bad value of each
## argument must raise backprop:bp_loss:<reason> with a message
## "bp_loss: ..." naming the argument, leave the caller's variables as they
## were, and never crash Octave (DESIGN.md section 5).

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

## ---------------------------------------------------------------------
## The tests.  The valid call is bp_loss (aL, y, name) with 2-by-3 aL and y.

%!shared aL, y
%! aL = [0.2 0.7 0.5; 0.9 0.4 0.1];
%! y = [0 1 1; 1 0 0];

%!test
%! ## aL: wrong types, non-finite values, empty and N-d arrays.  Where aL
%! ## and y disagree in shape the message may name either of them.
%! bad = bad_matrix (aL, "aL");
%! e = ismember (bad(:,2), {"[]", "zeros(0,3)", "zeros(n,0)", "ones(2,2,2)", ...
%!                          "a good value stacked into 3-D"});
%! bad(e,4) = {{"aL", "y"}};
%! for name = {"quadratic", "cross-entropy"}
%!   report (try_bad ("bp_loss", {aL, y, name{1}}, 1, bad, [1 2]));
%! endfor

%!test
%! ## aL of another shape than y.
%! S = {"wrong_size"};  N = {"aL", "y"};
%! bad = {[aL; aL],       "4-by-3 (y is 2-by-3)",   S, N
%!        aL(1,:),        "1-by-3",                 S, N
%!        aL(:,1:2),      "2-by-2",                 S, N
%!        [aL aL],        "2-by-6",                 S, N
%!        aL',            "3-by-2 (transposed)",    S, N
%!        aL(:),          "6-by-1 (all in one column)", S, N};
%! report (try_bad ("bp_loss", {aL, y, "sse"}, 1, bad, [1 2]));

%!test
%! ## y: wrong types, non-finite values, empty and N-d arrays.
%! for name = {"mse", "log-likelihood"}
%!   report (try_bad ("bp_loss", {aL, y, name{1}}, 2, bad_matrix (y, "y"),
%!                    [1 2]));
%! endfor

%!test
%! ## y of another shape than aL.
%! S = {"wrong_size"};  N = {"y"};
%! bad = {[y; y],         "4-by-3 (aL is 2-by-3)",  S, N
%!        y(1,:),         "1-by-3",                 S, N
%!        y(:,1:2),       "2-by-2",                 S, N
%!        [y y],          "2-by-6",                 S, N
%!        y',             "3-by-2 (transposed)",    S, N
%!        y(:),           "6-by-1 (all in one column)", S, N
%!        1,              "a scalar",               S, N};
%! report (try_bad ("bp_loss", {aL, y, "quadratic"}, 2, bad, [1 2]));

%!test
%! ## A NaN, Inf or -Inf at every position of aL and of y is found.
%! bad_a = bad_y = {};
%! for e = 1:numel (aL)
%!   for v = [NaN Inf -Inf]
%!     t = aL;  t(e) = v;
%!     bad_a(end+1,:) = {t, sprintf("aL(%d) = %g", e, v), {"not_finite"}, {"aL"}};
%!     t = y;  t(e) = v;
%!     bad_y(end+1,:) = {t, sprintf("y(%d) = %g", e, v), {"not_finite"}, {"y"}};
%!   endfor
%! endfor
%! report ([try_bad("bp_loss", {aL, y, "sse"}, 1, bad_a, 1), ...
%!          try_bad("bp_loss", {aL, y, "cross-entropy"}, 2, bad_y, 1)]);

%!test
%! ## The log losses need aL and y in [0, 1].
%! R = {"out_of_range"};
%! bad_a = bad_y = {};
%! for v = [-0.1 -1e-300 1.5 1+eps]
%!   for e = [1 4 6]
%!     t = aL;  t(e) = v;
%!     bad_a(end+1,:) = {t, sprintf("aL(%d) = %g", e, v), R, {"aL"}};
%!     t = y;  t(e) = v;
%!     bad_y(end+1,:) = {t, sprintf("y(%d) = %g", e, v), R, {"y"}};
%!   endfor
%! endfor
%! p = {};
%! for name = {"cross-entropy", "log-likelihood"}
%!   p = [p, try_bad("bp_loss", {aL, y, name{1}}, 1, bad_a, [1 2]), ...
%!           try_bad("bp_loss", {aL, y, name{1}}, 2, bad_y, [1 2])];
%! endfor
%! report (p);

%!test
%! ## name: unknown names and values that are no name at all.
%! bad = [bad_name("name", "unknown_loss")
%!        {"sigmoid", "the activation name 'sigmoid'", {"unknown_loss"}, {"name"}}];
%! report (try_bad ("bp_loss", {aL, y, "sse"}, 3, bad, [1 2]));

%!test
%! ## A name with an embedded NUL is no known name, even when the part
%! ## before the NUL is one (C string functions stop at the NUL).
%! U = {"unknown_loss"};  N = {"name"};
%! bad = {["sse" char(0) "x"],  "'sse', a NUL and 'x'",  U, N
%!        ["mse" char(0)],      "'mse' and a NUL",       U, N};
%! report (try_bad ("bp_loss", {aL, y, "quadratic"}, 3, bad, [1 2]));

%!test
%! ## Memory that runs out inside the gateway (dC_da for an 880 MB aL under
%! ## a 2 GB address-space limit) must still give
%! ## backprop:bp_loss:out_of_memory, and Octave must survive.
%! if (isunix ())
%!   report ({check_limited("bp_loss",
%!                          "a = zeros (10000, 11000); [C, d] = bp_loss (a, a, 'sse')",
%!                          2e6, "a 10000-by-11000 aL = y, 2 GB limit")});
%! endif

%!test
%! ## Wrong numbers of input and output arguments.
%! I = {"nargin"};  O = {"nargout"};  W = {"input arguments"};  V = {"output arguments"};
%! report ({
%!   check_error("bp_loss", {}, 1, I, W, "no arguments")
%!   check_error("bp_loss", {aL}, 1, I, W, "aL only")
%!   check_error("bp_loss", {aL, y}, 1, I, W, "no name")
%!   check_error("bp_loss", {aL, y, "sse", "sse"}, 1, I, W, "four arguments")
%!   check_error("bp_loss", {aL, y, "sse", "lambda", 1}, 1, I, W, "five arguments")
%!   check_error("bp_loss", {aL, y, "sse"}, 3, O, V, "three outputs")
%! }');
