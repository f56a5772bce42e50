// A loopback HTTP server for the sample locustfile's endpoints (`/` home, `/data.json`; anything else 404), on a
// port the kernel picks, counting hits per path. Plus small readers the Locust scenarios share.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

export function startTarget() {
  const hits = new Map();
  const server = createServer((request, response) => {
    const path = new URL(request.url, 'http://x').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    if (path === '/') response.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>home</body></html>');
    else if (path === '/data.json') response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    else response.writeHead(404).end('not found');
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const port = server.address().port;
      resolve({ server, hits, port, url: `http://127.0.0.1:${port}`, close: () => { server.closeAllConnections?.(); server.close(); } });
    }),
  );
}

/** Row names (column 2) of a Locust stats CSV other than Aggregated; names here hold no commas. */
export function statsNames(path) {
  return readFileSync(path, 'utf8').split(/\r?\n/).slice(1).filter(Boolean).map((line) => line.split(',')[1]).filter((name) => name !== 'Aggregated');
}

/** Command lines of the running processes whose argv contains `needle` (ps, not our own). */
export function processesWith(needle) {
  const out = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return out.split('\n').filter((line) => line.includes(needle) && !line.includes('ps -eo'));
}
