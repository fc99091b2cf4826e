import type { ProgramContributionFlow } from '@innersource-backstage/plugin-innersource-common';
import { displayTitle } from './common/windows';

/**
 * A node of the contribution flow diagram: a team on the contributing side (left) or on the
 * owning side (right). A team can be on both sides, as two nodes, so the diagram has no cycles.
 *
 * @internal
 */
export interface FlowNode {
  name: string;
  teamRef: string;
  side: 'contributing' | 'owning';
}

/** @internal */
export interface FlowLink {
  /** Index of the contributing node. */
  source: number;
  /** Index of the owning node. */
  target: number;
  /** Commits. */
  value: number;
}

/**
 * The biggest flows as Sankey nodes and links: contributing teams on the left, owning teams on
 * the right, biggest first on each side.
 *
 * @internal
 */
export function toSankeyData(
  flows: ProgramContributionFlow[],
  limit: number,
): { nodes: FlowNode[]; links: FlowLink[] } {
  const shown = [...flows]
    .filter(flow => flow.commits > 0)
    .sort((a, b) => b.commits - a.commits)
    .slice(0, limit);
  const nodes: FlowNode[] = [];
  const indexOf = new Map<string, number>();
  const nodeIndex = (
    team: ProgramContributionFlow['fromTeam'],
    side: FlowNode['side'],
  ) => {
    const key = `${side} ${team.entityRef}`;
    let index = indexOf.get(key);
    if (index === undefined) {
      index = nodes.length;
      nodes.push({ name: displayTitle(team), teamRef: team.entityRef, side });
      indexOf.set(key, index);
    }
    return index;
  };
  const links = shown.map(flow => ({
    source: nodeIndex(flow.fromTeam, 'contributing'),
    target: nodeIndex(flow.toTeam, 'owning'),
    value: flow.commits,
  }));
  return { nodes, links };
}
