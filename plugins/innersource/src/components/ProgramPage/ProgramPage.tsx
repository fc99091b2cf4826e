import {
  Content,
  ContentHeader,
  EmptyState,
  Header,
  Page,
  ResponseErrorPanel,
  SupportButton,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import type { ProgramSummary } from '@innersource-backstage/plugin-innersource-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import CodeIcon from '@material-ui/icons/Code';
import { useEffect, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { innerSourceApiRef } from '../../api';
import { formatDateTime, formatRelativeTime } from '../shared';
import { PROGRAM_WINDOW_PHRASES, displayTitle } from './common/windows';
import { ProgramFiltersBar } from './ProgramFiltersBar';
import {
  AdoptionSection,
  CollaborationSection,
  PlatformSection,
  ReuseSection,
  RisksSection,
} from './ProgramSections';
import { ProgramTotals } from './ProgramTotals';
import { useProgramFilters } from './useProgramFilters';

/** Saves the summary on screen as JSON, the same document the backend serves. */
function downloadJson(summary: ProgramSummary) {
  const blob = new Blob([JSON.stringify(summary, null, 2)], {
    type: 'application/json',
  });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = 'innersource-program-summary.json';
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

/** When the figures were computed and what they cover. */
function ComputedNote(props: { summary: ProgramSummary }) {
  const { summary } = props;
  return (
    <Typography variant="body2" color="textSecondary">
      {summary.computedAt && (
        <>
          Figures computed{' '}
          <time
            dateTime={summary.computedAt}
            title={formatDateTime(summary.computedAt)}
          >
            {formatRelativeTime(summary.computedAt)}
          </time>{' '}
          on a schedule, over the projects you may see in the catalog
          {summary.group
            ? ` owned by ${displayTitle(summary.group)} and the groups below it`
            : ''}
          . Contribution figures cover {PROGRAM_WINDOW_PHRASES[summary.window]}.
        </>
      )}
    </Typography>
  );
}

/**
 * The figures of the program view once loaded: headline numbers, then adoption, reuse,
 * collaboration, risks and the SCM platform settings.
 *
 * @internal
 */
export function ProgramSummaryView(props: { summary: ProgramSummary }) {
  const { summary } = props;
  if (!summary.computedAt) {
    return (
      <EmptyState
        missing="data"
        title="No program figures yet"
        description="The program figures are computed with every scheduled refresh of the InnerSource backend. Check back after the first one."
      />
    );
  }
  return (
    <>
      <Box my={2}>
        <ComputedNote summary={summary} />
      </Box>
      <ProgramTotals
        totals={summary.totals}
        windowPhrase={PROGRAM_WINDOW_PHRASES[summary.window]}
      />
      <AdoptionSection summary={summary} />
      <ReuseSection summary={summary} />
      <CollaborationSection summary={summary} />
      <RisksSection summary={summary} />
      <PlatformSection />
    </>
  );
}

/**
 * The program view of the InnerSource Program Office: is InnerSource growing, where does reuse
 * happen, which teams contribute to which, and what blocks projects from being InnerSource-ready.
 * Every figure states the goal and question it answers, its window and when it was computed;
 * every table can be saved as CSV, and the whole summary as JSON.
 *
 * @remarks
 *
 * The business unit, window and interval are kept in the URL query string, so a view can be
 * shared.
 *
 * @public
 */
export function ProgramPage() {
  const innerSourceApi = useApi(innerSourceApiRef);
  const { filters, setFilters } = useProgramFilters();
  const { value, loading, error } = useAsync(
    () => innerSourceApi.getProgramSummary(filters),
    [innerSourceApi, filters],
  );
  // Keep the last figures on screen while the next ones load, so that the filters stay put.
  const [shown, setShown] = useState<ProgramSummary>();
  useEffect(() => {
    if (value) setShown(value);
  }, [value]);
  const summary = value ?? shown;

  return (
    <Page themeId="tool">
      <Header
        title="InnerSource"
        subtitle="Adoption, reuse, collaboration and risks for the InnerSource Program Office"
      />
      <Content>
        <ContentHeader
          title={summary?.group ? displayTitle(summary.group) : 'Program'}
        >
          {summary?.computedAt && (
            <Button
              size="small"
              startIcon={<CodeIcon fontSize="small" />}
              onClick={() => downloadJson(summary)}
            >
              Summary as JSON
            </Button>
          )}
          <SupportButton>
            The program figures are aggregated by the InnerSource backend after
            each scheduled refresh and kept as a daily history. Only projects
            you may see in the catalog are counted. The same summary is served
            as JSON at /api/innersource/program/summary for your own reports.
          </SupportButton>
        </ContentHeader>
        <ProgramFiltersBar
          filters={filters}
          groups={summary?.groups ?? []}
          onChange={setFilters}
        />
        <Box mt={2}>{loading && <LinearProgress aria-label="Loading" />}</Box>
        {error && (
          <Box mt={2}>
            <ResponseErrorPanel error={error} />
          </Box>
        )}
        {!error && summary && <ProgramSummaryView summary={summary} />}
      </Content>
    </Page>
  );
}
