type Node<T> = { next: WeakMap<object, Node<T>>; values: Map<string, T> };

/**
 * Remembers a result per identity of its input arrays (plus a small string key). Price series are
 * replaced, not mutated, when data refreshes, so a new array simply misses; entries go away with
 * their arrays.
 */
export function createInputMemo<T>() {
  const root: Node<T> = { next: new WeakMap(), values: new Map() };
  return (inputs: readonly object[], key: string, compute: () => T): T => {
    let node = root;
    for (const input of inputs) {
      let child = node.next.get(input);
      if (!child) {
        child = { next: new WeakMap(), values: new Map() };
        node.next.set(input, child);
      }
      node = child;
    }
    let value = node.values.get(key);
    if (value === undefined) {
      value = compute();
      node.values.set(key, value);
    }
    return value;
  };
}
