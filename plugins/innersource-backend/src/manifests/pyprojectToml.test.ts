import { parsePyprojectToml } from './pyprojectToml';

describe('parsePyprojectToml', () => {
  it('reads a PEP 621 project with extras and dependency groups', () => {
    const content = `[build-system]
requires = ["hatchling"]
build-backend = "hatchling.build"

[project]
name = "Acme_Payments.Client"
version = "1.2.0"
description = "Client for the payments API"
dependencies = [
    "requests[socks] >=2.31, <3",   # HTTP
    "Acme-Logging~=1.4",
    # a commented-out requirement: "old-lib==1.0",
    "typing_extensions; python_version < '3.11'",
    "zope.interface(>=5)",
    "pip @ https://github.com/pypa/pip/archive/1.3.1.zip",
]

[project.optional-dependencies]
cli = ["click>=8", "rich"]
"test" = [
  "pytest>=8",
]

[dependency-groups]
lint = ["ruff", { include-group = "test" }]
`;
    expect(parsePyprojectToml('clients/py/pyproject.toml', content)).toEqual({
      file: 'clients/py/pyproject.toml',
      ecosystem: 'pypi',
      publishes: 'acme-payments-client',
      dependencies: [
        { ecosystem: 'pypi', name: 'requests', scope: 'runtime' },
        { ecosystem: 'pypi', name: 'acme-logging', scope: 'runtime' },
        { ecosystem: 'pypi', name: 'typing-extensions', scope: 'runtime' },
        { ecosystem: 'pypi', name: 'zope-interface', scope: 'runtime' },
        { ecosystem: 'pypi', name: 'pip', scope: 'runtime' },
        { ecosystem: 'pypi', name: 'click', scope: 'cli' },
        { ecosystem: 'pypi', name: 'rich', scope: 'cli' },
        { ecosystem: 'pypi', name: 'pytest', scope: 'test' },
        { ecosystem: 'pypi', name: 'ruff', scope: 'lint' },
      ],
      problems: [],
    });
  });

  it('reads Poetry tables, skipping python', () => {
    const content = `[tool.poetry]
name = "acme__inventory"
version = "0.3.0"

[tool.poetry.dependencies]
python = "^3.11"
Django = { version = "^5.0", extras = ["argon2"] }
acme-auth = { git = "https://git.acme.com/auth.git", tag = "v2" }

[tool.poetry.dependencies.celery]
version = "^5.3"

[tool.poetry.dev-dependencies]
black = "*"

[tool.poetry.group.test.dependencies]
pytest-django = "^4.8"

[tool.poetry.group.docs]
optional = true

[tool.poetry.group.docs.dependencies]
"MkDocs" = "^1.5"
`;
    const manifest = parsePyprojectToml('pyproject.toml', content);
    expect(manifest.publishes).toBe('acme-inventory');
    expect(manifest.dependencies).toEqual([
      { ecosystem: 'pypi', name: 'django', scope: 'runtime' },
      { ecosystem: 'pypi', name: 'acme-auth', scope: 'runtime' },
      { ecosystem: 'pypi', name: 'celery', scope: 'runtime' },
      { ecosystem: 'pypi', name: 'black', scope: 'dev' },
      { ecosystem: 'pypi', name: 'pytest-django', scope: 'test' },
      { ecosystem: 'pypi', name: 'mkdocs', scope: 'docs' },
    ]);
    expect(manifest.problems).toEqual([]);
  });

  it('reports garbage TOML instead of throwing and keeps what it read', () => {
    const manifest = parsePyprojectToml(
      'pyproject.toml',
      `[project]
name = "half-good"
dependencies = ["attrs", 42, "==1.0"]
<<<<<<< HEAD
optional-dependencies = "not a table"
`,
    );
    expect(manifest.publishes).toBe('half-good');
    expect(manifest.dependencies).toEqual([
      { ecosystem: 'pypi', name: 'attrs', scope: 'runtime' },
    ]);
    expect(manifest.problems).toEqual([
      'line 4: expected a key',
      '[project] dependencies: cannot read a package name from "==1.0"',
      '[project.optional-dependencies] should be a table',
    ]);
  });

  it('reports a dependency list of the wrong type', () => {
    const manifest = parsePyprojectToml(
      'pyproject.toml',
      '[project]\nname = 7\ndependencies = "requests"\n',
    );
    expect(manifest.publishes).toBeUndefined();
    expect(manifest.problems).toEqual([
      '[project] dependencies should be an array of requirement strings',
      'project.name should be a non-empty string',
    ]);
  });

  it('publishes nothing for an empty file', () => {
    expect(parsePyprojectToml('pyproject.toml', '')).toEqual({
      file: 'pyproject.toml',
      ecosystem: 'pypi',
      dependencies: [],
      problems: [],
    });
  });
});
