// The desktop app's way to hand over produced files: a save dialog for one, a folder for several.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { dialog, type BrowserWindow } from 'electron';
import type { Platform } from '../platform.ts';
import { saveFiltersFor } from './save-filters.ts';

export function electronPlatform(window: () => BrowserWindow | null): Platform {
  return {
    async saveFiles({ files }) {
      const owner = window();
      if (files.length === 1) {
        const [file] = files;
        const options = { defaultPath: file.name, filters: saveFiltersFor(file.name) };
        const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
        if (choice.canceled || !choice.filePath) return { kind: 'cancelled' };
        await writeFile(choice.filePath, file.bytes);
        return { kind: 'saved', location: choice.filePath, count: 1 };
      }
      const options = { properties: ['openDirectory' as const, 'createDirectory' as const] };
      const choice = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
      if (choice.canceled || choice.filePaths.length === 0) return { kind: 'cancelled' };
      const folder = choice.filePaths[0];
      for (const file of files) await writeFile(path.join(folder, file.name), file.bytes);
      return { kind: 'saved', location: folder, count: files.length };
    },
  };
}
