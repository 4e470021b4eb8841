// Starts a worker thread from the TypeScript sources (tests, or a run without the bundle): the sheet reader, the
// province demo's stages. tsx is registered in this thread first, since loader hooks are per thread on Node 20.
import { workerData } from 'node:worker_threads';

const { register } = await import('tsx/esm/api');
register();
await import(workerData.entry);
