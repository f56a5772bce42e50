// src/core's strings through @vscode/l10n: English when nothing configures it (the CLI), the display language's
// text once the extension hands it VS Code's bundle. Its own process (node --test isolates files), so the
// configuration made here reaches no other test.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import * as l10n from '@vscode/l10n';
import { runChecks } from '../../../src/core/checks/runChecks';
import { RULES } from '../../../src/core/checks/types';
import { usersProblem } from '../../../src/core/launch/validate';
import { parseTracker, splitLines } from '../../../src/core/tracker/parse';
import { seedTracker } from '../fixtures';

const indonesian = JSON.parse(readFileSync(join(process.cwd(), 'l10n', 'bundle.l10n.id.json'), 'utf8')) as Record<string, string>;

function findings(text: string) {
  return runChecks({ text, lines: splitLines(text), model: parseTracker(text) });
}

describe('core strings', () => {
  const seed = seedTracker();
  const english = findings(seed);

  it('are English without a bundle', () => {
    assert.equal(RULES['duplicate-row'].title(), 'Duplicated table row');
    assert.ok(english.some((f) => /^This table row repeats line \d+\.$/.test(f.message)));
    assert.equal(usersProblem('many'), '"many" is not a whole number of users (at least 1)');
  });

  it('follow the Indonesian bundle once configured: every finding of the seed, its fixes, rule titles, validation', () => {
    const englishTitles = Object.fromEntries(Object.entries(RULES).map(([rule, { title }]) => [rule, title()]));
    l10n.config({ contents: indonesian });
    try {
      const translated = findings(seed);
      assert.equal(translated.length, english.length);
      assert.ok(english.length > 10, 'the seed has findings of several rules');
      translated.forEach((finding, i) => {
        assert.notEqual(finding.message, english[i].message, `finding on line ${finding.line + 1} (${finding.rule}) is still English: ${finding.message}`);
        (finding.fixes ?? []).forEach((fix, j) => assert.notEqual(fix.title, english[i].fixes![j].title, `fix "${fix.title}" is still English`));
      });
      for (const [rule, title] of Object.entries(englishTitles)) assert.notEqual(RULES[rule as keyof typeof RULES].title(), title, `rule ${rule}'s title is still English`);
      assert.equal(RULES['duplicate-row'].title(), 'Baris tabel duplikat');
      assert.equal(usersProblem('many'), '"many" bukan jumlah user berupa bilangan bulat (minimal 1)');
    } finally {
      l10n.config({ contents: {} });
    }
  });
});
