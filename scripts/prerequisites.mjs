// What the tests, the bench and `npm start` need from the machine, beyond `npm ci`: Debian packages, each with
// the reason and the file that shows it is there. scripts/setup.mjs installs them; everything that needs one
// calls requirePrerequisites() first, so a missing one is one clear line with the command that installs it,
// never a skipped case or a stack trace half-way through a run.
import { existsSync } from 'node:fs';

/** @typedef {{ pkg: string, why: string, probe: () => boolean }} Prerequisite */

const file = (path) => () => existsSync(path);
// Debian's Python modules are probed by file, not by importing them: `import pandas` alone takes half a second.
const pythonModule = (name) => file(`/usr/lib/python3/dist-packages/${name}/__init__.py`);

/** @type {Prerequisite[]} */
export const DEBIAN_PREREQUISITES = [
  { pkg: 'chromium', why: 'the browser that drives VS Code in real-host tests and paints the webview bench', probe: file('/usr/bin/chromium') },
  { pkg: 'ripgrep', why: "VS Code's search (code-server links it instead of downloading its own)", probe: file('/usr/bin/rg') },
  { pkg: 'libkrb5-dev', why: "headers code-server's native kerberos module builds against", probe: file('/usr/include/krb5.h') },
  { pkg: 'python3-locust', why: 'real Locust runs in the launch tests', probe: file('/usr/bin/locust') },
  { pkg: 'python3-pytest', why: 'the real pytest run in the launch tests', probe: file('/usr/bin/pytest') },
  { pkg: 'python3-pandas', why: "the bench's pandas.read_csv baseline", probe: pythonModule('pandas') },
  { pkg: 'fonts-noto-color-emoji', why: 'the trackers are full of emoji; without it screenshots show empty boxes', probe: file('/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf') },
  { pkg: 'git', why: 'tracker history from git and the tests that script a repository', probe: file('/usr/bin/git') },
  { pkg: 'docker.io', why: 'a real Docker engine (dockerd) for the stack tests when DOCKER_HOST has none', probe: file('/usr/sbin/dockerd') },
  { pkg: 'docker-compose', why: 'Compose v1, the compose command Debian and Ubuntu ship, driven by the stack tests', probe: file('/usr/bin/docker-compose') },
  { pkg: 'busybox-static', why: 'the static binary the sample stack builds its base image from (no image registry is reachable)', probe: file('/bin/busybox') },
  { pkg: 'iproute2', why: 'network namespaces for the second-host distributed test', probe: file('/usr/sbin/ip') },
];

export const installCommand = (pkgs) => `apt-get update && apt-get install -y ${pkgs.join(' ')}`;

/** The prerequisites that are not there, of the given package names (all when omitted). */
export function missingPrerequisites(pkgs) {
  const wanted = pkgs ? DEBIAN_PREREQUISITES.filter((p) => pkgs.includes(p.pkg)) : DEBIAN_PREREQUISITES;
  return wanted.filter((p) => !p.probe());
}

/** One line naming what is missing and how to install it. */
export function missingMessage(missing) {
  const what = missing.map((p) => `${p.pkg} (${p.why})`).join('; ');
  return `missing ${what} — install with: ${installCommand(missing.map((p) => p.pkg))}  (or run: npm run setup)`;
}

/** Throws one line when any of the named packages is missing. */
export function requirePrerequisites(pkgs) {
  const missing = missingPrerequisites(pkgs);
  if (missing.length > 0) throw new Error(missingMessage(missing));
}
