// Scenario 9b: launching in Restricted Mode. The folder is not trusted: no task of ours is offered, and every
// launch command refuses with the reason and a way to trust the folder; nothing runs, nothing is written.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { commandTitle } from '../helpers/tracker.mjs';

const LAUNCH_COMMANDS = ['executionTracker.runLoadTest', 'executionTracker.runDistributedLoadTest', 'executionTracker.startStack', 'executionTracker.stopStack', 'executionTracker.showStackLogs', 'executionTracker.runTests'];

export default {
  name: 'launch-restricted',
  settings: { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'always' },
  timeout: 180_000,
  async run({ page, wb, api, step, workspaceDir, screenshot }) {
    await step('answer the Workspace Trust prompt with "No, I don\'t trust the authors"', () => wb.answerTrustPrompt(false));
    await step('the status bar says Restricted Mode and the extension host agrees', async () => {
      await wb.waitStatusBarItem('Restricted Mode');
      assert.equal((await api.one({ op: 'workspace' })).isTrusted, false);
    });

    const filesBefore = readdirSync(workspaceDir, { recursive: true }).sort();
    for (const id of LAUNCH_COMMANDS) {
      await step(`"${commandTitle(id)}" starts nothing and says why and how to trust the folder`, async () => {
        await api.one({ op: 'executeCommand', command: 'notifications.clearAll' });
        await wb.runCommand(commandTitle(id), 30_000);
        const toast = await wb.waitNotification(/is disabled in Restricted Mode/);
        assert.match(await toast.innerText(), /would run programs .* Trust the folder to enable it/s);
        assert.equal(await toast.locator('.monaco-button', { hasText: 'Manage Workspace Trust' }).count(), 1);
        assert.equal(await page.locator('.quick-input-widget').isVisible(), false, 'no input step opened');
      });
    }
    await screenshot('refused');

    await step('listing tasks makes VS Code ask for trust; after "Cancel" no locust, compose or pytest task is offered; nothing was written', async () => {
      for (const type of ['locust', 'compose', 'pytest']) {
        const listed = api.one({ op: 'tasks', type });
        const dialog = await wb.waitDialog();
        assert.match(dialog, /Listing and running tasks requires/);
        await wb.clickDialogButton('Cancel');
        assert.deepEqual(await listed, [], `no ${type} task offered`);
      }
      assert.deepEqual(readdirSync(workspaceDir, { recursive: true }).sort(), filesBefore);
    });

    await step('"Manage Workspace Trust" on the message opens the Workspace Trust editor', async () => {
      await api.one({ op: 'executeCommand', command: 'notifications.clearAll' });
      await wb.runCommand(commandTitle('executionTracker.runLoadTest'), 30_000);
      await (await wb.waitNotification(/is disabled in Restricted Mode/)).locator('.monaco-button', { hasText: 'Manage Workspace Trust' }).click();
      await page.locator('.tabs-container .tab', { hasText: 'Workspace Trust' }).first().waitFor({ state: 'visible', timeout: 15_000 });
    });
  },
};
