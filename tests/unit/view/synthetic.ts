import type { ObservationRow } from '../../../src/schemas/index.ts';

/**
 * A SYNTHETIC figure of a commune, for view tests over the valid fixture (its source is the fixture's
 * article, its note says SYNTHETIC); `more` replaces any column.
 */
export const communeFigure = (
  code: string,
  indicator_id: string,
  period: string,
  value: number | null,
  more: Partial<ObservationRow> = {},
): ObservationRow =>
  ({
    indicator_id,
    area_level: 'commune',
    area_code: code,
    period,
    value,
    source_id: 'fixture-article',
    published_on: '2025-10-21',
    method: 'as_published',
    note: 'SYNTHETIC',
    ...more,
  }) as ObservationRow;
