import { parsePackageJson } from './packageJson';

describe('parsePackageJson', () => {
  it('reads the name and every dependency section with its scope', () => {
    const content = JSON.stringify(
      {
        name: '@acme/payments-client',
        version: '2.1.0',
        private: false,
        dependencies: { '@acme/http': '^1.0.0', zod: '^3.22.0' },
        devDependencies: { jest: '^29.0.0' },
        peerDependencies: { react: '^18.0.0' },
        optionalDependencies: { fsevents: '^2.3.0' },
        bundleDependencies: ['zod'],
      },
      null,
      2,
    );
    expect(parsePackageJson('libs/payments/package.json', content)).toEqual({
      file: 'libs/payments/package.json',
      ecosystem: 'npm',
      publishes: '@acme/payments-client',
      dependencies: [
        { ecosystem: 'npm', name: '@acme/http', scope: 'runtime' },
        { ecosystem: 'npm', name: 'zod', scope: 'runtime' },
        { ecosystem: 'npm', name: 'jest', scope: 'dev' },
        { ecosystem: 'npm', name: 'react', scope: 'peer' },
        { ecosystem: 'npm', name: 'fsevents', scope: 'optional' },
      ],
      problems: [],
    });
  });

  it('publishes nothing when there is no name', () => {
    const manifest = parsePackageJson(
      'package.json',
      '{ "private": true, "devDependencies": { "prettier": "^3" } }',
    );
    expect(manifest.publishes).toBeUndefined();
    expect(manifest.dependencies).toEqual([
      { ecosystem: 'npm', name: 'prettier', scope: 'dev' },
    ]);
    expect(manifest.problems).toEqual([]);
  });

  it('reports truncated JSON instead of throwing', () => {
    const manifest = parsePackageJson(
      'package.json',
      '{ "name": "broken", "dependencies": { "a": "1"',
    );
    expect(manifest.publishes).toBeUndefined();
    expect(manifest.dependencies).toEqual([]);
    expect(manifest.problems).toEqual([
      expect.stringMatching(/^not valid JSON: /),
    ]);
  });

  it('reports a document that is not an object', () => {
    expect(parsePackageJson('package.json', '[]').problems).toEqual([
      'expected a JSON object at the top level',
    ]);
    expect(parsePackageJson('package.json', '').problems).toHaveLength(1);
  });

  it('reports sections and names of the wrong type and keeps the rest', () => {
    const manifest = parsePackageJson(
      'package.json',
      '{ "name": 42, "dependencies": ["left-pad"], "devDependencies": { "jest": "*" } }',
    );
    expect(manifest.publishes).toBeUndefined();
    expect(manifest.dependencies).toEqual([
      { ecosystem: 'npm', name: 'jest', scope: 'dev' },
    ]);
    expect(manifest.problems).toEqual([
      '"name" should be a non-empty string',
      '"dependencies" should be an object of package names',
    ]);
  });

  it('treats __proto__ as an ordinary package name', () => {
    const manifest = parsePackageJson(
      'package.json',
      '{ "dependencies": { "__proto__": "1.0.0" } }',
    );
    expect(manifest.dependencies).toEqual([
      { ecosystem: 'npm', name: '__proto__', scope: 'runtime' },
    ]);
  });
});
