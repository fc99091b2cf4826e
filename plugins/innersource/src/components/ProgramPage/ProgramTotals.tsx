import type { ProgramSummary } from '@innersource-backstage/plugin-innersource-common';
import { Figure, FigureList, formatPercent } from '../shared';

/**
 * The headline numbers of the program view.
 *
 * @internal
 */
export function ProgramTotals(props: {
  totals: ProgramSummary['totals'];
  windowPhrase: string;
}) {
  const { totals, windowPhrase } = props;
  return (
    <FigureList label="Program totals">
      <Figure
        label="Projects"
        value={totals.projects}
        detail={`${totals.projectsWithHistory} with git history`}
      />
      <Figure
        label="InnerSource projects"
        value={totals.innerSourceProjects}
        detail={`${formatPercent(
          totals.projects === 0
            ? null
            : totals.innerSourceProjects / totals.projects,
        )} of the projects`}
        hint="Tagged innersource or inner-source, or with a CONTRIBUTING file"
      />
      <Figure
        label="Cross-team dependencies"
        value={totals.crossTeamDependencies}
        hint="Consumers owned by another team than the project they use"
      />
      <Figure
        label="Outside commits"
        value={totals.outsideCommits}
        detail={`${formatPercent(
          totals.commits === 0 ? null : totals.outsideCommits / totals.commits,
        )} of ${totals.commits} commits in ${windowPhrase}`}
        hint="Commits by people outside the owning team; bots and merges left out"
      />
    </FigureList>
  );
}
