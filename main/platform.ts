// The one difference between the desktop app and browser mode: where produced files go.
import { zipSync } from 'fflate';
import type { SaveOutcome } from '../shared/domain.ts';

export interface OutputFile {
  name: string;
  bytes: Uint8Array;
}

export interface SaveRequest {
  files: OutputFile[];
  /** The name of a single download that holds several files (browser mode zips them). */
  bundleName: string;
}

export interface Platform {
  /** Offers produced files to the user: the desktop app asks where to save; browser mode hands them to the browser. */
  saveFiles(request: SaveRequest): Promise<SaveOutcome>;
}

/** Browser mode: one file is downloaded as it is, several go into one .zip. */
export const browserPlatform: Platform = {
  async saveFiles({ files, bundleName }) {
    if (files.length === 1) {
      const [file] = files;
      return { kind: 'download', count: 1, file: { name: file.name, base64: Buffer.from(file.bytes).toString('base64') } };
    }
    const zipped = zipSync(Object.fromEntries(files.map((file) => [file.name, file.bytes])), { level: 6 });
    return { kind: 'download', count: files.length, file: { name: bundleName, base64: Buffer.from(zipped).toString('base64') } };
  },
};
