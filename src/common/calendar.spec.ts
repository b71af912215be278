import { Calendar, isCalendarDate } from './calendar';

describe('Calendar', () => {
  test('dates are days in Pakistan (the configured default), not in UTC', () => {
    const calendar = new Calendar('Asia/Karachi');
    // 30 June 2026, 20:30 UTC is already 1 July in Pakistan (UTC+5): a new financial year.
    expect(calendar.dateOf(new Date('2026-06-30T20:30:00Z'))).toBe('2026-07-01');
    expect(calendar.dateOf(new Date('2026-06-30T18:59:59Z'))).toBe('2026-06-30');
    expect(new Calendar('UTC').dateOf(new Date('2026-06-30T20:30:00Z'))).toBe('2026-06-30');
    expect(calendar.today()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  test('only real days are calendar dates', () => {
    for (const good of ['2026-02-28', '2024-02-29', '2025-12-31']) expect(isCalendarDate(good)).toBe(true);
    for (const bad of [
      '2026-02-30',
      '2025-02-29',
      '2025-13-01',
      '2025-00-10',
      '2025-04-31',
      '2025-4-1',
      '20250401',
      42,
      null,
    ])
      expect(isCalendarDate(bad)).toBe(false);
  });
});
