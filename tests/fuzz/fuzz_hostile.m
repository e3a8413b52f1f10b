## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## -*- texinfo -*-
## @deftypefn  {} {@var{v} =} fuzz_hostile ()
## @deftypefnx {} {@var{v} =} fuzz_hostile (@var{kind}, @var{valid})
## Hostile values for the fuzz suite, as rows @{expression, label@}.
##
## Without arguments: the generic catalogue that is tried in every argument
## and option position, one value of each kind doc/robustness.md names
## (wrong types, complex, sparse, integer, logical, single, N-d, empty,
## NaN and Inf, zero, negative, fractional, absurd).
##
## With @var{kind} and the expression @var{valid} of a position's valid
## value: near misses derived from that value (the right shape in the
## wrong type, one NaN inside, transposed, one entry too many, ...), which
## reach deeper into the checks than the generic values do.
##
## Values are Octave expressions, not values, so that every call the
## suite makes can be printed as a statement that reproduces it.
## @end deftypefn

function v = fuzz_hostile (kind, valid)
  if (nargin == 0)
    v = generic ();
  else
    v = derived (kind, valid);
  endif
endfunction

function v = generic ()
  v = {
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

## Near misses of the valid value E of a position of kind KIND.
function v = derived (kind, E)
  p = ["(" E ")"];
  switch (kind)
    case "matrix"
      v = {
        ["single " p],                   "single (valid)"
        ["int32 " p],                    "int32 (valid)"
        ["logical (" p " ~= 0)"],        "logical (valid ~= 0)"
        ["complex " p(1:end-1) ", 0)"],  "complex (valid, 0)"
        [p " + 1i"],                     "valid + 1i"
        ["sparse " p],                   "sparse (valid)"
        ["cat (3, " E ", " E ")"],       "cat (3, valid, valid) (N-d)"
        [p "'"],                         "valid' (transposed)"
        [p "(:, [])"],                   "valid(:, []) (no columns)"
        [p "([], :)"],                   "valid([], :) (no rows)"
        ["[" p "; " p "(1, :)]"],        "valid with one row more"
        ["[" p ", " p "(:, 1)]"],        "valid with one column more"
        [p "(:, 1)"],                    "valid(:, 1)"
        [p "(1:end-1, :)"],              "valid with one row less"
        ["subsasgn (" E ", substruct ('()', {1}), NaN)"], "valid with a NaN"
        ["subsasgn (" E ", substruct ('()', {numel(" E ")}), Inf)"], "valid with an Inf"
        ["subsasgn (" E ", substruct ('()', {1}), -Inf)"], "valid with a -Inf"
        ["1e308 * " p],                  "1e308 * valid"
        ["-" p],                         "-valid"
        [p " * 1e-320"],                 "valid * 1e-320 (denormal)"
        ["zeros (size " p ")"],          "zeros of valid's size"
        ["{" E "}"],                     "{valid}"
        ["num2cell " p],                 "num2cell (valid)"
      };
    case "scalar"
      v = {
        ["[" p ", " p "]"],              "[valid, valid]"
        ["[" p "; " p "]"],              "[valid; valid]"
        ["{" E "}"],                     "{valid}"
        ["single " p],                   "single (valid)"
        ["int32 " p],                    "int32 (valid)"
        ["double (" p ") + 0.5"],        "valid + 0.5"
        ["complex " p(1:end-1) ", 0)"],  "complex (valid, 0)"
        ["sparse " p],                   "sparse (valid)"
        ["-" p],                         "-valid"
        [p " * 1e12"],                   "valid * 1e12"
        [p " + eps (double " p ")"],     "valid + eps (valid)"
        ["num2str " p],                  "num2str (valid)"
        ["reshape (" E ", 1, 1, 1)"],    "valid as a 1x1x1 array"
      };
    case "name"
      v = {
        ["upper " p],                    "upper (valid)"
        ["[" E " ' ']"],                 "valid with a trailing space"
        ["[' ' " E "]"],                 "valid with a leading space"
        ["[" E " char(0)]"],             "valid, NUL"
        ["[" E " char(0) 'x']"],         "valid, NUL, 'x'"
        [p "'"],                         "valid' (a char column)"
        ["[" p "; " p "]"],              "[valid; valid] (char matrix)"
        ["{" E "}"],                     "{valid} (cellstr)"
        ["double " p],                   "double (valid) (character codes)"
        [p "(1:end-1)"],                 "valid without its last character"
        ["[" E " 'x']"],                 "valid, 'x'"
        ["strrep (" E ", '-', '_')"],    "valid with - as _"
        ["int8 " p],                     "int8 (valid)"
      };
    case "cell"
      v = {
        [p "'"],                                            "valid' (other orientation)"
        [p "(1)"],                                          "valid(1) (one element less)"
        ["[" p ", " p "(1)]"],                              "valid with one element more"
        ["reshape (" p ", 1, 1, [])"],                      "valid as a 1x1xN cell"
        [p "{1}"],                                          "valid{1} (not a cell)"
        ["cellfun (@single, " E ", 'uniformoutput', false)"], "every element single"
        ["cellfun (@(m) m', " E ", 'uniformoutput', false)"], "every element transposed"
        ["cellfun (@sparse, " E ", 'uniformoutput', false)"], "every element sparse"
        ["cellfun (@(m) complex (m, 0), " E ", 'uniformoutput', false)"], "every element complex"
        ["cellfun (@(m) m * NaN, " E ", 'uniformoutput', false)"], "every element NaN"
        ["cellfun (@(m) m * Inf, " E ", 'uniformoutput', false)"], "every element +-Inf or NaN"
        ["cellfun (@(m) cat (3, m, m), " E ", 'uniformoutput', false)"], "every element N-d"
        ["cellfun (@(m) [], " E ", 'uniformoutput', false)"], "every element []"
        ["cellfun (@(m) {m}, " E ", 'uniformoutput', false)"], "every element wrapped in a cell"
        ["cellfun (@(m) int8 (m), " E ", 'uniformoutput', false)"], "every element int8"
        ["subsasgn (" E ", substruct ('{}', {1}), 'x')"],    "first element 'x'"
        ["subsasgn (" E ", substruct ('{}', {1}), 1)"],      "first element 1"
        ["cell2struct (" p "(:), 'a', 2)"],                  "as a struct array"
      };
    case "file"
      v = {
        [p "'"],                         "valid' (a char column)"
        ["{" E "}"],                     "{valid} (cellstr)"
        ["[" E " char(0)]"],             "valid, NUL"
        ["[" E " char(0) '.x']"],        "valid, NUL, '.x'"
        ["double " p],                   "double (valid)"
        ["[" p "; " p "]"],              "[valid; valid] (char matrix)"
        ["upper " p],                    "upper (valid)"
        ["[" E " '/']"],                 "valid with a trailing /"
      };
    otherwise
      v = cell (0, 2);
  endswitch
endfunction
