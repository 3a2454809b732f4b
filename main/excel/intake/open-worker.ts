// A worker thread of open-workers.ts: opens each school's file it is sent — every check of openWorkbook, then the
// whole parse — and answers with the workbook's values as plain data, or the reason the file cannot be opened.
import { parentPort } from 'node:worker_threads';
import { issue, type FileIssue } from '../../../shared/messages.ts';
import { openWorkbook } from './open-workbook.ts';
import { snapshotOf, type WorkbookSnapshot } from './workbook-snapshot.ts';

export interface OpenRequest {
  id: number;
  name: string;
  bytes: Uint8Array;
}

export type OpenReply = { id: number; ok: true; snapshot: WorkbookSnapshot; warnings: FileIssue[] } | { id: number; ok: false; error: FileIssue };

async function answer({ id, name, bytes }: OpenRequest): Promise<OpenReply> {
  try {
    const opened = await openWorkbook(bytes, name);
    if (!opened.ok) return { id, ok: false, error: opened.error };
    return { id, ok: true, snapshot: snapshotOf(opened.workbook), warnings: opened.warnings };
  } catch {
    // A part the parser gave up on while the values were read: the refusal a parse failing at once gives.
    return { id, ok: false, error: issue('error', 'import.fileUnreadable', { file: name }) };
  }
}

parentPort?.on('message', (request: OpenRequest) => {
  void answer(request).then((reply) => parentPort?.postMessage(reply));
});
