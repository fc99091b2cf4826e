import { toSankeyData } from './flowSankeyData';

const team = (name: string) => ({
  entityRef: `group:default/${name}`,
  title: name.toUpperCase(),
});

describe('toSankeyData', () => {
  it('puts a team that both contributes and owns on both sides, so there is no cycle', () => {
    const data = toSankeyData(
      [
        { fromTeam: team('a'), toTeam: team('b'), commits: 5, projects: 1 },
        { fromTeam: team('b'), toTeam: team('a'), commits: 3, projects: 1 },
        { fromTeam: team('c'), toTeam: team('b'), commits: 2, projects: 2 },
      ],
      10,
    );
    expect(data.nodes).toEqual([
      { name: 'A', teamRef: 'group:default/a', side: 'contributing' },
      { name: 'B', teamRef: 'group:default/b', side: 'owning' },
      { name: 'B', teamRef: 'group:default/b', side: 'contributing' },
      { name: 'A', teamRef: 'group:default/a', side: 'owning' },
      { name: 'C', teamRef: 'group:default/c', side: 'contributing' },
    ]);
    expect(data.links).toEqual([
      { source: 0, target: 1, value: 5 },
      { source: 2, target: 3, value: 3 },
      { source: 4, target: 1, value: 2 },
    ]);
  });

  it('keeps the biggest flows only, and none without commits', () => {
    const data = toSankeyData(
      [
        { fromTeam: team('a'), toTeam: team('b'), commits: 1, projects: 1 },
        { fromTeam: team('c'), toTeam: team('b'), commits: 9, projects: 1 },
        { fromTeam: team('d'), toTeam: team('b'), commits: 0, projects: 1 },
      ],
      1,
    );
    expect(data.links).toEqual([{ source: 0, target: 1, value: 9 }]);
    expect(data.nodes.map(n => n.name)).toEqual(['C', 'B']);
  });
});
