import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { findMacRomanMojibake, repairMacRoman } from '../../../src/core/text/macRoman';
import { seedTracker } from '../fixtures';

describe('Mac Roman mojibake', () => {
  const cases: Array<[string, string]> = [
    ['‚úÖ done', '✅ done'],
    ['‚è≥ wait', '⏳ wait'],
    ['\uf8ffüöÄ launch', '🚀 launch'],
    ['120 MB ‚Üí 23 MB', '120 MB → 23 MB'],
    ['‚ö†Ô∏è warn', '⚠️ warn'],
    ['café, naïve, Ñandú', 'café, naïve, Ñandú'],
    ['✅ already right', '✅ already right'],
    ['plain ascii', 'plain ascii'],
  ];
  for (const [input, output] of cases) it(JSON.stringify(input), () => assert.equal(repairMacRoman(input), output));

  it('repairs every mis-encoded run of the seed and nothing else', () => {
    const seed = seedTracker();
    const repaired = repairMacRoman(seed);
    assert.equal(/[\uf8ff]|‚úÖ|‚è≥/.test(repaired), false);
    assert.ok(findMacRomanMojibake(seed).length > 100);
    assert.equal(repaired.replace(/[^\x00-\x7f]/gu, ''), seed.replace(/[^\x00-\x7f]/gu, ''), 'ASCII text untouched');
  });
});
