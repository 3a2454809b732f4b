#!/usr/bin/env node
// The `jinaq` command. Node 24 runs the TypeScript sources directly (type stripping).
import { runCli } from '../main/cli.ts';

process.exitCode = await runCli(process.argv.slice(2));
