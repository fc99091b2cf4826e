/** One entry of a git tree, as `git ls-tree` lists it. */
export interface TreeEntry {
  mode: string;
  type: string;
  oid: string;
  name: string;
}

/** `<mode> <type> <oid>\t<name>`, the format of `git ls-tree -z` without `-l`. */
const TREE_ENTRY = /^(\d+) (\w+) ([0-9a-f]+)\t([\s\S]+)$/;

/** Parses the output of `git ls-tree -z <tree-ish>`. */
export function parseLsTree(output: string): TreeEntry[] {
  const entries: TreeEntry[] = [];
  for (const record of output.split('\0')) {
    const match = TREE_ENTRY.exec(record);
    if (match) {
      entries.push({
        mode: match[1],
        type: match[2],
        oid: match[3],
        name: match[4],
      });
    }
  }
  return entries;
}

/**
 * A mode as git reads it from a tree (`canon_mode`) and `git ls-tree` prints it (six octal
 * digits), with the type it implies. Trees written by old tools may hold e.g. `100664`, which git
 * reads as `100644`.
 */
export function canonicalMode(octal: string): { mode: string; type: string } {
  const value = parseInt(octal, 8);
  const format = Math.floor(value / 0o10000) % 0o20; // (mode & S_IFMT) >> 12
  if (format === 0o10) {
    const executable = Math.floor(value / 0o100) % 2 === 1; // mode & 0100
    return { mode: executable ? '100755' : '100644', type: 'blob' };
  }
  if (format === 0o12) return { mode: '120000', type: 'blob' };
  if (format === 0o04) return { mode: '040000', type: 'tree' };
  return { mode: '160000', type: 'commit' };
}

/**
 * Parses a tree object as `git cat-file` gives it (entries of `<octal mode> <name>\0<binary
 * oid>`) into exactly what {@link parseLsTree} makes of `git ls-tree -z` for the same tree:
 * canonical modes, names decoded as UTF-8 the same way. Undefined for a tree that git would
 * refuse to list (a short entry, a malformed mode, an empty name), so that the caller can let
 * `git ls-tree` report it.
 */
export function parseTreeObject(
  data: Buffer,
  oidBytes: number,
): TreeEntry[] | undefined {
  const entries: TreeEntry[] = [];
  let offset = 0;
  while (offset < data.length) {
    const space = data.indexOf(0x20, offset);
    if (space < 0) return undefined;
    const nul = data.indexOf(0, space + 1);
    if (nul < 0 || nul + 1 + oidBytes > data.length) return undefined;
    const octal = data.toString('latin1', offset, space);
    if (!/^[0-7]{1,7}$/.test(octal) || nul === space + 1) return undefined;
    entries.push({
      ...canonicalMode(octal),
      oid: data.toString('hex', nul + 1, nul + 1 + oidBytes),
      name: data.toString('utf8', space + 1, nul),
    });
    offset = nul + 1 + oidBytes;
  }
  return entries;
}
