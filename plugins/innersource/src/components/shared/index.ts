export { SeverityIcon, describeFindingStatus } from './SeverityIcon';
export type { SeverityIconProps } from './SeverityIcon';
export { SeverityChip } from './SeverityChip';
export type { SeverityChipProps } from './SeverityChip';
export { ReadinessScore, readinessLevel } from './ReadinessScore';
export type { ReadinessScoreProps } from './ReadinessScore';
export { Sparkline } from './Sparkline';
export type { SparklineProps } from './Sparkline';
export { ActivityChip, describeActivity } from './ActivityChip';
export type { ActivityChipProps } from './ActivityChip';
export { CartesianChart } from './CartesianChart';
export type { CartesianChartProps } from './CartesianChart';
export { ChartFrame } from './ChartFrame';
export type { ChartFrameProps } from './ChartFrame';
export { DataTable } from './DataTable';
export type { DataTableColumn, DataTableProps } from './DataTable';
export { useChartTheme } from './chartTheme';
export type { ChartTheme } from './chartTheme';
export {
  pluralize,
  formatRelativeTime,
  formatDateTime,
  formatDate,
  formatPercent,
  formatDuration,
} from './format';
export { Figure, FigureList } from './Figures';
export type { FigureProps } from './Figures';
export {
  ReadinessLevelChip,
  READINESS_LEVEL_LABELS,
  READINESS_LEVEL_COLORS,
  compareReadinessLevels,
  describeReadinessLevel,
} from './ReadinessLevelChip';
export type { ReadinessLevelChipProps } from './ReadinessLevelChip';
export { Fact, FactList, Timestamp } from './FactList';
export { GoodFirstIssueList } from './GoodFirstIssueList';
export type { GoodFirstIssueListProps } from './GoodFirstIssueList';
export {
  providerName,
  describeSharingSource,
  VISIBILITY_LABELS,
  SHARING_LEVEL_LABELS,
  SHARING_LEVEL_AUDIENCES,
} from './scmLabels';
