// Scenario 14: the guided first run. In a folder with no tracker, the extension's first activation (opening a
// markdown file activates it) shows the Execution Tracker view with its welcome: "Open a Tracker…" and "Create a
// Tracker from a Template". The second one asks for a name and writes a short tracker in the sample's style,
// which opens in the editor while the tree shows its two weeks ("Week 1", "0/3 · BASELINE").
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VIEW_CONTAINER_TITLE } from '../helpers/tracker.mjs';
import { waitForValue } from '../helpers/workbench.mjs';

export default {
  name: 'first-run',
  workspace: 'empty',
  files: { 'notes.md': '# Notes\n\nNothing to track yet.\n' },
  settings: { 'executionTracker.showOnFirstRun': true },
  timeout: 150_000,
  async run({ page, wb, step, workspaceDir, screenshot }) {
    const welcome = page.locator('.part.sidebar .welcome-view-content');
    const button = (text) => welcome.locator('.monaco-button', { hasText: text }).first();

    await step('opening a markdown file activates the extension: its view opens by itself with the welcome', async () => {
      await wb.openFile('notes.md');
      await waitForValue(`the side bar to show ${VIEW_CONTAINER_TITLE}`, () => page.locator('.part.sidebar .composite.title h2').first().textContent().catch(() => ''), (t) => (t ?? '').toLowerCase().startsWith(VIEW_CONTAINER_TITLE.toLowerCase()), { timeout: 45_000 });
      await button('Open a Tracker…').waitFor({ state: 'visible', timeout: 30_000 });
      await button('Create a Tracker from a Template').waitFor({ state: 'visible' });
      assert.match(await welcome.first().innerText(), /No execution tracker found in this workspace/);
      await page.mouse.move(1395, 450);
      await screenshot('welcome');
    });

    await step('"Create a Tracker from a Template": the name box offers EXECUTION_TRACKER.md and refuses a bad name', async () => {
      await button('Create a Tracker from a Template').click();
      const input = page.locator('.quick-input-widget .quick-input-box input');
      await waitForValue('the name box', () => input.inputValue().catch(() => ''), (v) => v === 'EXECUTION_TRACKER.md');
      await input.fill('../outside.md');
      await waitForValue('a message refusing ../', () => page.locator('.quick-input-widget .quick-input-message').innerText().catch(() => ''), (t) => /inside the workspace folder/.test(t));
      await input.fill('notes.md');
      await waitForValue('a message refusing an existing file', () => page.locator('.quick-input-widget .quick-input-message').innerText().catch(() => ''), (t) => /already exists/.test(t));
      await input.fill('EXECUTION_TRACKER.md');
      await page.keyboard.press('Enter');
    });

    const created = join(workspaceDir, 'EXECUTION_TRACKER.md');
    await step('the tracker is written and opened; the tree lists Week 1 and Week 2 with their progress', async () => {
      await waitForValue('EXECUTION_TRACKER.md on disk', () => existsSync(created), (ok) => ok);
      const text = readFileSync(created, 'utf8');
      assert.match(text, /^### WEEK 1: BASELINE \(IN PROGRESS\)$/m);
      assert.match(text, /^\*\*Exit Criteria\*\*: P95 <500ms, Error Rate <1%$/m);
      await waitForValue('the tracker tab active', async () => (await wb.activeTab()).label, (label) => label.includes('EXECUTION_TRACKER.md'));
      await wb.waitTreeItem('EXECUTION_TRACKER.md');
      assert.equal(await wb.treeItemDescription(/^Week 1$/), '0/3 · BASELINE');
      assert.equal(await wb.treeItemDescription(/^Week 2$/), '0/3 · FIRST FIXES');
      await page.mouse.move(1395, 450);
      await screenshot('created');
    });
  },
};
