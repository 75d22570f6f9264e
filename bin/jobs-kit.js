#!/usr/bin/env node
// The jobs-kit command. `npm run build` compiles the TypeScript sources to dist/ and bundles the CLI
// into one CommonJS file, dist/bundle/main.cjs (`npm ci` runs the build for you: the `prepare` script).
//
// This file runs the bundle through vm.Script with a V8 code cache (what Node 22's
// module.enableCompileCache() does, which Node 20 lacks): the first run of a command compiles the
// 2.9 MB bundle and, once start-up is done (the command says so, or after a second), saves the compiled
// code next to it, one cache per command, since each compiles different functions; later runs load that instead of compiling (about
// 60 ms less CPU for `serve`). Commands that end sooner (--help, --version) save none. V8 rejects a
// cache made by another Node version or from another bundle, and that run writes a fresh one. The
// cache is only a speed-up: when it cannot be read or written (a read-only install) the CLI runs the
// same without it. JOBS_KIT_COMPILE_CACHE=0 turns it off.
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const file = fileURLToPath(new URL('../dist/bundle/main.cjs', import.meta.url));
const command = /^[a-z][a-z-]*$/.test(process.argv[2] ?? '') ? process.argv[2] : 'main';
const cacheFile = `${file}.${command}.v8-cache`;
const useCache = process.env.JOBS_KIT_COMPILE_CACHE !== '0';

let source;
try {
  source = readFileSync(file, 'latin1'); // the bundle is ASCII (esbuild's charset: 'ascii')
} catch (error) {
  if (error && error.code === 'ENOENT') console.error('jobs-kit: the CLI is not built yet; run `npm run build` (npm ci does it for you)');
  else console.error(`jobs-kit: cannot read ${file}: ${error && error.message ? error.message : error}`);
  process.exit(2);
}

let cachedData;
if (useCache) {
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // no cache yet: this run makes one
  }
}

const script = new vm.Script(Module.wrap(source), {
  filename: file,
  cachedData,
  // The bundle's dynamic import() calls resolve as they would in a file Node loaded itself.
  importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
});
const cacheRejected = cachedData !== undefined && script.cachedDataRejected;
// V8 keeps the wrapped copy it compiled; dropping ours frees 2.9 MB of heap and the 2 MB cache buffer.
source = undefined;
const hadCache = cachedData !== undefined;
cachedData = undefined;

if (useCache && (!hadCache || cacheRejected)) {
  let saved = false;
  const save = () => {
    if (saved) return;
    saved = true;
    // Write-then-rename: a CLI starting meanwhile reads the old cache or the new one, never half of one.
    const temp = `${cacheFile}.${process.pid}.tmp`;
    try {
      writeFileSync(temp, script.createCachedData());
      renameSync(temp, cacheFile);
    } catch {
      rmSync(temp, { force: true });
    }
  };
  // A command that knows when its start-up is done says so (serve, once listening, and before it changes
  // any V8 flag: V8 rejects a cache made under other flags than the run that loads it); others get a second.
  process.once('jobs-kit:started', save);
  setTimeout(save, 1000).unref();
}

const bundle = new Module(file);
bundle.filename = file;
bundle.paths = Module._nodeModulePaths(dirname(file));
script.runInThisContext()(bundle.exports, Module.createRequire(file), bundle, file, dirname(file));
