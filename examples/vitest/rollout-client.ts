/**
 * A small piece of a real app: a client that starts a firmware rollout through the IoT Jobs API and
 * waits for it to finish. It knows nothing about jobs-kit; its test suite (rollout-client.test.ts)
 * points it at the mock.
 */
export interface RolloutClientOptions {
  /** Where the IoT Jobs API lives, e.g. https://iot.us-east-1.amazonaws.com. */
  baseUrl: string;
  /** Credentials sent with every request (SigV4 headers for AWS). */
  headers: Record<string, string>;
  fetch?: typeof fetch;
}

export interface Rollout {
  jobId: string;
  status: string;
  /** Executions per status (`numberOfSucceededThings`, ...), as the API counts them. */
  counts: Record<string, number>;
}

export class RolloutError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const FINISHED = new Set(['COMPLETED', 'CANCELED']);

export function createRolloutClient(options: RolloutClientOptions) {
  // Looked up per call, not captured: test tools (MSW) install their fetch after modules load.
  const send: typeof fetch = (input, init) => (options.fetch ?? fetch)(input, init);
  const base = options.baseUrl.replace(/\/+$/, '');

  async function call(method: string, path: string, body?: unknown): Promise<any> {
    const response = await send(`${base}${path}`, {
      method,
      headers: { ...options.headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const payload = await response.json().catch(() => ({}));
    if (!response.ok) throw new RolloutError(response.status, payload.code ?? 'Unknown', `${method} ${path}: ${response.status} ${payload.code ?? ''} ${payload.error ?? ''}`.trim());
    return payload;
  }

  return {
    /** Starts a rollout of `firmware` to things (ARNs); answers the new job's id. */
    async start(targets: string[], firmware: string): Promise<string> {
      const created = await call('POST', '/jobs', { targets, document: JSON.stringify({ operation: 'ota', firmware }), description: `firmware ${firmware}` });
      return created.jobId;
    },

    async get(jobId: string): Promise<Rollout> {
      const { job } = await call('GET', `/jobs/${encodeURIComponent(jobId)}`);
      return { jobId: job.jobId, status: job.status, counts: job.jobProcessDetails ?? {} };
    },

    /** Polls until the rollout has finished; `sleep` is injectable so tests can move a virtual clock instead of waiting. */
    async waitUntilDone(jobId: string, { pollMs = 30_000, maxPolls = 240, sleep = (ms: number) => new Promise((r) => setTimeout(r, ms)) } = {}): Promise<Rollout> {
      for (let poll = 0; poll < maxPolls; poll++) {
        const rollout = await this.get(jobId);
        if (FINISHED.has(rollout.status)) return rollout;
        await sleep(pollMs);
      }
      throw new Error(`rollout ${jobId} still running after ${maxPolls} polls`);
    },
  };
}
