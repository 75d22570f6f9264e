/**
 * How the CLI is bundled (scripts/bundle-cli.ts builds with these; test/cli/lazy-commands.test.ts
 * checks what each command loads at run time).
 *
 * One CommonJS file, `dist/bundle/main.cjs`, instead of ~530 separate ESM files (their resolution and
 * compilation cost `serve` about 200 ms before it did any work). CommonJS, not ESM, because Node 20 can
 * only give a classic script a V8 code cache: bin/jobs-kit.js compiles the bundle with `vm.Script` and
 * the cache of the previous run, which saves most of the remaining compile time (see bin/jobs-kit.js).
 * Commands still load on demand: esbuild wraps every module reached only through a dynamic import
 * (main.ts loads each command that way; the fixtures command each API's generator) in a lazy
 * initialiser, so its top-level code runs when it is imported, and V8 compiles a function only when it
 * first runs. Ajv and yaml are replaced by shims that require them on first use (see bundle-shims/):
 * `serve` needs neither to start (validators are precompiled; canonical TCL flows are read without yaml).
 *
 * The file sits two folders below the package root, like dist/cli/main.js, so the sources'
 * `new URL('../../package.json', import.meta.url)` and `../../specs/` still resolve (import.meta.url is
 * defined from the bundle's own __filename).
 */
import type { BuildOptions } from 'esbuild';

export const CLI_BUNDLE_FILE = 'main.cjs';

export function cliBundleOptions(root: string, outdir = `${root}dist/bundle`): BuildOptions {
  return {
    entryPoints: [`${root}src/cli/main.ts`],
    absWorkingDir: root,
    outfile: `${outdir}/${CLI_BUNDLE_FILE}`,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    // faker is only for the fixtures command (4 MB of locales; required on Node >= 20.19, which loads ESM
    // through require); the Prism CLI is resolved by path, never imported.
    external: ['@faker-js/faker', '@stoplight/prism-cli'],
    alias: {
      'ajv/dist/2020.js': `${root}scripts/bundle-shims/lazy-ajv.ts`,
      yaml: `${root}scripts/bundle-shims/lazy-yaml.ts`,
    },
    banner: { js: "const __jobsKitImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    define: { 'import.meta.url': '__jobsKitImportMetaUrl' },
    // ASCII output: the loader reads the file as latin1, which is cheaper than decoding UTF-8.
    charset: 'ascii',
    logLevel: 'warning',
  };
}
