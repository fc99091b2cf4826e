import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { tempDir } from '../__testUtils__/gitFixtures';
import { canonicalMode, parseLsTree, parseTreeObject } from './gitTree';

/** A tree object's bytes: `<mode> <name>\0<binary oid>` per entry, as written. */
function treeBytes(entries: Array<[string, string | Buffer, string]>): Buffer {
  return Buffer.concat(
    entries.flatMap(([mode, name, oid]) => [
      Buffer.from(`${mode} `),
      Buffer.from(name),
      Buffer.from([0]),
      Buffer.from(oid, 'hex'),
    ]),
  );
}

describe('parseTreeObject', () => {
  it('reads a tree object exactly as git ls-tree -z lists it', () => {
    const dir = path.join(tempDir('tree'), 'repo.git');
    execFileSync('git', ['init', '--quiet', '--bare', dir]);
    const oid = (n: number) => n.toString(16).padStart(40, 'a');
    const entries: Array<[string, string | Buffer, string]> = [
      ['100644', 'README.md', oid(1)],
      ['100755', 'build.sh', oid(2)],
      ['100664', 'group-writable.md', oid(3)], // as old versions of git wrote it
      ['100744', 'odd.sh', oid(4)],
      ['644', 'no-type-bits', oid(5)],
      ['120000', 'link.md', oid(6)],
      ['40000', '.github', oid(7)],
      ['160000', 'vendor', oid(8)],
      ['100644', 'ünïcödé\tname with\nbreaks.md', oid(9)],
      [
        '100644',
        Buffer.from([0x66, 0xff, 0xfe, 0xe2, 0x82, 0x2e, 0x6d]),
        oid(10),
      ],
    ];
    const data = treeBytes(entries);
    const tree = execFileSync(
      'git',
      ['hash-object', '-w', '-t', 'tree', '--literally', '--stdin'],
      { cwd: dir, input: data },
    )
      .toString()
      .trim();
    const listed = parseLsTree(
      execFileSync('git', ['ls-tree', '-z', tree], { cwd: dir }).toString(
        'utf8',
      ),
    );
    expect(listed).toHaveLength(entries.length);
    expect(parseTreeObject(data, 20)).toEqual(listed);
    expect(
      parseTreeObject(
        execFileSync('git', ['cat-file', 'tree', tree], { cwd: dir }),
        20,
      ),
    ).toEqual(listed);
  });

  it('leaves malformed trees to git', () => {
    const oid = 'ab'.repeat(20);
    expect(parseTreeObject(Buffer.alloc(0), 20)).toEqual([]);
    expect(parseTreeObject(treeBytes([['100644', 'a', oid]]), 20)).toEqual([
      { mode: '100644', type: 'blob', oid, name: 'a' },
    ]);
    expect(
      parseTreeObject(treeBytes([['100644', 'a', oid]]).subarray(0, 20), 20),
    ).toBeUndefined(); // cut short
    expect(
      parseTreeObject(treeBytes([['10064x', 'a', oid]]), 20),
    ).toBeUndefined();
    expect(parseTreeObject(treeBytes([['', 'a', oid]]), 20)).toBeUndefined();
    expect(
      parseTreeObject(treeBytes([['100644', '', oid]]), 20),
    ).toBeUndefined();
  });
});

describe('canonicalMode', () => {
  it.each([
    ['100644', '100644', 'blob'],
    ['100755', '100755', 'blob'],
    ['100664', '100644', 'blob'],
    ['100700', '100755', 'blob'],
    ['120000', '120000', 'blob'],
    ['40000', '040000', 'tree'],
    ['160000', '160000', 'commit'],
    ['644', '160000', 'commit'],
  ])('reads %s as %s (%s)', (raw, mode, type) => {
    expect(canonicalMode(raw)).toEqual({ mode, type });
  });
});
