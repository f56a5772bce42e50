// Simulated Locust requests for the sample workspace: a seeded, deterministic stand-in for the runs the sample
// tracker describes. Each endpoint's response times are log-normal around the median and P95 the tracker gives;
// a monotone remap of all times then puts the Aggregated P95/P99 exactly on the tracker's numbers (a monotone
// map keeps every request's rank, so the per-endpoint numbers stay consistent with the Aggregated row).
import { seededRandom } from '../../bench/lib.mjs';

export function seedOf(text) {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h;
}

function normal(random) {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** Locust's response-time buckets (locust/stats.py): exact below 100 ms, then 2 significant digits. */
export function bucket(ms) {
  if (ms < 100) return Math.round(ms);
  if (ms < 1000) return Math.round(ms / 10) * 10;
  if (ms < 10000) return Math.round(ms / 100) * 100;
  return Math.round(ms / 1000) * 1000;
}

/** Locust's percentile over sorted times: the bucket of the request at index int(n * p). */
export function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return bucket(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]);
}

/**
 * Request start times over the run: users spawn at `spawnRate` per second up to `users`, and each active user
 * makes requests at the same pace, so the request density follows the user count.
 */
function timeSampler(random, durationS, users, spawnRate) {
  const weights = [];
  for (let s = 0; s < durationS; s++) weights.push(Math.min(users, (s + 0.5) * spawnRate));
  const total = weights.reduce((a, b) => a + b, 0);
  const cumulative = [];
  let running = 0;
  for (const w of weights) cumulative.push((running += w) / total);
  return () => {
    const u = random();
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    return lo + random();
  };
}

function remap(requests, targets) {
  const sorted = requests.map((r) => r.ms).sort((a, b) => a - b);
  const n = sorted.length;
  const at = (p) => sorted[Math.min(n - 1, Math.floor(n * p))];
  const anchors = [[sorted[0], sorted[0]], [at(0.5), at(0.5)]];
  if (targets.p95Ms) anchors.push([at(0.95), targets.p95Ms]);
  if (targets.p99Ms) anchors.push([at(0.99), targets.p99Ms]);
  const [lastX, lastY] = anchors[anchors.length - 1];
  anchors.push([sorted[n - 1], Math.max(lastY * 1.08, (sorted[n - 1] / lastX) * lastY)]);
  // Keep only anchors that rise in both x and y, so the map is monotone.
  const points = anchors.filter((point, i) => i === 0 || (point[0] > anchors[i - 1][0] && point[1] > anchors[i - 1][1]));
  const map = (x) => {
    if (x <= points[0][0]) return x;
    for (let i = 1; i < points.length; i++) {
      const [x0, y0] = points[i - 1];
      const [x1, y1] = points[i];
      if (x <= x1) {
        const f = (Math.log(x) - Math.log(x0)) / (Math.log(x1) - Math.log(x0));
        return Math.exp(Math.log(y0) + f * (Math.log(y1) - Math.log(y0)));
      }
    }
    return x;
  };
  for (const r of requests) r.ms = map(r.ms);
}

/**
 * All requests of one run: [{endpoint, t (s since start), ms, failed, error}]. `spec.endpoints` give method,
 * name, requests, failures (with their error messages), median and P95, content size.
 */
export function simulateRun(spec) {
  const random = seededRandom(seedOf(spec.prefix));
  const at = timeSampler(random, spec.durationS, spec.users, spec.spawnRate);
  const requests = [];
  spec.endpoints.forEach((endpoint, index) => {
    const sigma = Math.log(endpoint.p95Ms / endpoint.medianMs) / 1.645;
    if (endpoint.failures > endpoint.requests) throw new Error(`${spec.prefix}: ${endpoint.name} has ${endpoint.failures} failures in ${endpoint.requests} requests`);
    const failed = new Set();
    while (failed.size < endpoint.failures) failed.add(Math.floor(random() * endpoint.requests));
    const errors = endpoint.errors ?? [];
    let errorIndex = 0;
    for (let i = 0; i < endpoint.requests; i++) {
      const ms = Math.max(endpoint.minMs ?? 1.2, endpoint.medianMs * Math.exp(sigma * normal(random)));
      const t = endpoint.login ? Math.min(spec.durationS - 0.001, (i / spec.spawnRate) % spec.durationS + random() * Math.min(ms / 1000, 5)) : at();
      let error;
      if (failed.has(i)) {
        // Errors are spread in the proportions given ([message, count] pairs), in request order.
        let left = errorIndex++;
        for (const [message, count] of errors) {
          if (left < count) {
            error = message;
            break;
          }
          left -= count;
        }
        error ??= errors[errors.length - 1]?.[0] ?? 'HTTPError(\'500 Server Error: Internal Server Error\')';
      }
      requests.push({ endpoint: index, t, ms, failed: failed.has(i), error, size: Math.round(endpoint.sizeBytes * (0.97 + random() * 0.06)) });
    }
  });
  remap(requests, spec.aggregated);
  requests.sort((a, b) => a.t - b.t);
  return requests;
}

/** Locust's numbers for a set of requests (one endpoint, or all of them). */
export function statsOf(list, durationS) {
  const times = list.map((r) => r.ms).sort((a, b) => a - b);
  const n = list.length;
  const failures = list.filter((r) => r.failed).length;
  if (n === 0) return { requests: 0, failures: 0, medianMs: 0, avgMs: 0, minMs: 0, maxMs: 0, avgSize: 0, rps: 0, fps: 0, percentiles: null };
  const minMs = times[0];
  const maxMs = times[n - 1];
  // locust/stats.py median_response_time: the 50 % bucket, clamped to the exact min and max.
  let medianMs = percentile(times, 0.5);
  if (medianMs > maxMs) medianMs = maxMs;
  if (medianMs < minMs) medianMs = minMs;
  return {
    requests: n,
    failures,
    medianMs,
    avgMs: times.reduce((a, b) => a + b, 0) / n,
    minMs,
    maxMs,
    avgSize: list.reduce((a, r) => a + r.size, 0) / n,
    rps: n / durationS,
    fps: failures / durationS,
    percentiles: times,
  };
}
