// Checks the page helpers that no tracker scenario uses yet (CodeLens, notification, webview), against things
// the companion extension and VS Code itself show, so later scenarios can rely on them.
import assert from 'node:assert/strict';
import { TRACKER_FILE } from '../lib/fixture.mjs';
import { waitForValue } from '../helpers/workbench.mjs';

export default {
  name: 'harness-helpers',
  settings: { 'executionTrackerTest.codeLens': true },
  async run({ wb, api, step }) {
    await step(`open ${TRACKER_FILE}`, () => wb.openFile(TRACKER_FILE));

    await step('CodeLens by title: "E2E Lens" shows and runs its command when clicked', async () => {
      const lens = await wb.waitCodeLens('E2E Lens');
      await lens.click();
      await waitForValue('the lens command to run', async () => (await api.one({ op: 'lensClicks' })).count, (n) => n === 1);
    });

    await step('notification by text', async () => {
      await api.one({ op: 'showMessage', text: 'Hello from the e2e harness' });
      await wb.waitNotification('Hello from the e2e harness');
    });

    await step('webview frame: the markdown preview renders the tracker title', async () => {
      await wb.runCommand('Markdown: Open Preview to the Side');
      const heading = wb.webviewFrame().locator('h1').first();
      await heading.waitFor({ timeout: 15_000 });
      assert.match(await heading.innerText(), /Master Execution Tracker/);
    });
  },
};
