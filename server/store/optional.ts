// Spreads an optional field only when it has a value, so mapped objects carry no `key: undefined` (nor a stored null).

export function optional<K extends string, V>(key: K, value: V | null | undefined): Partial<Record<K, V>> {
  return value === undefined || value === null ? {} : ({ [key]: value } as Partial<Record<K, V>>);
}
