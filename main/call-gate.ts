// Calls to the API run side by side. A call that replaces the database file (a restore) must not close it
// under a call still using it: it waits until those are done and runs alone, and calls that come in
// meanwhile wait until it is done, so they see the restored database.

export class CallGate {
  private running = 0;
  /** Settles when the call that runs alone (or waits to) is done; null when there is none. */
  private aloneDone: Promise<void> | null = null;
  private onIdle: (() => void) | null = null;

  /** Runs a call beside the others, once no call is running alone. */
  async beside<T>(call: () => Promise<T>): Promise<T> {
    while (this.aloneDone) await this.aloneDone;
    this.running += 1;
    try {
      return await call();
    } finally {
      this.running -= 1;
      if (this.running === 0) this.onIdle?.();
    }
  }

  /** Runs a call once every call already running is done; calls that come meanwhile wait for it. */
  async alone<T>(call: () => Promise<T>): Promise<T> {
    while (this.aloneDone) await this.aloneDone;
    let done!: () => void;
    this.aloneDone = new Promise((resolve) => (done = resolve));
    try {
      if (this.running > 0) await new Promise<void>((resolve) => (this.onIdle = resolve));
      this.onIdle = null;
      return await call();
    } finally {
      this.aloneDone = null;
      done();
    }
  }
}
