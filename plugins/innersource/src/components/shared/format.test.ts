import { formatDuration, formatRelativeTime, pluralize } from './format';

describe('pluralize', () => {
  it('uses the singular for one and the plural otherwise', () => {
    expect(pluralize(1, 'project')).toBe('1 project');
    expect(pluralize(0, 'project')).toBe('0 projects');
    expect(pluralize(2, 'business unit')).toBe('2 business units');
  });
});

describe('formatRelativeTime', () => {
  const now = new Date('2025-06-02T12:00:00.000Z');

  it('describes past times in the largest whole unit', () => {
    expect(formatRelativeTime('2025-06-02T09:00:00.000Z', now)).toBe(
      '3 hours ago',
    );
    expect(formatRelativeTime('2025-06-01T12:00:00.000Z', now)).toBe(
      'yesterday',
    );
    expect(formatRelativeTime('2025-06-02T11:59:30.000Z', now)).toBe(
      'just now',
    );
  });

  it('returns the input when it is not a date', () => {
    expect(formatRelativeTime('not a date', now)).toBe('not a date');
  });
});

describe('formatDuration', () => {
  it('uses minutes under an hour, hours up to two days and days beyond', () => {
    expect(formatDuration(0.25)).toBe('15 minutes');
    expect(formatDuration(0.001)).toBe('1 minute');
    expect(formatDuration(1)).toBe('1 hour');
    expect(formatDuration(5.4)).toBe('5 hours');
    expect(formatDuration(47)).toBe('47 hours');
    expect(formatDuration(48)).toBe('2 days');
    expect(formatDuration(60)).toBe('2.5 days');
    expect(formatDuration(24 * 12.4)).toBe('12 days');
  });

  it('shows a dash without a duration', () => {
    expect(formatDuration(null)).toBe('–');
    expect(formatDuration(undefined)).toBe('–');
    expect(formatDuration(Number.NaN)).toBe('–');
  });
});
