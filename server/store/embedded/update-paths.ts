// Checks an operator update against the document before mingo applies it, where mingo would silently do
// nothing: $push/$addToSet on a non-array (BadValue 2), $inc/$mul on a non-number (TypeMismatch 14), a path
// through a scalar (PathNotViable 28). Also resolves the positional `$` to an index, so two fields through
// the same `$` (mongoose's child timestamps) are two paths, not one conflict.
// Codes and wording follow mongod's update nodes (src/mongo/db/update/push_node.cpp, add_to_set_node.cpp,
// arithmetic_node.cpp, modifier_node.cpp).
import { CommandError } from './errors';
import { isPlainObject, setAtPath, valueAtPath, type Document } from './documents';

/** Operators that create the path they name when it is missing. */
const CREATING = new Set(['$set', '$setOnInsert', '$inc', '$mul', '$push', '$addToSet', '$min', '$max', '$currentDate']);

/** Throws MongoDB's error when an operator cannot apply to what `doc` holds at its path. */
export function checkUpdateTargets(doc: Document, operators: Document): void {
  for (const [operator, fields] of Object.entries(operators)) {
    if (!isPlainObject(fields)) continue;
    for (const [path, argument] of Object.entries(fields)) {
      // Array-wide and filtered positions ($[], $[id]) are checked per element by mingo, not here.
      if (path.split('.').some((part) => part.startsWith('$'))) continue;
      checkArgument(operator, path, argument);
      const target = walk(doc, path, CREATING.has(operator));
      if (target.found) checkTarget(operator, path, target.value, doc);
    }
  }
}

function checkArgument(operator: string, path: string, argument: unknown): void {
  if ((operator === '$inc' || operator === '$mul') && !isNumeric(argument)) {
    const verb = operator === '$inc' ? 'increment' : 'multiply';
    throw new CommandError('TypeMismatch', `Cannot ${verb} with non-numeric argument: {${path}: ${describe(argument)}}`);
  }
}

/** Follows a dotted path; a creating operator may not pass through a value that cannot hold fields. */
function walk(doc: Document, path: string, creating: boolean): { found: boolean; value?: unknown } {
  const parts = path.split('.');
  let current: unknown = doc;
  for (const [at, part] of parts.entries()) {
    if (Array.isArray(current) && /^\d+$/.test(part)) {
      if (Number(part) >= current.length) return { found: false };
      current = current[Number(part)];
    } else if (isPlainObject(current)) {
      if (!(part in current)) return { found: false };
      current = current[part];
    } else {
      if (!creating) return { found: false };
      const parent = parts.slice(0, at).join('.');
      throw new CommandError('PathNotViable', `Cannot create field '${part}' in element {${parts[at - 1] ?? parent}: ${describe(current)}}`);
    }
  }
  return { found: true, value: current };
}

function checkTarget(operator: string, path: string, value: unknown, doc: Document): void {
  const field = path.split('.').pop() as string;
  const id = `{_id: ${describe(doc._id)}}`;
  switch (operator) {
    case '$push':
      if (!Array.isArray(value)) throw new CommandError('BadValue', `The field '${path}' must be an array but is of type ${typeName(value)} in document ${id}`);
      return;
    case '$addToSet':
      if (!Array.isArray(value)) throw new CommandError('BadValue', `Cannot apply $addToSet to non-array field. Field named '${field}' has non-array type ${typeName(value)}`);
      return;
    case '$pull':
    case '$pullAll':
      if (!Array.isArray(value)) throw new CommandError('BadValue', `Cannot apply ${operator} to a non-array value`);
      return;
    case '$pop':
      if (!Array.isArray(value)) throw new CommandError('TypeMismatch', `Path '${path}' contains an element of non-array type '${typeName(value)}'`);
      return;
    case '$inc':
    case '$mul':
      if (!isNumeric(value)) {
        throw new CommandError('TypeMismatch', `Cannot apply ${operator} to a value of non-numeric type. ${id} has the field '${field}' of non-numeric type ${typeName(value)}`);
      }
      return;
  }
}

/**
 * Rewrites `a.$.b` to `a.<i>.b`, where i is the first element of array `a` that satisfies every condition the
 * query puts on `a` (what mongod's positional operator means). Left alone when no element matches, so mingo
 * reports the missing match as before.
 */
export function resolvePositional(doc: Document, operators: Document, query: Document | undefined, compile: (filter: Document) => (doc: Document) => boolean): Document {
  if (!query) return operators;
  const resolved: Document = {};
  for (const [operator, fields] of Object.entries(operators)) {
    if (!isPlainObject(fields)) {
      resolved[operator] = fields;
      continue;
    }
    const rewritten: Document = {};
    for (const [path, argument] of Object.entries(fields)) {
      const parts = path.split('.');
      const at = parts.indexOf('$');
      const index = at > 0 ? positionOf(doc, parts.slice(0, at).join('.'), query, compile) : undefined;
      if (index !== undefined) parts[at] = String(index);
      rewritten[parts.join('.')] = argument;
    }
    resolved[operator] = rewritten;
  }
  return resolved;
}

function positionOf(doc: Document, arrayPath: string, query: Document, compile: (filter: Document) => (doc: Document) => boolean): number | undefined {
  const array = valueAtPath(doc, arrayPath);
  if (!Array.isArray(array)) return undefined;
  const conditions = Object.entries(query).filter(([key]) => key === arrayPath || key.startsWith(`${arrayPath}.`));
  if (conditions.length === 0) return undefined;
  const matches = compile(Object.fromEntries(conditions));
  const index = array.findIndex((element) => {
    const probe: Document = {};
    setAtPath(probe, arrayPath, [element]);
    return matches(probe);
  });
  return index >= 0 ? index : undefined;
}

function isNumeric(value: unknown): boolean {
  if (typeof value === 'number' || typeof value === 'bigint') return true;
  const type = bsonType(value);
  return type === 'Long' || type === 'Double' || type === 'Int32' || type === 'Decimal128';
}

function bsonType(value: unknown): string | undefined {
  return typeof value === 'object' && value !== null && '_bsontype' in value ? String((value as { _bsontype: unknown })._bsontype) : undefined;
}

/** mongod's type names, as its error messages use them. */
function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'missing';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'double';
  if (Array.isArray(value)) return 'array';
  if (value instanceof Date) return 'date';
  if (value instanceof RegExp) return 'regex';
  const type = bsonType(value);
  if (type) return ({ ObjectId: 'objectId', Binary: 'binData', Long: 'long', Decimal128: 'decimal', Timestamp: 'timestamp' } as Record<string, string>)[type] ?? type;
  return 'object';
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value instanceof Date) return `new Date(${value.getTime()})`;
  if (bsonType(value) === 'ObjectId') return `ObjectId('${String(value)}')`;
  try {
    const text = JSON.stringify(value) ?? String(value);
    return text.length > 200 ? `${text.slice(0, 200)}…` : text;
  } catch {
    return String(value);
  }
}
