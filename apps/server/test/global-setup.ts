/** Starts PostgreSQL once for the whole run (unless DJ_TEST_PG_URL points at one, or DJ_TEST_PG=off). */
import type { TestProject } from 'vitest/node';
import { startPg, type PgServer } from './pg-server.js';

let server: PgServer | null = null;

export default async function setup(project: TestProject) {
  let url = process.env.DJ_TEST_PG_URL ?? '';
  if (!url && process.env.DJ_TEST_PG !== 'off') {
    server = await startPg();
    url = server.url;
  }
  project.provide('pgUrl', url);
  return () => server?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string;
  }
}
