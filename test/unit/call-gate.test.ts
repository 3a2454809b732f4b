// The gate between API calls: calls run side by side, a call that replaces the database runs alone.
import { describe, expect, it } from 'vitest';
import { CallGate } from '../../main/call-gate.ts';

/** A call that records when it starts and ends, and ends when the test says so. */
function step(name: string, log: string[]) {
  let finish!: () => void;
  let fail!: (error: Error) => void;
  const ended = new Promise<string>((resolve, reject) => {
    finish = () => resolve(name);
    fail = reject;
  });
  return {
    run: async () => {
      log.push(`${name} starts`);
      try {
        return await ended;
      } finally {
        log.push(`${name} ends`);
      }
    },
    finish: () => finish(),
    fail: (error: Error) => fail(error),
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('CallGate', () => {
  it('runs calls side by side', async () => {
    const gate = new CallGate();
    const log: string[] = [];
    const [a, b] = [step('a', log), step('b', log)];
    const results = [gate.beside(a.run), gate.beside(b.run)];
    await settle();
    expect(log).toEqual(['a starts', 'b starts']);
    b.finish();
    a.finish();
    expect(await Promise.all(results)).toEqual(['a', 'b']);
  });

  it('starts a call alone once the running calls end, and holds back the calls that come meanwhile', async () => {
    const gate = new CallGate();
    const log: string[] = [];
    const [importing, restore, later] = [step('import', log), step('restore', log), step('later', log)];
    const results = [gate.beside(importing.run), gate.alone(restore.run), gate.beside(later.run)];
    await settle();
    expect(log).toEqual(['import starts']);
    importing.finish();
    await settle();
    expect(log).toEqual(['import starts', 'import ends', 'restore starts']);
    restore.finish();
    await settle();
    expect(log).toEqual(['import starts', 'import ends', 'restore starts', 'restore ends', 'later starts']);
    later.finish();
    expect(await Promise.all(results)).toEqual(['import', 'restore', 'later']);
  });

  it('runs two calls alone one after the other, and opens again after one that failed', async () => {
    const gate = new CallGate();
    const log: string[] = [];
    const [first, second, after] = [step('first', log), step('second', log), step('after', log)];
    const failed = gate.alone(first.run);
    const results = [gate.alone(second.run), gate.beside(after.run)];
    await settle();
    expect(log).toEqual(['first starts']);
    first.fail(new Error('the file will not open'));
    await expect(failed).rejects.toThrow('the file will not open');
    await settle();
    expect(log).toEqual(['first starts', 'first ends', 'second starts']);
    second.finish();
    await settle();
    expect(log.at(-1)).toBe('after starts');
    after.finish();
    expect(await Promise.all(results)).toEqual(['second', 'after']);
  });

  it('does not wait when nothing runs', async () => {
    const gate = new CallGate();
    expect(await gate.alone(async () => 'alone')).toBe('alone');
    expect(await gate.beside(async () => 'beside')).toBe('beside');
  });
});
