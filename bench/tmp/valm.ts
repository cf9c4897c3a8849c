import { validateDataset } from '../../src/lib/data/validate-dataset.ts';
import { readDataset } from '../../src/lib/data/read-dataset.ts';
import { validateRelations } from '../../src/lib/data/validate-relations.ts';
const dir = process.argv[2]!;
let t = performance.now();
const raw = readDataset(dir); console.log('read', Math.round(performance.now() - t)); t = performance.now();
const rel = validateRelations(raw); console.log('relations', Math.round(performance.now() - t), rel.length); t = performance.now();
const d = validateDataset(dir); console.log('validateDataset (2nd, warm)', Math.round(performance.now() - t), d.valid, d.issues.length);
