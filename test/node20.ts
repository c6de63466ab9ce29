/**
 * Vitest 5 declares Node ≥ 22 and uses Map.groupBy (Node 21) when it reports a
 * failure. This project also runs on Node 20: give it that one method, in the
 * process that loads the Vitest config (where the reporter runs).
 */
const map = Map as unknown as { groupBy?: unknown };
if (typeof map.groupBy !== 'function') {
  map.groupBy = <K, V>(items: Iterable<V>, key: (item: V, index: number) => K): Map<K, V[]> => {
    const groups = new Map<K, V[]>();
    let i = 0;
    for (const item of items) {
      const k = key(item, i++);
      const group = groups.get(k);
      if (group) group.push(item);
      else groups.set(k, [item]);
    }
    return groups;
  };
}
