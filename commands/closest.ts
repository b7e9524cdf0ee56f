function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

/** The allowed values nearest to what was typed, for "did you mean". */
export function closest(value: string, allowed: readonly string[], max = 3): string[] {
  const v = value.toLowerCase();
  return allowed
    .map((a) => ({ a, d: editDistance(v, a.toLowerCase()) - (a.toLowerCase().startsWith(v.slice(0, 2)) ? 0.5 : 0) }))
    .filter(({ a, d }) => d <= Math.max(2, Math.ceil(a.length / 2)))
    .sort((x, y) => x.d - y.d)
    .slice(0, max)
    .map(({ a }) => a);
}
