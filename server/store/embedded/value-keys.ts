// Canonical string keys for BSON values, so values MongoDB treats as equal (1, 1.0, Long 1) share one hash-map slot.
import { Binary, Decimal128, Double, Int32, Long, ObjectId, Timestamp } from 'bson';

/** A string equal for two values exactly when MongoDB's index would consider them equal. */
export function valueKey(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (typeof value === 'number') return `n:${Object.is(value, -0) ? 0 : value}`;
  if (typeof value === 'bigint') return `n:${value.toString()}`;
  if (typeof value === 'string') return `s:${JSON.stringify(value)}`;
  if (typeof value === 'boolean') return value ? 'b:1' : 'b:0';
  if (value instanceof Date) return `d:${value.getTime()}`;
  if (value instanceof ObjectId) return `o:${value.toHexString()}`;
  if (value instanceof Long) return `n:${value.toString()}`;
  if (value instanceof Int32 || value instanceof Double) return valueKey(value.valueOf());
  if (value instanceof Decimal128) return `n:${Number(value.toString())}`;
  if (value instanceof Timestamp) return `t:${value.toString()}`;
  if (value instanceof Binary) return `x:${value.sub_type}:${Buffer.from(value.buffer).toString('base64')}`;
  if (value instanceof RegExp) return `r:${value.source}/${value.flags}`;
  if (Array.isArray(value)) return `[${value.map(valueKey).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => `${JSON.stringify(k)}:${valueKey(v)}`);
    return `{${entries.join(',')}}`;
  }
  return `?:${String(value)}`;
}

/** Renders a value the way mongod prints it in an E11000 message: `"a@b.c"`, `ObjectId('…')`, `new Date(…)`. */
export function formatValue(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (value instanceof ObjectId) return `ObjectId('${value.toHexString()}')`;
  if (value instanceof Date) return `new Date(${value.getTime()})`;
  if (Array.isArray(value)) return `[ ${value.map(formatValue).join(', ')} ]`;
  if (value instanceof Long || value instanceof Int32 || value instanceof Double || value instanceof Decimal128) {
    return value.toString();
  }
  if (value instanceof Binary) return `BinData(${value.sub_type}, ${Buffer.from(value.buffer).toString('hex')})`;
  if (typeof value === 'object' && !(value instanceof RegExp)) {
    return formatKeyObject(value as Record<string, unknown>);
  }
  return String(value);
}

/** `{ email: "a@b.c", org: 1 }` — the dup key part of an E11000 message. */
export function formatKeyObject(object: Record<string, unknown>): string {
  const parts = Object.entries(object).map(([k, v]) => `${k}: ${formatValue(v)}`);
  return parts.length ? `{ ${parts.join(', ')} }` : '{}';
}
