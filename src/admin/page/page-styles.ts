/** The admin page's stylesheet, inlined into the page by admin-page.ts. */
export const PAGE_STYLES = `
:root { --bg: #f6f7f9; --panel: #fff; --line: #d9dde3; --ink: #1d2330; --muted: #667085; --accent: #2453d4; --bad: #b42318; --good: #067647; --plan: #6941c6; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); background: var(--bg); }
header { display: flex; flex-wrap: wrap; gap: 16px; align-items: center; padding: 10px 16px; background: var(--ink); color: #fff; }
header h1 { font-size: 16px; margin: 0 12px 0 0; }
header .clock { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
header input, header select { width: auto; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; background: #e4e7ec; color: var(--ink); font-size: 12px; font-weight: 600; }
#clock-now { font-family: ui-monospace, monospace; font-size: 15px; }
main { display: grid; grid-template-columns: minmax(420px, 1.2fr) minmax(380px, 1fr); gap: 12px; padding: 12px; }
section { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; min-width: 0; }
section h2 { font-size: 14px; margin: 0 0 8px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
.wide { grid-column: 1 / -1; }
.tabs { display: flex; gap: 4px; flex-wrap: wrap; margin-bottom: 8px; }
.tabs button[aria-pressed="true"] { background: var(--accent); color: #fff; border-color: var(--accent); }
.row { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; margin-bottom: 8px; }
button { font: inherit; padding: 3px 10px; border: 1px solid var(--line); border-radius: 4px; background: #fff; cursor: pointer; }
button:hover { border-color: var(--accent); }
input, select, textarea { font: inherit; padding: 3px 6px; border: 1px solid var(--line); border-radius: 4px; }
input[type="number"] { width: 90px; }
table { width: 100%; border-collapse: collapse; font-size: 13px; }
th, td { text-align: left; padding: 3px 6px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { color: var(--muted); font-weight: 600; position: sticky; top: 0; background: var(--panel); }
.scroll { max-height: 360px; overflow: auto; }
#jobs tbody tr { cursor: pointer; }
#jobs tbody tr:hover { background: #eef2ff; }
#jobs tbody tr[aria-selected="true"] { background: #dbe4ff; }
.mono { font-family: ui-monospace, monospace; font-size: 12px; word-break: break-all; }
#history td.mono, #journal td.mono:nth-child(2) { white-space: nowrap; word-break: normal; }
.muted { color: var(--muted); }
.status { font-weight: 600; white-space: nowrap; }
tr.planned td { color: var(--plan); font-style: italic; }
tr.unknown-time td:first-child { color: var(--muted); }
.s2 { color: var(--good); } .s4 { color: #b54708; } .s5 { color: var(--bad); }
pre { margin: 0; max-height: 420px; overflow: auto; background: #0f172a; color: #e2e8f0; padding: 8px; border-radius: 4px; font-size: 12px; }
#message { min-height: 1.4em; padding: 0 16px; margin-top: 6px; }
#message.error { color: var(--bad); font-weight: 600; }
fieldset { border: 1px solid var(--line); border-radius: 4px; margin: 0 0 8px; padding: 6px 8px; }
legend { color: var(--muted); font-size: 12px; }
textarea { width: 100%; min-height: 80px; font-family: ui-monospace, monospace; font-size: 12px; }
`;
