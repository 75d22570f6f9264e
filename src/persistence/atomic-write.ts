import { closeSync, fsyncSync, openSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Replaces `file` with `text` so that a crash at any moment leaves either the old or the new file,
 * never a mix: write a temporary file in the same directory, fsync it, rename it over the target
 * (atomic on POSIX file systems), then fsync the directory so the rename itself survives a power cut.
 */
export function writeFileAtomic(file: string, text: string): void {
  const temp = `${file}.${process.pid}.tmp`;
  const fd = openSync(temp, 'w', 0o644);
  try {
    writeFileSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
  try {
    const dir = openSync(dirname(file), 'r');
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
  } catch {
    // Some file systems (and Windows) cannot fsync a directory; the rename is still atomic there.
  }
}
