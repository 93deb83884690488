// Removes or pseudonymises one person's id at a dotted path of a stored document (arrays walked on the way), so other
// people's records that name them (a coach, an assessor, a group member) stay whole without them.
import type { ReferenceAction } from '../data/personal-data-registry';

interface Walked {
  value: unknown;
  /** The enclosing array element should go (pull). */
  remove: boolean;
  changed: boolean;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function leaf(value: unknown, action: ReferenceAction, sub: string, pseudonym: string): Walked {
  if (action === 'actor') {
    if (isObject(value) && value.id === sub) return { value: { id: pseudonym, ...(typeof value.role === 'string' ? { role: value.role } : {}) }, remove: false, changed: true };
    return { value, remove: false, changed: false };
  }
  if (value !== sub) return { value, remove: false, changed: false };
  return action === 'pull' ? { value, remove: true, changed: true } : { value: pseudonym, remove: false, changed: true };
}

function walk(node: unknown, segments: string[], action: ReferenceAction, sub: string, pseudonym: string): Walked {
  if (Array.isArray(node)) {
    let changed = false;
    const kept: unknown[] = [];
    for (const element of node) {
      const walked = segments.length === 0 ? leaf(element, action, sub, pseudonym) : walk(element, segments, action, sub, pseudonym);
      changed ||= walked.changed;
      if (!walked.remove) kept.push(walked.value);
    }
    return { value: kept, remove: false, changed };
  }
  if (segments.length === 0) return leaf(node, action, sub, pseudonym);
  if (!isObject(node)) return { value: node, remove: false, changed: false };
  const [key, ...rest] = segments as [string, ...string[]];
  if (!(key in node)) return { value: node, remove: false, changed: false };
  const walked = walk(node[key], rest, action, sub, pseudonym);
  if (!walked.changed) return { value: node, remove: false, changed: false };
  if (walked.remove) return { value: node, remove: true, changed: true };
  return { value: { ...node, [key]: walked.value }, remove: false, changed: true };
}

/** The document with the person taken out at `path`, or undefined when it did not name them there. */
export function scrubReference<T extends Record<string, unknown>>(doc: T, props: { path: string; action: ReferenceAction; sub: string; pseudonym: string }): T | undefined {
  const walked = walk(doc, props.path.split('.'), props.action, props.sub, props.pseudonym);
  return walked.changed && !walked.remove ? (walked.value as T) : undefined;
}
