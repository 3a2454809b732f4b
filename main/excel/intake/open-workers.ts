// Reading many school files at once: each is opened and read against the campaign (file-reading.ts) on worker
// threads (one fewer than the machine has cores, at least one, at most 4), a few files ahead of the one the import
// is storing, and handed back in the order the files came. Storing — which school the file is from, one transaction
// per file — stays on the calling thread, in order. One file alone is read on the calling thread: starting a thread
// would cost more than it saves. A caller that knows early that several files are coming starts the threads first
// (startReaders), so that they load while it still loads and reads the database.
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { readHere, receivedReading, type FileReading, type ReadingContext } from './file-reading.ts';
import type { ReadReply, ThreadMessage } from './open-worker.ts';

const WORKER_FILE = new URL(import.meta.url.endsWith('.ts') ? './open-worker.ts' : './open-worker.mjs', import.meta.url);
const MAX_THREADS = 4;
/** How long a thread asked to stop may take to finish the files it holds before it is terminated. */
const STOP_GRACE_MS = 10_000;
/** Files read ahead per thread: enough to keep every thread busy while the import stores, few enough for memory. */
const AHEAD_PER_THREAD = 2;
/** A lone thread still gets a few files ahead, so that a slower commit now and then does not leave it waiting. */
const MIN_AHEAD = 4;
/**
 * A file larger than this is read on the calling thread: a copy would go to the thread, and V8 frees such large
 * buffers late there. A school's report is some tens of kilobytes; a file this big is seldom a report at all.
 */
const MAX_THREAD_FILE_BYTES = 2 ** 20;
/**
 * A parse makes many short-lived objects; left to itself V8 lets each thread's young generation grow to about 100 MB.
 * 8 MB costs no time measurably (bench:import) and keeps the threads' memory small.
 */
const YOUNG_GENERATION_MB = 8;

export interface FileToOpen {
  name: string;
  bytes: Uint8Array;
}

/**
 * One core is left to the calling thread, which stores: on two cores one reader thread keeps up with it, and a
 * second would only add its own start and its own warming up of the same code (more CPU time, no less wall time).
 */
export function readerThreads(): number {
  return Math.max(1, Math.min(availableParallelism() - 1, MAX_THREADS));
}

/** A thread that reads the files it is given, one after another, against the batch's context (sent first). */
class ReaderThread {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve: (reading: FileReading) => void; reject: (error: unknown) => void }>();
  private next = 0;
  private stopped: unknown = null;
  private context: ReadingContext | null = null;
  private readonly exited: Promise<void>;

  constructor(script: URL) {
    this.worker = new Worker(script, { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    this.worker.on('message', (reply: ReadReply) => {
      const waiting = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if ('reading' in reply) waiting?.resolve(receivedReading(reply.reading, this.context!));
      else waiting?.reject(new Error(reply.failed));
    });
    this.worker.on('error', (error) => this.failAll(error));
    this.exited = new Promise((resolve) => {
      this.worker.on('exit', (code) => {
        this.failAll(this.stopped ?? new Error(`the thread opening files stopped (exit code ${code})`));
        resolve();
      });
    });
  }

  /** The batch's context, before any file. */
  begin(context: ReadingContext): void {
    this.context = context;
    this.worker.ref();
    this.send({ context });
  }

  /** A thread started ahead, waiting for its batch, does not keep the process alive. */
  idle(): void {
    this.worker.unref();
  }

  private send(message: ThreadMessage): void {
    this.worker.postMessage(message);
  }

  private failAll(error: unknown): void {
    this.stopped = error;
    for (const { reject } of this.waiting.values()) reject(error);
    this.waiting.clear();
  }

  read(file: FileToOpen): Promise<FileReading> {
    if (this.stopped) return Promise.reject(this.stopped);
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      // A copy of the file alone: a message copies the whole buffer a view sits in (Node reads a small file into 64 KB).
      this.send({ id, name: path.basename(file.name), bytes: new Uint8Array(file.bytes) });
    });
  }

  get load(): number {
    return this.waiting.size;
  }

  /**
   * Asks the thread to end once the files it holds are read, and waits for it. Terminating a thread in the middle of
   * inflating a file aborts the whole process (Node's zlib: «close before init»), as an import that ends early would.
   */
  async stop(): Promise<void> {
    if (!this.stopped) {
      this.stopped = new Error('the thread opening files was stopped');
      this.send({ stop: true });
    }
    const stuck = setTimeout(() => void this.worker.terminate(), STOP_GRACE_MS);
    await this.exited;
    clearTimeout(stuck);
  }
}

/** Threads started ahead of their batch (startReaders), taken by the next readInOrder. */
let startedAhead: { script: URL; threads: ReaderThread[] } | null = null;

/** Starts the reader threads now, for a batch of several files to come: they load their modules meanwhile. */
export function startReaders(threads = readerThreads(), script = WORKER_FILE): void {
  startedAhead = { script, threads: Array.from({ length: threads }, () => new ReaderThread(script)) };
  for (const thread of startedAhead.threads) thread.idle();
}

/** The threads of a batch: those started ahead for it, else new ones. */
function readerPool(threads: number, script: URL): ReaderThread[] {
  const ahead = startedAhead?.script.href === script.href ? startedAhead.threads : [];
  startedAhead = null;
  for (const extra of ahead.slice(threads)) void extra.stop();
  return Array.from({ length: threads }, (_, i) => ahead[i] ?? new ReaderThread(script));
}

/** The first two files, and the rest to come: two tell whether threads are worth starting. */
async function firstTwo<F>(files: AsyncIterable<F> | Iterable<F>): Promise<{ head: F[]; rest: AsyncIterator<F> | Iterator<F> }> {
  const rest = Symbol.asyncIterator in files ? files[Symbol.asyncIterator]() : files[Symbol.iterator]();
  const head: F[] = [];
  while (head.length < 2) {
    const next = await rest.next();
    if (next.done) break;
    head.push(next.value);
  }
  return { head, rest };
}

/**
 * Each file with its reading under way, in the files' order. The files are read from `files` only as fast as the
 * caller takes them (a folder's size never decides the memory used).
 */
export async function* readInOrder<F extends FileToOpen>(
  files: AsyncIterable<F> | Iterable<F>, context: ReadingContext, threads = readerThreads(), script = WORKER_FILE,
): AsyncGenerator<{ file: F; reading: Promise<FileReading> }> {
  const { head, rest } = await firstTwo(files);
  if (head.length < 2) {
    for (const file of head) yield { file, reading: readHere(file, context) };
    return;
  }
  const pool = readerPool(threads, script);
  for (const thread of pool) thread.begin(context);
  const ahead: Array<{ file: F; reading: Promise<FileReading> }> = [];
  const start = (file: F) => {
    const thread = pool.reduce((idlest, candidate) => (candidate.load < idlest.load ? candidate : idlest));
    const here = () => readHere(file, context);
    // A thread that could not start or died (out of memory), or a reading that failed there, is done again here.
    const reading = file.bytes.byteLength > MAX_THREAD_FILE_BYTES ? here() : thread.read(file).catch(here);
    ahead.push({ file, reading });
  };
  const full = () => ahead.length >= Math.max(threads * AHEAD_PER_THREAD, MIN_AHEAD);
  try {
    for (const file of head) start(file);
    for (let next = await rest.next(); !next.done; next = await rest.next()) {
      while (full()) yield ahead.shift()!;
      start(next.value);
    }
    while (ahead.length > 0) yield ahead.shift()!;
  } finally {
    await Promise.all(pool.map((thread) => thread.stop()));
  }
}
