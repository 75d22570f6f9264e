import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

describe('runtime footprint', () => {
  it('the engine and the five APIs never load faker (fixtures are generated at build time)', async () => {
    const result = await build({
      entryPoints: [new URL('../../src/engine/create-engine.ts', import.meta.url).pathname],
      bundle: true,
      write: false,
      metafile: true,
      platform: 'neutral',
      format: 'esm',
      mainFields: ['module', 'main'],
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((path) => path.includes('@faker-js'))).toEqual([]);
    expect(inputs.filter((path) => /node:|msw/.test(path))).toEqual([]);
  });
});
