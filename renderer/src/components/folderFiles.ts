// Files for a batch import from whole folders: a folder picked with <input webkitdirectory>, or folders dropped
// onto the drop zone (walked with DataTransferItem.webkitGetAsEntry). From a folder only Excel workbooks are
// taken (.xlsx, .xls), never Excel's lock files (~$name.xlsx); a file dropped on its own is always taken, so the
// import can say what is wrong with it.

const WORKBOOK_NAME = /\.xlsx?$/i;
const LOCK_FILE_NAME = /^~\$/;
/** The longest file name the import API accepts. */
const MAX_NAME_LENGTH = 260;

/** The path inside a dropped folder, for files whose webkitRelativePath the browser leaves empty (drops). */
const pathsInDroppedFolders = new WeakMap<File, string>();

/** An Excel workbook by its name, and not the lock file Excel leaves beside an open one. */
function isWorkbookName(name: string): boolean {
  return WORKBOOK_NAME.test(name) && !LOCK_FILE_NAME.test(name);
}

function folderPath(file: File): string {
  return file.webkitRelativePath || pathsInDroppedFolders.get(file) || '';
}

/** The name a file is shown and imported under: its path inside the chosen folder ("sub/file.xlsx"), or its own name. */
export function batchFileName(file: File): string {
  const segments = folderPath(file).split('/').filter(Boolean);
  const name = segments.length > 1 ? segments.slice(1).join('/') : file.name;
  return name.length > MAX_NAME_LENGTH ? name.slice(-MAX_NAME_LENGTH) : name;
}

function byPath(a: File, b: File): number {
  return folderPath(a).localeCompare(folderPath(b), undefined, { numeric: true, sensitivity: 'base' });
}

/** The workbooks among a picked folder's files, in the order of their paths. */
export function workbooksOfFolder(files: Iterable<File>): File[] {
  return [...files].filter((file) => isWorkbookName(file.name)).sort(byPath);
}

function isDirectory(entry: FileSystemEntry): entry is FileSystemDirectoryEntry {
  return entry.isDirectory;
}

function isFileEntry(entry: FileSystemEntry): entry is FileSystemFileEntry {
  return entry.isFile;
}

/** All entries of a directory: readEntries answers in portions until it answers with none. */
async function entriesOf(directory: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = directory.createReader();
  const entries: FileSystemEntry[] = [];
  for (;;) {
    const portion = await new Promise<FileSystemEntry[]>((resolve) => reader.readEntries(resolve, () => resolve([])));
    if (portion.length === 0) return entries;
    entries.push(...portion);
  }
}

function fileOf(entry: FileSystemFileEntry): Promise<File | null> {
  return new Promise((resolve) => entry.file(resolve, () => resolve(null)));
}

/** The workbooks of a dropped directory and of every directory inside it, each remembered with its path. */
async function workbooksOfDirectory(directory: FileSystemDirectoryEntry): Promise<File[]> {
  const found: File[] = [];
  for (const entry of await entriesOf(directory)) {
    if (isDirectory(entry)) found.push(...(await workbooksOfDirectory(entry)));
    else if (isFileEntry(entry) && isWorkbookName(entry.name)) {
      const file = await fileOf(entry);
      if (!file) continue;
      pathsInDroppedFolders.set(file, entry.fullPath.replace(/^\//, ''));
      found.push(file);
    }
  }
  return found.sort(byPath);
}

/**
 * What was dropped: loose files as they are, dropped folders walked for their workbooks.
 * Must be called while the drop event is being handled: the browser empties the DataTransfer afterwards.
 */
export async function filesOfDrop(transfer: DataTransfer): Promise<File[]> {
  const items = [...transfer.items].filter((item) => item.kind === 'file');
  const dropped = items.map((item) => ({ entry: item.webkitGetAsEntry(), file: item.getAsFile() }));
  const files: File[] = [];
  for (const { entry, file } of dropped) {
    if (entry && isDirectory(entry)) files.push(...(await workbooksOfDirectory(entry)));
    else if (file) files.push(file);
  }
  return files;
}
