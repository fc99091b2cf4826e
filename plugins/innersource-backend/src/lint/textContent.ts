/** How far into a file a NUL byte marks it as binary: the same window git uses for diffs. */
export const BINARY_SNIFF_BYTES = 8000;

/** The decoded text of a file, or why there is none. */
export interface DecodedText {
  /** The text; undefined for binary content. */
  text?: string;
  binary: boolean;
}

/**
 * The length of `bytes` without a trailing UTF-8 sequence that was cut in the middle, so that a
 * file read up to a byte limit is not taken for invalid UTF-8 only because the limit fell inside
 * a multi-byte character.
 */
export function completeUtf8Length(bytes: Uint8Array): number {
  // A UTF-8 character is at most 4 bytes: look back at most 3 continuation bytes for its start.
  for (let back = 1; back <= Math.min(4, bytes.length); back++) {
    const byte = bytes[bytes.length - back];
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: keep looking for the lead byte
    let expected = 1;
    if ((byte & 0xe0) === 0xc0) expected = 2;
    else if ((byte & 0xf0) === 0xe0) expected = 3;
    else if ((byte & 0xf8) === 0xf0) expected = 4;
    return expected > back ? bytes.length - back : bytes.length;
  }
  return bytes.length;
}

/**
 * Decodes file content as UTF-8 text. Content is binary when a NUL byte appears in its first
 * {@link BINARY_SNIFF_BYTES} bytes or when it is not valid UTF-8 (a Latin-1 text counts as binary
 * too: the rules could only misread it). A byte order mark is dropped.
 *
 * @param truncated - whether `bytes` is only the start of the file; a character cut at the end
 * is then dropped instead of making the content invalid.
 */
export function decodeText(bytes: Uint8Array, truncated: boolean): DecodedText {
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) {
    return { binary: true };
  }
  const complete = truncated
    ? bytes.subarray(0, completeUtf8Length(bytes))
    : bytes;
  try {
    return {
      text: new TextDecoder('utf-8', { fatal: true }).decode(complete),
      binary: false,
    };
  } catch {
    return { binary: true };
  }
}
