// The background writer of a one-thread render batch: the checking thread
// renders page after page while this thread does the file system work
// (encode, create, write, rename), which costs about as much as rendering.
import { parentPort, workerData } from 'node:worker_threads';
import type { Lang } from '../model/label.js';
import { useWriteGate, writeOutput } from './write-output.js';
import type { WriteJob, WriteReply } from './writer.js';

const { lang, gate } = workerData as { lang: Lang; gate: SharedArrayBuffer };
useWriteGate(gate);

parentPort!.on('message', (job: WriteJob) => {
  let reply: WriteReply;
  try {
    reply = { id: job.id, error: writeOutput(job.output, job.content, job.input, lang) };
  } catch (e) {
    reply = { id: job.id, error: `${job.output}: ${(e as Error)?.message ?? String(e)}` };
  }
  parentPort!.postMessage(reply);
});
