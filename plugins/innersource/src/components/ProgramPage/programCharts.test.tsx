import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { programSummary } from '../../__testUtils__/programFixtures';
import { AdoptionTrendChart } from './AdoptionTrendCard';
import { ContributionFlowSankey } from './ContributionFlowSankey';
import { CrossTeamDependenciesChart } from './CrossTeamDependenciesCard';
import { RuleFailuresChart } from './RuleFailuresCard';

describe('program charts', () => {
  it('draws the adoption trend as level bars under an InnerSource line', async () => {
    const { container } = await renderInTestApp(
      <AdoptionTrendChart
        points={programSummary.adoption}
        interval="week"
        width={640}
      />,
    );
    // 3 periods x 4 levels, every level having projects in every period
    expect(container.querySelectorAll('.recharts-bar-rectangle')).toHaveLength(
      12,
    );
    expect(container.querySelectorAll('.recharts-line-dot')).toHaveLength(3);
    const ticks = Array.from(
      container.querySelectorAll(
        '.recharts-xAxis .recharts-cartesian-axis-tick-value',
      ),
    ).map(tick => tick.textContent);
    expect(ticks).toEqual(['Nov 9', 'Nov 16', 'Nov 23']);
    expect(container).toHaveTextContent('InnerSource projects');
  });

  it('draws monthly periods with their month', async () => {
    const { container } = await renderInTestApp(
      <CrossTeamDependenciesChart
        points={[
          { ...programSummary.adoption[0], period: '2026-10-01' },
          { ...programSummary.adoption[2], period: '2026-11-01' },
        ]}
        interval="month"
        width={480}
      />,
    );
    const ticks = Array.from(
      container.querySelectorAll(
        '.recharts-xAxis .recharts-cartesian-axis-tick-value',
      ),
    ).map(tick => tick.textContent);
    expect(ticks).toEqual(['Oct 2026', 'Nov 2026']);
    expect(
      screen.getByRole('table', { name: 'Cross-team dependencies per period' }),
    ).toHaveTextContent('Nov 202617');
  });

  it('draws contribution flows from contributing to owning teams with their commits', async () => {
    const { container } = await renderInTestApp(
      <ContributionFlowSankey flows={programSummary.flows} width={640} />,
    );
    // Storefront, Ledger and Search contribute; Ledger and Storefront own
    expect(container.querySelectorAll('.recharts-sankey-node')).toHaveLength(5);
    expect(container.querySelectorAll('.recharts-sankey-link')).toHaveLength(3);
    const labels = Array.from(
      container.querySelectorAll('.recharts-sankey-node text'),
    ).map(text => text.textContent);
    expect(labels).toEqual(
      expect.arrayContaining([
        'Storefront Team (9)',
        'Ledger Team (12)',
        'Search Team (3)',
      ]),
    );
  });

  it('draws the rules failed most often as bars', async () => {
    const { container } = await renderInTestApp(
      <RuleFailuresChart rules={programSummary.ruleFailures} width={640} />,
    );
    // failing and waived for each rule with any
    expect(
      container.querySelectorAll(
        '.recharts-bar-rectangle path, path.recharts-rectangle',
      ),
    ).toHaveLength(3);
    expect(container).toHaveTextContent('Has a CONTRIBUTING file');
  });
});
