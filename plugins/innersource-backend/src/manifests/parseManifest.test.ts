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

  it('turns an unexpected failure into a problem', () => {
    const deep = `a = ${'['.repeat(100_000)}`;
    const manifest = parseManifest('pyproject.toml', deep);
    expect(manifest?.dependencies).toEqual([]);
    expect(manifest?.problems).toHaveLength(1);
  });
});
