// Synthetic trackers with the seed's structure (weeks, days, nested tasks, evidence, run summaries, tables, code
// fences), deterministic from a seed, sized as a multiple of the real tracker's line count.
import { seededRandom } from '../lib.mjs';

const WORDS = 'optimise cache dashboard query index pool pgbouncer redis celery export login chart endpoint latency verify deploy document migrate tune audit'.split(' ');

export function generateTracker(targetLines, seed = 7) {
  const random = seededRandom(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const words = (n) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const out = ['# Master Execution Tracker (synthetic)', '', '## OVERALL PROGRESS', '', '```', '[##########----------] 50% Complete', '```', '', '## 🎯 WEEKLY MILESTONES', ''];
  let week = 0;
  let run = 10;
  while (out.length < targetLines) {
    const status = pick(['✅', '⏳', '‚úÖ', '']);
    out.push(`### ${status} WEEK ${week}: ${words(3).toUpperCase()} (${pick(['COMPLETE', 'IN PROGRESS', 'PENDING'])})`, '', `**Goal**: ${words(6)}`, `**Exit Criteria**: P95 <${200 + Math.floor(random() * 300)}ms, <2s P99`, '');
    for (let day = 0; day < 4; day++) {
      out.push(`#### Day ${week * 5 + day} (2026-01-${10 + day}) - ${words(3)} ${pick(['✅ COMPLETE', ''])}`);
      for (let t = 0; t < 6; t++) {
        out.push(`- [${random() < 0.7 ? 'x' : ' '}] ${words(5)} - \`hasil_test_v${run}_100u_r4_pool140_stats.csv\``);
        if (random() < 0.3) out.push(`  - [${random() < 0.5 ? 'x' : ' '}] ${words(4)}`);
      }
      out.push('');
      run++;
      out.push(`**v${run} Core-only Validation Results**:`, `- Aggregated: ${(8000 + Math.floor(random() * 2000)).toLocaleString('en-US')} requests, ${Math.floor(random() * 50)} failures, P95 ${100 + Math.floor(random() * 900)}ms, P99 ${(1 + random() * 3).toFixed(1)}s, RPS ${(25 + random() * 10).toFixed(2)}`, `- Evidence: hasil_test_v${run}_100u_r4_pool140_core_only_stats.csv`, '');
      if (random() < 0.2) out.push('```bash', `locust -f load_testing/locustfile.py --headless -u 100 -r 4 --tags api page --csv hasil_test_v${run}`, '```', '');
    }
    out.push('| Metric | Target | Actual |', '|---|---|---|', `| P95 | <150ms | ${Math.floor(random() * 300)}ms |`, `| RPS | >50 | ${Math.floor(random() * 80)} |`, '');
    out.push(`**Week ${week} Status**: ${pick(['✅ **COMPLETE**', '⏳ IN PROGRESS'])} (${Math.floor(random() * 100)}% overall)`, '', '---', '');
    week++;
  }
  return out.slice(0, targetLines).join('\n');
}
