/** A file operation the host could not do, worded as Python's OSError (what AnkiConnect's open() would raise). */
import type { FileFailure } from '../../shared/messages.ts';
import * as E from '../actions/errors.ts';
import { pyRepr } from '../actions/python.ts';

/** strerror() texts of the errors a file operation can meet. */
const STRERROR: Record<string, string> = {
  ENOENT: 'No such file or directory',
  EACCES: 'Permission denied',
  EPERM: 'Operation not permitted',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  EEXIST: 'File exists',
  ENOSPC: 'No space left on device',
  EROFS: 'Read-only file system',
  ENAMETOOLONG: 'File name too long',
  ELOOP: 'Too many levels of symbolic links',
  EMFILE: 'Too many open files',
  EBUSY: 'Device or resource busy',
  EINVAL: 'Invalid argument',
  EIO: 'Input/output error',
  EFBIG: 'File too large',
  EDQUOT: 'Disk quota exceeded',
};

/** Python's str() of the OSError, else the host's own message. */
export function fileErrorText(f: FileFailure): string {
  const text = STRERROR[f.code];
  return text && f.errno !== null ? E.osError(f.errno, text, pyRepr(f.path)) : f.message;
}

export class HostFileError extends Error {
  constructor(readonly failure: FileFailure) {
    super(fileErrorText(failure));
  }
}
