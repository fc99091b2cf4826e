import { parseGoMod } from './goMod';

describe('parseGoMod', () => {
  it('reads the module path and requirements, marking indirect ones', () => {
    const content = `// Payments service
module github.acme.com/payments/api // the public module path

go 1.22.0

toolchain go1.22.4

require github.acme.com/platform/logging v1.3.0

require (
	// shared HTTP helpers
	github.acme.com/platform/httpx v0.9.1
	"golang.org/x/sync" v0.7.0 // indirect
	github.com/stretchr/testify v1.9.0 // indirect; used by tests only

	github.com/google/uuid v1.6.0 // indirectly useful, not indirect
)

replace github.acme.com/platform/httpx => ../httpx

replace (
	github.com/old/dep v1.0.0 => github.com/new/dep v1.0.1
)

exclude github.com/bad/dep v0.1.0
`;
    expect(parseGoMod('services/api/go.mod', content)).toEqual({
      file: 'services/api/go.mod',
      ecosystem: 'go',
      publishes: 'github.acme.com/payments/api',
      dependencies: [
        { ecosystem: 'go', name: 'github.acme.com/platform/logging' },
        { ecosystem: 'go', name: 'github.acme.com/platform/httpx' },
        { ecosystem: 'go', name: 'golang.org/x/sync', scope: 'indirect' },
        {
          ecosystem: 'go',
          name: 'github.com/stretchr/testify',
          scope: 'indirect',
        },
        { ecosystem: 'go', name: 'github.com/google/uuid' },
      ],
      problems: [],
    });
  });

  it('accepts a quoted module path and Windows line endings', () => {
    const manifest = parseGoMod(
      'go.mod',
      'module "example.com/quoted"\r\nrequire(\r\nexample.com/dep v1.0.0\r\n)\r\n',
    );
    expect(manifest.publishes).toBe('example.com/quoted');
    expect(manifest.dependencies).toEqual([
      { ecosystem: 'go', name: 'example.com/dep' },
    ]);
    expect(manifest.problems).toEqual([]);
  });

  it('reports malformed lines, unknown directives and an unclosed block', () => {
    const manifest = parseGoMod(
      'go.mod',
      `module example.com/broken
require example.com/no-version
frobnicate all the things
require (
	example.com/kept v1.0.0
`,
    );
    expect(manifest.publishes).toBe('example.com/broken');
    expect(manifest.dependencies).toEqual([
      { ecosystem: 'go', name: 'example.com/kept' },
    ]);
    expect(manifest.problems).toEqual([
      'line 4: the require block is never closed with ")"',
      'line 2: a requirement needs a module path and a version',
      'line 3: unknown directive "frobnicate"',
    ]);
  });

  it('reports a go.mod without a module directive', () => {
    expect(parseGoMod('go.mod', 'go 1.21\n').problems).toEqual([
      'no module directive',
    ]);
    expect(parseGoMod('go.mod', 'module\n').problems).toEqual([
      'line 1: module directive without a path',
    ]);
  });
});
