/**
 * The admin page's script: plain browser JavaScript, no framework, inlined into the page by
 * admin-page.ts. It only calls the admin JSON routes next to the page (`/__admin/*`), polling every
 * 500 ms, so it works through every door and needs no streaming. Text from the store (job names,
 * paths) is only ever set as textContent, never parsed as HTML.
 *
 * Kept as a String.raw string so regexes keep their backslashes; it must not contain a backtick or
 * a dollar-brace (admin-page.test.ts checks that it parses).
 */
export const PAGE_SCRIPT = String.raw`
(function () {
  'use strict';
  var base = location.pathname.replace(/\/+$/, '');
  // Remote admin (serve --admin-token): the token comes in the fragment, which never leaves the browser.
  var tokenMatch = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  var token = tokenMatch ? decodeURIComponent(tokenMatch[1]) : undefined;
  var state = { api: null, jobId: null, lastSeq: 0, now: null, dirty: true, busy: false, journalRows: 0 };
  var JOURNAL_ROWS = 300;

  function $(id) { return document.getElementById(id); }

  function el(tag, props, children) {
    var node = document.createElement(tag);
    if (props) Object.keys(props).forEach(function (k) {
      if (k === 'text') node.textContent = props[k];
      else if (k === 'className') node.className = props[k];
      else node.setAttribute(k, props[k]);
    });
    (children || []).forEach(function (c) { node.appendChild(c); });
    return node;
  }

  function td(text, className) { return el('td', { text: text === undefined || text === null ? '' : String(text), className: className || '' }); }

  async function call(method, path, body) {
    var headers = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers['x-jobs-kit-admin-token'] = token;
    var res = await fetch(base + path, { method: method, headers: headers, body: body === undefined ? undefined : JSON.stringify(body) });
    var text = await res.text();
    var data;
    try { data = text ? JSON.parse(text) : {}; } catch (e) { throw new Error(method + ' ' + base + path + ' answered ' + res.status + ' without JSON'); }
    if (!res.ok) {
      var error = new Error((data && data.error && data.error.message) || (method + ' ' + base + path + ' answered ' + res.status));
      error.status = res.status;
      throw error;
    }
    return data;
  }

  function say(text, isError) {
    var m = $('message');
    m.textContent = text;
    m.className = isError ? 'error' : '';
  }

  function iso(ms) { return new Date(ms).toISOString().replace('T', ' ').replace('.000Z', 'Z'); }

  function span(ms) {
    var s = Math.round(Math.abs(ms) / 1000);
    if (s < 60) return s + 's';
    var m = Math.floor(s / 60);
    if (m < 60) return m + 'm ' + (s % 60) + 's';
    var h = Math.floor(m / 60);
    if (h < 48) return h + 'h ' + (m % 60) + 'm';
    return Math.floor(h / 24) + 'd ' + (h % 24) + 'h';
  }

  function relative(ms) {
    if (ms === null || ms === undefined || state.now === null) return '';
    var d = ms - state.now;
    return d === 0 ? 'now' : d > 0 ? 'in ' + span(d) : span(d) + ' ago';
  }

  // ---- clock ----
  function showClock(clock) {
    state.now = clock.now;
    $('clock-mode').textContent = clock.mode + ' clock';
    $('clock-now').textContent = iso(clock.now);
    $('clock-now').setAttribute('data-now', String(clock.now));
  }

  // ---- jobs ----
  function showApis(apis) {
    var tabs = $('api-tabs');
    tabs.textContent = '';
    apis.forEach(function (api) {
      var b = el('button', { type: 'button', 'data-api': api, 'aria-pressed': String(api === state.api), text: api });
      b.addEventListener('click', function () { pickApi(api); });
      tabs.appendChild(b);
    });
  }

  function pickApi(api) {
    state.api = api;
    state.jobId = null;
    $('status-filter').value = '';
    Array.prototype.forEach.call($('api-tabs').children, function (b) { b.setAttribute('aria-pressed', String(b.getAttribute('data-api') === api)); });
    showDetail(null);
    state.dirty = true;
    refresh();
  }

  async function loadJobs() {
    if (!state.api) return;
    var status = $('status-filter').value;
    var q = $('text-filter').value;
    var list = await call('GET', '/jobs?api=' + encodeURIComponent(state.api) + '&status=' + encodeURIComponent(status) + '&q=' + encodeURIComponent(q));
    var select = $('status-filter');
    select.textContent = '';
    select.appendChild(el('option', { value: '', text: 'any' }));
    list.statuses.concat(status && list.statuses.indexOf(status) < 0 ? [status] : []).forEach(function (s) { select.appendChild(el('option', { value: s, text: s })); });
    select.value = status;
    $('jobs-count').textContent = list.supported ? list.jobs.length + ' shown, ' + list.matched + ' matching, ' + list.total + ' in all' : 'this API does not describe its jobs to the admin page';
    var body = $('jobs').tBodies[0];
    body.textContent = '';
    list.jobs.forEach(function (job) {
      var tr = el('tr', { 'data-id': job.id, 'aria-selected': String(job.id === state.jobId) }, [
        td(job.id, 'mono'), td(job.status, 'status'), td(job.summary), td(job.owner, 'muted'), td(job.createdAt === undefined ? '' : iso(job.createdAt), 'muted'),
      ]);
      tr.addEventListener('click', function () { state.jobId = job.id; state.dirty = true; refresh(); });
      body.appendChild(tr);
    });
  }

  function showDetail(job) {
    $('detail-body').hidden = !job;
    $('detail-empty').hidden = !!job;
    if (!job) return;
    $('detail-id').textContent = job.id;
    $('detail-status').textContent = job.status;
    $('detail-summary').textContent = [job.summary, job.owner, job.createdAt === undefined ? '' : 'created ' + iso(job.createdAt)].filter(Boolean).join(' · ');
    var body = $('history').tBodies[0];
    body.textContent = '';
    job.history.forEach(function (h) {
      body.appendChild(el('tr', { className: h.source }, [
        td(h.at === null ? 'time not kept' : iso(h.at), 'mono'), td(relative(h.at), 'muted'), td(h.status, 'status'), td(h.source), td(h.note || '', 'muted'),
      ]));
    });
    $('raw').textContent = JSON.stringify(job.raw, null, 2);
  }

  async function loadDetail() {
    Array.prototype.forEach.call($('jobs').tBodies[0].rows, function (tr) { tr.setAttribute('aria-selected', String(tr.getAttribute('data-id') === state.jobId)); });
    if (!state.jobId) return showDetail(null);
    try {
      showDetail(await call('GET', '/jobs/' + encodeURIComponent(state.api) + '/' + encodeURIComponent(state.jobId)));
    } catch (e) {
      if (e.status !== 404) throw e;
      showDetail(null);
      $('detail-empty').textContent = 'Job ' + state.jobId + ' no longer exists (deleted, or the mock was reset).';
    }
  }

  // ---- journal ----
  function addJournal(entries) {
    var body = $('journal').tBodies[0];
    entries.forEach(function (r) {
      state.lastSeq = Math.max(state.lastSeq, r.id);
      body.insertBefore(el('tr', { 'data-seq': String(r.id) }, [
        td(r.id, 'muted'), td(iso(r.at), 'mono'), td(r.api), td(r.method), td(r.path + (r.query ? '?' + r.query : ''), 'mono'),
        td(r.status, 'status s' + String(r.status).charAt(0)), td(r.operationId || ''), td(r.principal || '', 'muted'), td(r.durationMs),
      ]), body.firstChild);
    });
    while (body.rows.length > JOURNAL_ROWS) body.deleteRow(body.rows.length - 1);
  }

  async function loadStats() {
    var stats = await call('GET', '/stats');
    var j = stats.journal;
    $('journal-stats').textContent = 'journal: ' + j.size + ' of ' + j.capacity + ' kept, ' + j.evicted + ' evicted';
    $('stats').textContent = Object.keys(stats.stores).map(function (api) {
      var st = stats.stores[api];
      return st.jobs === null ? api + ': not capped' : api + ': ' + st.jobs + ' jobs of ' + st.capacity + ' kept, ' + st.evicted + ' evicted (oldest first)';
    }).join('\n');
  }

  // ---- settings ----
  async function loadSettings(settings) {
    var s = settings || (await call('GET', '/settings'));
    $('auth-on').checked = !!s.auth;
    $('validate-mode').value = s.validateResponses;
    $('latency-min').value = s.latency ? s.latency.min : '';
    $('latency-max').value = s.latency ? s.latency.max : '';
    $('fault-rate').value = s.faults ? Math.round(s.faults.rate * 100) : '';
    $('fault-status').value = s.faults ? s.faults.status : 500;
    $('settings-now').textContent = 'latency ' + (s.latency ? s.latency.min + '-' + s.latency.max + ' ms' : 'off') + ' · faults ' + (s.faults ? Math.round(s.faults.rate * 100) + '% ' + s.faults.status : 'off') + ' · auth ' + (s.auth ? 'on' : 'off') + ' · validation ' + s.validateResponses;
  }

  async function patchSettings(patch, what) {
    try {
      await loadSettings(await call('PATCH', '/settings', patch));
      say(what);
    } catch (e) { say(e.message, true); }
  }

  function whole(id) {
    var v = $(id).value.trim();
    return v === '' ? NaN : Number(v);
  }

  // ---- refresh loop ----
  async function refresh() {
    if (state.busy) { state.dirty = true; return; }
    state.busy = true;
    try {
      var clock = await call('GET', '/clock');
      if (clock.now !== state.now) state.dirty = true;
      showClock(clock);
      var journal = await call('GET', '/requests?since=' + state.lastSeq + '&limit=' + JOURNAL_ROWS);
      if (journal.requests.length > 0) { addJournal(journal.requests); state.dirty = true; }
      if (state.dirty) {
        state.dirty = false;
        await loadJobs();
        await loadDetail();
        await loadStats();
      }
      document.body.setAttribute('data-ready', 'true');
    } catch (e) {
      say(e.message, true);
    } finally {
      state.busy = false;
    }
  }

  async function act(fn) {
    try { await fn(); } catch (e) { say(e.message, true); }
    state.dirty = true;
    await refresh();
  }

  $('advance-btn').addEventListener('click', function () {
    act(async function () {
      var amount = whole('advance-amount');
      var ms = amount * Number($('advance-unit').value);
      if (!(ms >= 0) || !Number.isInteger(ms)) throw new Error('advance needs a whole, non-negative amount');
      var moved = await call('POST', '/clock/advance', { ms: ms });
      say('clock advanced to ' + iso(moved.now));
    });
  });
  $('reset-btn').addEventListener('click', function () {
    act(async function () {
      var done = await call('POST', '/reset');
      state.jobId = null;
      say('reset: seeded state, clock back to ' + iso(done.now));
      await loadSettings();
    });
  });
  $('journal-clear').addEventListener('click', function () {
    act(async function () {
      var done = await call('DELETE', '/requests');
      $('journal').tBodies[0].textContent = '';
      say('journal cleared (' + done.cleared + ' requests)');
    });
  });
  $('latency-apply').addEventListener('click', function () {
    patchSettings({ latency: { min: whole('latency-min'), max: whole('latency-max') } }, 'latency set');
  });
  $('latency-off').addEventListener('click', function () { patchSettings({ latency: null }, 'latency off'); });
  $('fault-apply').addEventListener('click', function () {
    patchSettings({ faults: { rate: whole('fault-rate') / 100, status: whole('fault-status') } }, 'faults set');
  });
  $('fault-off').addEventListener('click', function () { patchSettings({ faults: null }, 'faults off'); });
  $('auth-on').addEventListener('change', function () { patchSettings({ auth: $('auth-on').checked }, 'auth ' + ($('auth-on').checked ? 'on' : 'off')); });
  $('validate-mode').addEventListener('change', function () { patchSettings({ validateResponses: $('validate-mode').value }, 'response validation ' + $('validate-mode').value); });
  $('seed-btn').addEventListener('click', function () {
    act(async function () {
      var data;
      try { data = JSON.parse($('seed-data').value); } catch (e) { throw new Error('seed data is not valid JSON: ' + e.message); }
      var done = await call('POST', '/seed', { api: state.api, data: data });
      say('seeded ' + done.loaded + ' records into ' + done.api);
    });
  });
  $('status-filter').addEventListener('change', function () { state.dirty = true; refresh(); });
  var typing;
  $('text-filter').addEventListener('input', function () {
    clearTimeout(typing);
    typing = setTimeout(function () { state.dirty = true; refresh(); }, 200);
  });

  (async function start() {
    try {
      var health = await call('GET', '/health');
      state.api = health.apis[0];
      showApis(health.apis);
      await loadSettings();
    } catch (e) {
      say(e.message, true);
      return;
    }
    await refresh();
    setInterval(refresh, 500);
  })();
})();
`;
