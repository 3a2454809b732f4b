// An .xlsx is a zip. Before a byte of a school's file is inflated, we read the zip's central directory ourselves and
// inflate every part once with a hard cap (the parts the import reads are kept as they come, xlsx-parts.ts), so a
// damaged file is named precisely and a "zip bomb" (a few kilobytes that unpack to gigabytes) is refused in milliseconds, with almost no memory.
//
// The limits, and why:
// - at most 10 000 parts: a real workbook has a few dozen (sheets, styles, rels); each part costs memory;
// - at most 20 MB unpacked per part, 100 MB in all: a district report is a few hundred kilobytes; the reader holds
//   the whole workbook in memory, several times the XML's size, and the importer runs in the desktop app's process;
// - at most 200:1 compression for a part over 1 MB: worksheet XML compresses 5–50:1; zeros compress about 1000:1,
//   which is what bombs are made of;
// - declared sizes can lie, so every part is inflated with a cap at its declared size (never above 20 MB) and
//   abandoned as soon as the cap is passed (Node's zlib with maxOutputLength, native and bounded); its CRC-32 is
//   checked too (JSZip does not check it by default).
//   The cap bounds the memory a lying part can cost while it is inflated (about its size again in buffers).
import { crc32, inflateRawSync } from 'node:zlib';

const MB = 1024 * 1024;

export const ZIP_LIMITS = {
  maxEntries: 10_000,
  maxEntryBytes: 20 * MB,
  maxTotalBytes: 100 * MB,
  maxRatio: 200,
  /** The ratio limit applies only to parts larger than this (a tiny part of repeated text compresses well). */
  ratioCheckedAbove: 1 * MB,
} as const;

export interface ZipEntry {
  /** The part's name, e.g. "xl/workbook.xml" (a leading "/" removed, as exceljs does). */
  name: string;
  /** 0 = stored, 8 = deflated; anything else neither JSZip nor we can read. */
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export type ZipProblem =
  /** No end-of-central-directory record: the file was cut off (or never was a whole zip). */
  | { kind: 'truncated' }
  /** The directory or a part is broken: a bad header, a CRC error, data that does not inflate. */
  | { kind: 'damaged'; part?: string }
  /** Encrypted zip entries, or a compression method JSZip cannot read, or a multi-disk archive. */
  | { kind: 'encrypted' }
  | { kind: 'unsupported'; part?: string }
  | { kind: 'tooManyEntries'; count: number }
  | { kind: 'entryTooLarge'; part: string; size: number }
  | { kind: 'totalTooLarge'; size: number }
  | { kind: 'ratio'; part: string; ratio: number }
  /** A part inflates to more than its header says: a lie or damage, refused either way. */
  | { kind: 'sizeMismatch'; part: string };

export type Directory = { ok: true; entries: ZipEntry[] } | { ok: false; problem: ZipProblem };

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;

/** A little-endian view with 64-bit reads as plain numbers (exact up to 2^53, far beyond any file we accept). */
class Reader {
  readonly bytes: Uint8Array;
  readonly view: DataView;
  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  u16(at: number): number {
    return this.view.getUint16(at, true);
  }
  u32(at: number): number {
    return this.view.getUint32(at, true);
  }
  u64(at: number): number {
    return this.u32(at) + this.u32(at + 4) * 2 ** 32;
  }
  fits(at: number, length: number): boolean {
    return at >= 0 && length >= 0 && at + length <= this.bytes.byteLength;
  }
}

/** The offset of the end-of-central-directory record, searched backwards over a possible comment. */
function findEocd(r: Reader): number {
  const last = r.bytes.byteLength - EOCD_SIZE;
  const first = Math.max(0, last - MAX_COMMENT);
  for (let at = last; at >= first; at--) {
    if (r.u32(at) === EOCD && at + EOCD_SIZE + r.u16(at + 20) <= r.bytes.byteLength) return at;
  }
  return -1;
}

interface DirectoryEnd {
  entries: number;
  size: number;
  offset: number;
}

/** The central directory's place and entry count, from the EOCD record or, when it says so, the ZIP64 one. */
function directoryEnd(r: Reader, eocd: number): DirectoryEnd | ZipProblem {
  const disk = r.u16(eocd + 4);
  const cdDisk = r.u16(eocd + 6);
  let end: DirectoryEnd = { entries: r.u16(eocd + 10), size: r.u32(eocd + 12), offset: r.u32(eocd + 16) };
  const zip64 = end.entries === 0xffff || end.size === 0xffffffff || end.offset === 0xffffffff;
  if (zip64) {
    const locator = eocd - 20;
    if (locator < 0 || r.u32(locator) !== ZIP64_LOCATOR) return { kind: 'damaged' };
    const record = r.u64(locator + 8);
    if (!r.fits(record, 56) || r.u32(record) !== ZIP64_EOCD) return { kind: 'damaged' };
    if (r.u32(record + 16) !== 0 || r.u32(record + 20) !== 0) return { kind: 'unsupported' };
    end = { entries: r.u64(record + 32), size: r.u64(record + 40), offset: r.u64(record + 48) };
  } else if (disk !== 0 || cdDisk !== 0) {
    return { kind: 'unsupported' };
  }
  return end;
}

/** Reads the ZIP64 extended-information extra field (0x0001) for the fields the entry marked 0xFFFFFFFF. */
function zip64Sizes(r: Reader, extra: number, extraLength: number, entry: ZipEntry): boolean {
  for (let at = extra; at + 4 <= extra + extraLength; ) {
    const id = r.u16(at);
    const size = r.u16(at + 2);
    if (at + 4 + size > extra + extraLength) return false;
    if (id === 0x0001) {
      let field = at + 4;
      const next = (): number | null => {
        if (field + 8 > at + 4 + size) return null;
        const value = r.u64(field);
        field += 8;
        return value;
      };
      if (entry.uncompressedSize === 0xffffffff) entry.uncompressedSize = next() ?? NaN;
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next() ?? NaN;
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = next() ?? NaN;
      return [entry.uncompressedSize, entry.compressedSize, entry.localHeaderOffset].every(Number.isFinite);
    }
    at += 4 + size;
  }
  return false;
}

/** The zip's entries as its central directory declares them, or why they cannot be trusted. */
export function readCentralDirectory(bytes: Uint8Array): Directory {
  const r = new Reader(bytes);
  if (bytes.byteLength < EOCD_SIZE) return { ok: false, problem: { kind: 'truncated' } };
  const eocd = findEocd(r);
  if (eocd < 0) return { ok: false, problem: { kind: 'truncated' } };
  const end = directoryEnd(r, eocd);
  if ('kind' in end) return { ok: false, problem: end };
  // Checked before reading a single entry: a directory claiming a million entries is refused on its word.
  if (end.entries > ZIP_LIMITS.maxEntries) return { ok: false, problem: { kind: 'tooManyEntries', count: end.entries } };
  if (!r.fits(end.offset, end.size)) return { ok: false, problem: { kind: 'truncated' } };

  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder('utf-8');
  let at = end.offset;
  for (let i = 0; i < end.entries; i++) {
    if (!r.fits(at, 46) || r.u32(at) !== CENTRAL) return { ok: false, problem: { kind: 'damaged' } };
    const nameLength = r.u16(at + 28);
    const extraLength = r.u16(at + 30);
    const commentLength = r.u16(at + 32);
    if (!r.fits(at + 46, nameLength + extraLength + commentLength)) return { ok: false, problem: { kind: 'damaged' } };
    const entry: ZipEntry = {
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)).replace(/^\/+/, ''),
      flags: r.u16(at + 8),
      method: r.u16(at + 10),
      crc32: r.u32(at + 16),
      compressedSize: r.u32(at + 20),
      uncompressedSize: r.u32(at + 24),
      localHeaderOffset: r.u32(at + 42),
    };
    const marked = [entry.compressedSize, entry.uncompressedSize, entry.localHeaderOffset].includes(0xffffffff);
    if (marked && !zip64Sizes(r, at + 46 + nameLength, extraLength, entry)) return { ok: false, problem: { kind: 'damaged', part: entry.name } };
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { ok: true, entries };
}

/** The first limit the declared sizes break, or null: every check here is arithmetic on the directory. */
export function checkDeclaredSizes(entries: ZipEntry[]): ZipProblem | null {
  if (entries.length > ZIP_LIMITS.maxEntries) return { kind: 'tooManyEntries', count: entries.length };
  let total = 0;
  for (const entry of entries) {
    if (entry.uncompressedSize > ZIP_LIMITS.maxEntryBytes) return { kind: 'entryTooLarge', part: entry.name, size: entry.uncompressedSize };
    if (entry.uncompressedSize > ZIP_LIMITS.ratioCheckedAbove) {
      const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
      if (ratio > ZIP_LIMITS.maxRatio) return { kind: 'ratio', part: entry.name, ratio: Math.round(ratio) };
    }
    total += entry.uncompressedSize;
  }
  if (total > ZIP_LIMITS.maxTotalBytes) return { kind: 'totalTooLarge', size: total };
  return null;
}

/** Where the entry's data starts, from its local header (whose own sizes may be zero: data descriptors). */
function dataStart(r: Reader, entry: ZipEntry): number | null {
  const at = entry.localHeaderOffset;
  if (!r.fits(at, 30) || r.u32(at) !== LOCAL) return null;
  const start = at + 30 + r.u16(at + 26) + r.u16(at + 28);
  return r.fits(start, entry.compressedSize) ? start : null;
}

/** Inflates a deflated part with Node's zlib, which stops (ERR_BUFFER_TOO_LARGE) once the output passes the cap. */
function inflateCapped(data: Uint8Array, cap: number): Uint8Array | 'overflow' | 'damaged' {
  try {
    return inflateRawSync(data, { maxOutputLength: cap + 1 });
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? 'overflow' : 'damaged';
  }
}

/**
 * Inflates one entry with its declared size as the cap (never more than the per-part limit), and checks its
 * size and CRC-32. A part that unpacks to more than it declares is abandoned as soon as it passes the cap.
 */
function checkEntry(r: Reader, entry: ZipEntry, onPart?: (name: string, data: Uint8Array) => void): ZipProblem | null {
  const part = entry.name;
  if (entry.flags & 0x1) return { kind: 'encrypted' };
  if (entry.method !== 0 && entry.method !== 8) return { kind: 'unsupported', part };
  const start = dataStart(r, entry);
  if (start === null) return { kind: 'damaged', part };
  const data = r.bytes.subarray(start, start + entry.compressedSize);
  const cap = Math.min(entry.uncompressedSize, ZIP_LIMITS.maxEntryBytes);
  if (entry.method === 0 && entry.compressedSize !== entry.uncompressedSize) return { kind: 'damaged', part };
  const output = entry.method === 0 ? data : inflateCapped(data, cap);
  if (output === 'damaged') return { kind: 'damaged', part };
  // A declared size over the limit was refused before inflating (checkDeclaredSizes): passing the cap is a lie.
  if (output === 'overflow' || output.byteLength > cap) return { kind: 'sizeMismatch', part };
  if (output.byteLength !== entry.uncompressedSize || crc32(output) >>> 0 !== entry.crc32) return { kind: 'damaged', part };
  onPart?.(part, output);
  return null;
}

/**
 * Inflates every entry under its cap; the first problem found, or null when the whole zip is sound. `onPart` is
 * given each sound part's content, so that a caller can look into one without inflating it again.
 */
export function checkEntries(bytes: Uint8Array, entries: ZipEntry[], onPart?: (name: string, data: Uint8Array) => void): ZipProblem | null {
  const r = new Reader(bytes);
  for (const entry of entries) {
    const problem = checkEntry(r, entry, onPart);
    if (problem) return problem;
  }
  return null;
}

/** Directory, declared sizes, then every part inflated under its cap: the entries when JSZip may safely have the bytes. */
export function checkZip(bytes: Uint8Array): Directory {
  const directory = readCentralDirectory(bytes);
  if (!directory.ok) return directory;
  const problem = checkDeclaredSizes(directory.entries) ?? checkEntries(bytes, directory.entries);
  return problem ? { ok: false, problem } : directory;
}
