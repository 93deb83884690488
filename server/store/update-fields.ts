// Builds $set/$unset from a record of fields: mongoose drops undefined values from updates, so an optional field that went away must be unset explicitly.

export interface SetAndUnset {
  $set: Record<string, unknown>;
  $unset?: Record<string, ''>;
}

export function setAndUnset(fields: Record<string, unknown>): SetAndUnset {
  const $set: Record<string, unknown> = {};
  const $unset: Record<string, ''> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) $unset[key] = '';
    else $set[key] = value;
  }
  return Object.keys($unset).length ? { $set, $unset } : { $set };
}
