import zlib from 'node:zlib';

/**
 * The commits of a pack, read from the pack stream while git receives and indexes it. Everything
 * is kept in pack order; the commits' own ids come from git's index of the same pack afterwards
 * (see {@link commitIdsFromPackIndex}), so no object is hashed twice.
 */
export interface ScannedPack {
  /** Objects in the pack (all of them commits). */
  count: number;
  /** The pack's checksum (its last 20 bytes), hex: identifies the pack git wrote. */
  checksum: string;
  /** Byte offset of each commit in the pack. */
  offsets: number[];
  /** Distinct authors exactly as the commits record them: `Name <email>`. */
  contacts: string[];
  /** Per commit: index into `contacts`. */
  authors: number[];
  /** Per commit: author time, seconds since the epoch. */
  authorTimes: number[];
  /** Per commit: committer time, which orders the history as `git log` does. */
  commitTimes: number[];
  /** Per commit: whether it has more than one parent. */
  merges: boolean[];
}

const OBJ_COMMIT = 1;
const TYPE_NAMES = [
  'none',
  'commit',
  'tree',
  'blob',
  'tag',
  '?',
  'delta',
  'delta',
];
/** A commit larger than this is not kept waiting in memory for its next bytes: give up instead. */
const MAX_COMMIT_BYTES = 4 * 1024 * 1024;
const NEWLINE = 10;
const LT = 60;
const GT = 62;
const SPACE = 32;

/** Inflates one zlib stream that starts at `start` into `out`, reporting the bytes it used. */
interface ObjectInflater {
  /**
   * `done` with the input bytes consumed, `more` when the input ends before the stream does, or
   * `error` when the data is not a zlib stream of `size` bytes.
   */
  inflate(
    input: Buffer,
    start: number,
    out: Buffer,
    size: number,
  ): { status: 'done'; consumed: number } | { status: 'more' | 'error' };
}

/** Node's zlib handle used directly: one reset per object instead of a new stream object. */
interface ZlibHandle {
  reset(): void;
  writeSync(
    flush: number,
    input: Buffer,
    inOffset: number,
    inLength: number,
    out: Buffer,
    outOffset: number,
    outLength: number,
  ): void;
  onerror: (message: string) => void;
}

/**
 * Reuses one native inflate state for every object. Creating a zlib stream per object (what
 * `zlib.inflateSync` does) costs more than inflating a commit; this reaches the same native
 * handle that `inflateSync` drives, through its long-standing internal interface.
 */
function handleInflater(): ObjectInflater | undefined {
  const stream = zlib.createInflate() as unknown as {
    _handle?: Partial<ZlibHandle>;
    _writeState?: unknown;
  };
  const handle = stream._handle;
  const state = stream._writeState;
  if (
    !handle ||
    typeof handle.reset !== 'function' ||
    typeof handle.writeSync !== 'function' ||
    !(state instanceof Uint32Array) ||
    state.length < 2
  ) {
    return undefined;
  }
  const h = handle as ZlibHandle;
  let failed = false;
  h.onerror = () => {
    failed = true;
  };
  return {
    inflate(input, start, out, size) {
      const available = input.length - start;
      failed = false;
      h.reset();
      // One byte of room more than declared: a longer stream is an error, not a truncation.
      h.writeSync(
        zlib.constants.Z_SYNC_FLUSH,
        input,
        start,
        available,
        out,
        0,
        size + 1,
      );
      if (failed) return { status: 'error' };
      const produced = size + 1 - state[0];
      const unused = state[1];
      if (produced > size) return { status: 'error' };
      // The stream stopped before the input ran out: it ended.
      if (unused > 0) {
        return produced === size
          ? { status: 'done', consumed: available - unused }
          : { status: 'error' };
      }
      return { status: 'more' };
    },
  };
}

/** The same with the public API, where the internal one is not there. */
function publicInflater(): ObjectInflater {
  return {
    inflate(input, start, out, size) {
      let result: { buffer: Buffer; engine: zlib.Inflate };
      try {
        result = zlib.inflateSync(input.subarray(start), {
          info: true,
          finishFlush: zlib.constants.Z_SYNC_FLUSH,
          maxOutputLength: size + 1,
        }) as unknown as { buffer: Buffer; engine: zlib.Inflate };
      } catch {
        return { status: 'error' };
      }
      const consumed = result.engine.bytesWritten;
      if (result.buffer.length > size) return { status: 'error' };
      if (consumed < input.length - start) {
        if (result.buffer.length !== size) return { status: 'error' };
        result.buffer.copy(out, 0, 0, size);
        return { status: 'done', consumed };
      }
      return { status: 'more' };
    },
  };
}

/**
 * Reads the commits out of a pack as it streams by (git's `GIT_TRACE_PACKFILE` copy of what a
 * clone receives), so that the history is read while git is still indexing the pack instead of
 * afterwards. It understands exactly the packs a commits-only partial clone receives: version 2
 * or 3, every object a whole commit. Anything else (a tree, a blob, a delta, a commit in another
 * encoding than UTF-8) makes it give up, and the caller reads the history with `git log`.
 */
export class PackCommitScanner {
  private readonly inflater: ObjectInflater;
  private tail: Buffer | undefined;
  /** Pack offset of the first byte of `tail` (or of the next chunk). */
  private position = 0;
  private expected = -1;
  private out = Buffer.alloc(64 * 1024);
  private trailer: Buffer[] = [];
  private trailerBytes = 0;
  private stopped: string | undefined;
  private readonly contactIndex = new Map<string, number>();
  private readonly result: Omit<ScannedPack, 'count' | 'checksum'> = {
    offsets: [],
    contacts: [],
    authors: [],
    authorTimes: [],
    commitTimes: [],
    merges: [],
  };

  constructor(options: { inflater?: 'native-handle' | 'public' } = {}) {
    this.inflater =
      (options.inflater !== 'public' ? handleInflater() : undefined) ??
      publicInflater();
  }

  /**
   * The root tree of the first commit scanned. A pack lists the newest commit first, so this is
   * usually the tree at the tip, known long before the pack has arrived.
   */
  firstTree?: string;

  /** Why the scanner gave up, if it did. */
  get abandoned(): string | undefined {
    return this.stopped;
  }

  /** Takes the next bytes of the pack. Never throws: what it cannot read, it gives up on. */
  push(chunk: Buffer): void {
    if (this.stopped) return;
    try {
      this.scan(chunk);
    } catch (error) {
      this.stop(`could not parse the pack: ${String(error)}`);
    }
  }

  /** The commits, or undefined when the pack was not what this reads (see `abandoned`). */
  finish(): ScannedPack | undefined {
    if (this.stopped) return undefined;
    if (this.expected < 0) {
      this.stop('no pack received');
      return undefined;
    }
    if (this.result.offsets.length !== this.expected) {
      this.stop(
        `the pack ended after ${this.result.offsets.length} of ${this.expected} objects`,
      );
      return undefined;
    }
    if (this.trailerBytes !== 20) {
      this.stop('the pack has no checksum');
      return undefined;
    }
    return {
      ...this.result,
      count: this.expected,
      checksum: Buffer.concat(this.trailer).toString('hex'),
    };
  }

  private stop(reason: string) {
    this.stopped = reason;
    this.tail = undefined;
  }

  private scan(chunk: Buffer) {
    const done =
      this.expected >= 0 && this.result.offsets.length === this.expected;
    if (done) {
      this.takeTrailer(chunk, 0);
      return;
    }
    let buffer = this.tail ? Buffer.concat([this.tail, chunk]) : chunk;
    let offset = 0;
    if (this.expected < 0) {
      if (buffer.length < 12) {
        this.tail = buffer;
        return;
      }
      const version = buffer.readUInt32BE(4);
      if (
        buffer.toString('latin1', 0, 4) !== 'PACK' ||
        (version !== 2 && version !== 3)
      ) {
        this.stop('not a version 2 or 3 pack');
        return;
      }
      this.expected = buffer.readUInt32BE(8);
      offset = 12;
    }
    const r = this.result;
    while (r.offsets.length < this.expected) {
      const used = this.readObject(buffer, offset);
      if (this.stopped) return;
      if (used === 0) break;
      offset += used;
    }
    this.position += offset;
    if (r.offsets.length === this.expected) {
      this.tail = undefined;
      this.takeTrailer(buffer, offset);
      return;
    }
    buffer = buffer.subarray(offset);
    if (buffer.length > MAX_COMMIT_BYTES) {
      this.stop('a commit larger than 4 MB');
      return;
    }
    this.tail = buffer.length > 0 ? buffer : undefined;
  }

  private takeTrailer(buffer: Buffer, offset: number) {
    const bytes = buffer.subarray(offset, offset + (20 - this.trailerBytes));
    if (bytes.length > 0) {
      this.trailer.push(Buffer.from(bytes));
      this.trailerBytes += bytes.length;
    }
    if (buffer.length - offset > bytes.length) this.stop('data after the pack');
  }

  /** Reads one object at `offset`; returns the bytes it took, or 0 when more input is needed. */
  private readObject(buffer: Buffer, offset: number): number {
    let p = offset;
    if (p >= buffer.length) return 0;
    let c = buffer[p++];
    const type = (c >> 4) & 7;
    let size = c & 15;
    let shift = 4;
    while (c & 0x80) {
      if (p >= buffer.length) return 0;
      c = buffer[p++];
      size += (c & 0x7f) * 2 ** shift;
      shift += 7;
    }
    if (type !== OBJ_COMMIT) {
      this.stop(`the pack holds a ${TYPE_NAMES[type] ?? 'unknown'} object`);
      return 0;
    }
    if (size > MAX_COMMIT_BYTES) {
      this.stop('a commit larger than 4 MB');
      return 0;
    }
    if (this.out.length < size + 1) this.out = Buffer.alloc(size * 2 + 1);
    const inflated = this.inflater.inflate(buffer, p, this.out, size);
    if (inflated.status !== 'done') {
      if (inflated.status === 'error')
        this.stop('a commit could not be inflated');
      return 0;
    }
    if (!this.readCommit(this.out, size, this.position + offset)) return 0;
    return p + inflated.consumed - offset;
  }

  /** Takes the author, times and parent count from a commit's headers. */
  private readCommit(data: Buffer, size: number, offset: number): boolean {
    let parents = 0;
    let contact: string | undefined;
    let authorTime = 0;
    let commitTime = -1;
    let line = 0;
    if (
      this.firstTree === undefined &&
      data.toString('latin1', 0, 5) === 'tree '
    ) {
      const end = data.indexOf(NEWLINE);
      this.firstTree = data.toString('latin1', 5, end < 0 ? size : end);
    }
    // Headers in git's order: tree, parents, author, committer, then encoding if any. Bytes are
    // compared rather than strings made: this runs for every commit of the history.
    while (line < size) {
      let end = data.indexOf(NEWLINE, line);
      if (end < 0 || end > size) end = size;
      if (end === line) break; // the blank line before the message
      const first = data[line];
      const second = data[line + 1];
      if (first === 0x70 && second === 0x61 && data[line + 6] === SPACE) {
        parents++; // "parent "
      } else if (
        first === 0x61 &&
        second === 0x75 &&
        data[line + 6] === SPACE
      ) {
        const ident = this.ident(data, line + 7, end); // "author "
        if (!ident) return this.fail('a commit with an unreadable author');
        contact = ident.contact;
        authorTime = ident.time;
      } else if (
        first === 0x63 &&
        second === 0x6f &&
        data[line + 9] === SPACE
      ) {
        commitTime = this.ident(data, line + 10, end)?.time ?? 0; // "committer "
      } else if (commitTime >= 0) {
        if (
          first === 0x65 && // "encoding "
          second === 0x6e &&
          data[line + 8] === SPACE &&
          !/^utf-?8$/i.test(data.toString('latin1', line + 9, end))
        ) {
          // git log re-encodes such commits; leave that to git
          return this.fail('a commit in another encoding than UTF-8');
        }
        break; // nothing after the committer matters
      }
      line = end + 1;
    }
    if (contact === undefined) return this.fail('a commit without an author');
    const r = this.result;
    let index = this.contactIndex.get(contact);
    if (index === undefined) {
      index = r.contacts.push(contact) - 1;
      this.contactIndex.set(contact, index);
    }
    r.offsets.push(offset);
    r.authors.push(index);
    r.authorTimes.push(authorTime);
    r.commitTimes.push(Math.max(commitTime, 0));
    r.merges.push(parents > 1);
    return true;
  }

  private fail(reason: string): false {
    this.stop(reason);
    return false;
  }

  /** `Name <email> time zone` as git splits it: the first `<`, the first `>` after it. */
  private ident(data: Buffer, start: number, end: number) {
    const open = data.indexOf(LT, start);
    if (open < 0 || open >= end) return undefined;
    const close = data.indexOf(GT, open);
    if (close < 0 || close >= end) return undefined;
    let contact: string;
    if (
      open > start + 1 &&
      data[open - 1] === SPACE &&
      data[open - 2] !== SPACE
    ) {
      contact = data.toString('utf8', start, close + 1); // already `Name <email>`
    } else {
      let nameEnd = open;
      while (nameEnd > start && data[nameEnd - 1] === SPACE) nameEnd--;
      contact = `${data.toString('utf8', start, nameEnd)} ${data.toString(
        'utf8',
        open,
        close + 1,
      )}`;
    }
    // the time follows the last '>' (git's reading of idents with a stray '>' in the address)
    let p = data.lastIndexOf(GT, end - 1) + 1;
    while (p < end && data[p] === SPACE) p++;
    let time = 0;
    for (let ch = data[p]; p < end && ch >= 48 && ch <= 57; ch = data[++p]) {
      time = time * 10 + ch - 48;
    }
    return { contact, time };
  }
}

/**
 * The ids of the scanned commits, from git's index (`.idx`, version 2, SHA-1) of the same pack:
 * the index lists each object's id and offset. Undefined when the index is not of exactly the
 * scanned pack (another checksum, other objects or offsets), which then cannot be trusted.
 */
export function commitIdsFromPackIndex(
  index: Buffer,
  pack: ScannedPack,
): string[] | undefined {
  const HASH = 20;
  if (index.length < 8 + 1024 + 2 * HASH) return undefined;
  if (index.readUInt32BE(0) !== 0xff744f63 || index.readUInt32BE(4) !== 2) {
    return undefined;
  }
  const n = index.readUInt32BE(8 + 255 * 4);
  const ids = 8 + 1024;
  const small = ids + n * (HASH + 4);
  const large = small + n * 4;
  let largeCount = 0;
  for (let i = 0; i < n; i++) {
    if (index.readUInt32BE(small + 4 * i) & 0x80000000) largeCount++;
  }
  if (index.length !== large + largeCount * 8 + 2 * HASH) return undefined;
  if (n !== pack.count) return undefined;
  const checksum = index.toString(
    'hex',
    large + largeCount * 8,
    large + largeCount * 8 + HASH,
  );
  if (checksum !== pack.checksum) return undefined;

  // Every id of the index as one hex string, cut per commit below (V8 shares the characters).
  const hex = index.toString('hex', ids, ids + n * HASH);
  const result: string[] = new Array(pack.offsets.length);
  if (largeCount === 0 && n < 2 ** 20) {
    // Sort the index's entries by offset as numbers that hold both (offset * 2^20 + entry):
    // a plain numeric sort of a typed array, several times faster than a comparator or a Map.
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      keys[i] = index.readUInt32BE(small + 4 * i) * 2 ** 20 + i;
    }
    keys.sort();
    // Both lists are now in pack order; they must agree offset for offset.
    for (let k = 0; k < n; k++) {
      const offset = Math.floor(keys[k] / 2 ** 20);
      if (offset !== pack.offsets[k]) return undefined;
      const i = keys[k] - offset * 2 ** 20;
      result[k] = hex.substring(2 * HASH * i, 2 * HASH * (i + 1));
    }
    return result;
  }
  const positionByOffset = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const word = index.readUInt32BE(small + 4 * i);
    const offset =
      word & 0x80000000
        ? Number(index.readBigUInt64BE(large + 8 * (word & 0x7fffffff)))
        : word;
    positionByOffset.set(offset, i);
  }
  for (let k = 0; k < pack.offsets.length; k++) {
    const i = positionByOffset.get(pack.offsets[k]);
    if (i === undefined) return undefined;
    result[k] = hex.substring(2 * HASH * i, 2 * HASH * (i + 1));
  }
  return result;
}
