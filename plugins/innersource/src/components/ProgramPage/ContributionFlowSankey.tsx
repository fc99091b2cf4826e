import type { ProgramContributionFlow } from '@innersource-backstage/plugin-innersource-common';
import { Sankey, Tooltip } from 'recharts';
import { ChartFrame, useChartTheme } from '../shared';
import { FlowNode, toSankeyData } from './flowSankeyData';

/** More flows than this are in the table only. */
const MAX_FLOWS = 25;

/**
 * The height of the diagram: enough room per team on the busier side for its label.
 *
 * @internal
 */
export function flowSankeyHeight(flows: ProgramContributionFlow[]): number {
  const data = toSankeyData(flows, MAX_FLOWS);
  const perSide = Math.max(
    data.nodes.filter(n => n.side === 'contributing').length,
    data.nodes.filter(n => n.side === 'owning').length,
  );
  return Math.max(320, perSide * 52);
}

/** What recharts passes to a custom Sankey node. */
interface SankeyNodeProps {
  x: number;
  y: number;
  width: number;
  height: number;
  payload: FlowNode & { value: number };
}

/** @internal */
export interface ContributionFlowSankeyProps {
  flows: ProgramContributionFlow[];
  /** A fixed width, e.g. in tests; by default the chart fills its container. */
  width?: number;
}

/**
 * Which teams contribute to which teams' projects: contributing teams on the left, owning teams
 * on the right, each band as wide as the commits, with the counts on hover. Drawn for sighted
 * users only; the table beside it has the same numbers.
 *
 * @internal
 */
export function ContributionFlowSankey(props: ContributionFlowSankeyProps) {
  const { flows, width } = props;
  const chartTheme = useChartTheme();
  const data = toSankeyData(flows, MAX_FLOWS);
  const height = flowSankeyHeight(flows);

  const renderNode = (node: SankeyNodeProps) => {
    const contributing = node.payload.side === 'contributing';
    return (
      <g className="recharts-sankey-node">
        <rect
          x={node.x}
          y={node.y}
          width={node.width}
          height={node.height}
          fill={contributing ? chartTheme.outside : chartTheme.ownerTeam}
        />
        <text
          x={contributing ? node.x + node.width + 6 : node.x - 6}
          y={node.y + node.height / 2}
          textAnchor={contributing ? 'start' : 'end'}
          dominantBaseline="middle"
          fontSize={12}
          fill={chartTheme.legendText.color}
        >
          {`${node.payload.name} (${node.payload.value})`}
        </text>
      </g>
    );
  };

  return (
    <ChartFrame height={height} width={width}>
      {chartWidth => (
        <Sankey
          width={chartWidth}
          height={height}
          data={data}
          nameKey="name"
          nodeWidth={12}
          nodePadding={24}
          margin={{ top: 8, right: 8, bottom: 8, left: 8 }}
          link={{ stroke: chartTheme.outside, strokeOpacity: 0.3 }}
          node={renderNode}
        >
          <Tooltip {...chartTheme.tooltip} />
        </Sankey>
      )}
    </ChartFrame>
  );
}
