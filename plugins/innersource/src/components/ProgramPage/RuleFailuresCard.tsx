import type { ProgramRuleFailureCount } from '@innersource-backstage/plugin-innersource-common';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame, DataTable, SeverityChip, useChartTheme } from '../shared';
import { CsvExportButton } from './common/CsvExportButton';
import { CsvColumn } from './common/csv';
import { NoFigures, ProgramCard } from './common/ProgramCard';
import { TableFrame } from './common/TableFrame';
import { PROGRAM_GQM } from './gqm';

/** Rules in the chart; the table lists all. */
const CHART_RULES = 10;

const CSV_COLUMNS: CsvColumn<ProgramRuleFailureCount>[] = [
  { header: 'Rule', value: r => r.title },
  { header: 'Rule id', value: r => r.ruleId },
  { header: 'Category', value: r => r.category },
  { header: 'Severity', value: r => r.severity },
  { header: 'Failing projects', value: r => r.failures },
  { header: 'Waived by an exception', value: r => r.waived },
];

/** @internal */
export interface RuleFailuresChartProps {
  rules: ProgramRuleFailureCount[];
  width?: number;
}

/**
 * The rules failed most often as horizontal bars, failing and waived. Drawn for sighted users
 * only; the table below has the numbers.
 *
 * @internal
 */
export function RuleFailuresChart(props: RuleFailuresChartProps) {
  const { rules, width } = props;
  const chartTheme = useChartTheme();
  const data = rules.slice(0, CHART_RULES).map(r => ({
    title: r.title,
    failures: r.failures,
    waived: r.waived,
  }));
  const height = 40 + data.length * 28;
  return (
    <ChartFrame height={height} width={width}>
      {chartWidth => (
        <BarChart
          width={chartWidth}
          height={height}
          data={data}
          layout="vertical"
          margin={{ top: 0, right: 16, bottom: 0, left: 0 }}
        >
          <CartesianGrid
            horizontal={false}
            stroke={chartTheme.grid}
            strokeDasharray="3 3"
          />
          <XAxis
            type="number"
            allowDecimals={false}
            {...chartTheme.axisProps}
          />
          <YAxis
            type="category"
            dataKey="title"
            width={Math.min(260, Math.floor(chartWidth * 0.45))}
            {...chartTheme.axisProps}
          />
          <Tooltip
            {...chartTheme.tooltip}
            cursor={{ fill: chartTheme.cursor }}
          />
          <Bar
            dataKey="failures"
            name="Failing projects"
            stackId="rule"
            fill={chartTheme.outside}
            isAnimationActive={false}
          />
          <Bar
            dataKey="waived"
            name="Waived by an exception"
            stackId="rule"
            fill={chartTheme.unknown}
            isAnimationActive={false}
          />
        </BarChart>
      )}
    </ChartFrame>
  );
}

/**
 * The readiness rules failed most often, so that the ISPO knows which guidance to improve.
 *
 * @internal
 */
export function RuleFailuresCard(props: {
  rules: ProgramRuleFailureCount[];
  computedAt?: string;
}) {
  const { rules, computedAt } = props;
  return (
    <ProgramCard
      title="Rules failed most often"
      gqm={PROGRAM_GQM.ruleFailures}
      window="today"
      computedAt={computedAt}
      action={
        <CsvExportButton
          what="rule failures"
          filename="innersource-rule-failures"
          columns={CSV_COLUMNS}
          rows={rules}
        />
      }
    >
      {rules.length === 0 ? (
        <NoFigures>Every project passes every readiness rule.</NoFigures>
      ) : (
        <>
          <RuleFailuresChart rules={rules} />
          <TableFrame>
            <DataTable
              label="Readiness rules by failing projects"
              columns={[
                'Rule',
                { label: 'Severity', align: 'left' },
                'Failing projects',
                'Waived',
              ]}
              rows={rules.map(r => ({
                key: r.ruleId,
                cells: [
                  r.title,
                  <SeverityChip severity={r.severity} />,
                  r.failures,
                  r.waived,
                ],
              }))}
            />
          </TableFrame>
        </>
      )}
    </ProgramCard>
  );
}
