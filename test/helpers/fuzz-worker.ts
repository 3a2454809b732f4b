// The import fuzzer's worker thread: the real import on the real database file, one case at a time, and the
// checks of what it stored on the same connection — so the parent can stop a case that runs past the bound (a
// loop that never yields included) and start a fresh worker.
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../main/db/open.ts';
import { campaignForm, getCampaign } from '../../main/services/campaigns.ts';
import { importReports } from '../../main/services/imports.ts';
import type { FormDefinition } from '../../shared/forms/types.ts';
import { counts, outcomeProblems, type FuzzReply, type FuzzRequest } from './fuzz-import.ts';

// exceljs says what it corrects on console.warn (a sheet name over 31 characters…): the outcome is what is judged.
console.warn = () => {};

const port = parentPort!;
const { db, close } = await openDatabase((workerData as { file: string }).file);
const forms = new Map<string, FormDefinition>();

async function formOf(campaignId: string): Promise<FormDefinition> {
  const known = forms.get(campaignId);
  if (known) return known;
  const form = await campaignForm(db, await getCampaign(db, campaignId));
  forms.set(campaignId, form);
  return form;
}

async function judge(request: FuzzRequest): Promise<FuzzReply> {
  const form = await formOf(request.campaignId);
  const before = await counts(db);
  const started = performance.now();
  try {
    const [outcome] = await importReports(db, request.campaignId, [{ name: request.name, bytes: request.bytes }], { dryRun: request.dryRun });
    const ms = performance.now() - started;
    return { kind: 'done', outcome, ms, ...(await outcomeProblems(db, request, form, outcome, before)) };
  } catch (error) {
    return { kind: 'threw', error: error instanceof Error ? (error.stack ?? error.message) : String(error), ms: performance.now() - started };
  }
}

port.on('message', async (message: FuzzRequest | 'close') => {
  if (message === 'close') {
    await close();
    port.close();
    return;
  }
  port.postMessage(await judge(message));
});
port.postMessage('ready');
