// Scenario 1: opening the sample workspace, the Execution Tracker view lists the tracker and weeks 0–8, each
// with its done/total as counted from the file. At the default side-bar width the short label ("Week 2") and the
// progress are never cut off; the title follows the progress, and the full heading is in the tooltip.
import assert from 'node:assert/strict';
import { readText, TRACKER_FILE } from '../lib/fixture.mjs';
import { countWeeks, SEED_PROGRESS, VIEW_CONTAINER_TITLE } from '../helpers/tracker.mjs';
import { waitForValue } from '../helpers/workbench.mjs';

export default {
  name: 'tree-weeks',
  async run({ page, wb, step, trackerPath, screenshot }) {
    const weeks = countWeeks(readText(trackerPath));
    assert.deepEqual(weeks.map((w) => w.week), [0, 1, 2, 3, 4, 5, 6, 7, 8], 'the fixture tracker should have weeks 0–8');

    await step(`open the ${VIEW_CONTAINER_TITLE} view from the activity bar`, async () => {
      await wb.openViewContainer(VIEW_CONTAINER_TITLE);
      // The Runs view folded, so the Tracker view has the height (and no run tooltip covers it while scrolling).
      const runsHeader = page.locator('.part.sidebar .pane-header', { hasText: /^Runs/i }).first();
      await runsHeader.waitFor();
      if ((await runsHeader.getAttribute('aria-expanded')) === 'true') await runsHeader.click();
    });

    await step(`the tracker file is listed with ${SEED_PROGRESS.done}/${SEED_PROGRESS.total}`, async () => {
      await wb.waitTreeItem(TRACKER_FILE);
      assert.equal(await wb.treeItemDescription(TRACKER_FILE), `${SEED_PROGRESS.done}/${SEED_PROGRESS.total}`);
    });

    await step('weeks 0–8 are listed in order, each with done/total', async () => {
      // The tree is virtual and may scroll while weeks are looked up, so order comes from each row's position
      // among its siblings (aria-posinset), not from what happens to be on screen at the end.
      const positions = [];
      for (const { week, done, total } of weeks) {
        const label = new RegExp(`^Week ${week}$`);
        const row = await wb.waitTreeItem(label);
        positions.push(Number(await row.getAttribute('aria-posinset')));
        assert.match(await wb.treeItemDescription(label), new RegExp(`^${done}/${total} · `), `Week ${week} description`);
        // Label and progress fit: the row's text is cut off (if at all) only after the progress.
        const fit = await row.evaluate((el) => {
          const contents = el.querySelector('.monaco-icon-label-container');
          const name = el.querySelector('.label-name');
          const description = el.querySelector('.label-description');
          const box = contents.getBoundingClientRect();
          const range = document.createRange();
          range.setStart(description.firstChild, 0);
          range.setEnd(description.firstChild, Math.min(description.firstChild.length, description.textContent.indexOf(' · ') + 1 || description.firstChild.length));
          return { nameRight: name.getBoundingClientRect().right, progressRight: range.getBoundingClientRect().right, right: box.right };
        });
        assert.ok(fit.nameRight <= fit.right && fit.progressRight <= fit.right + 1, `Week ${week}: label and progress visible at the default width (${JSON.stringify(fit)})`);
      }
      assert.deepEqual(positions, [...positions].sort((a, b) => a - b), `weeks in tree order (positions ${positions.join(', ')})`);
    });

    await step('hovering a week shows its full heading and claimed status', async () => {
      await (await wb.waitTreeItem(/^Week 2$/)).hover();
      const hover = page.locator('.monaco-hover:not(.hidden) .hover-contents, .workbench-hover-container .hover-contents').first();
      await waitForValue('the week tooltip', () => hover.innerText().catch(() => ''), (text) => /WEEK\s2:\sTIER\s1\sCOMPLETION\s\+\sV2\sSTART/.test(text.replace(/\u00a0/g, ' ')) && /13\s+of\s+13\s+tasks\s+done/.test(text));
      await screenshot('tooltip');
    });
  },
};
