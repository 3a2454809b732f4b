// A zip's records written byte by byte, so a test's zip can say whatever the test needs (lying sizes, CRCs, methods,
// ZIP64 fields). The two writers of test zips — bad-files.test.ts and mutate-xlsx.ts — build on these.

const LOCAL_SIGNATURE = 0x04034b50;
const CENTRAL_SIGNATURE = 0x02014b50;
export const END_SIGNATURE = 0x06054b50;

export interface HeaderFields {
  name: Uint8Array;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Where the local header starts (central directory only). */
  offset: number;
  /** 20 for a plain zip, 45 for ZIP64. */
  version?: number;
  flags?: number;
  extra?: Uint8Array;
}

/** The local file header that goes before an entry's data. */
export function localHeader({ name, method, crc, compressedSize, size, version = 20, flags = 0, extra = new Uint8Array(0) }: HeaderFields): Uint8Array {
  const header = new Uint8Array(30 + name.byteLength + extra.byteLength);
  const view = new DataView(header.buffer);
  view.setUint32(0, LOCAL_SIGNATURE, true);
  view.setUint16(4, version, true);
  view.setUint16(6, flags, true);
  view.setUint16(8, method, true);
  view.setUint32(14, crc >>> 0, true);
  view.setUint32(18, compressedSize >>> 0, true);
  view.setUint32(22, size >>> 0, true);
  view.setUint16(26, name.byteLength, true);
  view.setUint16(28, extra.byteLength, true);
  header.set(name, 30);
  header.set(extra, 30 + name.byteLength);
  return header;
}

/** The entry's record in the central directory. */
export function centralHeader({ name, method, crc, compressedSize, size, offset, version = 20, flags = 0, extra = new Uint8Array(0) }: HeaderFields): Uint8Array {
  const header = new Uint8Array(46 + name.byteLength + extra.byteLength);
  const view = new DataView(header.buffer);
  view.setUint32(0, CENTRAL_SIGNATURE, true);
  view.setUint16(4, version, true);
  view.setUint16(6, version, true);
  view.setUint16(8, flags, true);
  view.setUint16(10, method, true);
  view.setUint32(16, crc >>> 0, true);
  view.setUint32(20, compressedSize >>> 0, true);
  view.setUint32(24, size >>> 0, true);
  view.setUint16(28, name.byteLength, true);
  view.setUint16(30, extra.byteLength, true);
  view.setUint32(42, offset >>> 0, true);
  header.set(name, 46);
  header.set(extra, 46 + name.byteLength);
  return header;
}

/** The end of central directory record. */
export function endOfDirectory(entries: number, directorySize: number, directoryOffset: number, comment = new Uint8Array(0)): Uint8Array {
  const end = new Uint8Array(22 + comment.byteLength);
  const view = new DataView(end.buffer);
  view.setUint32(0, END_SIGNATURE, true);
  view.setUint16(8, entries & 0xffff, true);
  view.setUint16(10, entries & 0xffff, true);
  view.setUint32(12, directorySize >>> 0, true);
  view.setUint32(16, directoryOffset >>> 0, true);
  view.setUint16(20, comment.byteLength, true);
  end.set(comment, 22);
  return end;
}
