// The name a history endpoint is shown under, from the raw cells of its first row. Shared by the one-pass reader
// and the merge of parts read in parallel, so both name the same endpoints the same way, in the same order.
import type { TextEncodingName } from './decode';

const AGGREGATED = 'Aggregated';

export interface EndpointName {
  name: string;
  type: string;
  /** The Aggregated row. */
  total: boolean;
}

export class EndpointNamer {
  private readonly names = new Set<string>();
  private decoder: TextDecoder | null = null;

  /** `encoding` is asked for when a name first needs decoding: the reader knows it only after its first chunk. */
  constructor(private readonly encoding: () => TextEncodingName | null) {}

  /** Call once per endpoint, in the order of first appearance: a repeated name is told apart by its type. */
  next(rawName: string, rawType: string): EndpointName {
    const total = rawName === AGGREGATED && (rawType === '' || rawType === 'None');
    const type = total || rawType === 'None' ? '' : this.display(rawType);
    let name = total ? AGGREGATED : this.display(rawName);
    // The same name under two request types (GET and POST /x) are two series; the later one says its type.
    if (this.names.has(name)) name = `${type} ${name}`;
    this.names.add(name);
    return { name, type, total };
  }

  // Latin-1 maps bytes 1:1 to UTF-16 code units, so chunk borders never split a character and ASCII (all of
  // Locust's own output) costs nothing; only names with bytes >= 0x80 are decoded properly, once per name.
  private display(raw: string): string {
    if (!/[\x80-\xff]/.test(raw)) return raw;
    this.decoder ??= new TextDecoder(this.encoding() ?? 'utf-8');
    return this.decoder.decode(Uint8Array.from(raw, (c) => c.charCodeAt(0)));
  }
}
