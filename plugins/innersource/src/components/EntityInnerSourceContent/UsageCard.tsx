import { InfoCard, Table, TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemSecondaryAction from '@material-ui/core/ListItemSecondaryAction';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type {
  UsageConsumer,
  UsageSummary,
} from '@innersource-backstage/plugin-innersource-common';
import { Fragment } from 'react';
import { pluralize } from '../shared';

const useStyles = makeStyles(theme => ({
  count: {
    fontWeight: theme.typography.fontWeightBold as number,
    lineHeight: 1,
  },
  section: {
    marginTop: theme.spacing(3),
  },
}));

/** @internal */
export interface UsageCardProps {
  usage: UsageSummary;
}

type ConsumerRow = UsageConsumer & { id: string; relationText: string };

/** Plain-text description of how a consumer uses the entity, used for search and sorting. */
function describeRelations(consumer: UsageConsumer): string {
  return consumer.relations.map(relationText).join(', ');
}

/** How a consumer uses the entity, in words. */
function relationText(relation: UsageConsumer['relations'][number]): string {
  switch (relation.type) {
    case 'consumesApi':
      return `consumes API${relation.via ? ` ${relation.via}` : ''}`;
    case 'manifest':
      return `uses its package (${relation.via ?? 'manifest'})`;
    default:
      return 'depends on';
  }
}

function RelationCell(props: { consumer: UsageConsumer }) {
  return (
    <>
      {props.consumer.relations.map((relation, index) => (
        <Fragment key={`${relation.type}:${relation.via ?? ''}`}>
          {index > 0 && ', '}
          {relation.type === 'consumesApi' ? (
            <>
              consumes API{' '}
              {relation.via && (
                <EntityRefLink entityRef={relation.via} defaultKind="API" />
              )}
            </>
          ) : (
            relationText(relation)
          )}
        </Fragment>
      ))}
    </>
  );
}

const columns: TableColumn<ConsumerRow>[] = [
  {
    title: 'Consumer',
    field: 'entityRef',
    highlight: true,
    render: row => (
      <EntityRefLink entityRef={row.entityRef}>{row.title}</EntityRefLink>
    ),
  },
  {
    title: 'Relation',
    field: 'relationText',
    render: row => <RelationCell consumer={row} />,
  },
  {
    title: 'Owner',
    field: 'ownerRef',
    render: row =>
      row.ownerRef ? (
        <EntityRefLink entityRef={row.ownerRef} defaultKind="Group" />
      ) : (
        '-'
      ),
  },
  {
    title: 'Business unit',
    field: 'businessUnitRef',
    render: row =>
      row.businessUnitRef ? (
        <EntityRefLink entityRef={row.businessUnitRef} defaultKind="Group" />
      ) : (
        'Unknown'
      ),
  },
];

/**
 * Answers "Who uses this project?": how many entities use it, from how many business units,
 * and who they are.
 *
 * @internal
 */
export function UsageCard(props: UsageCardProps) {
  const { usage } = props;
  const classes = useStyles();
  const rows: ConsumerRow[] = usage.consumers.map(consumer => ({
    ...consumer,
    id: consumer.entityRef,
    relationText: describeRelations(consumer),
  }));
  const paged = rows.length > 10;

  return (
    <InfoCard
      title="Who uses this project?"
      subheader="Usage: entities that depend on it or consume an API it provides"
      variant="gridItem"
    >
      <Box display="flex" alignItems="baseline" flexWrap="wrap" gridGap={16}>
        <Box display="flex" alignItems="baseline" gridGap={8}>
          <Typography
            variant="h2"
            component="span"
            className={classes.count}
            data-testid="usage-count"
          >
            {usage.count}
          </Typography>
          <Typography variant="h6" component="span">
            {usage.count === 1 ? 'consumer' : 'consumers'}
          </Typography>
        </Box>
        <Typography variant="body1" color="textSecondary">
          from {pluralize(usage.businessUnitCount, 'business unit')}
          {usage.unknownBusinessUnitCount > 0 &&
            ` (${usage.unknownBusinessUnitCount} with an unknown business unit)`}
        </Typography>
      </Box>

      {usage.count === 0 ? (
        <Typography className={classes.section} color="textSecondary">
          No other entity in the catalog depends on this one, consumes its APIs
          or uses its package yet.
        </Typography>
      ) : (
        <>
          {usage.businessUnits.length > 0 && (
            <Box className={classes.section}>
              <Typography variant="subtitle2" component="h3">
                Business units
              </Typography>
              <List dense aria-label="Business units">
                {usage.businessUnits.map(unit => (
                  <ListItem key={unit.entityRef}>
                    <ListItemText
                      primary={
                        <EntityRefLink
                          entityRef={unit.entityRef}
                          defaultKind="Group"
                        >
                          {unit.title}
                        </EntityRefLink>
                      }
                    />
                    <ListItemSecondaryAction>
                      <Chip
                        size="small"
                        label={pluralize(unit.consumerCount, 'consumer')}
                      />
                    </ListItemSecondaryAction>
                  </ListItem>
                ))}
              </List>
            </Box>
          )}
          <Box className={classes.section}>
            <Table<ConsumerRow>
              title="Consumers"
              columns={columns}
              data={rows}
              options={{
                paging: paged,
                pageSize: 10,
                search: paged,
                padding: 'dense',
                draggable: false,
              }}
            />
          </Box>
        </>
      )}
    </InfoCard>
  );
}
