import { build, type Metafile } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliBundleOptions } from '../../scripts/cli-bundle-options.js';
import { ROOT } from './run-cli.js';

/**
 * What each command makes Node load: the CLI bundled exactly as `npm run build` bundles it (code
 * splitting, Ajv and yaml behind shims that load them on first use), then, from a chunk, everything
 * reachable through static imports. Dynamic imports are what
 * commands load on demand, so they do not count.
 */
let meta: Metafile;
beforeAll(async () => {
  const result = await build({ ...cliBundleOptions(ROOT, `${ROOT}dist/never-written`), write: false, metafile: true, logLevel: 'silent' });
  meta = result.metafile;
});

function loadedBy(entry: string): string[] {
  const [start] = Object.entries(meta.outputs).find(([, out]) => out.entryPoint === entry) ?? [];
  if (!start) throw new Error(`no chunk for ${entry}`);
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    for (const dep of meta.outputs[path]!.imports) if (dep.kind === 'import-statement' && !dep.external) visit(dep.path);
  };
  visit(start);
  return [...seen].flatMap((out) => Object.keys(meta.outputs[out]!.inputs));
}

describe('cli: commands load lazily', () => {
  it('starting the CLI loads no command, API or contract code (help and --version stay instant)', () => {
    const inputs = loadedBy('src/cli/main.ts');
    expect(inputs.filter((p) => /src\/(cli\/commands|contract|apis|engine)\/|node_modules\/(ajv|yaml)\//.test(p))).toEqual([]);
  });
  it('serve loads neither Ajv, yaml, the contract runner nor the fixture generators (validators are precompiled)', () => {
    const inputs = loadedBy('src/cli/commands/serve.ts');
    expect(inputs.some((p) => p.includes('src/doors/node-server.ts'))).toBe(true);
    expect(inputs.filter((p) => /src\/(contract|fixtures)\/|src\/apis\/[^/]+\/fixtures\.ts|node_modules\/(ajv|yaml)\//.test(p))).toEqual([]);
  });
});
