// `npm run test:grammar`: the grammar unit tests (test/grammar/*.test.md) and the snapshot of the seed tracker
// (test/grammar/snapshot/), both against the copy of VS Code's markdown grammar in this folder, so nothing here
// depends on code-server being set up. `--update` rewrites the snapshot after an intended grammar change.
// The tools report every language embedded in fenced code blocks that has no grammar here; those lines are
// dropped: markdown's fences are not what is tested.
import { spawnSync } from 'node:child_process';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const config = relative(root, join(here, 'grammars.json'));
const update = process.argv.includes('--update');

const runs = [
  [bin('vscode-tmgrammar-test'), ['--compact', '--config', config, 'test/grammar/*.test.md']],
  [bin('vscode-tmgrammar-snap'), ['--config', config, ...(update ? ['--updateSnapshot'] : []), 'test/grammar/snapshot/*.md']],
];

let failed = false;
for (const [command, args] of runs) {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8' });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`
    .split('\n')
    .filter((line) => line.trim() !== '' && !/^grammar not found for "/.test(line))
    .join('\n');
  if (output) console.log(output);
  if (result.error) console.error(`${command}: ${result.error.message}`);
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
