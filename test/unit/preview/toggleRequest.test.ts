// Preview toggle requests survive the trip as a URI query value and hostile values are rejected, never thrown.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { decodeToggleRequest, encodeToggleRequest, type PreviewToggleRequest } from '../../../src/core/preview/toggleRequest';

const request: PreviewToggleRequest = {
  document: 'file:///work/MASTER_EXECUTION_TRACKER.md?x=1&y=2#frag',
  line: 1234,
  lineText: '- [ ] Fix ‚úÖ ✅ 🔄 P95 170ms — “quotes” & <tags> = ok',
  checked: true,
  token: '0123456789abcdef0123456789abcdef',
};

const encodeJson = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const valid = { v: 1, d: 'file:///a.md', l: 3, t: '- [ ] a', c: false, k: '0123456789abcdef0123456789abcdef' };

describe('toggle request', () => {
  it('round-trips unicode, reserved characters and every length modulo 3', () => {
    for (const extra of ['', 'a', 'ab', 'abc']) {
      const original = { ...request, lineText: request.lineText + extra };
      const encoded = encodeToggleRequest(original);
      assert.match(encoded, /^[A-Za-z0-9_-]+$/);
      assert.equal(encoded, Buffer.from(JSON.stringify({ v: 1, d: original.document, l: original.line, t: original.lineText, c: original.checked, k: original.token })).toString('base64url'));
      assert.deepEqual(decodeToggleRequest(encoded), { ok: true, request: original });
    }
  });

  it('survives URI encoding and decoding of the query', () => {
    const encoded = encodeToggleRequest(request);
    assert.equal(decodeURIComponent(encodeURIComponent(encoded)), encoded);
    assert.equal(new URLSearchParams(`p=${encoded}`).get('p'), encoded);
  });

  const hostile: Array<[string, string | null | undefined]> = [
    ['missing', undefined],
    ['null', null],
    ['empty', ''],
    ['not base64url', 'abc+/='],
    ['bad length', 'a'],
    ['not json', Buffer.from('{nope').toString('base64url')],
    ['invalid utf-8', Buffer.from([0xff, 0xfe, 0x7b]).toString('base64url')],
    ['array', encodeJson([1, 2])],
    ['wrong version', encodeJson({ ...valid, v: 2 })],
    ['no document', encodeJson({ ...valid, d: '' })],
    ['negative line', encodeJson({ ...valid, l: -1 })],
    ['fractional line', encodeJson({ ...valid, l: 1.5 })],
    ['string line', encodeJson({ ...valid, l: '3' })],
    ['multi-line text', encodeJson({ ...valid, t: '- [ ] a\n- [ ] b' })],
    ['string state', encodeJson({ ...valid, c: 'true' })],
    ['short token', encodeJson({ ...valid, k: 'abc' })],
    ['token with other characters', encodeJson({ ...valid, k: '0123456789abcdef0123456789abcdeZ' })],
    ['huge', 'A'.repeat(100_000)],
  ];
  for (const [name, value] of hostile) {
    it(`rejects ${name}`, () => {
      const result = decodeToggleRequest(value);
      assert.equal(result.ok, false);
      if (!result.ok) assert.ok(result.reason.length > 0);
    });
  }

  it('accepts the minimal valid request', () => {
    assert.deepEqual(decodeToggleRequest(encodeJson(valid)), { ok: true, request: { document: 'file:///a.md', line: 3, lineText: '- [ ] a', checked: false, token: valid.k } });
  });
});
