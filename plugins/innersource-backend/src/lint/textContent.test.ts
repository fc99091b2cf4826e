import { completeUtf8Length, decodeText } from './textContent';

describe('decodeText', () => {
  it('decodes UTF-8 text and drops a byte order mark', () => {
    expect(decodeText(Buffer.from('\uFEFF# Ledger — SDK\n'), false)).toEqual({
      text: '# Ledger — SDK\n',
      binary: false,
    });
  });

  it('calls content with a NUL byte in the first 8000 bytes binary', () => {
    expect(
      decodeText(Buffer.from('\x89PNG\r\n\x1a\n\0\0\0\rIHDR'), false),
    ).toEqual({
      binary: true,
    });
  });

  it('does not look for NUL bytes beyond 8000 bytes, as git does not', () => {
    const bytes = Buffer.concat([
      Buffer.from('a'.repeat(8000)),
      Buffer.from([0]),
    ]);
    expect(decodeText(bytes, false).binary).toBe(false);
  });

  it('calls invalid UTF-8 (here Latin-1) binary', () => {
    expect(decodeText(Buffer.from('caf\xe9', 'latin1'), false)).toEqual({
      binary: true,
    });
  });

  it('drops a character cut by the read limit instead of calling the text invalid', () => {
    const cut = Buffer.from('price: 5 €').subarray(0, -1); // the euro sign is 3 bytes
    expect(decodeText(cut, true)).toEqual({ text: 'price: 5 ', binary: false });
    expect(decodeText(cut, false)).toEqual({ binary: true });
  });
});

describe('completeUtf8Length', () => {
  it.each([
    ['ascii', Buffer.from('abc'), 3],
    ['complete 2-byte character', Buffer.from('aé'), 3],
    ['cut 2-byte character', Buffer.from('aé').subarray(0, 2), 1],
    ['complete 4-byte character', Buffer.from('a😀'), 5],
    [
      '4-byte character cut after 3 bytes',
      Buffer.from('a😀').subarray(0, 4),
      1,
    ],
    ['empty', Buffer.alloc(0), 0],
  ])('%s', (_name, bytes, expected) => {
    expect(completeUtf8Length(bytes)).toBe(expected);
  });
});
