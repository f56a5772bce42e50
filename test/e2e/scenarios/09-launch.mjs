// Scenario 9: launching a real load test from the palette. Debian's Locust 2.12.1 runs against an HTTP server
// this test starts on 127.0.0.1 (loopback only, a few users, 5 s). The CSVs appear, the comma-typed tags run
// the tasks of both tags, the notification opens the chart and records the result in the tracker with the
// numbers of the CSV's Aggregated row (one undo step), and a distributed run is refused with the reason.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readText } from '../lib/fixture.mjs';
import { waitForValue } from '../helpers/workbench.mjs';
import { answerStackChooser } from '../helpers/stack.mjs';
import { commandTitle, EXTENSION_ID } from '../helpers/tracker.mjs';
import { startTarget } from '../helpers/loadTarget.mjs';

const INPUT = '.quick-input-widget .quick-input-box input';
const TITLE = '.quick-input-widget .quick-input-title';
const MESSAGE = '.quick-input-widget .quick-input-message';

/** A CSV line split on commas outside double quotes (names may hold `"a,b"`). */
function csvFields(line) {
  const fields = [''];
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted && ch === '"' && line[i + 1] === '"') fields[fields.length - 1] += line[++i];
    else if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) fields.push('');
    else fields[fields.length - 1] += ch;
  }
  return fields;
}

/** The Aggregated row of a stats CSV, read here independently of the extension's reader. */
function aggregatedRow(path) {
  const lines = readFileSync(path, 'utf8').split(/\r?\n/).filter(Boolean);
  const header = csvFields(lines[0]);
  const rows = lines.slice(1).map(csvFields);
  const agg = rows.find((r) => r[1] === 'Aggregated');
  const col = (name) => Number(agg[header.indexOf(name)]);
  return { names: rows.filter((r) => r[1] !== 'Aggregated').map((r) => r[1]), requests: col('Request Count'), failures: col('Failure Count'), p95: col('95%'), p99: col('99%'), rps: col('Requests/s') };
}

const ms = (v) => (v >= 1000 && v % 100 === 0 ? `${(v / 1000).toFixed(1)}s` : `${Math.round(v)}ms`);
const expectedAggregated = (a) =>
  `- Aggregated: ${a.requests.toLocaleString('en-US')} requests, ${a.failures.toLocaleString('en-US')} failures (${(a.requests ? Math.round((a.failures / a.requests) * 10000) / 100 : 0).toFixed(2)}%), P95 ${ms(a.p95)}, P99 ${ms(a.p99)}, RPS ${a.rps.toFixed(2)}`;

export default {
  name: 'launch',
  timeout: 240_000,
  // The DOM renderer puts the terminal's text in the page, so the command a task ran can be read back.
  // Compose v1 is chosen (this scenario's argv do not depend on what is installed) and DOCKER_HOST names a
  // socket nobody listens on, so "Start Docker Stack" meets an engine that is not running, whatever the machine.
  settings: { 'terminal.integrated.gpuAcceleration': 'off', 'executionTracker.launch.composeCommand': 'docker-compose' },
  env: () => ({ DOCKER_HOST: `unix://${join(tmpdir(), `et-no-engine-${process.pid}-${Date.now()}`, 'docker.sock')}` }),
  async run({ page, wb, api, step, workspaceDir, trackerPath, screenshot }) {
    const original = readText(trackerPath);
    const target = await startTarget();
    const title = (id) => commandTitle(id);
    const waitTitle = (text) => waitForValue(`the quick input titled ${text}`, () => page.locator(TITLE).innerText().catch(() => ''), (t) => t.includes(text));
    const answer = async (stepText, value) => {
      await waitTitle(stepText);
      await page.locator(INPUT).fill(value);
      await page.keyboard.press('Enter');
    };
    let prefix;
    try {
      await step('the extension host is up (its status bar item shows)', async () => {
        await wb.waitExtensionHost();
      });

      await step('the extension is active', async () => {
        const info = await api.one({ op: 'extension', id: EXTENSION_ID, activate: true, waitActiveMs: 20_000 });
        assert.equal(info.isActive, true);
      });

      await step('the locust task type offers the workspace\'s locustfile as a detected task', async () => {
        const tasks = await api.one({ op: 'tasks', type: 'locust' });
        const smoke = tasks.find((t) => t.name === 'smoke load_testing/locustfile.py');
        assert.ok(smoke, `detected: ${JSON.stringify(tasks.map((t) => t.name))}`);
        assert.equal(smoke.source, 'Execution Tracker');
        assert.equal(smoke.definition.locustfile, 'load_testing/locustfile.py');
        assert.equal(smoke.background, true);
        assert.equal(smoke.shell, undefined, 'a ProcessExecution, never a shell string');
        assert.deepEqual(smoke.process.args.slice(0, 3), ['-f', 'load_testing/locustfile.py', '--headless']);
        assert.equal(smoke.process.cwd, workspaceDir);
      });

      await step('"Run Load Test…": locustfile, host of the local server, users validated inline', async () => {
        await wb.runCommand(title('executionTracker.runLoadTest'));
        await waitTitle('(1/8)');
        await wb.pickQuickInput('locustfile', 'load_testing/locustfile.py');
        await answer('(2/8)', target.url);
        await waitTitle('(3/8)');
        await page.locator(INPUT).fill('2.5');
        await waitForValue('the inline validation of users', () => page.locator(MESSAGE).innerText().catch(() => ''), (t) => /not a whole number of users/.test(t));
        await page.locator(INPUT).fill('3');
        await page.keyboard.press('Enter');
        await answer('(4/8)', '3');
        await answer('(5/8)', '5s');
      });

      await step('tags typed as "pages,broken", no exclusions; the CSV prefix is suggested with the next free run version', async () => {
        await answer('(6/8)', 'pages,broken');
        await waitTitle('(7/8)');
        await page.keyboard.press('Enter');
        await waitTitle('(8/8)');
        prefix = await page.locator(INPUT).inputValue();
        const match = /^hasil_test_v(\d+)_3u_r3$/.exec(prefix);
        assert.ok(match, `suggested prefix ${prefix}`);
        // The sample's tracker summarises runs up to v47; its result files go to v40.
        assert.ok(Number(match[1]) >= 48, `v${match[1]} comes after the tracker's v47`);
        assert.ok(!readdirSync(workspaceDir).some((name) => name.includes(`_v${match[1]}_`)), `no result file uses v${match[1]} yet`);
        await screenshot('prefix');
        await page.keyboard.press('Enter');
        await wb.waitQuickInputClosed();
      });

      let agg;
      await step('Locust runs for real: the CSVs appear and the notification sums up the Aggregated row', async () => {
        await wb.waitNotification(new RegExp(`Load test ${prefix} finished`), 90_000);
        const stats = join(workspaceDir, `${prefix}_stats.csv`);
        for (const suffix of ['_stats.csv', '_stats_history.csv', '_failures.csv', '_report.html']) assert.ok(existsSync(join(workspaceDir, `${prefix}${suffix}`)), `${prefix}${suffix} exists`);
        agg = aggregatedRow(stats);
        assert.ok(agg.requests > 0, 'requests were made');
        const toast = await wb.notification(new RegExp(`Load test ${prefix} finished`)).first().innerText();
        assert.ok(toast.includes(expectedAggregated(agg).slice('- Aggregated: '.length)), `notification "${toast}" shows ${expectedAggregated(agg)}`);
        await screenshot('finished');
      });

      await step('the comma-typed tags ran the tasks of both tags (home and /missing), nothing else', async () => {
        assert.deepEqual([...agg.names].sort(), ['/missing (404)', 'home']);
        assert.ok((target.hits.get('/') ?? 0) > 0 && (target.hits.get('/missing') ?? 0) > 0);
        assert.equal(target.hits.get('/data.json') ?? 0, 0);
      });

      await step('"Open chart" opens the chart panel of the new run, with its two endpoints', async () => {
        await wb.notification(new RegExp(`Load test ${prefix} finished`)).first().locator('.monaco-button', { hasText: 'Open chart' }).click();
        const version = /v\d+/.exec(prefix)[0];
        await waitForValue(`a "Chart: ${version}" tab`, () => page.locator('.tabs-container .tab').allInnerTexts(), (tabs) => tabs.some((t) => t.includes(`Chart: ${version}`)), { timeout: 30_000 });
        const frame = page.locator('iframe.webview.ready').first().contentFrame().locator('iframe#active-frame').contentFrame();
        const names = await waitForValue('the endpoint rows of the new run', () => frame.locator('#endpoints tbody tr th').allInnerTexts(), (list) => list.length === 2, { timeout: 30_000 });
        assert.deepEqual([...names].sort(), ['/missing (404)', 'home']);
        await screenshot('chart');
      });

      const block = () => [`**${/v\d+/.exec(prefix)[0]} Load Test Results (3 users)**:`, `- CSV: \`${prefix}_stats.csv\``, expectedAggregated(agg)].join('\n');
      await step('"Record in tracker" under WEEK 7 inserts the block with the CSV\'s numbers; nothing else changes', async () => {
        await wb.waitNotification(new RegExp(`Load test ${prefix} finished`));
        await wb.notification(new RegExp(`Load test ${prefix} finished`)).first().locator('.monaco-button', { hasText: 'Record in tracker' }).click();
        await waitTitle('Record under which week or day?');
        await wb.pickQuickInput('WEEK 7: INTEGRATION', /WEEK 7: INTEGRATION TESTING/);
        const text = await waitForValue('the block on disk', () => readText(trackerPath), (t) => t.includes(block()), { timeout: 20_000 });
        const at = text.indexOf(block());
        assert.ok(at > original.indexOf('WEEK 7: INTEGRATION TESTING') && at <= original.indexOf('#### Day 31 (2026-01-15) - Locust CSRF Fix'), 'inside week 7, before its first day');
        assert.equal(text.replace(`\n${block()}\n`, ''), original, 'only the block (and one blank line) was added');
        const line = text.slice(0, at).split('\n').length;
        await waitForValue(`the tracker editor to show the block selected from line ${line}`, () => wb.cursorPosition(), (p) => p?.line === line + 2 && /selected/.test(p.text));
        await screenshot('recorded');
      });

      await step('one Ctrl+Z in the tracker editor takes the whole block out again', async () => {
        await wb.focusEditor();
        await wb.press('Ctrl+Z');
        await waitForValue('the editor text back to the original', async () => (await api.one({ op: 'activeEditor' })).text, (t) => t === original);
        await wb.press('Ctrl+S');
        await waitForValue('the tracker on disk back to the original', () => readText(trackerPath), (t) => t === original);
      });

      await step('"Run Distributed Load Test…" with Debian\'s Locust: refused with the reason, nothing starts', async () => {
        await wb.runCommand(title('executionTracker.runDistributedLoadTest'));
        await wb.pickQuickInput('locustfile', 'load_testing/locustfile.py');
        await wb.waitNotification(/cannot run a distributed load test: The installed Locust reports an empty version.*pre 2\.0/, 30_000);
        await screenshot('distributed');
      });

      await step('"Run Tests (pytest)": real pytest in the folder; the counts come back and are recorded under WEEK 6', async () => {
        writeFileSync(join(workspaceDir, 'pytest.ini'), '[pytest]\ntestpaths = tests\n');
        mkdirSync(join(workspaceDir, 'tests'), { recursive: true });
        writeFileSync(join(workspaceDir, 'tests', 'test_sample.py'), [
          'import pytest', '', 'def test_one():', '    assert 1 + 1 == 2', '', 'def test_two():', '    assert "a" in "abc"', '',
          'def test_broken():', '    assert 2 * 2 == 5', '', '@pytest.mark.skip(reason="not today")', 'def test_later():', '    pass', '',
        ].join('\n'));
        await api.one({ op: 'executeCommand', command: 'notifications.clearAll' });
        const before = readText(trackerPath);
        await wb.runCommand(title('executionTracker.runTests'));
        await answer('(1/2)', '-q');
        await waitTitle('(2/2)');
        await wb.pickQuickInput('Without', 'Without coverage');
        const toast = await wb.waitNotification(/pytest finished: 2 passed, 1 failed, 1 skipped, 0 errors/, 60_000);
        await screenshot('pytest');
        await toast.locator('.monaco-button', { hasText: 'Record in tracker' }).click();
        await waitTitle('Record under which week or day?');
        await wb.pickQuickInput('WEEK 6: TIER 3', /WEEK 6: TIER 3 COVERAGE - TESTING/);
        const pytestBlock = /\*\*pytest Results \(\d{4}-\d{2}-\d{2}\)\*\*:\n- Tests: 2 passed, 1 failed, 1 skipped, 0 errors\n/;
        const text = await waitForValue('the pytest block on disk', () => readText(trackerPath), (t) => pytestBlock.test(t), { timeout: 20_000 });
        const at = text.search(pytestBlock);
        assert.ok(at > before.indexOf('WEEK 6: TIER 3 COVERAGE') && at <= before.indexOf('#### Day 26-27'), 'inside week 6, before its first day');
      });

      await step('compose files: detected up/down/logs tasks with their exact argv (v1: no compose word)', async () => {
        writeFileSync(join(workspaceDir, 'docker-compose.yml'), 'services:\n  web:\n    image: nginx\n  worker:\n    image: busybox\n    profiles: ["celery"]\n');
        writeFileSync(join(workspaceDir, 'docker-compose-pgbouncer.yml'), 'services:\n  pgbouncer:\n    image: edoburu/pgbouncer\n');
        // The pytest task's terminal has the focus and takes the keys ("press any key to close it"): the API
        // bridge goes through the command palette, so give the focus back to the editor first.
        await wb.focusEditor();
        const tasks = await waitForValue('the compose tasks', () => api.one({ op: 'tasks', type: 'compose' }), (list) => list.length === 6, { timeout: 45_000 });
        const byName = Object.fromEntries(tasks.map((t) => [t.name, t]));
        assert.deepEqual([byName['up docker-compose.yml'].process.command, ...byName['up docker-compose.yml'].process.args], ['docker-compose', '-f', 'docker-compose.yml', 'up', '-d']);
        assert.deepEqual(byName['down docker-compose-pgbouncer.yml'].process.args, ['-f', 'docker-compose-pgbouncer.yml', 'down']);
        assert.deepEqual(byName['logs docker-compose.yml'].process.args, ['-f', 'docker-compose.yml', 'logs', '--follow', '--tail', '200']);
        assert.equal(byName['logs docker-compose.yml'].background, true);
      });

      await step('"Start Docker Stack": files picked in order, profile from the file; an engine that is not running is named and nothing starts', async () => {
        await api.one({ op: 'executeCommand', command: 'notifications.clearAll' });
        const terminalsBefore = await page.locator('.xterm-rows').count();
        await wb.runCommand(title('executionTracker.startStack'));
        await answerStackChooser(page, wb, { files: ['docker-compose.yml', 'docker-compose-pgbouncer.yml'], pick: ['celery'] });
        await wb.waitNotification(/the stack is docker-compose\.yml, docker-compose-pgbouncer\.yml with profiles celery/);
        const toast = await wb.waitNotification(/the Docker engine is not running \(nothing answers at unix:\/\/.*et-no-engine-.*docker\.sock\)/, 60_000);
        assert.match(await toast.innerText(), /Start it \(sudo systemctl start docker, or sudo dockerd &\), or point DOCKER_HOST at a running engine/);
        await screenshot('stack');
        assert.equal(await page.locator('.xterm-rows').count(), terminalsBefore, 'no task terminal was opened: nothing started');
      });
    } finally {
      target.server.closeAllConnections?.();
      target.server.close();
    }
  },
};
