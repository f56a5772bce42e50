// The two steps of the stack chooser (files in click order, then profiles), as the stack commands show it.
import { waitForValue } from './workbench.mjs';

const TITLE = '.quick-input-widget .quick-input-title';
const INPUT = '.quick-input-widget .quick-input-box input';

/**
 * Answers an open "Docker Stack (1/2)" chooser: clicks `files` in order, then picks the profiles offered in
 * `pick` and types those in `type` (profiles no file names). Resolves when the choice is confirmed.
 */
export async function answerStackChooser(page, wb, { files, pick = [], type = '' }) {
  const waitTitle = (text) => waitForValue(`the quick input titled ${text}`, () => page.locator(TITLE).innerText().catch(() => ''), (t) => t.includes(text));
  await waitTitle('Docker Stack (1/2)');
  for (const file of files) await wb.quickPickItem(file).click();
  await page.keyboard.press('Enter');
  await waitTitle('Docker Stack (2/2)');
  for (const profile of pick) await wb.quickPickItem(profile).click();
  if (type) await page.locator(INPUT).fill(type);
  await page.keyboard.press('Enter');
  await wb.waitNotification(/the stack is /);
}
