// The common _stats_history.csv row, read in one pass by a plan made from the header: runs of columns the reader
// does not keep are skipped by counting commas (one compare for most bytes), numbers are read from the digits on the
// way, and no loop checks the chunk's end: the scan only starts where a newline lies ahead, and every loop stops
// at a newline. Anything unusual (a quote outside the name and type, a short or long row, a lone CR, a row that runs
// past the chunk) makes it give up before anything is recorded, and the reader's exact path decides as before.
// More than half of a Locust 2.x row is columns the charts do not draw (8 of the 11 percentiles, the totals'
// median, average, min, max and content size); skipping them cell by cell was most of a soak file's read.
import { ROLE_NAME, ROLE_TIMESTAMP, ROLE_TYPE, SKIP } from './historyLayout';
import { DecimalScan, INVALID, numberAt, POW10 } from './historyNumbers';

const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * [columns skipped before, role] per column the reader keeps, in order, and the columns skipped after the last of
 * them. From the header's column roles (historyLayout.ts).
 */
export interface RowPlan {
  steps: Int32Array;
  trailing: number;
}

export function rowPlan(roles: Int32Array): RowPlan {
  const steps: number[] = [];
  let skipped = 0;
  for (const role of roles) {
    if (role === SKIP) skipped++;
    else {
      steps.push(skipped, role);
      skipped = 0;
    }
  }
  return { steps: Int32Array.from(steps), trailing: skipped };
}

/** One plain row's findings, in fields (no object per row): valid after scan() returned a line start. */
export class PlainRowScan {
  t = Number.NaN;
  /** Some value is INVALID (not a number). */
  invalid = false;
  nameStart = 0;
  nameEnd = 0;
  nameQuoted = false;
  typeStart = 0;
  typeEnd = 0;
  private readonly decimals = new DecimalScan();

  constructor(private readonly plan: RowPlan) {}

  /**
   * Reads the row at bytes[lineStart] into `row` (series slots) and this object's fields; returns where the next
   * line starts, or -1 when the row is not a plain one. The caller must know a newline lies at or after lineStart.
   */
  scan(bytes: Uint8Array, lineStart: number, row: Float64Array): number {
    const { steps, trailing } = this.plan;
    const decimals = this.decimals;
    const lastStep = steps.length - 2;
    let i = lineStart;
    let t = Number.NaN;
    let invalid = false;
    let nameStart = lineStart;
    let nameEnd = lineStart;
    let nameQuoted = false;
    let typeStart = lineStart;
    let typeEnd = lineStart;
    for (let s = 0; s <= lastStep; s += 2) {
      for (let commas = steps[s]; commas > 0; ) {
        const c = bytes[i++];
        if (c > COMMA) continue; // digits, '.', '-', letters: most bytes stop here
        if (c === COMMA) commas--;
        else if (c === LF || c === CR || c === QUOTE) return -1;
      }
      const role = steps[s + 1];
      // The cell that ends the line stops at a line break, every other one at a comma.
      const endsLine = s === lastStep && trailing === 0;
      const from = i;
      if (role >= 0 || role === ROLE_TIMESTAMP) {
        // A plain decimal of up to 15 digits, exact as DecimalScan reads it (mantissa and 10^k are exact doubles);
        // a longer one is read again by DecimalScan, which drops the digits a double cannot hold. Not DecimalScan
        // for every cell: in one process, alternated, the soak read 19-23 % slower with it.
        let c = bytes[i];
        const negative = c === 45; /* - */
        if (negative) c = bytes[++i];
        let mantissa = 0;
        let digits = 0;
        for (let d = c - 48; d >= 0 && d <= 9; d = c - 48) {
          mantissa = mantissa * 10 + d;
          digits++;
          c = bytes[++i];
        }
        let scale = 0;
        if (c === 46 /* . */) {
          c = bytes[++i];
          for (let d = c - 48; d >= 0 && d <= 9; d = c - 48) {
            mantissa = mantissa * 10 + d;
            scale++;
            c = bytes[++i];
          }
        }
        digits += scale;
        let value = Number.NaN;
        if (digits > 15) {
          value = decimals.read(bytes, from, bytes.length);
          i = decimals.end;
          c = bytes[i];
        } else if (digits > 0) {
          value = scale ? mantissa / POW10[scale] : mantissa;
          if (negative) value = -value;
        }
        if (value !== value || (endsLine ? c !== CR && c !== LF : c !== COMMA)) {
          // Not a plain decimal (N/A, empty, an exponent, garbage): to the cell's end, then numberAt decides.
          for (; ; i++) {
            c = bytes[i];
            if (c === COMMA || c === LF || c === CR || c === QUOTE) break;
          }
          if (c === QUOTE || (c === COMMA) === endsLine) return -1;
          value = numberAt(bytes, from, i);
        }
        if (role === ROLE_TIMESTAMP) t = value;
        else {
          row[role] = value;
          if (value === INVALID) invalid = true;
        }
      } else {
        let start = from;
        let end: number;
        let quoted = false;
        if (bytes[i] === QUOTE) {
          // Closing quote: the first '"' not doubled. Within the line, so bytes[i + 1] is in the array.
          i++;
          for (;;) {
            const c = bytes[i];
            if (c === QUOTE) {
              if (bytes[i + 1] !== QUOTE) break;
              i += 2;
            } else if (c === LF) return -1; // an embedded newline: the exact path joins the lines
            else i++;
          }
          start = from + 1;
          end = i;
          quoted = true;
          i++;
        } else {
          for (; ; i++) {
            const c = bytes[i];
            if (c === COMMA || c === LF || c === CR) break;
          }
          end = i;
        }
        const c = bytes[i];
        if (endsLine ? c !== CR && c !== LF : c !== COMMA) return -1;
        if (role === ROLE_NAME) {
          nameStart = start;
          nameEnd = end;
          nameQuoted = quoted;
        } else if (role === ROLE_TYPE) {
          typeStart = start;
          typeEnd = end;
        }
      }
      if (!endsLine) i++; // past the comma
    }
    if (trailing > 0) {
      for (let commas = trailing - 1; commas > 0; ) {
        const c = bytes[i++];
        if (c > COMMA) continue;
        if (c === COMMA) commas--;
        else if (c === LF || c === CR || c === QUOTE) return -1;
      }
      for (; ; i++) {
        const c = bytes[i];
        if (c > COMMA) continue;
        if (c === LF || c === CR) break;
        if (c === COMMA || c === QUOTE) return -1; // a field too many, or a quoted one: the exact path decides
      }
    }
    // CRs (\r\n, and Windows' \r\r\n), then the newline.
    while (bytes[i] === CR) i++;
    if (bytes[i] !== LF) return -1;
    this.t = t;
    this.invalid = invalid;
    this.nameStart = nameStart;
    this.nameEnd = nameEnd;
    this.nameQuoted = nameQuoted;
    this.typeStart = typeStart;
    this.typeEnd = typeEnd;
    return i + 1;
  }
}
