// The course's audit trail for the exam board: JSON as stored, or CSV (one row per entry, before/after as JSON text).
import type { AuditEntry } from '../data/audit-repository';

const COLUMNS = ['at', 'kind', 'actorId', 'actorRole', 'studentId', 'outcomeId', 'attemptId', 'resourceLinkId', 'before', 'after', 'comment'] as const;

/** Quotes a field when it holds a separator, quote or line break (RFC 4180). */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function auditTrailCsv(entries: AuditEntry[]): string {
  const rows = entries.map((e) =>
    [e.at.toISOString(), e.kind, e.actor.id, e.actor.role, e.studentId, e.outcomeId ?? '', e.attemptId ?? '', e.resourceLinkId ?? '', e.before ? JSON.stringify(e.before) : '', JSON.stringify(e.after), e.comment ?? '']
      .map(csvField)
      .join(','),
  );
  return [COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}
