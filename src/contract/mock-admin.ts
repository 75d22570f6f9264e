/**
 * What the runner may do to a jobs-kit mock through its admin API: move its virtual clock (so
 * lifecycles can be observed in an instant) and reset it to its seeded state (so each writing
 * example meets the fixtures it was written against). Any other server keeps its own time and
 * state: the runner then reads again without waiting and runs writing examples in spec order.
 */
export interface MockAdmin {
  /** True when the server is a jobs-kit mock whose admin API answers. */
  readonly available: boolean;
  /** Moves the clock by `ms` when available; otherwise does nothing. */
  advance(ms: number): Promise<void>;
  /** Back to the seeded state and start time when available; otherwise does nothing. */
  reset(): Promise<void>;
}

export type MockAdminMode = 'auto' | 'off';

const NONE: MockAdmin = { available: false, advance: async () => {}, reset: async () => {} };

/** Probes `<origin>/__admin/health` once ('auto'); 'off' never touches the admin API. */
export async function createMockAdmin(baseUrl: string, fetchFn: typeof fetch, mode: MockAdminMode, timeoutMs: number): Promise<MockAdmin> {
  if (mode === 'off') return NONE;
  const origin = new URL(baseUrl).origin;
  let available = false;
  try {
    const res = await fetchFn(`${origin}/__admin/health`, { signal: AbortSignal.timeout(timeoutMs) });
    const body = res.ok && (res.headers.get('content-type') ?? '').includes('json') ? ((await res.json()) as { status?: unknown }) : undefined;
    available = body?.status === 'ok';
  } catch (error) {
    // A refused connection is reported by the first API request with the right message; here it only means "no admin".
    if ((error as Error).name !== 'TimeoutError' && (error as Error).name !== 'TypeError') throw error;
  }
  if (!available) return NONE;
  const post = async (path: string, body: unknown) => {
    await fetchFn(`${origin}/__admin${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(timeoutMs) });
  };
  return { available, advance: (ms) => post('/clock/advance', { ms }), reset: () => post('/reset', {}) };
}
