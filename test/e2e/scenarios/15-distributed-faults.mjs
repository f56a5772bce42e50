// Scenario 15: stopping a distributed run and a worker that never connects. Ending one worker's task (Tasks:
// Terminate Task) stops the whole run; Cancel on the progress notification does too; a worker that hangs
// before connecting makes the master give up after the configured wait, with a clear message. After each, the
// process table holds no Locust process of the test.
import assert from 'node:assert/strict';
import { extensionReady, killLeftoversOnCleanup, makeLocustWrapper, noLocustLeft, prepareWorkspace, processesWith, runDistributedWizard, startCountingTarget } from '../lib/distributed.mjs';
import { waitForValue } from '../helpers/workbench.mjs';
import { EXTENSION_ID } from '../helpers/tracker.mjs';

export default {
  name: 'distributed-faults',
  timeout: 300_000,
  // The settings (the wrapper as the Locust command) are written before VS Code opens the folder: a
  // settings.json written later is read a moment after, and a wizard started in between probes Debian's Locust.
  prepare({ workspaceDir }) {
    const wrapper = makeLocustWrapper({ hangFirstWorker: true });
    prepareWorkspace(workspaceDir, wrapper, { 'executionTracker.launch.workersWaitSeconds': 8 });
    return { wrapper };
  },
  async run(ctx) {
    const { page, wb, api, step, screenshot, prepared: { wrapper } } = ctx;
    killLeftoversOnCleanup(wrapper);
    const target = await startCountingTarget();

    await step('the extension is active', async () => {
      const info = await extensionReady(ctx, EXTENSION_ID);
      assert.equal(info.isActive, true);
    });

    await step('a worker that never connects: the master gives up after 8 s with a clear message', async () => {
      const prefix = await runDistributedWizard(ctx, { host: target.url, users: 2, runTime: '30s', workers: 2 });
      await wb.waitNotification(/1 of 2 workers connected; waiting for the rest/, 60_000);
      await wb.waitNotification(new RegExp(`distributed load test ${prefix} did not start: the master gave up waiting for workers after 8 s with 1 of 2 connected\\. Workers must reach the master at 127\\.0\\.0\\.1:\\d+; its log is ${prefix}_master\\.log`), 60_000);
      await screenshot('gave-up');
      assert.equal(await wb.notification(new RegExp(`Load test ${prefix} finished`)).count(), 0, 'no results are offered for a run that never started');
    });

    await step('nothing is left running: the hung worker\'s task was ended too', () => noLocustLeft(wrapper));

    await step('ending one worker\'s task (Tasks: Terminate Task) stops the whole run', async () => {
      await api.one({ op: 'executeCommand', command: 'notifications.clearAll' });
      const prefix = await runDistributedWizard(ctx, { host: target.url, users: 2, runTime: '2m', workers: 2 });
      await wb.waitNotification(/2 of 2 workers connected; the test is running/, 60_000);
      assert.equal(processesWith(wrapper.path).length, 3);
      await wb.runCommand('Tasks: Terminate Task');
      await wb.pickQuickInput('worker 1', `Execution Tracker: ${prefix} (worker 1)`);
      await wb.waitNotification(new RegExp(`distributed load test ${prefix} was stopped, because the task of worker 1 was ended`), 30_000);
      await noLocustLeft(wrapper);
      await screenshot('cancelled-worker');
    });

    await step('Cancel on the progress notification stops the whole run', async () => {
      await api.one({ op: 'executeCommand', command: 'notifications.clearAll' });
      await runDistributedWizard(ctx, { host: target.url, users: 2, runTime: '2m', workers: 2 });
      const progress = await wb.waitNotification(/2 of 2 workers connected; the test is running/, 60_000);
      await waitForValue('three Locust processes', () => processesWith(wrapper.path).length, (n) => n === 3);
      await progress.locator('.monaco-button', { hasText: 'Cancel' }).click();
      await noLocustLeft(wrapper);
      await screenshot('cancelled');
    });
    await target.close();
    void page;
  },
};
