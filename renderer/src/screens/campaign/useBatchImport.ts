// A batch import run file by file: one 'reports.import' call per file, each file's bytes read only when its turn
// comes, progress after every file, and a cancel that stops before the next file (files already imported stay).
import { useEffect, useRef, useState } from 'react';
import type { ImportOutcome } from '../../../../shared/domain.ts';
import { MAX_FILE_BYTES } from '../../../../shared/imports.ts';
import { issue } from '../../../../shared/messages.ts';
import { fileToBase64 } from '../../../api.ts';
import { batchFileName } from '../../components/folderFiles.ts';
import { MEGABYTE } from '../../components/format.ts';
import { change, readAgainAfter } from '../../data/cache.ts';

/** One file's outcome, keyed by the file's place in the batch. */
export interface BatchRow extends ImportOutcome {
  key: number;
}

export interface BatchState {
  /** Counts the batches of this screen, so that a new batch starts with fresh filters. */
  run: number;
  rows: BatchRow[];
  /** Files in the batch. */
  total: number;
  /** A check only (dry run): nothing was stored. */
  checkedOnly: boolean;
  running: boolean;
  /** Cancel was pressed; the file being read is finished first. */
  stopping: boolean;
  /** The batch ended before its last file (cancelled, or an error). */
  stopped: boolean;
  /** The name of the file being read now. */
  current: string | null;
  error: unknown;
}

const IDLE: BatchState = { run: 0, rows: [], total: 0, checkedOnly: false, running: false, stopping: false, stopped: false, current: null, error: undefined };

function tooLarge(name: string, size: number, checkedOnly: boolean): ImportOutcome {
  const error = issue('error', 'import.fileTooLarge', { file: name, size: Math.round((size / MEGABYTE) * 10) / 10, limit: MAX_FILE_BYTES / MEGABYTE });
  return {
    file: name, status: 'rejected', hasWarnings: false, schoolBin: null, schoolName: null, errors: [error], warnings: [],
    superseded: false, importId: null, newSchool: null, checkedOnly,
  };
}

/** Reads one file and has it judged (and stored, unless a dry run); in a batch, the screens read again once at its end. */
export async function importOneFile(campaignId: string, file: File, dryRun: boolean, inBatch = false): Promise<ImportOutcome> {
  const name = batchFileName(file);
  if (file.size > MAX_FILE_BYTES) return tooLarge(name, file.size, dryRun);
  const [outcome] = await change('reports.import', { campaignId, files: [{ name, base64: await fileToBase64(file) }], dryRun }, { readAgain: !inBatch });
  return outcome;
}

/** Lets the browser paint the progress before the next file's work starts. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export function useBatchImport(campaignId: string) {
  const [batch, setBatch] = useState<BatchState>(IDLE);
  const cancelled = useRef(false);
  /** The batch's files by row key, to check a file again after its school was added. */
  const sources = useRef(new Map<number, File>());
  // Leaving the screen stops the batch after the file being read, as Cancel does.
  useEffect(() => () => {
    cancelled.current = true;
  }, []);

  const importEach = async (files: File[], dryRun: boolean) => {
    for (const [index, file] of files.entries()) {
      if (cancelled.current) return;
      setBatch((b) => ({ ...b, current: batchFileName(file) }));
      await nextTask();
      const outcome = await importOneFile(campaignId, file, dryRun, true);
      sources.current.set(index, file);
      setBatch((b) => ({ ...b, rows: [...b.rows, { ...outcome, key: index }] }));
    }
  };

  const start = async (files: File[], dryRun: boolean) => {
    cancelled.current = false;
    sources.current = new Map();
    setBatch((b) => ({ ...IDLE, run: b.run + 1, total: files.length, checkedOnly: dryRun, running: true }));
    let error: unknown;
    try {
      await importEach(files, dryRun);
    } catch (caught) {
      error = caught;
    }
    setBatch((b) => ({ ...b, running: false, stopping: false, current: null, error, stopped: b.rows.length < b.total }));
    if (!dryRun) await readAgainAfter('reports.import');
  };

  const cancel = () => {
    cancelled.current = true;
    setBatch((b) => ({ ...b, stopping: true }));
  };

  /** Puts a file's new outcome (judged again) in the place of its old one. */
  const replace = (key: number, outcome: ImportOutcome) => {
    setBatch((b) => ({ ...b, rows: b.rows.map((row) => (row.key === key ? { ...outcome, key } : row)) }));
  };

  return { batch, start: (files: File[], dryRun: boolean) => void start(files, dryRun), cancel, replace, sourceOf: (key: number) => sources.current.get(key) };
}
