// One CSV line -> fields, for header sniffing and the history reader's quoted rows (Locust <= 1.1 quoted every
// field by hand; 1.2+ quotes only names with commas or quotes). Small on purpose: csv-parse does the small files.

/**
 * RFC 4180 fields of one line. Returns null when a quoted field is still open at the end of the line, so the
 * caller can join the next line (a name or traceback with an embedded newline). A stray quote inside an unquoted
 * field (Locust <= 1.0's hand quoting of names containing `"`) is kept as text.
 */
export function splitCsvLine(line: string): string[] | null {
  const fields: string[] = [];
  let i = 0;
  const length = line.length;
  for (;;) {
    if (line.charCodeAt(i) === 34 /* " */) {
      let value = '';
      let start = i + 1;
      for (;;) {
        const quote = line.indexOf('"', start);
        if (quote === -1) return null;
        value += line.slice(start, quote);
        if (line.charCodeAt(quote + 1) === 34) {
          value += '"';
          start = quote + 2;
          continue;
        }
        i = quote + 1;
        break;
      }
      // Text after the closing quote up to the comma belongs to the field (lenient, as csv-parse's relax_quotes).
      const comma = line.indexOf(',', i);
      const end = comma === -1 ? length : comma;
      fields.push(value + line.slice(i, end));
      if (comma === -1) return fields;
      i = comma + 1;
    } else {
      const comma = line.indexOf(',', i);
      if (comma === -1) {
        fields.push(line.slice(i));
        return fields;
      }
      fields.push(line.slice(i, comma));
      i = comma + 1;
    }
  }
}

/** The header line of a text: up to the first line end, without a BOM. */
export function firstLine(text: string): string {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const end = text.search(/[\r\n]/);
  return text.slice(start, end === -1 ? undefined : end);
}
