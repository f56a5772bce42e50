// Scenario 14: a real distributed load test from the palette. Debian's Locust 2.12.1, through a version-fixing
// wrapper the test makes (the Locust command setting takes it as a command with arguments), runs a master and
// two worker tasks on 127.0.0.1 against a server of the test that counts requests per worker process. The
// progress shows the workers connecting, the results aggregate both workers, the notification and Record in
// tracker name the worker count; then a worker killed mid-run is reported while Locust finishes the run, whose
// results are still recorded. Every Locust process is gone at the end (process table).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readText } from '../lib/fixture.mjs';
import { aggregatedRequests, extensionReady, killLeftoversOnCleanup, makeLocustWrapper, noLocustLeft, prepareWorkspace, processesWith, runDistributedWizard, startCountingTarget } from '../lib/distributed.mjs';
import { waitForValue } from '../helpers/workbench.mjs';
import { EXTENSION_ID } from '../helpers/tracker.mjs';

const TITLE = '.quick-input-widget .quick-input-title';

export default {
  name: 'distributed',
  timeout: 300_000,
  // The settings (the wrapper as the Locust command) are written before VS Code opens the folder: a
  // settings.json written later is read a moment after, and a wizard started in between probes Debian's Locust.
  prepare({ workspaceDir }) {
    const wrapper = makeLocustWrapper();
    prepareWorkspace(workspaceDir, wrapper);
    return { wrapper };
  },
  async run(ctx) {
    const { page, wb, api, step, workspaceDir, trackerPath, screenshot, prepared: { wrapper } } = ctx;
    killLeftoversOnCleanup(wrapper);
    const target = await startCountingTarget();
    const original = readText(trackerPath);
    let prefix;

    await step('the extension is active', async () => {
      const info = await extensionReady(ctx, EXTENSION_ID);
      assert.equal(info.isActive, true);
    });

    await step('"Run Distributed Load Test…" with the wrapper: 2 users, 2 workers on 127.0.0.1, 8 s', async () => {
      prefix = await runDistributedWizard(ctx, { host: target.url, users: 2, runTime: '8s', workers: 2 });
      assert.match(prefix, /^hasil_test_v\d+_2u_r2$/);
    });

    await step('one task for the master and one per worker; the progress counts the workers connecting', async () => {
      await wb.waitNotification(/2 of 2 workers connected/, 60_000);
      await screenshot('progress');
      const processes = processesWith(wrapper.path);
      assert.equal(processes.filter((p) => p.args.includes('--master')).length, 1, JSON.stringify(processes.map((p) => p.args)));
      assert.equal(processes.filter((p) => p.args.includes('--worker')).length, 2);
    });

    let requests;
    await step('the run ends on its own; the notification names the worker count; the CSV aggregates both workers', async () => {
      const toast = await wb.waitNotification(new RegExp(`Load test ${prefix} finished with 2 workers`), 90_000);
      await screenshot('finished');
      const stats = join(workspaceDir, `${prefix}_stats.csv`);
      assert.ok(existsSync(stats));
      requests = aggregatedRequests(stats);
      const pids = [...target.byPid.entries()].filter(([pid]) => pid !== 'none');
      assert.equal(pids.length, 2, `requests came from two worker processes: ${JSON.stringify(pids)}`);
      assert.ok(pids.every(([, count]) => count > 0));
      // Locust 2.12.1 does not write the CSV a last time at exit, so it may lag the server's count slightly.
      assert.ok(requests > 0 && requests <= target.total(), `CSV ${requests} requests, server saw ${target.total()}`);
      assert.ok((await toast.innerText()).includes(`${requests.toLocaleString('en-US')} requests`));
      const log = readFileSync(join(workspaceDir, `${prefix}_master.log`), 'utf8');
      assert.match(log, /2 workers connected/);
      console.log(`#   figures: ${requests} requests in the CSV, ${target.total()} at the server, per worker ${pids.map(([, c]) => c).join(' + ')}`);
    });

    await step('Record in tracker: the block names users and workers', async () => {
      await wb.notification(new RegExp(`Load test ${prefix} finished`)).first().locator('.monaco-button', { hasText: 'Record in tracker' }).click();
      await waitForValue('the record picker', () => page.locator(TITLE).innerText().catch(() => ''), (t) => t.includes('Record under which week or day?'));
      await wb.pickQuickInput('WEEK 7: INTEGRATION', /WEEK 7: INTEGRATION TESTING/);
      const label = `**${/v\d+/.exec(prefix)[0]} Load Test Results (2 users, 2 workers)**:`;
      const text = await waitForValue('the block on disk', () => readText(trackerPath), (t) => t.includes(label), { timeout: 20_000 });
      assert.ok(text.includes(`- CSV: \`${prefix}_stats.csv\``));
      assert.ok(text.includes(`- Aggregated: ${requests.toLocaleString('en-US')} requests`));
      assert.notEqual(text, original);
      await screenshot('recorded');
    });

    await step('every Locust process of the run has exited', () => noLocustLeft(wrapper));

    let second;
    await step('a second run; one worker is killed (SIGKILL) mid-run: the user is told, Locust carries on', async () => {
      await api.one({ op: 'executeCommand', command: 'notifications.clearAll' });
      second = await runDistributedWizard(ctx, { host: target.url, users: 2, runTime: '14s', workers: 2 });
      await wb.waitNotification(/2 of 2 workers connected; the test is running/, 60_000);
      const workers = processesWith(wrapper.path).filter((p) => p.args.includes('--worker'));
      assert.equal(workers.length, 2);
      process.kill(workers[0].pid, 'SIGKILL');
      await wb.waitNotification(/a worker stopped answering .*Locust carries on with 1 of 2 workers/, 30_000);
      await screenshot('worker-killed');
    });

    await step('the run ends the way Locust ends it; its results are read and recorded', async () => {
      await wb.waitNotification(new RegExp(`Load test ${second} finished with 2 workers`), 90_000);
      const count = aggregatedRequests(join(workspaceDir, `${second}_stats.csv`));
      assert.ok(count > 0);
      await wb.notification(new RegExp(`Load test ${second} finished`)).first().locator('.monaco-button', { hasText: 'Record in tracker' }).click();
      await waitForValue('the record picker', () => page.locator(TITLE).innerText().catch(() => ''), (t) => t.includes('Record under which week or day?'));
      await wb.pickQuickInput('WEEK 7: INTEGRATION', /WEEK 7: INTEGRATION TESTING/);
      await waitForValue('the second block on disk', () => readText(trackerPath), (t) => t.includes(`- CSV: \`${second}_stats.csv\``), { timeout: 20_000 });
      console.log(`#   figures: killed-worker run ${count} requests in the CSV`);
    });

    await step('nothing of either run is left running', () => noLocustLeft(wrapper));
    await target.close();
  },
};
