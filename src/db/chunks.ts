// Many rows in few statements (PGlite pays per statement): slices of at most ~30,000 parameters each,
// well under the protocol's 65,535, in the given order.
export function parameterChunks<T extends object>(rows: readonly T[]): T[][] {
  const first = rows[0];
  if (first === undefined) return [];
  const size = Math.max(1, Math.floor(30_000 / Math.max(1, Object.keys(first).length)));
  const chunks: T[][] = [];
  for (let i = 0; i < rows.length; i += size) chunks.push(rows.slice(i, i + size));
  return chunks;
}
