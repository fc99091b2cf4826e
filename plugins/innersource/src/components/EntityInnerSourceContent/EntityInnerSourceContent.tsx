import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import type { EntityInnerSourceResponse } from '@innersource-backstage/plugin-innersource-common';
import useAsync from 'react-use/esm/useAsync';
import { innerSourceApiRef } from '../../api';
import { ContributionsSection } from './ContributionsSection';
import { HistoryCard } from './HistoryCard';
import { ReadinessCard } from './ReadinessCard';
import { ResultStatusHeader } from './ResultStatusHeader';
import { ScmSection } from './ScmSection';
import { UsageCard } from './UsageCard';

/** How many days of history the tab requests. */
const HISTORY_DAYS = 90;

/**
 * Props for {@link EntityInnerSourceContent}.
 *
 * @public
 */
export interface EntityInnerSourceContentProps {
  /** How many days of history to show. Defaults to 90. */
  historyDays?: number;
}

/**
 * The figures of one entity, laid out as usage, readiness, contribution, SCM platform and
 * history cards.
 *
 * @internal
 */
export function InnerSourceResultView(props: {
  response: EntityInnerSourceResponse;
  historyDays: number;
}) {
  const { result, history } = props.response;
  return (
    <Grid container spacing={3} alignItems="stretch">
      <Grid item xs={12}>
        <ResultStatusHeader result={result} />
      </Grid>
      <Grid item xs={12} lg={6}>
        <UsageCard usage={result.usage} />
      </Grid>
      <Grid item xs={12} lg={6}>
        <ReadinessCard lint={result.lint} />
      </Grid>
      <ContributionsSection contributions={result.contributions} />
      <ScmSection scm={result.scm} sharing={result.sharing} />
      <Grid item xs={12}>
        <HistoryCard history={history} days={props.historyDays} />
      </Grid>
    </Grid>
  );
}

/**
 * The InnerSource tab of an entity page: who uses the entity, what is missing before other
 * teams can contribute to it, who outside the owning team contributes (from git history), and
 * how usage and readiness changed over time.
 *
 * @remarks
 *
 * Must be rendered inside an entity context, e.g. on the catalog's entity page.
 *
 * @public
 */
export function EntityInnerSourceContent(props: EntityInnerSourceContentProps) {
  const historyDays = props.historyDays ?? HISTORY_DAYS;
  const { entity } = useEntity();
  const innerSourceApi = useApi(innerSourceApiRef);
  const entityRef = stringifyEntityRef(entity);

  const { value, loading, error } = useAsync(
    () => innerSourceApi.getEntityResults(entityRef, { historyDays }),
    [innerSourceApi, entityRef, historyDays],
  );

  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  if (!value) {
    return (
      <EmptyState
        missing="data"
        title="No InnerSource data yet"
        description="Usage and readiness figures for this entity are computed on the next scheduled refresh of the InnerSource backend. Check back later."
      />
    );
  }
  return <InnerSourceResultView response={value} historyDays={historyDays} />;
}
