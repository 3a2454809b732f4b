// A worker thread of open-workers.ts: opens each school's file it is sent — every check of openWorkbook, then the
// whole parse — and reads it against the batch's context (file-reading.ts, sent once as the thread's workerData).
// It answers with the reading, plain data; a reading that failed is done again on the calling thread.
import { parentPort, workerData } from 'node:worker_threads';
import { readHere, type FileReading, type ReadingContext } from './file-reading.ts';

export interface ReadRequest {
  id: number;
  name: string;
  bytes: Uint8Array;
}

export type ReadReply = { id: number; reading: FileReading } | { id: number; failed: string };

const context = workerData as ReadingContext;

async function answer({ id, name, bytes }: ReadRequest): Promise<ReadReply> {
  try {
    return { id, reading: await readHere({ name, bytes }, context) };
  } catch (error) {
    return { id, failed: String(error) };
  }
}

parentPort?.on('message', (request: ReadRequest) => {
  void answer(request).then((reply) => parentPort?.postMessage(reply));
});
