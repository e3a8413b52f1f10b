## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## -*- texinfo -*-
## @deftypefn {} {@var{fix} =} fuzz_fixtures (@var{dir})
## Make the files the fuzz calls need, inside the run's scratch folder
## @var{dir}, and describe them:
##
## @table @code
## @item fix.out, fix.png
## the folder @file{out} for the plots' PNG files, relative to the working
## folder (run_fuzz.sh makes one in every child's working folder), and a
## file name in it;
## @item fix.pipe
## a named pipe called @file{pipe.png}, which no process reads;
## @item fix.idx
## rows @{path, label, expect@}: good and broken IDX files for
## @code{bp_load_idx} (plain and gzip-compressed, truncated, with headers
## that promise terabytes, ...), a folder, a missing file, special files.
## @end table
##
## Everything is written by this function, so the children only read.
## @end deftypefn

function fix = fuzz_fixtures (dir)
  fix.dir = dir;
  fix.out = "out";
  fix.png = "out/a.png";
  mkdir_p (fix.out);
  mkdir_p (dir);
  fix.pipe = fullfile (dir, "pipe.png");
  [err, msg] = mkfifo (fix.pipe, 600);
  if (err != 0)
    error ("fuzz_fixtures: mkfifo failed: %s", msg);
  endif
  d = fullfile (dir, "idx");
  mkdir_p (d);
  f = @(name) fullfile (d, name);

  idx = cell (0, 3);
  ## Good files (three 2-by-3 uint8 images, their labels, other types).
  images = uint8 (1:18);
  write_idx (f("images.idx"), 0x08, [3 2 3], images, "uint8");
  idx(end+1,:) = {f("images.idx"), "3 uint8 images of 2-by-3", "ok"};
  write_idx (f("labels.idx"), 0x08, 3, [7 0 9], "uint8");
  idx(end+1,:) = {f("labels.idx"), "3 uint8 labels", "ok"};
  write_idx (f("float64.idx"), 0x0E, [2 3], [0.5 -1 3 1e300 -1e-300 0], "float64");
  idx(end+1,:) = {f("float64.idx"), "float64 values", "ok"};
  write_idx (f("nan.idx"), 0x0E, [1 3], [NaN Inf -Inf], "float64");
  idx(end+1,:) = {f("nan.idx"), "float64 NaN and Inf (returned as stored)", "ok"};
  write_idx (f("int32.idx"), 0x0C, [2 1], [-2^31 2^31-1], "int32");
  idx(end+1,:) = {f("int32.idx"), "int32 extremes", "ok"};
  write_idx (f("no_samples.idx"), 0x08, [0 28 28], [], "uint8");
  idx(end+1,:) = {f("no_samples.idx"), "0 samples of 28-by-28", "ok"};
  write_idx (f("empty_rows.idx"), 0x08, [4294967295 0], [], "uint8");
  idx(end+1,:) = {f("empty_rows.idx"), "4294967295 samples of 0 values", "any"};
  gzip_to (f("images.idx"), f("images_gz"));
  idx(end+1,:) = {f("images_gz"), "gzip-compressed images, no .gz in the name", "ok"};
  weird = f("we'ird $(touch PWNED) name.idx.gz");
  gzip_to (f("labels.idx"), weird);
  idx(end+1,:) = {weird, "gzip file whose name has a quote, spaces and $( )", "ok"};

  ## Broken files.
  write_bytes (f("empty.bin"), []);
  idx(end+1,:) = {f("empty.bin"), "an empty file", "error"};
  write_bytes (f("one_byte.bin"), 0);
  idx(end+1,:) = {f("one_byte.bin"), "one zero byte", "error"};
  write_bytes (f("magic.bin"), [1 2 8 1 0 0 0 1 5]);
  idx(end+1,:) = {f("magic.bin"), "bad magic", "error"};
  write_bytes (f("text.bin"), double ("hello, world\n"));
  idx(end+1,:) = {f("text.bin"), "a text file", "error"};
  write_idx (f("type07.idx"), 0x07, 3, [1 2 3], "uint8");
  idx(end+1,:) = {f("type07.idx"), "unknown type code 0x07", "error"};
  write_bytes (f("zero_dims.idx"), [0 0 8 0 1 2 3]);
  idx(end+1,:) = {f("zero_dims.idx"), "0 dimensions", "error"};
  write_bytes (f("short_header.idx"), [0 0 8 3 0 0 0 3]);
  idx(end+1,:) = {f("short_header.idx"), "3 dimensions declared, 1 present", "error"};
  write_idx (f("truncated.idx"), 0x08, [3 2 3], images(1:end-1), "uint8");
  idx(end+1,:) = {f("truncated.idx"), "one value short", "error"};
  write_idx (f("trailing.idx"), 0x08, [3 2 3], [images 0], "uint8");
  idx(end+1,:) = {f("trailing.idx"), "one byte of trailing data", "error"};
  write_idx (f("huge.idx"), 0x08, [4294967295 4294967295 4294967295], 1:10, "uint8");
  idx(end+1,:) = {f("huge.idx"), "header promising 8e28 values", "error"};
  write_idx (f("huge_float.idx"), 0x0E, [1e9 1], zeros (1, 4), "float64");
  idx(end+1,:) = {f("huge_float.idx"), "header promising 8 GB of float64", "error"};
  write_idx (f("dims255.idx"), 0x08, repmat (4294967295, 1, 255), 1:4, "uint8");
  idx(end+1,:) = {f("dims255.idx"), "255 dimensions of 4294967295", "error"};
  write_bytes (f("bad.gz"), [0x1F 0x8B 1 2 3 4 5 6 7 8]);
  idx(end+1,:) = {f("bad.gz"), "gzip magic then garbage", "error"};
  gzip_to (f("huge.idx"), f("huge_claim.gz"));
  idx(end+1,:) = {f("huge_claim.gz"), "gzip of a header promising 8e28 values", "error"};
  gzip_to (f("text.bin"), f("text.gz"));
  idx(end+1,:) = {f("text.gz"), "gzip of a text file", "error"};
  gz = fileread_bytes (f("images_gz"));
  write_bytes (f("cut.gz"), gz(1:ceil (end/2)));
  idx(end+1,:) = {f("cut.gz"), "a gzip file cut in half", "error"};
  write_bytes (f("no_array.idx"), [0 0 8 3 0 0 0 0 255 255 255 255 255 255 255 255]);
  idx(end+1,:) = {f("no_array.idx"), "0 samples of 4294967295-by-4294967295 (a 1.8e19-by-0 matrix)", "error"};
  ## A gzip bomb: one promised value, then 100 MB of zeros in 100 kB.
  write_bytes (f("first"), [0 0 8 1 0 0 0 1 5 zeros(1, 2^20)]);
  write_bytes (f("zeros"), zeros (1, 2^20));
  gzip_to (f("first"), f("first.gz"));
  gzip_to (f("zeros"), f("zeros.gz"));
  write_bytes (f("bomb.gz"), [fileread_bytes(f("first.gz")), ...
                              repmat(fileread_bytes (f("zeros.gz")), 1, 100)]);
  cellfun (@unlink, {f("first"), f("zeros"), f("first.gz"), f("zeros.gz")});
  idx(end+1,:) = {f("bomb.gz"), "a gzip bomb (1 value promised, 100 MB inflated)", "error"};
  ## 3 GB of uint8 labels, sparse on disk: 24 GB as doubles.
  write_bytes (f("sparse.idx"), [0 0 8 1 178 208 94 0]);
  [status, out] = system (sprintf ("truncate -s %d '%s'", 8 + 3e9, f("sparse.idx")));
  if (status != 0)
    error ("fuzz_fixtures: truncate failed: %s", out);
  endif
  idx(end+1,:) = {f("sparse.idx"), "3 GB (sparse) whose header matches its size", "error"};
  ## A file called "-" (gzip), which is not the standard input.
  gzip_to (f("labels.idx"), f("-"));
  idx(end+1,:) = {f("-"), "a gzip file called -", "ok"};

  ## Not regular files, or no file at all.
  idx(end+1,:) = {d, "a folder", "error"};
  idx(end+1,:) = {[d "/"], "a folder, with a trailing /", "error"};
  idx(end+1,:) = {f("missing.idx"), "a file that does not exist", "error"};
  idx(end+1,:) = {"", "the empty name", "error"};
  idx(end+1,:) = {"/dev/null", "/dev/null", "error"};
  idx(end+1,:) = {"/dev/zero", "/dev/zero (endless zeros)", "error"};
  idx(end+1,:) = {"/proc/self/status", "a /proc file (size 0, has content)", "error"};
  [err, msg] = mkfifo (f("fifo.idx"), 600);
  if (err != 0)
    error ("fuzz_fixtures: mkfifo failed: %s", msg);
  endif
  idx(end+1,:) = {f("fifo.idx"), "a named pipe without a writer", "error"};
  idx(end+1,:) = {f("images.idx/x"), "a path through a file", "error"};
  [~] = symlink ("loop", f("loop"));
  idx(end+1,:) = {f("loop"), "a symbolic link to itself", "error"};
  idx(end+1,:) = {"bp_init.m", "a name on Octave's load path, not in the folder", "error"};
  fix.idx = idx;
endfunction

function mkdir_p (d)
  if (! isfolder (d))
    [ok, msg] = mkdir (d);
    if (! ok)
      error ("fuzz_fixtures: cannot make %s: %s", d, msg);
    endif
  endif
endfunction

## An IDX file: magic, type CODE, DIMS, then VALUES written big-endian as
## PRECISION (as the format stores them).
function write_idx (path, code, dims, values, precision)
  fid = fopen (path, "w", "ieee-be");
  fwrite (fid, [0 0 code numel(dims)], "uint8");
  fwrite (fid, dims, "uint32");
  fwrite (fid, values, precision);
  fclose (fid);
endfunction

function write_bytes (path, bytes)
  fid = fopen (path, "w");
  fwrite (fid, bytes, "uint8");
  fclose (fid);
endfunction

function b = fileread_bytes (path)
  fid = fopen (path, "r");
  b = fread (fid, Inf, "uint8")';
  fclose (fid);
endfunction

## gzip PLAIN into the file TARGET (any name), with the gzip program so
## that nothing but TARGET is written.
function gzip_to (plain, target)
  q = @(s) ["'" strrep(s, "'", "'\\''") "'"];
  [status, out] = system (sprintf ("gzip -c -- %s > %s", q (plain), q (target)));
  if (status != 0)
    error ("fuzz_fixtures: gzip failed: %s", out);
  endif
endfunction
