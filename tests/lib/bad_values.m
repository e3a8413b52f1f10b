## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## ROWS = bad_values (KIND)
## The one catalogue of bad values.  The bad-input tests take their rows
## through bad_matrix, bad_scalar and bad_name (which evaluate them), the
## fuzz suite through fuzz_hostile (which writes them into the calls it
## prints), so that a value added here is tried by both.
##
## Rows {expression, label, group}:
##   expression  Octave code; the word VALID in it stands for the valid
##               value of the position (evaluated with VALID bound to it,
##               or with VALID replaced by its expression);
##   label       what a failure report calls the value;
##   group       what is wrong with it: "type" (class or storage),
##               "finite" (NaN or Inf inside), "empty", "nd" (more than 2
##               dimensions), "shape" (another size), "range" (a number
##               out of a non-negative range), "unknown" (no known name),
##               "empty_name", "value" and "near" (values that only some
##               positions refuse), "any" (values for every position).
##               Each test maps the groups it can judge to the <reason>s
##               of backprop:<function>:<reason> it accepts there
##               (bad_rows); the fuzz suite's predicates judge every row.
##
## KIND: "any" (tried in every position by the fuzz suite), "matrix" (a
## real finite double array), "scalar" (a real finite double scalar),
## "name" (an activation, loss or init name), "cell" (a cell of
## matrices), "file" (a file name).

function rows = bad_values (kind)
  switch (kind)
    case "any"
      rows = any_position ();
    case "matrix"
      rows = matrix ();
    case "scalar"
      rows = scalar ();
    case "name"
      rows = name ();
    case "cell"
      rows = cell_of_matrices ();
    case "file"
      rows = file_name ();
    otherwise
      error ("bad_values: unknown kind '%s'", kind);
  endswitch
  if (columns (rows) == 2)
    rows(:,3) = {"any"};        # the fuzz suite's kinds: no group
  endif
endfunction

function rows = any_position ()
  ## Values of every sort, one of each kind doc/robustness.md names.
  rows = {
    ## empty values of every sort
    "[]",                   "[] (0x0 double)"
    "zeros (0, 3)",         "zeros (0, 3)"
    "zeros (3, 0)",         "zeros (3, 0)"
    "zeros (1, 1, 0)",      "zeros (1, 1, 0)"
    "''",                   "'' (empty char)"
    "{}",                   "{} (empty cell)"
    "cell (0, 2)",          "cell (0, 2)"
    "struct ()",            "struct () (no fields)"
    "struct ([])",          "struct ([]) (0x0 struct array)"
    "int8 ([])",            "int8 ([])"
    "single ([])",          "single ([])"
    "true (0, 0)",          "true (0, 0)"
    ## scalars: zero, signs, fractions, limits, non-finite
    "0",                    "0"
    "-0",                   "-0"
    "1",                    "1"
    "2",                    "2"
    "-1",                   "-1"
    "0.5",                  "0.5"
    "-0.5",                 "-0.5"
    "2.5",                  "2.5"
    "NaN",                  "NaN"
    "NA",                   "NA"
    "Inf",                  "Inf"
    "-Inf",                 "-Inf"
    "eps",                  "eps"
    "realmin",              "realmin"
    "realmax",              "realmax"
    "-realmax",             "-realmax"
    "1e12",                 "1e12"
    "-1e12",                "-1e12"
    "flintmax",             "flintmax"
    "2^53 + 2",             "2^53 + 2"
    "2^64",                 "2^64"
    ## other numeric classes
    "int8 (1)",             "int8 (1)"
    "int32 (2)",            "int32 (2)"
    "uint8 (3)",            "uint8 (3)"
    "int64 (9007199254740993)", "int64 (2^53 + 1)"
    "intmax ('uint64')",    "intmax ('uint64')"
    "true",                 "true"
    "false",                "false"
    "logical ([1 0 1])",    "logical ([1 0 1])"
    "single (1)",           "single (1)"
    "single (NaN)",         "single (NaN)"
    "1 + 2i",               "1 + 2i"
    "complex (1, 0)",       "complex (1, 0)"
    "complex ([1 2; 3 4], 0)", "complex ([1 2; 3 4], 0)"
    "sparse (1)",           "sparse (1)"
    "sparse ([1 0; 0 1])",  "sparse ([1 0; 0 1])"
    "sparse (2, 3)",        "sparse (2, 3) (all zero)"
    ## arrays of the wrong shape
    "[1 2 3]",              "[1 2 3]"
    "[1; 2; 3]",            "[1; 2; 3]"
    "1:3",                  "1:3 (a range)"
    "ones (5, 7)",          "ones (5, 7)"
    "[1 NaN]",              "[1 NaN]"
    "[Inf -Inf]",           "[Inf -Inf]"
    "NaN (2, 2)",           "NaN (2, 2)"
    "ones (2, 2, 2)",       "ones (2, 2, 2) (N-d)"
    "ones (1, 2, 1, 2)",    "ones (1, 2, 1, 2) (N-d)"
    "1e308 * ones (2, 3)",  "1e308 * ones (2, 3)"
    ## text
    "'a'",                  "'a'"
    "'abc'",                "'abc'"
    "\"\"",                 "\"\" (empty double-quoted)"
    "['ab'; 'cd']",         "['ab'; 'cd'] (char matrix)"
    "('abc')'",             "('abc')' (char column)"
    "char (0)",             "char (0)"
    "['a' char(0) 'b']",    "'a', NUL, 'b'"
    "repmat ('x', 1, 10000)", "a 10000-character string"
    "'%s%d%n\\n'",          "'%s%d%n\\n' (format directives)"
    ## containers
    "{1}",                  "{1}"
    "{1, 2}",               "{1, 2}"
    "{'a', 'b'}",           "{'a', 'b'}"
    "cell (2, 2)",          "cell (2, 2)"
    "{{}}",                 "{{}}"
    "{[1 2; 3 4]}",         "{[1 2; 3 4]}"
    "struct ('a', 1)",      "struct ('a', 1)"
    "struct ('a', {1, 2})", "1x2 struct array"
    ## things that are not data at all
    "@sin",                 "@sin"
    "@(x) x",               "@(x) x"
    "containers.Map ()",    "containers.Map () (a handle object)"
    "bp_init ([2 3 1], \"seed\", 1)", "a network"
  };
endfunction

function rows = matrix ()
  rows = {
    ## another class or storage
    "VALID + 1i",                     "complex",                            "type"
    "complex (VALID, 0)",             "complex with zero imaginary part",   "type"
    "sparse (VALID)",                 "sparse",                             "type"
    "int8 (VALID)",                   "int8",                               "type"
    "int32 (VALID)",                  "int32",                              "type"
    "uint8 (VALID)",                  "uint8",                              "type"
    "int64 (VALID)",                  "int64",                              "type"
    "true (size (VALID))",            "logical",                            "type"
    "logical (VALID ~= 0)",           "logical (valid ~= 0)",               "type"
    "sparse (VALID ~= 0)",            "sparse logical",                     "type"
    "single (VALID)",                 "single",                             "type"
    "single (VALID) + 1i",            "complex single",                     "type"
    "repmat ('a', size (VALID))",     "char",                               "type"
    "num2cell (VALID)",               "cell of numbers",                    "type"
    "{VALID}",                        "cell holding a good value",          "type"
    "struct ('v', VALID)",            "struct",                             "type"
    "@sin",                           "function handle",                    "type"
    "containers.Map ()",              "a containers.Map object",            "type"
    ## not finite
    "subsasgn (VALID, substruct ('()', {numel(VALID)}), NaN)", "NaN in the last element", "finite"
    "subsasgn (VALID, substruct ('()', {1}), NaN)",   "NaN in the first element", "finite"
    "subsasgn (VALID, substruct ('()', {1}), Inf)",   "Inf in the first element", "finite"
    "subsasgn (VALID, substruct ('()', {numel(VALID)}), Inf)", "Inf in the last element", "finite"
    "subsasgn (VALID, substruct ('()', {ceil(numel (VALID) / 2)}), -Inf)", "-Inf in the middle element", "finite"
    "subsasgn (VALID, substruct ('()', {1}), -Inf)",  "-Inf in the first element", "finite"
    ## empty or N-d
    "[]",                             "[]",                                 "empty"
    "zeros (0, 3)",                   "zeros(0,3)",                         "empty"
    "zeros (rows (VALID), 0)",        "zeros(n,0)",                         "empty"
    "ones (2, 2, 2)",                 "ones(2,2,2)",                        "nd"
    "cat (3, VALID, VALID)",          "a good value stacked into 3-D",      "nd"
    ## other shapes, and values only some positions refuse
    "VALID'",                         "valid' (transposed)",                "shape"
    "VALID(:, [])",                   "valid(:, []) (no columns)",          "shape"
    "VALID([], :)",                   "valid([], :) (no rows)",             "shape"
    "[VALID; VALID(1, :)]",           "valid with one row more",            "shape"
    "[VALID, VALID(:, 1)]",           "valid with one column more",         "shape"
    "VALID(:, 1)",                    "valid(:, 1)",                        "shape"
    "VALID(:)",                       "all in one column",                  "shape"
    "VALID(1:end-1, :)",              "valid with one row less",            "shape"
    "1e308 * VALID",                  "1e308 * valid",                      "value"
    "-VALID",                         "-valid",                             "value"
    "VALID * 1e-320",                 "valid * 1e-320 (denormal)",          "value"
    "zeros (size (VALID))",           "zeros of valid's size",              "value"
  };
endfunction

function rows = scalar ()
  ## For a non-negative scalar, whatever its valid value; then near
  ## misses of the valid value.
  rows = {
    "-1",                  "-1",                       "range"
    "-1e-300",             "-1e-300",                  "range"
    "NaN",                 "NaN",                      "finite"
    "Inf",                 "Inf",                      "finite"
    "-Inf",                "-Inf",                     "finite"
    "[]",                  "[]",                       "type"
    "zeros (0, 3)",        "zeros(0,3)",               "type"
    "[0.1 0.2]",           "a 1-by-2 vector",          "type"
    "[0.1; 0.2]",          "a 2-by-1 vector",          "type"
    "ones (1, 1, 2)",      "ones(1,1,2)",              "type"
    "0.1 + 1i",            "complex",                  "type"
    "complex (0.1, 0)",    "complex(0.1, 0)",          "type"
    "sparse (0.1)",        "sparse",                   "type"
    "int8 (1)",            "int8",                     "type"
    "int32 (1)",           "int32",                    "type"
    "uint8 (1)",           "uint8",                    "type"
    "true",                "logical true",             "type"
    "single (0.1)",        "single",                   "type"
    "'1'",                 "char '1'",                 "type"
    "{0.1}",               "cell",                     "type"
    "struct ('v', 0.1)",   "struct",                   "type"
    "@sin",                "function handle",          "type"
    "containers.Map ()",   "a containers.Map object",  "type"
    ## near misses of the position's valid value
    "[VALID, VALID]",                  "[valid, valid]",          "near"
    "[VALID; VALID]",                  "[valid; valid]",          "near"
    "{VALID}",                         "{valid}",                 "near"
    "single (VALID)",                  "single (valid)",          "near"
    "int32 (VALID)",                   "int32 (valid)",           "near"
    "double (VALID) + 0.5",            "valid + 0.5",             "near"
    "complex (VALID, 0)",              "complex (valid, 0)",      "near"
    "sparse (VALID)",                  "sparse (valid)",          "near"
    "-VALID",                          "-valid",                  "near"
    "VALID * 1e12",                    "valid * 1e12",            "near"
    "VALID + eps (double (VALID))",    "valid + eps (valid)",     "near"
    "num2str (VALID)",                 "num2str (valid)",         "near"
    "reshape (VALID, 1, 1, 1)",        "valid as a 1x1x1 array",  "near"
  };
endfunction

function rows = name ()
  rows = {
    "'swish-hinge'",       "an unknown name",          "unknown"
    "''",                  "the empty string",         "empty_name"
    "' sigmoid'",          "a name with a space",      "unknown"
    "5",                   "a number",                 "type"
    "[]",                  "[]",                       "type"
    "{'sigmoid'}",         "a cell holding a name",    "type"
    "['sse'; 'mse']",      "a 2-row char matrix",      "type"
    "('sse')'",            "a char column",            "type"
    "int8 ('sse')",        "int8 codes of a name",     "type"
    "true",                "logical",                  "type"
    "struct ('v', 'sse')", "struct",                   "type"
    "@sin",                "function handle",          "type"
    ## near misses of the position's valid name
    "upper (VALID)",                  "upper (valid)",                    "near"
    "[VALID ' ']",                    "valid with a trailing space",      "near"
    "[' ' VALID]",                    "valid with a leading space",       "near"
    "[VALID char(0)]",                "valid, NUL",                       "near"
    "[VALID char(0) 'x']",            "valid, NUL, 'x'",                  "near"
    "VALID'",                         "valid' (a char column)",           "near"
    "[VALID; VALID]",                 "[valid; valid] (char matrix)",     "near"
    "{VALID}",                        "{valid} (cellstr)",                "near"
    "double (VALID)",                 "double (valid) (character codes)", "near"
    "VALID(1:end-1)",                 "valid without its last character", "near"
    "[VALID 'x']",                    "valid, 'x'",                       "near"
    "strrep (VALID, '-', '_')",       "valid with - as _",                "near"
    "int8 (VALID)",                   "int8 (valid)",                     "near"
  };
endfunction

function rows = cell_of_matrices ()
  rows = {
    "VALID'",                                              "valid' (other orientation)"
    "VALID(1)",                                            "valid(1) (one element less)"
    "[VALID, VALID(1)]",                                   "valid with one element more"
    "reshape (VALID, 1, 1, [])",                           "valid as a 1x1xN cell"
    "VALID{1}",                                            "valid{1} (not a cell)"
    "cellfun (@single, VALID, 'uniformoutput', false)",    "every element single"
    "cellfun (@(m) m', VALID, 'uniformoutput', false)",    "every element transposed"
    "cellfun (@sparse, VALID, 'uniformoutput', false)",    "every element sparse"
    "cellfun (@(m) complex (m, 0), VALID, 'uniformoutput', false)", "every element complex"
    "cellfun (@(m) m * NaN, VALID, 'uniformoutput', false)", "every element NaN"
    "cellfun (@(m) m * Inf, VALID, 'uniformoutput', false)", "every element +-Inf or NaN"
    "cellfun (@(m) cat (3, m, m), VALID, 'uniformoutput', false)", "every element N-d"
    "cellfun (@(m) [], VALID, 'uniformoutput', false)",    "every element []"
    "cellfun (@(m) {m}, VALID, 'uniformoutput', false)",   "every element wrapped in a cell"
    "cellfun (@(m) int8 (m), VALID, 'uniformoutput', false)", "every element int8"
    "subsasgn (VALID, substruct ('{}', {1}), 'x')",        "first element 'x'"
    "subsasgn (VALID, substruct ('{}', {1}), 1)",          "first element 1"
    "cell2struct (VALID(:), 'a', 2)",                      "as a struct array"
  };
endfunction

function rows = file_name ()
  rows = {
    "VALID'",                  "valid' (a char column)"
    "{VALID}",                 "{valid} (cellstr)"
    "[VALID char(0)]",         "valid, NUL"
    "[VALID char(0) '.x']",    "valid, NUL, '.x'"
    "double (VALID)",          "double (valid)"
    "[VALID; VALID]",          "[valid; valid] (char matrix)"
    "upper (VALID)",           "upper (valid)"
    "[VALID '/']",             "valid with a trailing /"
  };
endfunction
