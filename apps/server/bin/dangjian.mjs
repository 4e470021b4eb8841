#!/usr/bin/env node
// The command line: loads the TypeScript sources through tsx so no build step is needed.
import { register } from 'tsx/esm/api';
register();
const { runCli } = await import('../src/main.ts');
await runCli(process.argv.slice(2));
