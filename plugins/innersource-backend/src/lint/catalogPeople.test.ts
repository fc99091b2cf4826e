import { Entity } from '@backstage/catalog-model';
import { CatalogIndex } from '../compute/CatalogIndex';
import { entity, withCatalogRelations } from '../__testUtils__/catalogFixtures';
import { CatalogPeople } from './catalogPeople';
import { classifyOwner } from './codeowners';

function people(): Entity[] {
  return withCatalogRelations([
    entity(
      'Group',
      'ledger-team',
      { type: 'team', children: [] },
      {
        annotations: { 'github.com/team-slug': 'acme/ledger-maintainers' },
      },
    ),
    entity(
      'Group',
      'writers',
      { type: 'team', children: [], members: ['zoe'] },
      { namespace: 'docs' },
    ),
    entity(
      'User',
      'maria',
      { memberOf: ['ledger-team'], profile: { email: 'Maria@Acme.example' } },
      {
        annotations: { 'github.com/user-login': 'maria-gh' },
      },
    ),
    entity('User', 'sam', { memberOf: ['ledger-team'] }),
    entity('User', 'zoe', { memberOf: [] }, { namespace: 'docs' }),
  ]);
}

const owner = (token: string) => classifyOwner(token, 1)!;

describe('CatalogPeople', () => {
  const catalog = new CatalogIndex(people());
  const index = new CatalogPeople(catalog);

  it.each([
    ['@maria-gh', { kind: 'user', entityRef: 'user:default/maria' }], // login annotation
    ['@MARIA-GH', { kind: 'user', entityRef: 'user:default/maria' }],
    ['@sam', { kind: 'user', entityRef: 'user:default/sam' }], // user named like the login
    ['maria@acme.example', { kind: 'user', entityRef: 'user:default/maria' }],
    [
      '@acme/ledger-maintainers',
      { kind: 'group', entityRef: 'group:default/ledger-team' },
    ], // team slug
    [
      '@acme/ledger-team',
      { kind: 'group', entityRef: 'group:default/ledger-team' },
    ], // group name
    ['@acme/writers', { kind: 'group', entityRef: 'group:docs/writers' }], // any namespace
    ['@ghost', { kind: 'unresolved' }],
    ['ghost@acme.example', { kind: 'unresolved' }],
    ['@acme/ghosts', { kind: 'unresolved' }],
    ['@@maintainer', { kind: 'not-checkable' }],
  ])('resolves %s', (token, expected) => {
    expect(index.resolve(owner(token))).toEqual(expected);
  });

  it("lists a group's members from users' memberOf and the group's members", () => {
    expect(index.membersOf('group:default/ledger-team')).toEqual([
      'user:default/maria',
      'user:default/sam',
    ]);
    expect(index.membersOf('group:docs/writers')).toEqual(['user:docs/zoe']);
  });

  it('resolves by name only when the catalog cannot list its entities', () => {
    const snapshotOnly = new CatalogPeople({
      getEntity: ref => catalog.getEntity(ref),
    });
    expect(snapshotOnly.resolve(owner('@sam'))).toEqual({
      kind: 'user',
      entityRef: 'user:default/sam',
    });
    expect(snapshotOnly.resolve(owner('@acme/ledger-team'))).toEqual({
      kind: 'group',
      entityRef: 'group:default/ledger-team',
    });
    expect(snapshotOnly.resolve(owner('@maria-gh'))).toEqual({
      kind: 'unresolved',
    });
    expect(snapshotOnly.resolve(owner('maria@acme.example'))).toEqual({
      kind: 'unresolved',
    });
    // members through the group's own relations still count
    expect(snapshotOnly.membersOf('group:default/ledger-team')).toEqual([
      'user:default/maria',
      'user:default/sam',
    ]);
  });
});
