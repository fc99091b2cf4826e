import { ProjectListItem } from '@innersource-backstage/plugin-innersource-common';

/** Quotes a CSV field when it needs it (RFC 4180), and defuses spreadsheet formulas. */
export function csvField(value: unknown): string {
  if (value === undefined || value === null) return '';
  let text = String(value);
  // a leading =, +, - or @ would be run as a formula by spreadsheet programs
  if (/^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const COLUMNS: Array<[string, (item: ProjectListItem) => unknown]> = [
  ['entityRef', i => i.entity.entityRef],
  ['name', i => i.entity.name],
  ['title', i => i.entity.title],
  ['kind', i => i.entity.kind],
  ['type', i => i.entity.type],
  ['lifecycle', i => i.entity.lifecycle],
  ['owner', i => i.entity.ownerRef],
  ['businessUnit', i => i.entity.businessUnitRef],
  ['language', i => i.entity.language],
  ['tags', i => i.entity.tags.join(' ')],
  ['description', i => i.entity.description],
  ['usageCount', i => i.usageCount],
  ['businessUnitCount', i => i.businessUnitCount],
  ['readinessScore', i => i.lintScore],
  ['readinessLevel', i => i.readinessLevel],
  ['activityScore', i => i.activityScore],
  ['activityLevel', i => i.activityLevel],
  [
    'innerSourceRatio365d',
    i =>
      typeof i.innerSourceRatio === 'number'
        ? i.innerSourceRatio.toFixed(3)
        : '',
  ],
  ['lastActivityAt', i => i.lastActivityAt],
  ['stars', i => i.stars],
  ['goodFirstIssues', i => i.goodFirstIssueCount],
  ['acceptingContributions', i => i.entity.acceptingContributions],
  ['computedAt', i => i.computedAt],
];

/** The listing as CSV, one row per project, with a header row. */
export function projectsCsv(items: ProjectListItem[]): string {
  const lines = [COLUMNS.map(([name]) => name).join(',')];
  for (const item of items) {
    lines.push(COLUMNS.map(([, get]) => csvField(get(item))).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
