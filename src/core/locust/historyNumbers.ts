// Numbers of a _stats_history.csv cell, read straight from the file's bytes: no string is made for a cell unless
// it is not a plain decimal (N/A, an exponent, garbage), and then only for that cell.

/** 10^k for k in 0..22: exact doubles. */
export const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);
/** Marks a cell that is not a number (NaN already means N/A or empty). */
export const INVALID = Number.POSITIVE_INFINITY;

/** A cell's text as a number: NaN for empty, N/A, inf or nan; INVALID for anything else that is not a number. */
export function slowNumber(text: string): number {
  if (text.length === 0) return Number.NaN;
  const value = Number(text);
  if (value === value) return Number.isFinite(value) && text.trim() !== '' ? value : INVALID;
  const trimmed = text.trim();
  return trimmed === '' || trimmed === 'N/A' || /^-?(inf|nan)$/i.test(trimmed) ? Number.NaN : INVALID;
}

/** The latin1 text of bytes[start, end): byte for byte, so it never splits a character at a chunk border. */
export function latin1(bytes: Uint8Array, start: number, end: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('latin1');
}

/**
 * A plain decimal (digits, one dot, a leading '-') read from bytes without allocating. Up to 15 significant digits
 * it is exact (mantissa and 10^k are exact doubles, so one division rounds correctly); beyond that (Python's repr
 * floats such as 4.141918820513031) the extra digits are dropped: an error below 1e-14 relative, invisible on a
 * chart, and it keeps the 17-digit "Total Average Response Time" column off the slow path.
 * Two results without an allocation: read() returns the value (NaN when there is none: no digit, or only a sign
 * or a dot) and `end` is the first byte it did not take, so the reader can parse a cell on its way to the comma.
 */
export class DecimalScan {
  end = 0;

  read(bytes: Uint8Array, start: number, limit: number): number {
    let i = start;
    const negative = i < limit && bytes[i] === 45;
    if (negative) i++;
    let mantissa = 0;
    let digits = 0;
    let scale = 0;
    let dropped = 0;
    let dot = false;
    for (; i < limit; i++) {
      const c = bytes[i];
      if (c >= 48 && c <= 57) {
        if (digits < 15) {
          mantissa = mantissa * 10 + (c - 48);
          if (mantissa !== 0) digits++;
          if (dot) scale++;
        } else if (!dot) dropped++;
      } else if (c === 46 && !dot) dot = true;
      else break;
    }
    this.end = i;
    if (i === start || (i === start + 1 && (negative || dot))) return Number.NaN;
    let value = scale ? mantissa / POW10[scale] : mantissa;
    if (dropped) value *= POW10[Math.min(dropped, 22)];
    return negative ? -value : value;
  }
}

const scan = new DecimalScan();

/** The number in bytes[start, end): a plain decimal read in place, anything else through slowNumber. */
export function numberAt(bytes: Uint8Array, start: number, end: number): number {
  const value = scan.read(bytes, start, end);
  return value === value && scan.end === end ? value : slowNumber(latin1(bytes, start, end));
}

/** bytes[start, end) equals `expected` (null: never seen on the fast path). */
export function sameBytes(bytes: Uint8Array, start: number, end: number, expected: Uint8Array | null): boolean {
  if (expected === null || end - start !== expected.length) return false;
  for (let i = 0; i < expected.length; i++) if (bytes[start + i] !== expected[i]) return false;
  return true;
}
