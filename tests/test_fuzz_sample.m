## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later
##
## A fixed, seeded sample of the fuzz suite (tests/fuzz, all of which
## `make fuzz` runs): 300 hostile calls spread over every public function
## (wrong types, complex, sparse, integer, N-d, empty, NaN/Inf, absurd
## sizes, broken networks, wrong argument counts, ...), made in two child
## Octaves with a memory cap and no display, so that a crash or a hang is
## seen rather than suffered.  No call may crash or hang, fail with an
## identifier other than backprop:<function>:<reason>, accept an invalid
## value, reject a valid one, or change the caller's variables
## (DESIGN.md section 5).  The counts are printed; on failure the report
## lists every BAD call with the statement that reproduces it.

%!test
%! here = fileparts (which ("test_fuzz_sample"));
%! if (isempty (here))
%!   here = pwd ();
%! endif
%! driver = fullfile (here, "fuzz", "run_fuzz.sh");
%! ## The children load the package from wherever this Octave found it.
%! dirs = unique ({fileparts(which ("bp_init")), fileparts(which ("__bp_names__"))});
%! setup = sprintf ("addpath ('%s'); ", dirs{:});
%! octave = fullfile (OCTAVE_HOME (), "bin", "octave-cli");
%! if (! exist (octave, "file"))
%!   octave = "octave-cli";
%! endif
%! saved = {getenv("FUZZ_SETUP"), getenv("FUZZ_OCTAVE")};
%! setenv ("FUZZ_SETUP", setup);
%! setenv ("FUZZ_OCTAVE", octave);
%! unwind_protect
%!   [status, out] = system (sprintf ("bash '%s' --sample 300 --seed 1 --jobs 2 --quiet 2>&1",
%!                                    driver));
%! unwind_protect_cleanup
%!   setenv ("FUZZ_SETUP", saved{1});
%!   setenv ("FUZZ_OCTAVE", saved{2});
%! end_unwind_protect
%! summary = regexp (out, '(backprop fuzz: [^\n]*|outcomes: [^\n]*)', "match");
%! printf ("  %s\n", summary{:});
%! if (status != 0)
%!   error ("the fuzz sample found BAD calls (or could not run), exit status %d:\n%s",
%!          status, out);
%! endif
