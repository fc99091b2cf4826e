import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import type {
  ContributorFigure,
  TeamContributionFigure,
} from '@innersource-backstage/plugin-innersource-common';
import { DataTable } from '../shared';

function EmptyHint(props: { children: string }) {
  return (
    <Typography variant="body2" color="textSecondary">
      {props.children}
    </Typography>
  );
}

/**
 * The teams outside the owning team that contributed, with their commits and contributors.
 *
 * @internal
 */
export function OutsideTeamsTable(props: { teams: TeamContributionFigure[] }) {
  const { teams } = props;
  if (teams.length === 0) {
    return <EmptyHint>No other team contributed in this window.</EmptyHint>;
  }
  return (
    <DataTable
      label="Outside teams"
      columns={['Team', 'Commits', 'Contributors']}
      rows={teams.map(team => ({
        key: team.teamRef,
        cells: [
          <EntityRefLink entityRef={team.teamRef} defaultKind="Group">
            {team.title}
          </EntityRefLink>,
          team.commits,
          team.contributors,
        ],
      }))}
    />
  );
}

/**
 * The people outside the owning team with the most commits, with their team and how far away
 * in the organisation they are.
 *
 * @internal
 */
export function TopContributorsTable(props: {
  contributors: ContributorFigure[];
  /** Titles of the teams, by entity ref. */
  teamTitles: Map<string, string | undefined>;
}) {
  const { contributors, teamTitles } = props;
  if (contributors.length === 0) {
    return (
      <EmptyHint>
        Nobody outside the owning team contributed in this window.
      </EmptyHint>
    );
  }
  return (
    <DataTable
      label="Top outside contributors"
      columns={[
        'Contributor',
        { label: 'Team', align: 'left' },
        'Commits',
        'Distance',
      ]}
      rows={contributors.map(contributor => ({
        key: contributor.userRef ?? contributor.displayName,
        cells: [
          contributor.userRef ? (
            <EntityRefLink entityRef={contributor.userRef} defaultKind="User">
              {contributor.displayName}
            </EntityRefLink>
          ) : (
            contributor.displayName
          ),
          contributor.teamRef ? (
            <EntityRefLink entityRef={contributor.teamRef} defaultKind="Group">
              {teamTitles.get(contributor.teamRef)}
            </EntityRefLink>
          ) : (
            '–'
          ),
          contributor.commits,
          contributor.distance ?? 'unknown',
        ],
      }))}
    />
  );
}
