import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  CONTRIBUTION_WINDOWS,
  ContributionWindow,
  GroupProgramResponse,
} from '@innersource-backstage/plugin-innersource-common';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { innerSourceApiRef } from '../../api';
import { ContributionWindowSelector } from '../EntityInnerSourceContent/ContributionWindowSelector';
import {
  PROGRAM_WINDOW_PHRASES,
  displayTitle,
} from '../ProgramPage/common/windows';
import { GroupContributionsCard } from './GroupContributionsCard';
import { GroupProjectsCard } from './GroupProjectsCard';
import { GroupReusedProjectsCard } from './GroupReusedProjectsCard';

/**
 * The cards of a group's InnerSource tab.
 *
 * @internal
 */
export function GroupProgramView(props: { response: GroupProgramResponse }) {
  const { response } = props;
  const name = displayTitle(response.group);
  const window = PROGRAM_WINDOW_PHRASES[response.window];
  return (
    <Grid container spacing={3} alignItems="stretch">
      <Grid item xs={12}>
        <GroupProjectsCard
          groupName={name}
          projects={response.projects}
          window={window}
          computedAt={response.computedAt}
        />
      </Grid>
      <Grid item xs={12} lg={6}>
        <GroupContributionsCard
          groupName={name}
          contributions={response.contributionsToOthers}
          window={window}
          computedAt={response.computedAt}
        />
      </Grid>
      <Grid item xs={12} lg={6}>
        <GroupReusedProjectsCard
          groupName={name}
          reused={response.reusedProjects}
          computedAt={response.computedAt}
        />
      </Grid>
    </Grid>
  );
}

/**
 * The InnerSource tab of a Group's entity page: the projects the group and the groups below it
 * own, with their usage, readiness and contributions; the group's contributions to other teams'
 * projects; and the other teams' projects it reuses.
 *
 * @remarks
 *
 * Must be rendered inside an entity context, e.g. on the catalog's entity page of a Group.
 *
 * @public
 */
export function EntityInnerSourceGroupContent() {
  const { entity } = useEntity();
  const innerSourceApi = useApi(innerSourceApiRef);
  const groupRef = stringifyEntityRef(entity);
  const [window, setWindow] = useState<ContributionWindow>('365d');
  const { value, loading, error } = useAsync(
    () => innerSourceApi.getGroupProgram(groupRef, { window }),
    [innerSourceApi, groupRef, window],
  );

  let body;
  if (loading) {
    body = <Progress />;
  } else if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else if (!value?.computedAt) {
    body = (
      <EmptyState
        missing="data"
        title="No InnerSource data yet"
        description="The InnerSource figures of this group are computed on the next scheduled refresh of the InnerSource backend. Check back later."
      />
    );
  } else {
    body = <GroupProgramView response={value} />;
  }
  return (
    <>
      <Box mb={2}>
        <ContributionWindowSelector
          value={window}
          onChange={setWindow}
          available={[...CONTRIBUTION_WINDOWS]}
        />
      </Box>
      {body}
    </>
  );
}
