// What a file is, by its first bytes (its "magic"), whatever its name says: schools send PDFs, photos of the
// printed form, Word documents, CSV exports and old .xls files under names ending in .xlsx, and the other way round.
// Old Office files are OLE2 compound files (CFB): for those we read the names of the streams in the directory.

export type FileKind = 'empty' | 'zip' | 'ole2' | 'pdf' | 'image' | 'rtf' | 'text' | 'unknown';

const startsWith = (bytes: Uint8Array, magic: number[], at = 0) => magic.every((byte, i) => bytes[at + i] === byte);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

export const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Printable text (UTF-8 or UTF-16 with a BOM) in the first few kilobytes: a CSV, a TXT, an HTML page. */
function looksLikeText(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return true;
  const head = bytes.subarray(0, 4096);
  let text: string;
  try {
    // A multi-byte character cut at the end of the window is not an error.
    text = new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
  } catch {
    // Not UTF-8: a Windows-1251 CSV is still text when it has no control bytes.
    return head.every((b) => b >= 0x20 || b === 0x09 || b === 0x0a || b === 0x0d);
  }
  return ![...text].some((c) => {
    const code = c.charCodeAt(0);
    return code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d;
  });
}

export function fileKind(bytes: Uint8Array): FileKind {
  if (bytes.byteLength === 0) return 'empty';
  // Local file header, empty archive, or the spanning marker some tools put first.
  if (startsWith(bytes, [0x50, 0x4b]) && [[3, 4], [5, 6], [7, 8]].some(([a, b]) => bytes[2] === a && bytes[3] === b)) return 'zip';
  if (startsWith(bytes, OLE2_MAGIC)) return 'ole2';
  if (startsWith(bytes, ascii('%PDF-'))) return 'pdf';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image'; // JPEG
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image'; // PNG
  if (startsWith(bytes, ascii('GIF8'))) return 'image';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image';
  if (startsWith(bytes, ascii('ftyp'), 4) && ['heic', 'heix', 'mif1', 'msf1', 'avif'].some((brand) => startsWith(bytes, ascii(brand), 8))) return 'image'; // iPhone photos
  if (startsWith(bytes, ascii('BM')) && bytes.byteLength > 26 && startsWith(bytes, [0, 0, 0, 0], 6)) return 'image';
  if (startsWith(bytes, ascii('{\\rtf'))) return 'rtf';
  if (looksLikeText(bytes)) return 'text';
  return 'unknown';
}

const FREE = 0xffffffff;
const END_OF_CHAIN = 0xfffffffe;

/**
 * The names of the streams and storages in an OLE2 compound file's directory ("Workbook" in an .xls, "WordDocument"
 * in a .doc, "EncryptionInfo" and "EncryptedPackage" in a password-protected .xlsx), or null when the structure is
 * broken. Reads the header, the FAT (through the DIFAT) and the directory's sector chain; never the streams.
 */
export function compoundFileNames(bytes: Uint8Array): Set<string> | null {
  if (bytes.byteLength < 512 || !startsWith(bytes, OLE2_MAGIC)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (at: number) => view.getUint32(at, true);
  const shift = view.getUint16(0x1e, true);
  if (shift !== 9 && shift !== 12) return null;
  const sectorSize = 1 << shift;
  // The header fills sector "-1" (its first 512 bytes, padded to a whole sector in version 4).
  const sectorCount = Math.max(0, Math.ceil((bytes.byteLength - sectorSize) / sectorSize));
  const sectorAt = (sector: number) => (sector + 1) * sectorSize;
  const validSector = (sector: number) => sector < sectorCount;

  // The FAT's own sectors: 109 listed in the header, the rest in a chain of DIFAT sectors.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) fatSectors.push(u32(0x4c + i * 4));
  let difat = u32(0x44);
  for (let hops = 0; difat !== END_OF_CHAIN && difat !== FREE; hops++) {
    if (hops > sectorCount || !validSector(difat)) return null;
    const at = sectorAt(difat);
    for (let i = 0; i < sectorSize / 4 - 1; i++) fatSectors.push(u32(at + i * 4));
    difat = u32(at + sectorSize - 4);
  }
  const fat: number[] = [];
  for (const sector of fatSectors) {
    if (sector === FREE || sector === END_OF_CHAIN) continue;
    if (!validSector(sector)) return null;
    const at = sectorAt(sector);
    for (let i = 0; i < sectorSize / 4 && at + i * 4 + 4 <= bytes.byteLength; i++) fat.push(u32(at + i * 4));
  }

  // The directory: 128-byte entries along its chain; a name is UTF-16LE with its length in bytes (terminator included).
  const names = new Set<string>();
  const decoder = new TextDecoder('utf-16le');
  let sector = u32(0x30);
  for (let hops = 0; sector !== END_OF_CHAIN; hops++) {
    if (hops > sectorCount || !validSector(sector)) return null;
    const at = sectorAt(sector);
    for (let entry = at; entry + 128 <= Math.min(at + sectorSize, bytes.byteLength); entry += 128) {
      const nameBytes = view.getUint16(entry + 0x40, true);
      const type = bytes[entry + 0x42];
      if ((type === 1 || type === 2 || type === 5) && nameBytes >= 2 && nameBytes <= 64) names.add(decoder.decode(bytes.subarray(entry, entry + nameBytes - 2)));
    }
    sector = fat[sector] ?? END_OF_CHAIN;
  }
  return names;
}

/** What an OLE2 file holds, from its stream names. */
export function compoundFileKind(names: Set<string> | null): 'encrypted' | 'xls' | 'doc' | 'other' | 'unreadable' {
  if (!names) return 'unreadable';
  if (names.has('EncryptionInfo') && names.has('EncryptedPackage')) return 'encrypted';
  if (names.has('Workbook') || names.has('Book')) return 'xls';
  if (names.has('WordDocument')) return 'doc';
  return 'other';
}
