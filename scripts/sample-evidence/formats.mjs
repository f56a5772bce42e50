// Locust 2.12.1's file formats, byte for byte (shared/docs/locust-formats.md §1; compare the real files in
// test/fixtures/locust/debian-2.12.1): csv-module quoting and CRLF, Python's float repr, `N/A` cells, the
// history's 6-decimal rates and its lost tail, and the legacy --html report around Locust's own script.
import { readFileSync } from 'node:fs';
import { percentile, statsOf } from './simulate.mjs';

const PERCENTILES = [0.5, 0.66, 0.75, 0.8, 0.9, 0.95, 0.98, 0.99, 0.999, 0.9999, 1.0];
const HTML_PERCENTILES = [0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 1.0];
const label = (p) => `${Math.round(p * 10000) / 100}%`;

/** Python's repr() of a float: shortest round-trip digits, and always a decimal point. */
export function pyFloat(x) {
  return Number.isInteger(x) ? x.toFixed(1) : String(x);
}

/** A float that came out of round(x, -1) (a whole float) or round(x) (an int), as Python prints it. */
const pyBucket = (ms) => (ms >= 100 ? pyFloat(ms) : Number.isInteger(ms) ? String(ms) : pyFloat(ms));

/** Python csv.writer with the default dialect: quote only when needed, double the quotes, CRLF. */
function csvRow(cells) {
  return cells.map((cell) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(',') + '\r\n';
}

function percentileCells(stats) {
  if (!stats.requests) return PERCENTILES.map(() => 'N/A');
  return PERCENTILES.map((p) => String(Math.trunc(percentile(stats.percentiles, p))));
}

/** Endpoints sorted as Locust sorts its stats entries (by name, then method), Aggregated last. */
function entries(run, requests) {
  const out = run.endpoints.map((endpoint, index) => ({ endpoint, list: requests.filter((r) => r.endpoint === index) }));
  return out.sort((a, b) => (a.endpoint.name < b.endpoint.name ? -1 : a.endpoint.name > b.endpoint.name ? 1 : a.endpoint.method < b.endpoint.method ? -1 : 1));
}

export function statsCsv(run, requests) {
  let text = csvRow(['Type', 'Name', 'Request Count', 'Failure Count', 'Median Response Time', 'Average Response Time', 'Min Response Time', 'Max Response Time', 'Average Content Size', 'Requests/s', 'Failures/s', ...PERCENTILES.map(label)]);
  const row = (type, name, s) => csvRow([type, name, String(s.requests), String(s.failures), pyBucket(s.medianMs), pyFloat(s.avgMs), pyFloat(s.minMs), pyFloat(s.maxMs), pyFloat(s.avgSize), pyFloat(s.rps), pyFloat(s.fps), ...percentileCells(s)]);
  for (const { endpoint, list } of entries(run, requests)) text += row(endpoint.method, endpoint.name, statsOf(list, run.durationS));
  return text + row('', 'Aggregated', statsOf(requests, run.durationS));
}

export function failuresCsv(run, requests) {
  let text = csvRow(['Method', 'Name', 'Error', 'Occurrences']);
  const counts = new Map();
  for (const r of requests) {
    if (!r.failed) continue;
    const key = JSON.stringify([r.endpoint, r.error]);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const rows = [...counts].map(([key, count]) => {
    const [index, error] = JSON.parse(key);
    return { endpoint: run.endpoints[index], error, count };
  });
  rows.sort((a, b) => b.count - a.count || a.endpoint.name.localeCompare(b.endpoint.name));
  for (const { endpoint, error, count } of rows) text += csvRow([endpoint.method, endpoint.name, error, String(count)]);
  return text;
}

export function exceptionsCsv() {
  return csvRow(['Count', 'Message', 'Traceback', 'Nodes']);
}

/** Users at second `s` of the run (the spawn ramp). */
const usersAt = (run, s) => Math.min(run.users, Math.floor(s * run.spawnRate));

/**
 * The history, one tick a second. Without --csv-full-history: the Aggregated row with cumulative percentiles.
 * With it: a row per endpoint hit so far, then Aggregated, with *current* (10 s window) percentiles. Rates are
 * the mean of per-second counts over [t-12 s, t-2 s). Rows after the last 10 s flush are lost, as in 2.12.1.
 */
export function historyCsv(run, requests) {
  let text = csvRow(['Timestamp', 'User Count', 'Type', 'Name', 'Requests/s', 'Failures/s', ...PERCENTILES.map(label), 'Total Request Count', 'Total Failure Count', 'Total Median Response Time', 'Total Average Response Time', 'Total Min Response Time', 'Total Max Response Time', 'Total Average Content Size']);
  const empty = PERCENTILES.map(() => 'N/A');
  text += csvRow([String(run.startEpoch), '0', '', 'Aggregated', '0.000000', '0.000000', ...empty, '0', '0', '0', '0.0', '0', '0', '0']);
  const lastTick = Math.floor((run.durationS - 1) / 10) * 10;
  const sorted = entries(run, requests);
  const rowFor = (type, name, list, s) => {
    const done = list.filter((r) => r.t + r.ms / 1000 <= s);
    if (done.length === 0) return null;
    const cumulative = statsOf(done, s);
    const window = (from, to) => done.filter((r) => r.t + r.ms / 1000 > from && r.t + r.ms / 1000 <= to);
    const rate = (failedOnly) => (s < 3 ? 0 : window(s - 12, s - 2).filter((r) => !failedOnly || r.failed).length / Math.min(10, s - 2));
    let cells;
    if (run.fullHistory) {
      const current = window(s - 10, s).map((r) => r.ms).sort((a, b) => a - b);
      cells = s < 10 || current.length === 0 ? PERCENTILES.map(() => '0') : PERCENTILES.map((p) => String(Math.trunc(percentile(current, p))));
    } else cells = percentileCells(cumulative);
    return csvRow([String(run.startEpoch + s), String(usersAt(run, s)), type, name, rate(false).toFixed(6), rate(true).toFixed(6), ...cells, String(cumulative.requests), String(cumulative.failures), pyBucket(cumulative.medianMs), pyFloat(cumulative.avgMs), pyFloat(cumulative.minMs), pyFloat(cumulative.maxMs), pyFloat(cumulative.avgSize)]);
  };
  for (let s = 1; s <= lastTick; s++) {
    if (run.fullHistory) for (const { endpoint, list } of sorted) text += rowFor(endpoint.method, endpoint.name, list, s) ?? '';
    // The Aggregated row is written every tick, requests or not.
    text += rowFor('', 'Aggregated', requests, s) ?? csvRow([String(run.startEpoch + s), String(usersAt(run, s)), '', 'Aggregated', '0.000000', '0.000000', ...empty, '0', '0', '0', '0.0', '0', '0', '0']);
  }
  return text;
}

const escapeHtml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
const pad = (n) => String(n).padStart(2, '0');
const utc = (epoch) => {
  const d = new Date(epoch * 1000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
};

/** Locust's legacy report (locust/templates/report.html of 2.12.1); its big script block is taken from a real one. */
export function htmlReport(run, requests, realReportPath) {
  const real = readFileSync(realReportPath, 'utf8');
  const head = real.slice(0, real.indexOf('<body>'));
  const script = /\n {4}<script>[\s\S]{100000,}?<\/script>\n/.exec(real)?.[0];
  if (!script) throw new Error(`${realReportPath}: no Locust script block found`);
  const all = [...entries(run, requests).map(({ endpoint, list }) => ({ type: endpoint.method, name: endpoint.name, s: statsOf(list, run.durationS) })), { type: '', name: 'Aggregated', s: statsOf(requests, run.durationS), total: true }];
  const td = (indent, cells) => cells.map((c) => `${indent}<td>${c}</td>`).join('\n');
  const tr = (indent, total, cells) => `\n${indent}<tr${total ? ' class="total"' : ''}>\n${td(indent + '    ', cells)}\n${indent}</tr>\n                    `;
  const th = (names) => names.map((n) => `                        <th class="sortable">${n}</th>`).join('\n');
  const requestRows = all.map(({ type, name, s, total }) => tr('                        ', total, [type, escapeHtml(name), s.requests, s.failures, Math.round(s.avgMs), Math.round(s.minMs), Math.round(s.maxMs), Math.round(s.avgSize), s.rps.toFixed(1), s.fps.toFixed(1)])).join('');
  const timeRows = all.map(({ type, name, s, total }) => tr('                        ', total, [type, escapeHtml(name), ...HTML_PERCENTILES.map((p) => Math.trunc(percentile(s.percentiles, p)))])).join('');
  const failures = failuresCsv(run, requests).trim().split('\r\n').slice(1).map((line) => {
    const cells = [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].map((m) => m[1].replace(/^"|"$/g, '').replace(/""/g, '"')).slice(0, 4);
    const message = /^\w+\('(.*)'\)$/.exec(cells[2])?.[1] ?? cells[2];
    return `\n                            <tr>\n                                <td>${cells[0]}</td>\n                                <td>${escapeHtml(cells[1])}</td>\n                                <td>${escapeHtml(message)}</td>\n                                <td>${cells[3]}</td>\n                            </tr>\n                        `;
  }).join('');
  const ticks = [];
  for (let s = 5; s <= run.durationS; s += 5) ticks.push(s);
  const window = (s) => requests.filter((r) => r.t > s - 10 && r.t <= s);
  const times = ticks.map((s) => utc(run.startEpoch + s).slice(11));
  const series = (fn) => ticks.map((s) => fn(s, window(s)));
  const rps = series((s, w) => `{"users": ${usersAt(run, s)}, "value": ${pyFloat(Math.round((w.length / 10) * 1000) / 1000)}}`);
  const fps = series((s, w) => `{"users": ${usersAt(run, s)}, "value": ${pyFloat(Math.round((w.filter((r) => r.failed).length / 10) * 1000) / 1000)}}`);
  const pct = (p) => series((s, w) => `{"users": ${usersAt(run, s)}, "value": ${w.length ? percentile(w.map((r) => r.ms).sort((a, b) => a - b), p) : 0}}`);
  const tasks = escapeHtml(JSON.stringify(run.taskRatios));
  return `${head}<body>
    <div class="container">
        <h1>Locust Test Report</h1>

        <div class="info">
            
            <p>During: <span class="l10n datetime">${utc(run.startEpoch)}</span> - <span class="l10n datetime">${utc(Math.round(run.startEpoch + run.durationS))}</span></p>
            <p>Target Host: <span>${run.host}</span></p>
            <p>Script: <span>locustfile.py</span></p>
        </div>

        <div class="requests">
            <h2>Request Statistics</h2>
            <table class="stats">
                <thead>
                    <tr>
${th(['Method', 'Name', '# Requests', '# Fails', 'Average (ms)', 'Min (ms)', 'Max (ms)', 'Average size (bytes)', 'RPS', 'Failures/s'])}
                    </tr>
                </thead>
                <tbody>
                    ${requestRows}
                </tbody>
            </table>
        </div>

        <div class="responses">
            <h2>Response Time Statistics</h2>
            <table class="stats">
                <thead>
                    <tr>
${th(['Method', 'Name', ...HTML_PERCENTILES.map((p) => `${Math.round(p * 100)}%ile (ms)`)])}
                    </tr>
                </thead>
                <tbody>
                    ${timeRows}
                </tbody>
            </table>
        </div>

        
            <div class="failures">
                <h2>Failures Statistics</h2>
                <table class="stats">
                    <thead>
                        <tr>
                            <th class="sortable">Method</th>
                            <th class="sortable">Name</th>
                            <th class="sortable">Error</th>
                            <th class="sortable">Occurrences</th>
                        </tr>
                    </thead>
                    <tbody>
                        ${failures}
                    </tbody>
                </table>
            </div>
        

        
            <div class="charts-container">
                <h2>Charts</h2>
            </div>
        

        <div id="tasks">
            <h2>Final ratio</h2>
            <div class="tasks" data-tasks="${tasks}"></div>
        </div>

    </div>

    
    
    
    
    ${script}
    <script>
        
var stats_history = {
    "time": ${JSON.stringify(times).replace(/","/g, '", "')}.map(server_time => new Date(new Date().setUTCHours(...(server_time.split(":")))).toLocaleTimeString()),
    "user_count": [${ticks.map((s) => `{"value": ${usersAt(run, s)}}`).join(', ')}],
    "current_rps": [${rps.join(', ')}],
    "current_fail_per_sec": [${fps.join(', ')}],
    "response_time_percentile_50": [${pct(0.5).join(', ')}],
    "response_time_percentile_95": [${pct(0.95).join(', ')}],
    "markers": [],
};
${real.slice(real.indexOf('        var rpsChart'))}`;
}
