/**
 * The app: lists the account's Exabyte jobs, newest first, and creates new ones. It only uses
 * fetch and relative URLs, so the same code talks to the real API behind a proxy or, in development,
 * to jobs-kit behind MSW's service worker (main.ts decides which).
 */
export interface JobsPageOptions {
  /** Where the Exabyte API is mounted on this origin. */
  apiBase: string;
  /** X-Account-Id / X-Auth-Token of the signed-in user. */
  credentials: Record<string, string>;
  /** A workflow new jobs run (Exabyte requires one). */
  workflowId: string;
}

interface Job {
  _id: string;
  name: string;
  status: string;
}

export function startJobsPage(root: Document, options: JobsPageOptions): { refresh(): Promise<void> } {
  const list = root.querySelector<HTMLUListElement>('#jobs')!;
  const error = root.querySelector<HTMLParagraphElement>('#error')!;
  const form = root.querySelector<HTMLFormElement>('#create')!;

  async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
    const response = await fetch(`${options.apiBase}${path}`, { ...init, headers: { ...options.credentials, 'content-type': 'application/json' } });
    const body = await response.json();
    // Exabyte answers JSend: { status: 'success', data } or { status: 'fail' | 'error', data: { message } }.
    if (body.status !== 'success') throw new Error(`${response.status}: ${body.data?.message ?? 'request failed'}`);
    return body.data as T;
  }

  async function refresh(): Promise<void> {
    list.setAttribute('aria-busy', 'true');
    const projection = encodeURIComponent(JSON.stringify({ sort: { createdAt: -1 }, limit: 10, fields: { name: 1, status: 1 } }));
    const jobs = await call<Job[]>(`/jobs?projection=${projection}`);
    list.replaceChildren(
      ...jobs.map((job) => {
        const item = root.createElement('li');
        item.dataset['id'] = job._id;
        item.append(Object.assign(root.createElement('span'), { textContent: job.name }), Object.assign(root.createElement('span'), { className: 'status', textContent: job.status }));
        return item;
      }),
    );
    list.setAttribute('aria-busy', 'false');
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const name = new FormData(form).get('name') as string;
    error.textContent = '';
    call<Job>('/jobs', { method: 'POST', body: JSON.stringify({ name, workflow: { _id: options.workflowId } }) })
      .then(() => {
        form.reset();
        return refresh();
      })
      .catch((e: Error) => (error.textContent = e.message));
  });

  refresh().catch((e: Error) => (error.textContent = e.message));
  return { refresh };
}
