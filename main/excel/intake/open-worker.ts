// A worker thread of open-workers.ts: opens each school's file it is sent — every check of openWorkbook, then the
// whole parse — and reads it against the batch's context (file-reading.ts, sent once, before the first file: the
// thread may be started before the context is known). It answers with the reading, plain data; a reading that failed
// is done again on the calling thread.
import { parentPort } from 'node:worker_threads';
import { readHere, sentReading, type ReadingContext, type SentReading } from './file-reading.ts';

export interface ReadRequest {
  id: number;
  name: string;
  bytes: Uint8Array;
}

/** The batch's context first, then the files, then `stop`; messages arrive in the order they were sent. */
export type ThreadMessage = { context: ReadingContext } | ReadRequest | { stop: true };

export type ReadReply = { id: number; reading: SentReading } | { id: number; failed: string };

let context: ReadingContext | undefined;

async function answer({ id, name, bytes }: ReadRequest): Promise<ReadReply> {
  try {
    if (!context) throw new Error('a file sent before the context');
    return { id, reading: sentReading(await readHere({ name, bytes }, context), context) };
  } catch (error) {
    return { id, failed: String(error) };
  }
}

const reading = new Set<Promise<void>>();

parentPort?.on('message', (message: ThreadMessage) => {
  if ('stop' in message) {
    // The thread ends once the files it holds are read: nothing is cut off in the middle (see ReaderThread.stop).
    void Promise.allSettled(reading).then(() => parentPort?.close());
  } else if ('context' in message) {
    context = message.context;
  } else {
    const replied = answer(message).then((reply) => parentPort?.postMessage(reply));
    reading.add(replied);
    void replied.finally(() => reading.delete(replied));
  }
});
