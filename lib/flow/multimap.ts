// Appends to a list kept in a Map, creating it on first use (linear, unlike copying the list each time).
export function pushTo<Key, Value>(map: Map<Key, Value[]>, key: Key, value: Value): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
