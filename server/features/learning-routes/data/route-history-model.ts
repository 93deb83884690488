// A route's history, one document per entry in a collection of its own: it only grows (a busy student adds thousands
// of entries in a course), so it stays out of the route, which every save, page and class overview reads.
import { Schema, type Connection, type Model } from 'mongoose';
import type { RouteHistoryEntry } from '../../../domain/route-history';

export interface RouteHistoryDocument extends RouteHistoryEntry {
  /** `${routeId}/${version}/${seq}`: the same entry written twice (a retried move of an old route) lands on one document. */
  _id: string;
  routeId: string;
  /** The entry's place among those of the same version (one change can record several). */
  seq: number;
}

const routeHistorySchema = new Schema<RouteHistoryDocument>(
  {
    _id: { type: String, required: true },
    routeId: { type: String, required: true },
    seq: { type: Number, required: true, min: 0 },
    at: { type: Date, required: true },
    actorId: { type: String, required: true },
    actorRole: { type: String, enum: ['student', 'teacher', 'coach'], required: true },
    version: { type: Number, required: true },
    // A union of many small shapes that the domain defines and checks; the store keeps it as written.
    change: { type: Schema.Types.Mixed, required: true },
  },
  { collection: 'route_history', versionKey: false },
);

// A route's entries in the order they happened.
routeHistorySchema.index({ routeId: 1, version: 1, seq: 1 }, { name: 'route_version_seq' });

export function routeHistoryModel(connection: Connection): Model<RouteHistoryDocument> {
  return (
    (connection.models.RouteHistory as Model<RouteHistoryDocument> | undefined) ??
    connection.model<RouteHistoryDocument>('RouteHistory', routeHistorySchema)
  );
}

export function historyDocuments(routeId: string, entries: RouteHistoryEntry[]): RouteHistoryDocument[] {
  const seqOf = new Map<number, number>();
  return entries.map((entry) => {
    const seq = seqOf.get(entry.version) ?? 0;
    seqOf.set(entry.version, seq + 1);
    return { _id: `${routeId}/${entry.version}/${seq}`, routeId, seq, at: entry.at, actorId: entry.actorId, actorRole: entry.actorRole, version: entry.version, change: entry.change };
  });
}
