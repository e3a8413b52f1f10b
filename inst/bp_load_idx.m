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
## not its name.  A compressed file is decompressed with the @command{gzip}
## program into a temporary directory that is removed afterwards, also when
## reading fails; neither the file's folder nor the working directory is
## touched.
##
## Errors (identifier @code{backprop:bp_load_idx:@var{reason}}) name the
## file and the problem: @code{not_found}, @code{unreadable},
## @code{bad_gzip} (a compressed file that does not decompress),
## @code{no_gzip} (the @command{gzip} program is missing),
## @code{bad_magic} (not an IDX file), @code{unknown_type},
## @code{bad_header} (no dimensions), @code{truncated} (fewer bytes than
## the header promises), @code{trailing_data} (more bytes), and
## @code{wrong_type}, @code{nargin}, @code{nargout} for the call itself.
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
  nin = nargin;
  nout = nargout;
  if (nin != 1 || nout > 2)
    bp_count_error (fn, nin, nout, 2, "(file)");
  endif
  bp_check_file_name (fn, file, false);
  check_readable (file);

  if (is_gzip (file))
    [X, dims] = read_gzip_idx (file);
  else
    [X, dims] = read_idx (file, sprintf ("'%s'", file));
  endif
endfunction

## Fail early, with a precise reason, on names that cannot be an IDX file.
## stat, unlike exist and fopen, does not look along Octave's load path, so
## only the file the user named is read.
function check_readable (file)
  [st, err] = stat (file);
  if (err != 0)
    error ("backprop:bp_load_idx:not_found",
           "bp_load_idx: file '%s' not found", file);
  elseif (S_ISDIR (st.mode))
    error ("backprop:bp_load_idx:unreadable",
           "bp_load_idx: '%s' is a directory, not an IDX file", file);
  endif
endfunction

## gzip's own magic bytes, 0x1F 0x8B; an IDX file starts with 0x00 0x00.
function tf = is_gzip (file)
  fid = open_or_fail (file, sprintf ("'%s'", file));
  unwind_protect
    magic = fread (fid, 2, "uint8=>double")';
  unwind_protect_cleanup
    fclose (fid);
  end_unwind_protect
  tf = isequal (magic, [0x1F 0x8B]);
endfunction

function fid = open_or_fail (file, label)
  [fid, msg] = fopen (file, "r", "ieee-be");
  if (fid < 0)
    error ("backprop:bp_load_idx:unreadable",
           "bp_load_idx: cannot open %s: %s", label, msg);
  endif
endfunction

## Decompress with gzip into a fresh temporary directory and read the
## result there; the directory is removed however reading ends.  gzip is
## run directly rather than through Octave's gunzip, which decompresses
## next to its input (the user's folder may be read-only) and changes
## Octave's working directory meanwhile, which drops relative folders such
## as addpath ("demo") from the load path.
function [X, dims] = read_gzip_idx (file)
  tmp = tempname (tempdir (), "bp_load_idx-");
  [ok, msg] = mkdir (tmp);
  if (! ok)
    error ("backprop:bp_load_idx:unreadable",
           "bp_load_idx: cannot create a temporary directory to decompress '%s': %s",
           file, msg);
  endif
  unwind_protect
    plain = fullfile (tmp, "data");
    ## The data to the file, gzip's complaints to the captured output.
    [status, out] = system (sprintf ("gzip -d -c -- %s 2>&1 > %s",
                                     shell_quote (file), shell_quote (plain)));
    if (status == 127)
      error ("backprop:bp_load_idx:no_gzip",
             "bp_load_idx: '%s' is gzip-compressed, and the gzip program was not found: %s",
             file, strtrim (out));
    elseif (status != 0)
      error ("backprop:bp_load_idx:bad_gzip",
             "bp_load_idx: '%s' starts like a gzip file but does not decompress: %s",
             file, strtrim (strrep (out, "\n", " ")));
    endif
    [X, dims] = read_idx (plain, sprintf ("'%s' (after gunzip)", file));
  unwind_protect_cleanup
    confirm_recursive_rmdir (false, "local");
    [~] = rmdir (tmp, "s");
  end_unwind_protect
endfunction

## S as one word for the POSIX shell, whatever characters it holds.
function s = shell_quote (s)
  s = ["'" strrep(s, "'", "'\\''") "'"];
endfunction

## Parse the IDX file at PATH; LABEL names it in messages (the user's file,
## not the temporary decompressed one).
function [X, dims] = read_idx (path, label)
  fid = open_or_fail (path, label);
  unwind_protect
    [precision, bytes_per_value, dims] = read_header (fid, label);
    count = prod (dims);
    check_payload_size (fid, label, 4 + 4 * numel (dims),
                        count * bytes_per_value, count, precision);
    ## One fread of the whole payload; the stream is big-endian.
    data = fread (fid, count, [precision "=>double"]);
  unwind_protect_cleanup
    fclose (fid);
  end_unwind_protect
  if (numel (data) != count)
    error ("backprop:bp_load_idx:truncated",
           "bp_load_idx: %s: read %d of the %d values the header promises",
           label, numel (data), count);
  endif

  ## Scale in place before the reshape (which shares the data): with
  ## 60000 images every extra 376 MB copy costs a noticeable fraction of a
  ## second.
  if (strcmp (precision, "uint8") && numel (dims) >= 2)
    data /= 255;
  endif
  ## Row-major with the sample index slowest: each sample's values are
  ## contiguous, so a column-major reshape puts sample i in column i.
  X = reshape (data, prod (dims(2:end)), dims(1));
endfunction

function [precision, bytes_per_value, dims] = read_header (fid, label)
  head = fread (fid, 4, "uint8=>double")';
  if (any (head(1:min (2, end)) != 0))
    error ("backprop:bp_load_idx:bad_magic",
           "bp_load_idx: %s is not an IDX file: it starts with bytes %s, not 00 00",
           label, sprintf ("%02X ", head(1:min (2, end)))(1:end-1));
  elseif (numel (head) < 4)
    error ("backprop:bp_load_idx:truncated",
           "bp_load_idx: %s is truncated: the IDX header needs 4 bytes, the file has %d",
           label, numel (head));
  endif

  switch (head(3))
    case 0x08
      precision = "uint8";   bytes_per_value = 1;
    case 0x09
      precision = "int8";    bytes_per_value = 1;
    case 0x0B
      precision = "int16";   bytes_per_value = 2;
    case 0x0C
      precision = "int32";   bytes_per_value = 4;
    case 0x0D
      precision = "float32"; bytes_per_value = 4;
    case 0x0E
      precision = "float64"; bytes_per_value = 8;
    otherwise
      error ("backprop:bp_load_idx:unknown_type",
             "bp_load_idx: %s has unknown IDX type code 0x%02X (known: 08 09 0B 0C 0D 0E)",
             label, head(3));
  endswitch

  nd = head(4);
  if (nd == 0)
    error ("backprop:bp_load_idx:bad_header",
           "bp_load_idx: %s declares 0 dimensions; an IDX file needs at least one",
           label);
  endif
  dims = fread (fid, [1 nd], "uint32=>double");
  if (numel (dims) < nd)
    error ("backprop:bp_load_idx:truncated",
           "bp_load_idx: %s is truncated inside its header: %d dimensions declared, %d present",
           label, nd, numel (dims));
  endif
endfunction

## Compare the bytes after the header with what the dimensions promise,
## before allocating anything: a corrupt header can promise terabytes.
function check_payload_size (fid, label, header_bytes, want, count, precision)
  fseek (fid, 0, "eof");
  have = ftell (fid) - header_bytes;
  fseek (fid, header_bytes, "bof");
  if (have < want)
    error ("backprop:bp_load_idx:truncated",
           "bp_load_idx: %s is truncated: the header promises %d %s values (%s), only %s follow it",
           label, count, precision, nbytes (want), nbytes (have));
  elseif (have > want)
    error ("backprop:bp_load_idx:trailing_data",
           "bp_load_idx: %s has %s of trailing data after the %d %s values its header promises",
           label, nbytes (have - want), count, precision);
  endif
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
%! ## names carry no .gz.  Nothing is left in tempdir.
%! before = glob (fullfile (tempdir (), "bp_load_idx-*"));
%! f = tempname ();  g = tempname ();
%! fz = [];  gz = [];
%! unwind_protect
%!   write_idx (f, 0x08, [3 2 3], images, "uint8");
%!   write_idx (g, 0x08, 3, labels, "uint8");
%!   fz = gzip_as (f, "bp_images.idx");
%!   gz = gzip_as (g, "bp_labels");
%!   assert (bp_load_idx (fz), bp_load_idx (f));
%!   assert (bp_load_idx (gz), labels);
%!   assert (glob (fullfile (tempdir (), "bp_load_idx-*")), before);
%! unwind_protect_cleanup
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
%!error <file '/nonexistent/x.idx' not found> bp_load_idx ("/nonexistent/x.idx")
%!error id=backprop:bp_load_idx:unreadable bp_load_idx (tempdir ())
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
