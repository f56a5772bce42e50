// Scenario 11: the Runs view lists the sample's runs from their CSVs (v24, v36, v38, v39, v40 among them) in
// version order, with P95 · RPS · fail % from each CSV; a run known only from tracker text says so and shows
// only the numbers the text gives (never a dash); a CSV with no requests says "empty run"; "Set as Baseline" from
// the context menu marks a run (written to .vscode/settings.json, where the CLI's gate reads it), "Clear Baseline"
// unmarks it. Runs that fail the tracker's criteria are marked, and their hover names the failed checks; which
// ones fail is asked of the CLI's `gate` over the same files.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { appendFileSync, copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readText, repoRoot } from '../lib/fixture.mjs';
import { VIEW_CONTAINER_TITLE } from '../helpers/tracker.mjs';
import { waitForValue } from '../helpers/workbench.mjs';
import { aggregatedRow } from './07-evidence.mjs';

const CSV_RUNS = {
  v24: 'hasil_test_v24_100u_pool140_no_export_no_admin_stats.csv',
  v36: 'hasil_test_v36_100u_r4_pool140_core_only_stats.csv',
  v38: 'hasil_test_v38_100u_r4_pool140_core_only_stats.csv',
  v39: 'hasil_test_v39_100u_r4_pool140_core_only_stats.csv',
  v40: 'hasil_test_v40_100u_r4_pool140_core_only_stats.csv',
};
// Written into the workspace copy: a run only the tracker text knows, and a real Locust CSV with no requests.
const TRACKER_ONLY = ['', '**v50 Soak Test (24h)**:', '- Aggregated: 52,410 requests, 0.64% failures', ''];
const EMPTY_RUN = 'hasil_test_v51_100u_comma_tags_stats.csv';

const ms = (value) => (value >= 1000 ? `${(value / 1000).toFixed(value >= 10_000 ? 0 : 1)} s` : `${Math.round(value)} ms`);
const percent = (value) => value.toFixed(value > 0 && value < 1 ? 2 : 1);

const CLI = fileURLToPath(new URL('../../../dist/cli.js', import.meta.url));

/** Failed checks of one run as `gate RUN --workspace DIR` (no flags, no baseline) judges them. */
function gateFailures(workspaceDir, run) {
  let stdout;
  try {
    stdout = execFileSync(process.execPath, [CLI, 'gate', run, '--workspace', workspaceDir, '--no-baseline', '--json'], { encoding: 'utf8' });
  } catch (error) {
    if (error.status !== 1) throw error;
    stdout = error.stdout;
  }
  return JSON.parse(stdout).checks.filter((c) => !c.pass);
}

const gateSuffix = (failed) => (failed.length ? ` · fails gate (${failed.length})` : '');

export default {
  name: 'runs-view',
  async run({ page, wb, step, workspaceDir, trackerPath, screenshot }) {
    const expected = Object.fromEntries(Object.entries(CSV_RUNS).map(([version, name]) => {
      const row = aggregatedRow(readText(join(workspaceDir, name)));
      return [version, `P95 ${ms(row.p95)} · ${row.rps.toFixed(1)} RPS · ${percent(row.requests ? (row.failures / row.requests) * 100 : 0)}% fail`];
    }));
    appendFileSync(trackerPath, TRACKER_ONLY.join('\n'));
    copyFileSync(join(repoRoot, 'test', 'fixtures', 'locust', 'debian-2.12.1', 'run3_comma_tags', 'run3_stats.csv'), join(workspaceDir, EMPTY_RUN));
    const failures = Object.fromEntries(Object.keys(CSV_RUNS).map((v) => [v, gateFailures(workspaceDir, v)]));
    const described = Object.fromEntries(Object.keys(CSV_RUNS).map((v) => [v, `${expected[v]}${gateSuffix(failures[v])}`]));
    const icon = (v) => (failures[v].length ? 'codicon-error' : 'codicon-graph-line');
    const runsPane = page.locator('.part.sidebar .pane').filter({ has: page.locator('.pane-header', { hasText: /^Runs/i }) });
    const visibleRows = () => runsPane.locator('.monaco-list-row[role="treeitem"]').evaluateAll((list) => list.map((row) => ({
      position: Number(row.getAttribute('aria-posinset')),
      label: row.querySelector('.label-name')?.textContent?.trim() ?? '',
      description: row.querySelector('.label-description')?.textContent?.trim() ?? '',
      icon: [...(row.querySelector('.custom-view-tree-node-item-icon')?.classList ?? [])].find((c) => c.startsWith('codicon-')) ?? '',
    })));
    // The list is virtual: rows below the fold are in the DOM only once scrolled to, so scroll through it.
    const rows = async () => {
      const box = await runsPane.locator('.monaco-list').first().boundingBox();
      if (!box) return [];
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      for (let i = 0; i < 5; i++) await page.mouse.wheel(0, -5000);
      const seen = new Map();
      for (let i = 0; i < 20; i++) {
        const before = seen.size;
        for (const r of await visibleRows()) seen.set(r.position, r);
        if (i > 0 && seen.size === before) break;
        await page.mouse.wheel(0, box.height * 0.7);
      }
      return [...seen.values()].sort((a, b) => a.position - b.position);
    };
    const row = (label) => runsPane.locator('.monaco-list-row[role="treeitem"]').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${label}$`) }) });

    await step(`open ${VIEW_CONTAINER_TITLE}; collapse the Tracker view so the Runs view has the room`, async () => {
      await wb.openViewContainer(VIEW_CONTAINER_TITLE);
      await wb.resizeSidebar(560);
      const trackerHeader = page.locator('.part.sidebar .pane-header', { hasText: /^Tracker/i }).first();
      await trackerHeader.waitFor();
      if ((await trackerHeader.getAttribute('aria-expanded')) === 'true') await trackerHeader.click();
      const runsHeader = page.locator('.part.sidebar .pane-header', { hasText: /^Runs/i }).first();
      await runsHeader.waitFor();
      if ((await runsHeader.getAttribute('aria-expanded')) === 'false') await runsHeader.click();
    });

    await step('the CSV runs are listed with P95 · RPS · fail % from their CSVs, in version order', async () => {
      const list = await waitForValue('the CSV runs with their numbers and gate verdicts', rows, (l) => Object.keys(CSV_RUNS).every((v) => l.some((r) => r.label === v && r.description === described[v])));
      for (const v of Object.keys(CSV_RUNS)) assert.equal(list.find((r) => r.label === v).icon, icon(v), `${v} icon`);
      const numbers = list.map((r) => Number(/^v(\d+)/.exec(r.label)?.[1] ?? Number.NaN)).filter((n) => !Number.isNaN(n));
      assert.deepEqual(numbers, [...numbers].sort((a, b) => a - b), `version order: ${JSON.stringify(list.map((r) => r.label))}`);
      assert.ok(list.every((r) => !r.description.includes('–')), `no row shows a dash: ${JSON.stringify(list.filter((r) => r.description.includes('–')))}`);
    });

    await step('a run only the tracker text knows says so, with only the numbers it has; an empty CSV says "empty run"', async () => {
      const list = await waitForValue('v50 and v51 listed', rows, (l) => l.some((r) => r.label === 'v50') && l.some((r) => r.label === 'v51'));
      const v50 = list.find((r) => r.label === 'v50');
      const v50Failed = gateFailures(workspaceDir, 'tracker:v50');
      assert.equal(v50.description, `from tracker text · 0.64% fail${gateSuffix(v50Failed)}`);
      assert.equal(v50.icon, v50Failed.length ? 'codicon-error' : 'codicon-note');
      assert.match(list.find((r) => r.label === 'v51').description, /^empty run( · fails gate \(\d+\))?$/);
      await screenshot('runs');
    });

    const contextMenu = async (label, item) => {
      await wb.waitTreeItem(new RegExp(`^${label}$`));
      await row(label).first().click({ button: 'right' });
      const entry = page.locator('.context-view .monaco-menu .action-item').filter({ hasText: item }).first();
      await entry.waitFor({ state: 'visible' });
      // A menu opened under the pointer can take the click as the end of the right-click: choose with the keyboard.
      const focusedItem = page.locator('.context-view .monaco-menu .action-item.focused');
      const focused = async () => ((await focusedItem.count()) > 0 ? focusedItem.first().innerText() : '');
      for (let i = 0; i < 10 && !(await focused()).includes(item); i++) await wb.press('ArrowDown');
      assert.match(await focused(), new RegExp(item));
      await wb.press('Enter');
    };

    await step('"Set as Baseline" on v38 marks it (star icon, "baseline")', async () => {
      await contextMenu('v38', 'Set as Baseline');
      await waitForValue('v38 marked as baseline', rows, (list) => {
        const v38 = list.find((r) => r.label === 'v38');
        return v38?.icon === 'codicon-star-full' && v38.description === `${expected.v38} · baseline${gateSuffix(failures.v38)}`;
      });
      const settings = join(workspaceDir, '.vscode', 'settings.json');
      await waitForValue('the baseline in .vscode/settings.json', () => (existsSync(settings) ? readFileSync(settings, 'utf8') : ''), (text) => /"executionTracker\.baselineRun":\s*"hasil_test_v38_[^"]*"/.test(text));
      const others = (await rows()).filter((r) => r.label !== 'v38');
      assert.ok(others.every((r) => !r.description.includes('· baseline')), 'only one baseline');
      await screenshot('baseline');
    });

    await step('"Clear Baseline" unmarks it', async () => {
      await contextMenu('v38', 'Clear Baseline');
      await waitForValue('v38 without baseline', rows, (list) => list.find((r) => r.label === 'v38')?.icon === icon('v38'));
    });

    const failing = Object.keys(CSV_RUNS).find((v) => failures[v].length);
    if (failing) {
      await step(`hovering ${failing} says which of the tracker's criteria it fails`, async () => {
        await row(failing).first().hover();
        const hover = page.locator('.monaco-hover, .custom-hover, .workbench-hover').filter({ hasText: 'Fails the gate' }).first();
        await hover.waitFor({ state: 'visible', timeout: 15_000 });
        const text = await hover.innerText();
        assert.match(text, new RegExp(`Fails the gate: ${failures[failing].length} of the tracker's criteria`));
        for (const check of failures[failing]) assert.ok(text.includes(`MASTER_EXECUTION_TRACKER.md:${check.line}`), `names line ${check.line}: ${text}`);
        await screenshot('gate-hover');
      });
    }
  },
};
