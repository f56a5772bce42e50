// UTF-8 text that was once decoded as Mac Roman (the seed tracker's emoji: `‚úÖ` is ✅, `\uF8FFüöÄ` is 🚀).
// Repairing re-encodes each run of non-ASCII characters as Mac Roman bytes and decodes them as UTF-8; a run is
// replaced only when every character maps and the bytes form valid UTF-8, so real accents stay as they are.

const MAC_ROMAN_HIGH =
  'ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø¿¡¬√ƒ≈∆«»…\u00a0ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\uf8ffÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ';

let byteOfChar: Map<string, number> | undefined;

function macRomanByte(char: string): number | undefined {
  if (!byteOfChar) {
    byteOfChar = new Map([...MAC_ROMAN_HIGH].map((c, i) => [c, 0x80 + i]));
  }
  return byteOfChar.get(char);
}

const NON_ASCII_RUN = /[^\x00-\x7f]+/g;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The UTF-8 reading of one run of mis-decoded characters, or undefined when the run is not mis-decoded text. */
function repairRun(run: string): string | undefined {
  const bytes: number[] = [];
  for (const char of run) {
    const byte = macRomanByte(char);
    if (byte === undefined) return undefined;
    bytes.push(byte);
  }
  // A lone high byte is never valid UTF-8, so plain accented words ("café") never pass this check.
  try {
    return utf8.decode(Uint8Array.from(bytes));
  } catch {
    return undefined;
  }
}

export interface Repair {
  readonly start: number;
  readonly end: number;
  readonly original: string;
  readonly repaired: string;
}

/** Every mis-decoded run in `text`, with its offsets. */
export function findMacRomanMojibake(text: string): Repair[] {
  const repairs: Repair[] = [];
  for (const match of text.matchAll(NON_ASCII_RUN)) {
    const repaired = repairRun(match[0]);
    if (repaired !== undefined && repaired !== match[0]) {
      repairs.push({ start: match.index, end: match.index + match[0].length, original: match[0], repaired });
    }
  }
  return repairs;
}

/** `text` with every mis-decoded run repaired; returns the same string when there is nothing to repair. */
export function repairMacRoman(text: string): string {
  if (!/[^\x00-\x7f]/.test(text)) return text;
  return text.replace(NON_ASCII_RUN, (run) => repairRun(run) ?? run);
}
