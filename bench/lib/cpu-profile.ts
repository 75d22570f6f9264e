import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO } from './paths.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface HotSpot {
  name: string;
  where: string;
  selfMs: number;
  totalMs: number;
  selfPct: number;
  totalPct: number;
}

function where(url: string, line: number): string {
  if (!url) return '(native)';
  const path = url.startsWith('file://') ? relative(REPO, fileURLToPath(url)) : url;
  return `${path}:${line + 1}`;
}

/**
 * Self and inclusive time per function from a V8 .cpuprofile. Inclusive time counts a function once
 * per sample even when it recurses, so percentages stay meaningful.
 */
export function hotSpots(file: string): { totalMs: number; spots: HotSpot[] } {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const key = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'}\u0000${where(n.callFrame.url, n.callFrame.lineNumber)}`;
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let totalUs = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i] ?? 0;
    totalUs += dt;
    let node = byId.get(profile.samples[i]!);
    if (!node) continue;
    self.set(key(node), (self.get(key(node)) ?? 0) + dt);
    const seen = new Set<string>();
    for (let depth = 0; node && depth < 10_000; depth++) {
      const k = key(node);
      if (!seen.has(k)) {
        seen.add(k);
        total.set(k, (total.get(k) ?? 0) + dt);
      }
      const up = parent.get(node.id);
      node = up === undefined ? undefined : byId.get(up);
    }
  }
  const spots = [...total.keys()].map((k) => {
    const [name, at] = k.split('\u0000') as [string, string];
    const s = self.get(k) ?? 0;
    const t = total.get(k) ?? 0;
    return { name, where: at, selfMs: s / 1000, totalMs: t / 1000, selfPct: (100 * s) / totalUs, totalPct: (100 * t) / totalUs };
  });
  return { totalMs: totalUs / 1000, spots };
}

export function renderHotSpots(title: string, spots: readonly HotSpot[], by: 'self' | 'total', limit: number): string {
  const sorted = [...spots].sort((a, b) => (by === 'self' ? b.selfMs - a.selfMs : b.totalMs - a.totalMs)).slice(0, limit);
  const lines = [title, `${'self %'.padStart(7)} ${'total %'.padStart(7)}  function  (file:line)`];
  for (const s of sorted) lines.push(`${s.selfPct.toFixed(1).padStart(7)} ${s.totalPct.toFixed(1).padStart(7)}  ${s.name}  (${s.where})`);
  return lines.join('\n');
}
