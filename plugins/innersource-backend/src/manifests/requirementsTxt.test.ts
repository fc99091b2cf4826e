import { parseRequirementsTxt } from './requirementsTxt';

const REQUIREMENTS = `# Runtime requirements
-r base.txt
-c constraints.txt
--index-url https://pypi.acme.com/simple
-e git+https://git.acme.com/libs/acme-auth.git#egg=acme-auth
https://files.acme.com/wheels/private-1.0.tar.gz
./libs/local-package
acme_metrics-1.0-py3-none-any.whl

Flask[async]==3.0.3   # web framework
SQLAlchemy >= 2.0, < 3 ; python_version >= "3.10"
ruamel.yaml
requests \\
    --hash=sha256:0123456789abcdef
acme-client @ git+https://git.acme.com/clients/py.git@v1.2#egg=acme-client
`;

describe('parseRequirementsTxt', () => {
  it('reads names, skipping options, URLs, paths and comments', () => {
    expect(parseRequirementsTxt('requirements.txt', REQUIREMENTS)).toEqual({
      file: 'requirements.txt',
      ecosystem: 'pypi',
      dependencies: [
        { ecosystem: 'pypi', name: 'flask' },
        { ecosystem: 'pypi', name: 'sqlalchemy' },
        { ecosystem: 'pypi', name: 'ruamel-yaml' },
        { ecosystem: 'pypi', name: 'requests' },
        { ecosystem: 'pypi', name: 'acme-client' },
      ],
      problems: [],
    });
  });

  it('marks development and test requirements as dev', () => {
    for (const file of [
      'requirements-dev.txt',
      'ci/requirements_test.txt',
      'requirements.tests.txt',
    ]) {
      expect(parseRequirementsTxt(file, 'pytest\n').dependencies).toEqual([
        { ecosystem: 'pypi', name: 'pytest', scope: 'dev' },
      ]);
    }
  });

  it('reports lines that name no package', () => {
    const manifest = parseRequirementsTxt(
      'requirements.txt',
      'good\n==1.0\n[extra]\n\t \n',
    );
    expect(manifest.dependencies).toEqual([
      { ecosystem: 'pypi', name: 'good' },
    ]);
    expect(manifest.problems).toEqual([
      'line 2: cannot read a package name from "==1.0"',
      'line 3: cannot read a package name from "[extra]"',
    ]);
  });
});
