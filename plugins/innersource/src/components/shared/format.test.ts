import { formatRelativeTime, pluralize } from './format';

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
