/**
 * The worker thread of pieceToParquetInWorker (parquet.ts): makes the Parquet file of each piece it
 * is sent, with the function the main thread would use, and sends its bytes back (moved, not copied).
 */
import { parentPort } from 'node:worker_threads';
import { TABLES } from '../../schemas/index.ts';
import { pieceToParquet, type ParquetPiece } from './parquet.ts';

parentPort!.on('message', ({ id, piece }: { id: number; piece: ParquetPiece }) => {
  try {
    const def = TABLES.find((t) => t.name === piece.table);
    if (!def) throw new Error(`No table ${piece.table} for a Parquet piece.`);
    const bytes = pieceToParquet(def, piece);
    parentPort!.postMessage({ id, bytes }, [bytes.buffer as ArrayBuffer]);
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) });
  }
});
