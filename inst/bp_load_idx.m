## Copyright (C) 2026 The backprop authors
## SPDX-License-Identifier: GPL-3.0-or-later

## -*- texinfo -*-
## @deftypefn  {} {@var{X} =} bp_load_idx (@var{file})
## @deftypefnx {} {[@var{X}, @var{dims}] =} bp_load_idx (@var{file})
## Read an IDX file (the format of MNIST and Fashion-MNIST), plain or
## gzip-compressed, with one sample a column.
##
## An IDX file is a header followed by the data:
##
## @example
## @group
## bytes 1-2   0x00 0x00
## byte  3     type code: 0x08 uint8, 0x09 int8, 0x0B int16,
##                        0x0C int32, 0x0D float32, 0x0E float64
## byte  4     number of dimensions d
## then        d dimensions N, n_1, ..., each a big-endian uint32
## then        N*n_1*... values of that type, big-endian, row-major
##             (the last index varies fastest)
## @end group
## @end example
##
## The first dimension counts the samples.  @var{X} is the
## (n_1*n_2*@dots{})-by-N double matrix whose column i is sample i, its
## values in the file's (row-major) order: for 28-by-28 images, column i
## holds row 1 of image i, then row 2, and so on.  These are the columns
## @code{bp_train} and @code{bp_predict} take.  To see image i again:
##
## @example
## img = reshape (X(:,i), dims(3), dims(2))';   # dims(2) rows, dims(3) columns
## @end example
##
## Values are converted to double.  A uint8 file with two or more
## dimensions (images) is scaled to [0, 1] by dividing by 255; a
## one-dimensional file (labels) gives the 1-by-N row of stored values
## unscaled, such as class numbers 0 to 9.  Files of the other types are
## returned unscaled, as stored.
##
## @var{dims} is the row of the file's dimensions [N, n_1, @dots{}], as
## doubles, for reshaping the columns back into images.
##
## Whether @var{file} is gzip-compressed is decided from its first bytes,
## not its name.  A compressed file is decompressed in memory (through
## zlib): no program is run and nothing is written to disk.  The header
## is read first, and then exactly as many bytes as it promises, plus one
## to see whether more follow: a small compressed file that would expand
## to gigabytes costs no more than its header says.  Before the data is
## read, the size of the result is checked against the memory Octave may
## still take.
##
## Only regular files are read: a folder, a named pipe or a device is
## refused before it is opened (opening a pipe without a writer would
## wait for ever, and a device could be read for ever).  @var{file} is
## the name of a file, always: @qcode{"-"} is the file called @file{-},
## not the standard input.
##
## Errors (identifier @code{backprop:bp_load_idx:@var{reason}}) name the
## file and the problem: @code{not_found}, @code{not_regular} (a folder,
## pipe or device), @code{not_readable} (no permission), @code{bad_gzip}
## (a compressed file that does not decompress), @code{bad_magic} (not an
## IDX file), @code{unknown_type}, @code{bad_header} (no dimensions),
## @code{too_large} (dimensions whose product no Octave array can have),
## @code{out_of_memory} (a result larger than the memory available),
## @code{truncated} (fewer bytes than the header promises),
## @code{trailing_data} (more bytes), and @code{wrong_type},
## @code{nargin}, @code{nargout} for the call itself.
##
## @example
## @group
## d = "/usr/share/datasets/fashion-mnist";
## X = bp_load_idx (fullfile (d, "train-images-idx3-ubyte.gz"));  # 784-by-60000
## y = bp_load_idx (fullfile (d, "train-labels-idx1-ubyte.gz"));  # 1-by-60000, 0..9
## Y = double ((0:9)' == y);                                      # one-hot, 10-by-60000
## @end group
## @end example
##
## @seealso{bp_train, bp_predict}
## @end deftypefn

function [X, dims, varargout] = bp_load_idx (file, varargin)
  fn = "bp_load_idx";
  bp_check_counts (fn, nargin, nargout, 1, 2, "(file)");
  bp_check_file_name (fn, file, false);
  ## "~/data.idx" means what it means to fopen; the gateway opens exactly
  ## the name it is given (no load path, no "-" for the standard input).
  path = tilde_expand (file);

  ## The header: 4 bytes, then at most 255 dimensions of 4 bytes.
  [head, compressed] = __bp_read_bytes__ (fn, path, 4 + 4 * 255);
  if (compressed)
    label = sprintf ("'%s' (decompressed)", file);
  else
    label = sprintf ("'%s'", file);
  endif
  [type, dims] = parse_header (head, label);
  header_bytes = 4 + 4 * numel (dims);
  count = prod (dims);
  want = count * type.bytes;
  if (! compressed)
    check_file_size (path, label, header_bytes, want, count, type.name);
  endif
  rows = check_dimensions (fn, label, dims);
  ## The bytes read (counted twice, as the gateway counts its result:
  ## Octave copies it), the values cut out of them and their byte-swapped
  ## copy, and the doubles.
  __bp_memory__ (fn, 2 * (header_bytes + want + 1) + 2 * want + 8 * count, ...
                 sprintf ("reading %s (%g values)", label, count));

  bytes = __bp_read_bytes__ (fn, path, header_bytes + want + 1);
  have = numel (bytes) - header_bytes;
  if (have < want)
    error ("backprop:bp_load_idx:truncated", ...
           "bp_load_idx: %s is truncated: the header promises %d %s values (%s), only %s follow it", ...
           label, count, type.name, nbytes (want), nbytes (have));
  elseif (have > want)
    error ("backprop:bp_load_idx:trailing_data", ...
           "bp_load_idx: %s has trailing data after the %d %s values (%s) its header promises", ...
           label, count, type.name, nbytes (want));
  endif
  data = values (bytes(header_bytes+1:end), type);
  clear bytes;

  ## Scale in place before the reshape (which shares the data): with
  ## 60000 images every extra 376 MB copy costs a noticeable fraction of a
  ## second.
  if (strcmp (type.name, "uint8") && numel (dims) >= 2)
    data /= 255;
  endif
  ## Row-major with the sample index slowest: each sample's values are
  ## contiguous, so a column-major reshape puts sample i in column i.
  X = reshape (data, rows, dims(1));
endfunction

## The type and the dimensions from the first bytes of the file (at most
## 1024, a column of uint8).
function [type, dims] = parse_header (head, label)
  head = double (head(:))';
  n = numel (head);
  if (any (head(1:min (2, n)) != 0))
    error ("backprop:bp_load_idx:bad_magic", ...
           "bp_load_idx: %s is not an IDX file: it starts with bytes %s, not 00 00", ...
           label, sprintf ("%02X ", head(1:min (2, n)))(1:end-1));
  elseif (n < 4)
    error ("backprop:bp_load_idx:truncated", ...
           "bp_load_idx: %s is truncated: the IDX header needs 4 bytes, the file has %d", ...
           label, n);
  endif

  ## The IDX type codes: code, name, Octave class, bytes per value.
  types = {0x08, "uint8",   "uint8",  1
           0x09, "int8",    "int8",   1
           0x0B, "int16",   "int16",  2
           0x0C, "int32",   "int32",  4
           0x0D, "float32", "single", 4
           0x0E, "float64", "double", 8};
  k = find ([types{:,1}] == head(3), 1);
  if (isempty (k))
    error ("backprop:bp_load_idx:unknown_type", ...
           "bp_load_idx: %s has unknown IDX type code 0x%02X (known: 08 09 0B 0C 0D 0E)", ...
           label, head(3));
  endif
  type = struct ("name", types{k,2}, "class", types{k,3}, "bytes", types{k,4});

  nd = head(4);
  if (nd == 0)
    error ("backprop:bp_load_idx:bad_header", ...
           "bp_load_idx: %s declares 0 dimensions; an IDX file needs at least one", ...
           label);
  elseif (n < 4 + 4 * nd)
    error ("backprop:bp_load_idx:truncated", ...
           "bp_load_idx: %s is truncated inside its header: %d dimensions declared, %d present", ...
           label, nd, floor ((n - 4) / 4));
  endif
  ## Big-endian uint32s; every one is exact in a double.
  dims = [2^24 2^16 2^8 1] * reshape (head(5:4+4*nd), 4, nd);
endfunction

## A plain file's size is known without reading it: compare it with what
## the header promises first, so that a corrupt header that promises
## terabytes is reported as the truncation it is.
function check_file_size (path, label, header_bytes, want, count, precision)
  [st, err] = stat (path);
  if (err != 0)
    return;             # gone since it was opened: the reading will say so
  endif
  have = st.size - header_bytes;
  if (have < want)
    error ("backprop:bp_load_idx:truncated", ...
           "bp_load_idx: %s is truncated: the header promises %d %s values (%s), only %s follow it", ...
           label, count, precision, nbytes (want), nbytes (have));
  elseif (have > want)
    error ("backprop:bp_load_idx:trailing_data", ...
           "bp_load_idx: %s has %s of trailing data after the %d %s values its header promises", ...
           label, nbytes (have - want), count, precision);
  endif
endfunction

## The result is (n_1*n_2*...)-by-N.  A product of uint32 dimensions can
## exceed what any array may have even when it holds no value at all
## ([0 4294967295 4294967295] is a 1.8e19-by-0 matrix): each side must
## stay within flintmax (2^53), where doubles count exactly and well
## inside Octave's index type.  The values themselves are the memory
## check's business.
function rows = check_dimensions (fn, label, dims)
  rows = prod (dims(2:end));
  if (rows > flintmax)
    error (["backprop:" fn ":too_large"], ...
           "bp_load_idx: %s declares dimensions %s: a sample of %g values, more than an Octave array can have (2^53)", ...
           label, mat2str (dims), rows);
  endif
endfunction

## The values of the IDX data bytes RAW (a uint8 column), as doubles.
## The file is big-endian.
function data = values (raw, type)
  if (strcmp (type.class, "uint8"))
    data = double (raw);              # the bytes are the values
    return;
  elseif (type.bytes == 1)
    data = double (typecast (raw, type.class));
    return;
  endif
  v = typecast (raw, type.class);
  clear raw;
  [~, ~, endian] = computer ();
  if (endian == "L")
    v = swapbytes (v);
  endif
  data = double (v);
endfunction

function s = nbytes (n)
  if (n == 1)
    s = "1 byte";
  else
    s = sprintf ("%d bytes", n);
  endif
endfunction

%!function write_idx (path, code, dims, values, precision)
%!  ## An IDX file: magic, type CODE, DIMS, then VALUES (already in
%!  ## row-major order) written big-endian as PRECISION.
%!  fid = fopen (path, "w", "ieee-be");
%!  fwrite (fid, [0 0 code numel(dims)], "uint8");
%!  fwrite (fid, dims, "uint32");
%!  fwrite (fid, values, precision);
%!  fclose (fid);

%!function path = gzip_as (plain, name)
%!  ## gzip PLAIN into a file called NAME (any name: detection is by content).
%!  gz = gzip (plain, tempdir ()){1};
%!  path = fullfile (tempdir (), name);
%!  movefile (gz, path);

%!shared imgs, images, labels
%! ## Three 2-by-3 uint8 images; image i has pixel (r,c) = 10*i + 3*(r-1) + c.
%! imgs = zeros (2, 3, 3);
%! for i = 1:3
%!   imgs(:,:,i) = 10 * i + [1 2 3; 4 5 6];
%! endfor
%! ## Row-major file order: image after image, each row after row.
%! images = reshape (permute (imgs, [2 1 3]), 1, []);
%! labels = [7 0 9];

%!test
%! ## Plain uint8 images: one column per image, row-major pixels, / 255.
%! f = [tempname() ".idx"];
%! unwind_protect
%!   write_idx (f, 0x08, [3 2 3], images, "uint8");
%!   [X, dims] = bp_load_idx (f);
%!   assert (dims, [3 2 3]);
%!   assert (size (X), [6 3]);
%!   assert (X(:,2), [21 22 23 24 25 26]' / 255);
%!   for i = 1:3
%!     assert (reshape (X(:,i), 3, 2)' * 255, imgs(:,:,i), 1e-12);
%!   endfor
%! unwind_protect_cleanup
%!   unlink (f);
%! end_unwind_protect

%!test
%! ## Labels: a 1-D uint8 file gives the row of labels, unscaled.
%! f = tempname ();
%! unwind_protect
%!   write_idx (f, 0x08, 3, labels, "uint8");
%!   [y, dims] = bp_load_idx (f);
%!   assert (y, labels);
%!   assert (class (y), "double");
%!   assert (dims, 3);
%! unwind_protect_cleanup
%!   unlink (f);
%! end_unwind_protect

%!test
%! ## gzip-compressed images and labels, detected from the content: the
%! ## names carry no .gz.  Nothing is written to the temporary folder
%! ## (a fresh one here, so that other processes' files cannot interfere).
%! f = tempname ();  g = tempname ();
%! fz = [];  gz = [];
%! tmp = tempname ();
%! mkdir (tmp);
%! saved = getenv ("TMPDIR");
%! unwind_protect
%!   write_idx (f, 0x08, [3 2 3], images, "uint8");
%!   write_idx (g, 0x08, 3, labels, "uint8");
%!   fz = gzip_as (f, "bp_images.idx");
%!   gz = gzip_as (g, "bp_labels");
%!   setenv ("TMPDIR", tmp);
%!   assert (bp_load_idx (fz), bp_load_idx (f));
%!   assert (bp_load_idx (gz), labels);
%!   assert (readdir (tmp), {"."; ".."});
%! unwind_protect_cleanup
%!   if (isempty (saved))
%!     unsetenv ("TMPDIR");
%!   else
%!     setenv ("TMPDIR", saved);
%!   endif
%!   rmdir (tmp);
%!   unlink (f);  unlink (g);
%!   if (ischar (fz)) unlink (fz); endif
%!   if (ischar (gz)) unlink (gz); endif
%! end_unwind_protect

%!test
%! ## A plain file named .gz is read as plain.
%! f = [tempname() ".gz"];
%! unwind_protect
%!   write_idx (f, 0x08, 3, labels, "uint8");
%!   assert (bp_load_idx (f), labels);
%! unwind_protect_cleanup
%!   unlink (f);
%! end_unwind_protect

%!test
%! ## float32 and float64, big-endian, returned as stored (no scaling).
%! f = tempname ();
%! v = [0.5 -1.25 3e5 -7 0.1 2];
%! unwind_protect
%!   write_idx (f, 0x0D, [2 3], v, "float32");
%!   [X, dims] = bp_load_idx (f);
%!   assert (dims, [2 3]);
%!   assert (X, double (single ([0.5 -7; -1.25 0.1; 3e5 2])));
%!   write_idx (f, 0x0E, [3 1 2], v, "float64");
%!   assert (bp_load_idx (f), [0.5 3e5 0.1; -1.25 -7 2]);
%! unwind_protect_cleanup
%!   unlink (f);
%! end_unwind_protect

%!test
%! ## The signed integer types, unscaled; an empty set of samples.
%! f = tempname ();
%! unwind_protect
%!   write_idx (f, 0x09, [2 2], [-128 127 -1 0], "int8");
%!   assert (bp_load_idx (f), [-128 -1; 127 0]);
%!   write_idx (f, 0x0B, 3, [-32768 300 32767], "int16");
%!   assert (bp_load_idx (f), [-32768 300 32767]);
%!   write_idx (f, 0x0C, [1 2], [-2^31 2^31-1], "int32");
%!   assert (bp_load_idx (f), [-2^31; 2^31-1]);
%!   write_idx (f, 0x08, [0 28 28], [], "uint8");
%!   assert (size (bp_load_idx (f)), [784 0]);
%! unwind_protect_cleanup
%!   unlink (f);
%! end_unwind_protect

%!function load_bytes (bytes)
%!  ## Write BYTES to a temporary file and read it with bp_load_idx; the
%!  ## file is deleted again, also when reading fails.
%!  f = tempname ();
%!  fid = fopen (f, "w");
%!  fwrite (fid, bytes, "uint8");
%!  fclose (fid);
%!  unwind_protect
%!    bp_load_idx (f);
%!  unwind_protect_cleanup
%!    unlink (f);
%!  end_unwind_protect

%!test
%! ## A bad file's error names the file and the problem.
%! f = tempname ();
%! unwind_protect
%!   write_idx (f, 0x08, [3 2 3], images(1:end-1), "uint8");
%!   try
%!     bp_load_idx (f);
%!     error ("no error");
%!   catch err
%!     assert (err.identifier, "backprop:bp_load_idx:truncated");
%!     assert (err.message, sprintf ("bp_load_idx: '%s' is truncated: the header promises 18 uint8 values (18 bytes), only 17 bytes follow it", f));
%!   end_try_catch
%! unwind_protect_cleanup
%!   unlink (f);
%! end_unwind_protect

## Bad files (more cases in tests/test_load_idx.m).
%!error <the IDX header needs 4 bytes, the file has 3> load_bytes ([0 0 8])
%!error <inside its header: 2 dimensions declared, 1 present> load_bytes ([0 0 8 2 0 0 0 3])
%!error <promises 3 uint8 values \(3 bytes\), only 2 bytes follow> load_bytes ([0 0 8 1 0 0 0 3 7 0])
%!error id=backprop:bp_load_idx:truncated load_bytes ([0 0 0x0E 1 0 0 0 2 zeros(1, 15)])
%!error <has 1 byte of trailing data> load_bytes ([0 0 8 1 0 0 0 3 7 0 9 1])
%!error <is not an IDX file: it starts with bytes 50 35> load_bytes (double ("P5 28 28 255"))
%!error <unknown IDX type code 0x0A> load_bytes ([0 0 0x0A 1 0 0 0 1 5])
%!error <declares 0 dimensions> load_bytes ([0 0 8 0 5])
%!error <starts like a gzip file but does not decompress> load_bytes ([0x1F 0x8B 1 2 3 4 5])

## Bad calls.
%!error id=backprop:bp_load_idx:not_found bp_load_idx ("/nonexistent/bp_load_idx_no_such_file")
%!error <'/nonexistent/x.idx'> bp_load_idx ("/nonexistent/x.idx")
%!error id=backprop:bp_load_idx:not_regular bp_load_idx (tempdir ())
%!error <must be a file name \(a string\), got a 1-by-1 double> bp_load_idx (1)
%!error <file must be a file name, got a string with char \(0\) at position 3> bp_load_idx (["ab" char(0) "c"])

%!test
%! ## A NUL ends the name for the system calls: refused, rather than
%! ## reading the file named by the part before it.
%! f = tempname ();
%! unwind_protect
%!   write_idx (f, 0x08, 3, labels, "uint8");
%!   try
%!     bp_load_idx ([f char(0) ".x"]);
%!     error ("read the file before the NUL");
%!   catch err
%!     assert (err.identifier, "backprop:bp_load_idx:wrong_type");
%!   end_try_catch
%! unwind_protect_cleanup
%!   unlink (f);
%! end_unwind_protect
%!error id=backprop:bp_load_idx:wrong_type bp_load_idx ({"a.idx"})
%!error id=backprop:bp_load_idx:wrong_type bp_load_idx ("")
%!error id=backprop:bp_load_idx:wrong_type bp_load_idx (["ab"; "cd"])
%!error id=backprop:bp_load_idx:nargin bp_load_idx ()
%!error id=backprop:bp_load_idx:nargin bp_load_idx ("a", "b")
%!error id=backprop:bp_load_idx:nargout [a, b, c] = bp_load_idx ("a")

%!demo
%! ## Write four 3-by-4 "images" and their labels as gzip-compressed IDX
%! ## files, then read them back: one image per column.
%! img = tempname ();  lab = tempname ();
%! fid = fopen (img, "w", "ieee-be");
%! fwrite (fid, [0 0 0x08 3], "uint8");  fwrite (fid, [4 3 4], "uint32");
%! fwrite (fid, 0:47, "uint8");  fclose (fid);
%! fid = fopen (lab, "w", "ieee-be");
%! fwrite (fid, [0 0 0x08 1], "uint8");  fwrite (fid, 4, "uint32");
%! fwrite (fid, [3 1 4 1], "uint8");  fclose (fid);
%! img_gz = gzip (img){1};  lab_gz = gzip (lab){1};
%! unwind_protect
%!   [X, dims] = bp_load_idx (img_gz)   # 12-by-4, pixel values / 255
%!   y = bp_load_idx (lab_gz)           # [3 1 4 1], unscaled
%!   first_image = reshape (X(:,1), dims(3), dims(2))' * 255
%! unwind_protect_cleanup
%!   cellfun (@unlink, {img, lab, img_gz, lab_gz});
%! end_unwind_protect
