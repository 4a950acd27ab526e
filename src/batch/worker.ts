// A worker thread of checkMany: reads and checks the files of each chunk it
// is sent, and posts back their results (findings already placed and worded).
import { parentPort, workerData } from 'node:worker_threads';
import { checkSource } from '../check.js';
import { readInputOrError } from '../cli/read.js';
import type { CliIO } from '../cli/io.js';
import { resolve } from 'node:path';
import type { WorkerJob, WorkerReply, WorkerSetup } from './check-many.js';

const setup = workerData as WorkerSetup;
const today = setup.today === undefined ? undefined : new Date(setup.today);
// Render code (Handlebars, markdown-it) is loaded only by a rendering batch.
const renderOne = setup.render ? (await import('./render-one.js')).renderOne : undefined;
if (setup.gate) (await import('./write-output.js')).useWriteGate(setup.gate);
// Only cwd is used for named files; standard input never reaches a worker.
const io: CliIO = {
  stdout: () => undefined, stderr: () => undefined, readStdin: async () => new Uint8Array(0),
  cwd: setup.cwd, env: {}, stdoutIsTTY: false, stderrIsTTY: false,
};

parentPort!.on('message', async (job: WorkerJob) => {
  const results: NonNullable<WorkerReply['results']> = [];
  try {
    for (const [i, file] of job.files.entries()) {
      const input = await readInputOrError(file, io, setup.lang);
      if ('error' in input) {
        results.push({ file, error: input.error });
        continue;
      }
      if (renderOne && setup.render) {
        const out = renderOne(input.bytes, input.size, file, resolve(setup.cwd, file), job.outputs![i]!, setup.render, setup.lang);
        results.push({ file, findings: out.findings, render: out });
        continue;
      }
      const r = checkSource(input.bytes, { filename: file, byteLength: input.size, today });
      results.push({ file, findings: r.findings });
    }
    parentPort!.postMessage({ start: job.start, results } satisfies WorkerReply);
  } catch (e) {
    parentPort!.postMessage({ start: job.start, fatal: (e as Error)?.message ?? String(e) } satisfies WorkerReply);
  }
});
