import {
  Content,
  ContentHeader,
  Header,
  Page,
  SupportButton,
} from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import { ProjectFiltersPanel } from './ProjectFiltersPanel';
import { ProjectResults } from './ProjectResults';
import { ProjectSearchField } from './ProjectSearchField';
import { useProjectFilters } from './useProjectFilters';
import { useProjectListing } from './useProjectListing';

/**
 * The InnerSource discovery page: search the catalog's Components, APIs, Resources and Systems
 * for reusable projects, and see how much each is used and how ready it is for contributions.
 *
 * @remarks
 *
 * The search, filters, sort and page are kept in the URL query string, so a view can be shared.
 *
 * @public
 */
export function InnerSourcePage() {
  const { filters, setFilters, clearFilters } = useProjectFilters();
  const listing = useProjectListing(filters);

  return (
    <Page themeId="tool">
      <Header
        title="InnerSource"
        subtitle="Find reusable components and ways to contribute"
      />
      <Content>
        <ContentHeader title="Projects">
          <SupportButton>
            Find projects to reuse or contribute to. Usage counts the catalog
            entities that depend on a project or consume one of its APIs;
            readiness (0-100) scores how well a project is set up for
            contributions from other teams, and the readiness level (gold,
            silver, bronze or not ready) is the step that score reaches. From
            git history come the activity level (the Repository Activity Score)
            and the InnerSource ratio, the share of commits in the last 365 days
            made outside the owning team. Figures are refreshed on a schedule.
          </SupportButton>
        </ContentHeader>
        <Grid container spacing={3}>
          <Grid item xs={12} md={3} component="aside" aria-label="Filters">
            <ProjectFiltersPanel
              filters={filters}
              facets={listing.value?.facets}
              onChange={setFilters}
            />
          </Grid>
          <Grid item xs={12} md={9}>
            <Grid container spacing={2} direction="column" wrap="nowrap">
              <Grid item>
                <ProjectSearchField
                  value={filters.q}
                  onChange={q => setFilters({ q }, { replace: true })}
                />
              </Grid>
              <Grid item>
                <ProjectResults
                  filters={filters}
                  listing={listing}
                  onChange={setFilters}
                  onPageChange={page => setFilters({ page })}
                  onClearFilters={clearFilters}
                />
              </Grid>
            </Grid>
          </Grid>
        </Grid>
      </Content>
    </Page>
  );
}
