/** Starts PostgreSQL once for the whole run (unless DJ_TEST_PG_URL points at one, or DJ_TEST_PG=off). */
import type { TestProject } from 'vitest/node';
import { startPg, type PgServer } from './pg-server.js';

let server: PgServer | null = null;
let started: Promise<string> | null = null;
let users = 0;

/** Called once per test project (fast, slow): the projects of one run share one server. */
export default async function setup(project: TestProject) {
  users++;
  started ??= (async () => {
    const given = process.env.DJ_TEST_PG_URL ?? '';
    if (given || process.env.DJ_TEST_PG === 'off') return given;
    server = await startPg();
    return server.url;
  })();
  project.provide('pgUrl', await started);
  return async () => {
    if (--users === 0) await server?.stop();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string;
  }
}
