/** The model of the published data/ (real data), built once for the view-model tests. */
import { join } from 'node:path';
import { validateDataset } from '../../../src/lib/data/validate-dataset.ts';
import { buildModel, type Model } from '../../../src/lib/model/index.ts';

let model: Model | undefined;

export function realModel(): Model {
  if (!model) {
    const data = validateDataset(join(import.meta.dirname, '../../../data'));
    model = buildModel(data.tables, data.meta!);
  }
  return model;
}

export function fixtureModel(name: 'valid'): Model {
  const data = validateDataset(join(import.meta.dirname, '../../fixtures', name));
  return buildModel(data.tables, data.meta!);
}
