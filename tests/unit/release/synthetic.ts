/** SYNTHETIC observations for the tests of the large-table downloads (never published). */
export const HEADER = 'indicator_id,area_level,area_code,period,value,source_id,published_on,method,note,as_of,rank_of,quote';

/** SYNTHETIC observations: `indicators` × (34 provinces + `communes` communes) × `months`, ~2 % rows left out, some empty values. */
export function syntheticObservations(indicators: number, communes: number, months: number): string {
  const lines = [HEADER];
  let n = 0;
  for (let i = 0; i < indicators; i++)
    for (const [level, count, width] of [
      ['province', 34, 2],
      ['commune', communes, 5],
    ] as const)
      for (let a = 1; a <= count; a++)
        for (let m = 0; m < months; m++) {
          n++;
          if (n % 50 === 7) continue; // a gap: the row is missing
          const value = n % 31 === 0 ? '' : ((n * 7919) % 10000) / 100;
          const period = `${2020 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
          const note = n % 97 === 0 ? '"SYNTHETIC, with a comma and ""quotes"""' : 'SYNTHETIC';
          lines.push(
            `synthetic-${i},${level},${String(a).padStart(width, '0')},${period},${value},https://example.org/synthetic/${n % 1200},2026-01-15,as_published,${note},,,`,
          );
        }
  return `${lines.join('\n')}\n`;
}
