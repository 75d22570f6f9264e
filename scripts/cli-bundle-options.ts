/**
 * How the CLI is bundled (scripts/bundle-cli.ts builds with these; test/cli/lazy-commands.test.ts can
 * take the same options to check what each command loads).
 *
 * One bundle instead of ~530 separate ESM files: module resolution and compilation of those files cost
 * `serve` about 200 ms before it did any work. Code splitting keeps the commands' dynamic imports
 * (main.ts loads each command on demand; the fixtures command loads each API's generator on demand) as
 * separate chunks. Ajv and yaml are replaced by shims that require them on first use (see
 * bundle-shims/): `serve` needs neither to start (validators are precompiled; canonical TCL flows are
 * read without yaml).
 *
 * Output sits two folders below the package root, like dist/cli/main.js, so the sources'
 * `new URL('../../package.json', import.meta.url)` and `../../specs/` still resolve; chunks stay
 * beside main.js for the same reason.
 */
import type { BuildOptions } from 'esbuild';

export function cliBundleOptions(root: string, outdir = `${root}dist/bundle`): BuildOptions {
  return {
    entryPoints: [`${root}src/cli/main.ts`],
    absWorkingDir: root,
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // faker is only for the fixtures command (4 MB of locales); the Prism CLI is resolved by path, never imported.
    external: ['@faker-js/faker', '@stoplight/prism-cli'],
    alias: {
      'ajv/dist/2020.js': `${root}scripts/bundle-shims/lazy-ajv.ts`,
      yaml: `${root}scripts/bundle-shims/lazy-yaml.ts`,
    },
    // Bundled CommonJS dependencies (commander) call require() for Node built-ins.
    banner: { js: "import { createRequire as __jobsKitCreateRequire } from 'node:module'; const require = __jobsKitCreateRequire(import.meta.url);" },
    chunkNames: '[name]-[hash]',
    logLevel: 'warning',
  };
}
