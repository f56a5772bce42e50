// Claimed status from markers and keywords, in correctly encoded or Mac Roman mis-decoded text.
import { repairMacRoman } from '../text/macRoman';
import type { ClaimedStatus } from './model';

// Order matters: the earliest claim in the text wins, and longer keywords are tried before their parts.
const CLAIMS: ReadonlyArray<readonly [RegExp, ClaimedStatus]> = [
  [/\bNOT[ _-]STARTED\b/, 'pending'],
  [/\bIN[ _-]PROGRESS\b|\bWIP\b|⏳|🔄|🚧/u, 'in-progress'],
  [/\bCOMPLETED?\b|\bDONE\b|✅|✔|☑/u, 'complete'],
  [/\bPENDING\b|\bTODO\b/, 'pending'],
  [/\bBLOCKED\b|❌/u, 'blocked'],
];

// "✅/❌" is a legend ("tick or cross"), not a claim.
const LEGEND = /✅\s*\/\s*❌/gu;

export function claimedStatus(text: string): ClaimedStatus {
  const clean = repairMacRoman(text).replace(LEGEND, ' ');
  let best: { index: number; status: ClaimedStatus } | undefined;
  for (const [pattern, status] of CLAIMS) {
    const match = pattern.exec(clean);
    if (match && (!best || match.index < best.index)) best = { index: match.index, status };
  }
  return best?.status ?? 'unknown';
}

const PICTOGRAPH = /[\p{Extended_Pictographic}\u{FE0F}\u{200D}\u{F8FF}]/gu;
const TRAILING_STATUS = /(?:[([]\s*)?\b(?:COMPLETED?|DONE|IN[ _-]PROGRESS|WIP|PENDING|TODO|NOT[ _-]STARTED|BLOCKED)(?:\s*[)\]])?\s*$/;

/** Heading text without status markers: emoji removed, bold markers dropped, a trailing status keyword cut. */
export function titleWithoutStatus(text: string): string {
  let title = repairMacRoman(text).replace(LEGEND, ' ').replace(PICTOGRAPH, ' ').replace(/\*\*|__/g, '');
  for (let previous = ''; previous !== title; ) {
    previous = title;
    title = title.replace(TRAILING_STATUS, '').trimEnd();
  }
  return title.replace(/\s+/g, ' ').trim();
}
