/** Rebuilds the launch data of data/ from ../shared/sources and scripts/import/curated, in dependency order, then the later imports and corrections. */
await import('./admin-units.ts');
await import('./curated.ts');
await import('./observations.ts');
await import('./targets.ts');
await import('./tasks.ts');
await import('./boundaries.ts');
await import('./corrections.ts');
await import('./press-figures.ts');
export {};
