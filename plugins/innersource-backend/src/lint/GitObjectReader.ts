import { ChildProcessWithoutNullStreams } from 'node:child_process';
import { gitTimeoutError, spawnGit } from './gitProcess';

/** What `git cat-file` says about an object. */
export interface GitObjectInfo {
  oid: string;
  type: string;
  size: number;
}

/** An object's header and the start of its content. */
export interface GitObjectContents extends GitObjectInfo {
  /** The first `min(size, maxBytes)` bytes of the object. */
  data: Buffer;
}

/**
 * The batch process could not answer: it could not start (a git older than 2.36 has no
 * `--batch-command`), died (e.g. a lazy fetch failed), or said something unexpected. The caller
 * then runs the equivalent one-off git command, which gives git's own answer or error.
 */
export class GitBatchUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GitBatchUnavailableError';
  }
}

/** Options of {@link GitObjectReader}. */
export interface GitObjectReaderOptions {
  /** The (bare) repository. */
  cwd: string;
  /** `-c key=value` settings, e.g. the auth header that lazy fetches of a partial clone need. */
  config?: Record<string, string>;
  /** Per request: the process is killed when one takes longer. */
  timeoutMs?: number;
  /** The process ends after this long without requests (it starts again when needed). */
  idleMs?: number;
}

/** A blob this much larger than what is wanted of it is not drained: the process is ended. */
const MAX_DRAIN_BYTES = 2 * 1024 * 1024;
const DEFAULT_IDLE_MS = 100;
/** `<oid> <type> <size>`, the default format of `--batch-command`. */
const HEADER = /^([0-9a-f]{40}|[0-9a-f]{64}) ([a-z]+) (\d+)$/;

interface Request {
  /** The command this stands in for, for the timeout message ("git cat-file blob"). */
  command: string;
  /** Whether the content follows the header (`contents`) or not (`info`). */
  withContent: boolean;
  maxBytes: number;
  resolve(value: GitObjectContents | undefined): void;
  reject(error: Error): void;
  timer?: NodeJS.Timeout;
  header: Buffer[];
  info?: GitObjectInfo;
  /** Content bytes still to come, then the newline that ends them. */
  remaining: number;
  awaitingNewline: boolean;
  parts: Buffer[];
  kept: number;
}

type Referable = { ref?(): void; unref?(): void };

/** One `git cat-file --batch-command` process and the requests it is answering, in order. */
class BatchProcess {
  /** Settles when the process has ended and its output is read (once killed: when it exited). */
  readonly exited: Promise<void>;
  /** Whether it takes new requests (not ending, not dead). */
  accepting = true;
  /** Exit code 129 before any answer: git does not know `--batch-command`. */
  unsupported = false;

  private readonly child: ChildProcessWithoutNullStreams;
  private readonly queue: Request[] = [];
  private stderr = '';
  private answered = 0;
  private killed = false;
  private hasExited = false;
  private settled = false;
  private idleTimer?: NodeJS.Timeout;
  private resolveExited!: () => void;

  constructor(private readonly options: GitObjectReaderOptions) {
    this.exited = new Promise(resolve => {
      this.resolveExited = resolve;
    });
    this.child = spawnGit(['cat-file', '--batch-command'], options);
    // Normally the end is when its output has been read ('close'). A killed git may leave a lazy
    // fetch behind that holds the pipes open; then the end is when git itself has exited.
    this.child.on('close', code => this.onEnd(code));
    this.child.on('exit', code => {
      this.hasExited = true;
      if (this.killed) this.onEnd(code);
    });
    this.child.on('error', () => {
      this.unsupported = true;
      this.onEnd(null);
    });
    this.child.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    this.child.stderr.on('data', chunk => {
      if (this.stderr.length < 16_384) this.stderr += chunk.toString();
    });
    // Answers after a kill are not wanted; a broken pipe shows as the process ending.
    this.child.stdin.on('error', () => undefined);
  }

  /** Sends commands (one line each) whose answers settle `requests`, in order. */
  send(lines: string[], requests: Request[]) {
    if (!this.accepting) {
      for (const r of requests)
        r.reject(new GitBatchUnavailableError('git cat-file has ended'));
      return;
    }
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    if (this.queue.length === 0) this.setRef(true);
    const { timeoutMs } = this.options;
    for (const request of requests) {
      this.queue.push(request);
      if (timeoutMs) {
        request.timer = setTimeout(() => this.onTimeout(request), timeoutMs);
      }
    }
    this.child.stdin.write(lines.map(line => `${line}\n`).join(''));
  }

  /** Ends the process once it has answered what it was asked. */
  end() {
    if (!this.accepting) return;
    this.accepting = false;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    // Referenced until it has ended, so that whoever awaits `exited` keeps Node running.
    this.setRef(true);
    this.child.stdin.end();
  }

  private kill() {
    this.accepting = false;
    this.killed = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.child.kill('SIGKILL');
    // Whatever it left behind may hold the pipes for a while: Node need not wait for that.
    const pipes = [
      this.child.stdin,
      this.child.stdout,
      this.child.stderr,
    ] as unknown as Referable[];
    for (const pipe of pipes) pipe.unref?.();
    if (this.hasExited) this.onEnd(null);
  }

  private onEnd(code: number | null) {
    if (this.settled) return;
    this.settled = true;
    this.accepting = false;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    if (code === 129 && this.answered === 0) this.unsupported = true;
    const why = this.stderr.trim().split('\n').slice(-3).join(' ');
    this.failAll(`git cat-file --batch-command ended${why ? `: ${why}` : ''}`);
    this.resolveExited();
  }

  private onTimeout(request: Request) {
    const index = this.queue.indexOf(request);
    if (index < 0) return;
    this.queue.splice(index, 1);
    request.reject(gitTimeoutError(request.command, this.options.timeoutMs!));
    this.kill();
    this.failAll('git cat-file was stopped after a timeout');
  }

  private failAll(message: string) {
    for (const request of this.queue.splice(0)) {
      if (request.timer) clearTimeout(request.timer);
      request.reject(new GitBatchUnavailableError(message));
    }
  }

  private finish(request: Request, value: GitObjectContents | undefined) {
    this.queue.shift();
    this.answered++;
    if (request.timer) clearTimeout(request.timer);
    request.resolve(value);
    if (this.queue.length === 0 && this.accepting) {
      // Idle: let Node exit without waiting for it, and end it unless asked again soon.
      this.setRef(false);
      this.idleTimer = setTimeout(
        () => this.end(),
        this.options.idleMs ?? DEFAULT_IDLE_MS,
      );
      this.idleTimer.unref();
    }
  }

  private setRef(on: boolean) {
    // The pipes are sockets, which can be (un)referenced like the process.
    const handles = [
      this.child,
      this.child.stdin,
      this.child.stdout,
      this.child.stderr,
    ] as unknown as Referable[];
    for (const handle of handles) {
      if (on) handle.ref?.();
      else handle.unref?.();
    }
  }

  private protocolError(message: string) {
    this.kill();
    this.failAll(message);
  }

  private onData(chunk: Buffer) {
    if (this.killed) return; // the rest of what it wrote before it was stopped
    let offset = 0;
    while (offset < chunk.length) {
      const request = this.queue[0];
      if (!request) {
        // Output nobody asked for (or for a request that timed out): the stream is out of step.
        this.protocolError('git cat-file said something unexpected');
        return;
      }
      if (!request.info) {
        const newline = chunk.indexOf(10, offset);
        if (newline < 0) {
          request.header.push(chunk.subarray(offset));
          return;
        }
        request.header.push(chunk.subarray(offset, newline));
        offset = newline + 1;
        const line = Buffer.concat(request.header).toString('latin1');
        if (line.endsWith(' missing') || line.endsWith(' ambiguous')) {
          this.finish(request, undefined);
          continue;
        }
        const match = HEADER.exec(line);
        if (!match) {
          this.protocolError(`git cat-file answered '${line.slice(0, 200)}'`);
          return;
        }
        request.info = {
          oid: match[1],
          type: match[2],
          size: Number(match[3]),
        };
        if (!request.withContent) {
          this.finish(request, { ...request.info, data: Buffer.alloc(0) });
          continue;
        }
        request.remaining = request.info.size;
        request.awaitingNewline = true;
      } else if (request.remaining > 0) {
        const take = Math.min(request.remaining, chunk.length - offset);
        const keep = Math.min(take, request.maxBytes - request.kept);
        if (keep > 0) {
          request.parts.push(chunk.subarray(offset, offset + keep));
          request.kept += keep;
        }
        offset += take;
        request.remaining -= take;
        if (
          request.kept === request.maxBytes &&
          request.remaining > MAX_DRAIN_BYTES
        ) {
          // Enough read of a large blob: ending git is cheaper than draining the rest.
          this.queue.shift();
          this.answered++;
          if (request.timer) clearTimeout(request.timer);
          request.resolve({
            ...request.info,
            data: Buffer.concat(request.parts),
          });
          this.protocolError('git cat-file was ended after a large blob');
          return;
        }
      } else if (request.awaitingNewline) {
        if (chunk[offset] !== 10) {
          this.protocolError('git cat-file content did not end with a newline');
          return;
        }
        offset++;
        this.finish(request, {
          ...request.info,
          data: Buffer.concat(request.parts),
        });
      }
    }
  }
}

/**
 * Reads objects of a repository through one long-lived `git cat-file --batch-command` process,
 * instead of one git process per question: tree listings, object sizes and the start of blobs.
 * The process starts on the first request, ends after `idleMs` without requests or on
 * {@link GitObjectReader.close}, and starts again when needed.
 *
 * In a blob-less partial clone, asking for a blob's size or content fetches that blob, exactly
 * as `git cat-file --batch-check` and `git cat-file blob` do; trees are always local.
 */
export class GitObjectReader {
  private current?: BatchProcess;
  private unsupported = false;

  constructor(private readonly options: GitObjectReaderOptions) {}

  /** Type and size of each object (undefined when missing). */
  info(
    objects: string[],
    command: string,
  ): Promise<Array<GitObjectInfo | undefined>> {
    return Promise.all(
      this.ask(
        objects.map(object => `info ${object}`),
        objects.map(() => ({ withContent: false, maxBytes: 0, command })),
      ),
    ).then(answers =>
      answers.map(answer =>
        answer
          ? { oid: answer.oid, type: answer.type, size: answer.size }
          : undefined,
      ),
    );
  }

  /** An object's header and its first `maxBytes` bytes (undefined when missing). */
  async contents(
    object: string,
    maxBytes: number,
    command: string,
  ): Promise<GitObjectContents | undefined> {
    const [answer] = this.ask(
      [`contents ${object}`],
      [{ withContent: true, maxBytes, command }],
    );
    return answer;
  }

  /** Ends the process (after it has answered what it was asked). Reading again restarts it. */
  async close(): Promise<void> {
    const batch = this.current;
    this.current = undefined;
    if (!batch) return;
    batch.end();
    await batch.exited;
  }

  private ask(
    lines: string[],
    asks: Array<Pick<Request, 'withContent' | 'maxBytes' | 'command'>>,
  ): Array<Promise<GitObjectContents | undefined>> {
    if (lines.length === 0) return [];
    if (this.current?.unsupported) this.unsupported = true;
    if (this.unsupported || lines.some(line => /[\n\r]/.test(line))) {
      return asks.map(() =>
        Promise.reject(new GitBatchUnavailableError('not available')),
      );
    }
    if (!this.current?.accepting) this.current = new BatchProcess(this.options);
    const requests: Request[] = [];
    const answers = asks.map(
      ask =>
        new Promise<GitObjectContents | undefined>((resolve, reject) => {
          requests.push({
            ...ask,
            resolve,
            reject,
            header: [],
            remaining: 0,
            awaitingNewline: false,
            parts: [],
            kept: 0,
          });
        }),
    );
    this.current.send(lines, requests);
    return answers;
  }
}
