/**
 * The admin page served at `/__admin/`: one HTML document with its styles and script inline. The
 * assets are TypeScript string modules, so `tsc` puts them in dist and any bundler of the CLI takes
 * them along; there are no files to find at run time and no asset URLs to resolve.
 */
import { PAGE_SCRIPT } from './page-script.js';
import { PAGE_STYLES } from './page-styles.js';

const BODY = `
<header>
  <h1>jobs-kit admin</h1>
  <div class="clock">
    <span class="badge" id="clock-mode" title="clock mode (fixed when serve starts)">…</span>
    <span id="clock-now" aria-label="virtual time">…</span>
    <label>advance <input id="advance-amount" type="number" min="0" step="1" value="1" aria-label="amount"></label>
    <select id="advance-unit" aria-label="unit">
      <option value="1000">seconds</option>
      <option value="60000" selected>minutes</option>
      <option value="3600000">hours</option>
      <option value="86400000">days</option>
    </select>
    <button id="advance-btn" type="button">Advance</button>
  </div>
  <button id="reset-btn" type="button" title="seeded state and clock back to the start">Reset</button>
</header>
<div id="message" role="status"></div>
<main>
  <section id="jobs-panel">
    <h2>Jobs</h2>
    <div class="tabs" id="api-tabs" role="group" aria-label="API"></div>
    <div class="row">
      <label>status <select id="status-filter"><option value="">any</option></select></label>
      <input id="text-filter" type="search" placeholder="filter by id, owner, summary" aria-label="text filter">
      <span class="muted" id="jobs-count"></span>
    </div>
    <div class="scroll">
      <table id="jobs">
        <thead><tr><th>id</th><th>status</th><th>summary</th><th>owner</th><th>created</th></tr></thead>
        <tbody></tbody>
      </table>
    </div>
  </section>
  <section id="detail">
    <h2>Job detail</h2>
    <p class="muted" id="detail-empty">Pick a job in the list.</p>
    <div id="detail-body" hidden>
      <div class="row"><span class="mono" id="detail-id"></span> <span class="status badge" id="detail-status"></span></div>
      <p class="muted" id="detail-summary"></p>
      <h2>Lifecycle on the clock</h2>
      <div class="scroll">
        <table id="history">
          <thead><tr><th>virtual time</th><th>when</th><th>status</th><th>source</th><th>note</th></tr></thead>
          <tbody></tbody>
        </table>
      </div>
      <h2>Raw JSON</h2>
      <pre id="raw"></pre>
    </div>
  </section>
  <section id="journal-panel" class="wide">
    <h2>Request journal (live)</h2>
    <div class="row">
      <span class="muted" id="journal-stats"></span>
      <button id="journal-clear" type="button">Clear</button>
    </div>
    <div class="scroll">
      <table id="journal">
        <thead><tr><th>#</th><th>virtual time</th><th>api</th><th>method</th><th>path</th><th>status</th><th>operation</th><th>caller</th><th>ms</th></tr></thead>
        <tbody></tbody>
      </table>
    </div>
  </section>
  <section id="settings-panel">
    <h2>Latency and faults</h2>
    <fieldset>
      <legend>latency (ms, every request)</legend>
      <div class="row">
        <label>min <input id="latency-min" type="number" min="0" step="1"></label>
        <label>max <input id="latency-max" type="number" min="0" step="1"></label>
        <button id="latency-apply" type="button">Apply</button>
        <button id="latency-off" type="button">Off</button>
      </div>
    </fieldset>
    <fieldset>
      <legend>faults (injected server errors)</legend>
      <div class="row">
        <label>rate % <input id="fault-rate" type="number" min="0" max="100" step="1"></label>
        <label>status <input id="fault-status" type="number" min="500" max="599" step="1" value="500"></label>
        <button id="fault-apply" type="button">Apply</button>
        <button id="fault-off" type="button">Off</button>
      </div>
    </fieldset>
    <div class="row">
      <label><input id="auth-on" type="checkbox"> auth required</label>
      <label>response validation <select id="validate-mode"><option>off</option><option>warn</option><option>throw</option></select></label>
    </div>
    <p class="muted mono" id="settings-now"></p>
  </section>
  <section id="seed-panel">
    <h2>Seed and stores</h2>
    <p class="muted">Records for the selected API, in the shape <span class="mono">/__admin/seed</span> takes (see docs/admin-page.md).</p>
    <textarea id="seed-data" aria-label="seed data" spellcheck="false"></textarea>
    <div class="row"><button id="seed-btn" type="button">Seed selected API</button></div>
    <pre id="stats"></pre>
  </section>
</main>`;

export const ADMIN_PAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>jobs-kit admin</title>
<link rel="icon" href="data:,">
<style>${PAGE_STYLES}</style>
</head>
<body>
${BODY}
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
