import { validateDataset } from '../../src/lib/data/validate-dataset.ts';
const t = performance.now();
const d = validateDataset(process.argv[2]!); console.log('validateDataset', Math.round(performance.now() - t), d.valid, d.issues.length);
