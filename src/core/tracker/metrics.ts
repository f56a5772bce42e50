// Metric prose -> numbers: "9,166 requests, 0 failures, P95 170ms, P99 2.0s, RPS 30.64".
// Thresholds ("P95 <150ms") are criteria, not measurements, and are not read here.

import type { RunNumbers } from './model';

/** RunNumbers being filled in, line by line. */
export type Metrics = { -readonly [K in keyof RunNumbers]: RunNumbers[K] };

export function emptyMetrics(): Metrics {
  return { requests: null, failures: null, failureRate: null, p95Ms: null, p99Ms: null, rps: null };
}

/** Drop emphasis, `~` and thousands separators so "**1.18%**" and "~29.9" and "8,962" read as numbers. */
export function normaliseMetricText(text: string): string {
  let clean = /[*_`~]/.test(text) ? text.replace(/\*\*|__|`|~/g, '') : text;
  if (clean.includes(',')) clean = clean.replace(/(\d),(?=\d{3}\b)/g, '$1');
  return clean;
}

const NUMBER = String.raw`(\d+(?:\.\d+)?)`;
const REQUESTS = new RegExp(String.raw`(?:\b${NUMBER}\s*(?:requests|reqs)\b|\bTotal Requests:\s*${NUMBER})`, 'i');
const FAILURE_COUNT = new RegExp(String.raw`(?<![\d./])${NUMBER}(?!\s*%)\s*failures?\b`, 'i');
const FAILURE_RATE = new RegExp(
  String.raw`(?:${NUMBER}\s*%\s*(?:failures?|failure rate|errors?|error rate)\b|failures?\s*\(\s*${NUMBER}\s*%\s*\)|\b(?:failure|error) rate:?\s*${NUMBER}\s*%)`,
  'i',
);
const RPS = new RegExp(String.raw`(?:\bRPS:?\s*${NUMBER}|${NUMBER}\s*req/s\b|\bThroughput:?\s*${NUMBER})`, 'i');

function percentilePattern(p: string): RegExp {
  return new RegExp(String.raw`\b${p}(?:\s+Response(?:\s+Time)?)?\s*:?\s*${NUMBER}\s*(ms|s)\b`, 'i');
}
const P95 = percentilePattern('P95');
const P99 = percentilePattern('P99');

function firstNumber(match: RegExpExecArray | null): number | null {
  if (!match) return null;
  const value = match.slice(1).find((group) => group !== undefined);
  return value === undefined ? null : Number(value);
}

function durationMs(match: RegExpExecArray | null): number | null {
  if (!match) return null;
  const value = Number(match[1]);
  return Math.round(match[2].toLowerCase() === 's' ? value * 1000 : value);
}

/** Reads every metric present in one line of prose; fields it does not mention stay null. */
export function readMetrics(line: string): Metrics {
  const text = normaliseMetricText(line);
  return {
    requests: firstNumber(REQUESTS.exec(text)),
    failures: firstNumber(FAILURE_COUNT.exec(text)),
    failureRate: firstNumber(FAILURE_RATE.exec(text)),
    p95Ms: durationMs(P95.exec(text)),
    p99Ms: durationMs(P99.exec(text)),
    rps: firstNumber(RPS.exec(text)),
  };
}

export function hasAnyMetric(metrics: Metrics): boolean {
  return Object.values(metrics).some((value) => value !== null);
}

/** Fills fields of `target` that are still null from `source`. */
export function fillMissing(target: Metrics, source: Metrics): void {
  for (const key of Object.keys(target) as (keyof Metrics)[]) {
    if (target[key] === null) target[key] = source[key];
  }
}
