import { MANIFEST_FILE_PATTERNS, parseManifest } from '.';

describe('parseManifest', () => {
  it.each([
    ['services/api/package.json', 'npm'],
    ['pom.xml', 'maven'],
    ['modules/core/pom.xml', 'maven'],
    ['go.mod', 'go'],
    ['tools/pyproject.toml', 'pypi'],
    ['requirements.txt', 'pypi'],
    ['requirements-dev.txt', 'pypi'],
    ['C:\\repo\\web\\package.json', 'npm'],
  ])('reads %p as %p', (file, ecosystem) => {
    expect(parseManifest(file, '')).toMatchObject({ file, ecosystem });
  });

  it.each([
    ['README.md'],
    ['package-lock.json'],
    ['package.json.bak'],
    ['go.sum'],
    ['docs/requirements.md'],
    ['my-package.json'],
  ])('does not read %p', file => {
    expect(parseManifest(file, '{}')).toBeUndefined();
  });

  it('lists the patterns it understands', () => {
    expect(MANIFEST_FILE_PATTERNS.some(p => p.test('go.mod'))).toBe(true);
    expect(MANIFEST_FILE_PATTERNS.some(p => p.test('README.md'))).toBe(false);
  });

  it('ignores a byte order mark', () => {
    expect(
      parseManifest('package.json', '\uFEFF{ "name": "bom" }')?.publishes,
    ).toBe('bom');
  });

  it('keeps only the first 20 problems', () => {
    const manifest = parseManifest('go.mod', 'nonsense\n'.repeat(30));
    expect(manifest?.problems).toHaveLength(21);
    expect(manifest?.problems[0]).toBe('line 1: unknown directive "nonsense"');
    expect(manifest?.problems[20]).toBe('and 11 more problems');
  });

  it('turns an unexpected failure into a problem', () => {
    const deep = `a = ${'['.repeat(100_000)}`;
    const manifest = parseManifest('pyproject.toml', deep);
    expect(manifest?.dependencies).toEqual([]);
    expect(manifest?.problems).toEqual([
      expect.stringMatching(/^could not be read: /),
    ]);
  });
});
