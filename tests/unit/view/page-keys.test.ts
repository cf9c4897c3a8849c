/**
 * The keys of Astro's incremental build (src/lib/view/page-keys.ts): a page whose key is unchanged is
 * copied from the previous build, so whatever the page shows must be in its key. Checked over SYNTHETIC
 * observations added to the valid fixture: every change that changes a commune's page or citations
 * files changes its key, and a change elsewhere leaves it alone (its page is then copied, not rendered).
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateDataset } from '../../../src/lib/data/validate-dataset.ts';
import { buildModel, type Model } from '../../../src/lib/model/index.ts';
import { citationFile } from '../../../src/lib/view/citations.ts';
import { communePage } from '../../../src/lib/view/commune.ts';
import { communeKey, dataKey } from '../../../src/lib/view/page-keys.ts';
import type { ObservationRow } from '../../../src/schemas/index.ts';
import { communeFigure } from './synthetic.ts';

const fixture = join(import.meta.dirname, '../../fixtures/valid');
const data = validateDataset(fixture);
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

// SYNTHETIC figures of ward 00004 (and of 26116, another commune).
const obs = communeFigure;

const base = [
  obs('00004', 'dti', '2023', 0.4),
  obs('00004', 'dti', '2024', 0.5),
  obs('00004', 'online-share', '2024', 61.2),
  obs('26116', 'dti', '2024', 0.3),
];

const modelOf = (observations: ObservationRow[], dir = fixture): Model =>
  buildModel({ ...data.tables, observations: [...data.tables.observations, ...observations] }, data.meta!, dir);

/** All a commune shows: its page and its two citations files, in both languages. */
const shown = (model: Model, code: string) =>
  JSON.stringify(
    (['vi', 'en'] as const).flatMap((lang) => [
      communePage(model, code, lang),
      citationFile(model, 'communes', code, lang, 'https://nq57.example.org/', 'bibtex'),
      citationFile(model, 'communes', code, lang, 'https://nq57.example.org/', 'csl'),
    ]),
  );

describe('communeKey', () => {
  const before = modelOf(base);
  const replace = (i: number, row: ObservationRow) => base.map((o, j) => (j === i ? row : o));
  const changes: [string, ObservationRow[]][] = [
    ['the latest value', replace(1, obs('00004', 'dti', '2024', 0.55))],
    ['the latest value’s source', replace(1, obs('00004', 'dti', '2024', 0.5, { source_id: 'https://example.org/synthetic' }))],
    ['the latest value’s publication date', replace(1, obs('00004', 'dti', '2024', 0.5, { published_on: '2025-11-01' }))],
    ['a newer gap', [...base, obs('00004', 'dti', '2025', null)]],
    ['a newer value', [...base, obs('00004', 'dti', '2025', 0.6)]],
    ['an older period', [...base, obs('00004', 'dti', '2022', 0.3)]],
    ['a figure of another indicator', [...base, obs('00004', 'dti-rank', '2024', 12)]],
    ['a figure removed', base.filter((_, i) => i !== 2)],
  ];

  for (const [what, observations] of changes)
    it(`changes with ${what}, as the page does`, () => {
      const after = modelOf(observations);
      expect(shown(after, '00004')).not.toBe(shown(before, '00004'));
      expect(communeKey(after, '00004')).not.toBe(communeKey(before, '00004'));
    });

  it('stays when what the page shows stays: an older value changed, another commune changed', () => {
    const after = modelOf([...replace(0, obs('00004', 'dti', '2023', 0.45)).slice(0, 3), obs('26116', 'dti', '2024', 0.35)]);
    expect(shown(after, '00004')).toBe(shown(before, '00004'));
    expect(communeKey(after, '00004')).toBe(communeKey(before, '00004'));
    expect(communeKey(after, '26116')).not.toBe(communeKey(before, '26116'));
  });
});

describe('dataKey', () => {
  const copy = () => {
    const dir = mkdtempSync(join(tmpdir(), 'nq57-page-keys-'));
    made.push(dir);
    cpSync(fixture, dir, { recursive: true });
    return dir;
  };
  const keyOf = (dir: string) => dataKey(modelOf([], dir));
  const reference = keyOf(copy());

  it('is the same for another copy of the same folder, and leaves the observations out', () => {
    const dir = copy();
    expect(keyOf(dir)).toBe(reference);
    appendFileSync(join(dir, 'observations.csv'), 'dti,province,79,2024,0.7,fixture-article,2025-10-21,as_published,SYNTHETIC,,,\n');
    expect(keyOf(dir)).toBe(reference);
  });

  it('changes with any other file: a table, the dataset description, a file added', () => {
    for (const change of [
      (dir: string) => appendFileSync(join(dir, 'tasks.csv'), '\n'),
      (dir: string) => appendFileSync(join(dir, 'dataset.json'), ' '),
      (dir: string) => writeFileSync(join(dir, 'README.md'), 'SYNTHETIC'),
    ]) {
      const dir = copy();
      change(dir);
      expect(keyOf(dir)).not.toBe(reference);
    }
  });
});

describe('communeKey and the release of the observations', () => {
  it('changes when the working observations file is no longer the latest release’s copy (the citations name it)', () => {
    const real = join(import.meta.dirname, '../../../data');
    const [published, changed] = [0, 1].map(() => {
      const dir = mkdtempSync(join(tmpdir(), 'nq57-page-keys-'));
      made.push(dir);
      cpSync(real, dir, { recursive: true });
      return dir;
    });
    // The same rows, one byte more in the file: its figures are no longer those of a release.
    appendFileSync(join(changed!, 'observations.csv'), '\n');
    // SYNTHETIC: a figure of ward 00004, in the models only.
    const figure = obs('00004', 'dti', '2024', 0.5, { source_id: 'dti-gov-vn-xep-hang-2024' });
    const model = (dir: string) => {
      const d = validateDataset(dir);
      return buildModel({ ...d.tables, observations: [...d.tables.observations, figure] }, d.meta!, dir);
    };
    const [before, after] = [model(published!), model(changed!)];
    expect(shown(after, '00004')).not.toBe(shown(before, '00004'));
    expect(communeKey(after, '00004')).not.toBe(communeKey(before, '00004'));
  });
});
