// Scenario 11: the Runs view lists the five sample runs (v24, v36, v38, v39, v40 from their CSVs) and the runs the
// tracker only summarises in text, in version order, with P95 · RPS · fail % from each CSV; "Set as Baseline"
// from the context menu marks a run (written to .vscode/settings.json, where the CLI's gate reads it), "Clear
// Baseline" unmarks it. Runs that fail the tracker's criteria are marked, and their hover names the failed checks;
// which ones fail is asked of the CLI's `gate` over the same files.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { readText } from '../lib/fixture.mjs';
import { VIEW_CONTAINER_TITLE } from '../helpers/tracker.mjs';
import { waitForValue } from '../helpers/workbench.mjs';
import { aggregatedRow } from './07-evidence.mjs';

const CSV_RUNS = ['v24', 'v36', 'v38', 'v39', 'v40'];

const ms = (value) => (Number.isNaN(value) ? '–' : value >= 1000 ? `${(value / 1000).toFixed(value >= 10_000 ? 0 : 1)} s` : `${Math.round(value)} ms`);

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
  async run({ page, wb, step, workspaceDir, screenshot }) {
    const statsFiles = readdirSync(workspaceDir).filter((name) => name.endsWith('_stats.csv'));
    const expected = Object.fromEntries(
      statsFiles.map((name) => {
        const row = aggregatedRow(readText(join(workspaceDir, name)));
        return [/_(v\d+)_/.exec(name)[1], `P95 ${ms(row.p95)} · ${row.rps.toFixed(1)} RPS · ${(row.requests ? (row.failures / row.requests) * 100 : 0).toFixed(1)}% fail`];
      }),
    );
    const failures = Object.fromEntries(CSV_RUNS.map((v) => [v, gateFailures(workspaceDir, v)]));
    const described = Object.fromEntries(CSV_RUNS.map((v) => [v, `${expected[v]}${gateSuffix(failures[v])}`]));
    const icon = (v) => (failures[v].length ? 'codicon-error' : 'codicon-graph-line');
    assert.deepEqual(Object.keys(expected).sort(), [...CSV_RUNS].sort(), 'the sample has the five runs');
    const runsPane = page.locator('.part.sidebar .pane').filter({ has: page.locator('.pane-header', { hasText: /^Runs/i }) });
    const rows = () => runsPane.locator('.monaco-list-row[role="treeitem"]').evaluateAll((list) => list.map((row) => ({
      label: row.querySelector('.label-name')?.textContent?.trim() ?? '',
      description: row.querySelector('.label-description')?.textContent?.trim() ?? '',
      icon: [...(row.querySelector('.custom-view-tree-node-item-icon')?.classList ?? [])].find((c) => c.startsWith('codicon-')) ?? '',
    })));
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

    await step('the five CSV runs are listed with P95 · RPS · fail % from their CSVs, and the gate verdict', async () => {
      await waitForValue('the CSV runs with their numbers', rows, (list) => CSV_RUNS.every((v) => list.some((r) => r.label === v && r.description === described[v])));
    });

    await step('runs only summarised in the tracker text are listed too, marked "from tracker text", in version order', async () => {
      const list = await waitForValue('tracker-only runs', rows, (l) => l.some((r) => r.label === 'v18'));
      for (const label of ['v18', 'v23', 'v26b', 'v47']) {
        const found = list.find((r) => r.label === label);
        assert.ok(found, `${label} listed; rows: ${JSON.stringify(list.map((r) => r.label))}`);
        const failed = gateFailures(workspaceDir, `tracker:${label}`);
        assert.equal(found.description.endsWith(`from tracker text${gateSuffix(failed)}`), true, `${label} marked as from tracker text: ${found.description}`);
        assert.equal(found.icon, failed.length ? 'codicon-error' : 'codicon-note');
      }
      for (const v of CSV_RUNS) assert.equal(list.find((r) => r.label === v).icon, icon(v), `${v} icon`);
      const numbers = list.map((r) => Number(/^v(\d+)/.exec(r.label)?.[1] ?? Number.NaN)).filter((n) => !Number.isNaN(n));
      assert.deepEqual(numbers, [...numbers].sort((a, b) => a - b), `version order: ${JSON.stringify(list.map((r) => r.label))}`);
      await screenshot('runs');
    });

    const contextMenu = async (label, item) => {
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

    const failing = CSV_RUNS.find((v) => failures[v].length);
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
