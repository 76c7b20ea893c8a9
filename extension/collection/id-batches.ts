/**
 * Reading rows for many ids: `where x in (?, ?, …)` in batches that stay
 * under SQLite's limit on bound parameters (999 in older builds, the figure
 * AnkiConnect batches by too).
 */
export const MAX_BOUND_IDS = 999;

/** Calls `run` for each batch of the distinct ids, with the batch's `?, ?, …` placeholders. */
export function inIdBatches(ids: readonly number[], run: (batch: number[], marks: string) => void): void {
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += MAX_BOUND_IDS) {
    const batch = unique.slice(i, i + MAX_BOUND_IDS);
    run(batch, batch.map(() => '?').join(','));
  }
}
