/** The model of the published data/ (real data), built once for the view-model tests. */
import { join } from 'node:path';
import { validateDataset } from '../../../src/lib/data/validate-dataset.ts';
import { buildModel, type Model } from '../../../src/lib/model/index.ts';

let model: Model | undefined;

export function realModel(): Model {
  if (!model) {
    const dir = join(import.meta.dirname, '../../../data');
    const data = validateDataset(dir);
    model = buildModel(data.tables, data.meta!, dir);
  }
  return model;
}

/** SYNTHETIC: the model of `model`'s tables without the national observations of one indicator (a data gap, for tests). */
export function withoutNational(model: Model, indicatorId: string): Model {
  const observations = [...model.tables.observations].filter((o) => !(o.indicator_id === indicatorId && o.area_level === 'national'));
  return buildModel({ ...model.tables, observations }, model.meta, model.dataDir);
}

export function fixtureModel(name: 'valid'): Model {
  const dir = join(import.meta.dirname, '../../fixtures', name);
  const data = validateDataset(dir);
  return buildModel(data.tables, data.meta!, dir);
}
