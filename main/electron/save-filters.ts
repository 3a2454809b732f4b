// The save dialog offers the file's own type (a workbook, a form file, a database copy), so a copy for a USB stick
// cannot be saved as «.xlsx» by a slip. Kept apart from platform.ts so that it runs without Electron.
import path from 'node:path';

export interface SaveFilter {
  name: string;
  extensions: string[];
}

/** Names of file types as Windows shows them; they are the same in every language. */
const TYPE_NAMES: Record<string, string> = { xlsx: 'Excel', json: 'JSON', sqlite: 'SQLite', zip: 'ZIP' };

export function saveFiltersFor(fileName: string): SaveFilter[] {
  const extension = path.extname(fileName).slice(1).toLowerCase();
  return extension ? [{ name: TYPE_NAMES[extension] ?? extension, extensions: [extension] }] : [];
}
