import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../../scripts/ingest/formats/decode.ts';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...new TextEncoder().encode(part)] : part)));

describe('decodeText', () => {
  it('drops a BOM and turns CRLF and CR into LF', () => {
    expect(decodeText(bytes([0xef, 0xbb, 0xbf], 'a\r\nb\rc\n'), 'f')).toBe('a\nb\nc\n');
  });

  it('keeps non-ASCII text exactly', () => {
    expect(decodeText(bytes('φ 注意力 مرحبا 👩‍🔬 é'), 'f')).toBe('φ 注意力 مرحبا 👩‍🔬 é');
  });

  it.each([
    // [case, bytes, message, line]
    ['an empty file', bytes(), /f:1: the file is empty/],
    ['a NUL byte on line 3 (a binary file)', bytes('a\nb\nc', [0], 'd'), /f:3: the file contains a NUL byte/],
    ['invalid UTF-8 on line 2', bytes('ok\n', [0xff, 0xfe, 0x41], '\n'), /f:2: the file is not valid UTF-8 text/],
    ['Latin-1 text', bytes('caf', [0xe9], '\n'), /f:1: the file is not valid UTF-8 text/],
  ])('refuses %s', (_name, input, message) => {
    expect(() => decodeText(input, 'f')).toThrow(message);
  });
});
