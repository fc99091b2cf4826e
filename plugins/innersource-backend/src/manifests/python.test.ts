import { normalizePythonName, requirementName } from './python';

describe('normalizePythonName', () => {
  it('lower-cases and collapses runs of - _ . (PEP 503)', () => {
    expect(normalizePythonName('Friendly-Bard')).toBe('friendly-bard');
    expect(normalizePythonName('FRIENDLY_BARD')).toBe('friendly-bard');
    expect(normalizePythonName('friendly.bard')).toBe('friendly-bard');
    expect(normalizePythonName('FrIeNdLy-._.-bArD')).toBe('friendly-bard');
  });
});

describe('requirementName', () => {
  it.each([
    ['requests', 'requests'],
    ['requests>=2', 'requests'],
    ['requests [security,tests] >= 2.8.1, == 2.8.*', 'requests'],
    ['name<3', 'name'],
    ['name!=1.0', 'name'],
    ['name~=1.4', 'name'],
    ["name; os_name == 'posix'", 'name'],
    ['name(>=1.0)', 'name'],
    ['name @ https://example.com/name.zip', 'name'],
    ['  Zope.Interface  ', 'zope-interface'],
  ])('reads %p as %p', (requirement, name) => {
    expect(requirementName(requirement)).toBe(name);
  });

  it.each([[''], ['>=1.0'], ['-e .'], ['na$me']])(
    'finds no name in %p',
    requirement => {
      expect(requirementName(requirement)).toBeUndefined();
    },
  );
});
