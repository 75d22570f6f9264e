import type { LatencySetting } from '../engine/engine-options.js';
import type { Random } from '../state/random.js';

/** How long to hold this response, in wall-clock ms (latency is felt by clients, so it is real time). */
export function pickDelay(setting: LatencySetting | undefined, random: Random): number {
  if (!setting) return 0;
  return setting.min === setting.max ? setting.min : random.int(setting.min, setting.max);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Parses `250` or `100-400` (CLI and admin input); undefined when malformed. */
export function parseLatency(text: string): LatencySetting | undefined {
  const match = /^(\d+)(?:-(\d+))?$/.exec(text.trim());
  if (!match) return undefined;
  const min = Number(match[1]);
  const max = match[2] === undefined ? min : Number(match[2]);
  return max >= min && max <= 600_000 ? { min, max } : undefined;
}
