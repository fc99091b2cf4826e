export { SeverityIcon, describeFindingStatus } from './SeverityIcon';
export type { SeverityIconProps } from './SeverityIcon';
export { SeverityChip } from './SeverityChip';
export type { SeverityChipProps } from './SeverityChip';
export { ReadinessScore, readinessLevel } from './ReadinessScore';
export type { ReadinessScoreProps } from './ReadinessScore';
export { Sparkline } from './Sparkline';
export type { SparklineProps } from './Sparkline';
export { pluralize, formatRelativeTime, formatDateTime } from './format';
