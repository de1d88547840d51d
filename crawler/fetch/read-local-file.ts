import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/**
 * A link swapped in after the walk is not followed, and a FIFO swapped in does not block the read
 * (it then fails the regular-file check). Windows has neither flag.
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** Bytes read at a time when streaming a file. */
const CHUNK_BYTES = 64 * 1024;

/** A regular file's bytes, at most `cap` of them (else null): never a link, a FIFO or a device. */
export function readCapped(file: string, cap: number): Buffer | null {
  let fd: number;
  try {
    fd = openSync(file, OPEN_FLAGS);
  } catch {
    return null;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.size > cap) return null;
    const bytes = Buffer.allocUnsafe(stat.size);
    let filled = 0;
    while (filled < bytes.length) {
      const read = readSync(fd, bytes, filled, bytes.length - filled, null);
      if (read === 0) break;
      filled += read;
    }
    return bytes.subarray(0, filled);
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

/**
 * A regular file's bytes in pieces of 64 KB, at most `cap` in all, so that a file of any size is hashed
 * in constant memory. Each piece is valid only until the next is asked for (one buffer is reused).
 */
export function* readPieces(file: string, cap: number): Generator<Buffer> {
  let fd: number;
  try {
    fd = openSync(file, OPEN_FLAGS);
  } catch {
    return;
  }
  try {
    if (!fstatSync(fd).isFile()) return;
    const piece = Buffer.allocUnsafe(CHUNK_BYTES);
    for (let total = 0; total < cap;) {
      const read = readSync(fd, piece, 0, Math.min(CHUNK_BYTES, cap - total), null);
      if (read === 0) return;
      total += read;
      yield piece.subarray(0, read);
    }
  } catch {
    // A read error ends the file, as an unreadable file reads as nothing.
  } finally {
    closeSync(fd);
  }
}
