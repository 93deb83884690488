// AGS line items: the container (list with filters and paging, create) and single items (read, replace, delete).
import { randomUUID } from 'node:crypto';
import express, { type Request } from 'express';
import { lineItemBodySchema, type LineItemBody } from './ags-schema';
import { requireToken } from './bearer';
import { MediaType, Scope } from '../lti/claims';
import type { LmsContext } from './context';
import { LmsError } from './errors';
import { withQuery } from './id-token';
import { paginate, plainQuery } from './paging';
import type { LineItem } from './state';

const READ_SCOPES = [Scope.lineItem, Scope.lineItemReadOnly];
const WRITE_SCOPES = [Scope.lineItem];

/** The JSON media types the AGS endpoints parse (tools must send the vendor types; plain JSON is parsed to report 415). */
export const agsJson = express.json({
  type: ['application/json', MediaType.lineItem, MediaType.score],
  limit: '100kb',
});

export function lineItemsRouter(ctx: LmsContext): express.Router {
  const router = express.Router();

  router.get('/ags/:contextId/lineitems', (req, res) => {
    const token = requireToken(ctx, req, READ_SCOPES);
    checkContext(ctx, req);
    const query = plainQuery(req.query);
    const items = [...ctx.state.lineItems.values()].filter(
      (item) =>
        item.clientId === token.clientId &&
        (query.resource_link_id === undefined || item.resourceLinkId === query.resource_link_id) &&
        (query.resource_id === undefined || item.resourceId === query.resource_id) &&
        (query.tag === undefined || item.tag === query.tag),
    );
    const page = paginate(items, query, ctx.urls.lineItems(ctx.course.id));
    if (page.link) res.set('Link', page.link);
    res.type(MediaType.lineItemContainer).send(JSON.stringify(page.items.map((item) => lineItemJson(ctx, item))));
  });

  router.post('/ags/:contextId/lineitems', agsJson, (req, res) => {
    const token = requireToken(ctx, req, WRITE_SCOPES);
    checkContext(ctx, req);
    const body = parseLineItem(ctx, req, token.clientId);
    const item: LineItem = { ...fromBody(body), id: randomUUID(), contextId: ctx.course.id, clientId: token.clientId };
    ctx.state.lineItems.set(item.id, item);
    const json = lineItemJson(ctx, item);
    res.status(201).location(json.id).type(MediaType.lineItem).send(JSON.stringify(json));
  });

  router.get('/ags/:contextId/lineitems/:lineItemId', (req, res) => {
    const token = requireToken(ctx, req, READ_SCOPES);
    const item = findLineItem(ctx, req, token.clientId);
    res.type(MediaType.lineItem).send(JSON.stringify(lineItemJson(ctx, item)));
  });

  router.put('/ags/:contextId/lineitems/:lineItemId', agsJson, (req, res) => {
    const token = requireToken(ctx, req, WRITE_SCOPES);
    const item = findLineItem(ctx, req, token.clientId);
    const body = parseLineItem(ctx, req, token.clientId);
    // The resource link a line item belongs to is fixed once set (as in Canvas and Moodle).
    if (item.resourceLinkId && body.resourceLinkId && body.resourceLinkId !== item.resourceLinkId) {
      throw new LmsError(400, 'invalid_request', 'resourceLinkId cannot change');
    }
    const updated: LineItem = { ...item, ...fromBody(body), resourceLinkId: body.resourceLinkId ?? item.resourceLinkId };
    ctx.state.lineItems.set(item.id, updated);
    res.type(MediaType.lineItem).send(JSON.stringify(lineItemJson(ctx, updated)));
  });

  router.delete('/ags/:contextId/lineitems/:lineItemId', (req, res) => {
    const token = requireToken(ctx, req, WRITE_SCOPES);
    const item = findLineItem(ctx, req, token.clientId);
    ctx.state.lineItems.delete(item.id);
    for (const [key, result] of ctx.state.results) if (result.lineItemId === item.id) ctx.state.results.delete(key);
    res.status(204).end();
  });

  return router;
}

export function lineItemJson(ctx: LmsContext, item: LineItem): { id: string } & Record<string, unknown> {
  return {
    id: withQuery(ctx, ctx.urls.lineItem(item.contextId, item.id)),
    scoreMaximum: item.scoreMaximum,
    label: item.label,
    resourceLinkId: item.resourceLinkId,
    resourceId: item.resourceId,
    tag: item.tag,
    startDateTime: item.startDateTime,
    endDateTime: item.endDateTime,
    gradesReleased: item.gradesReleased,
  };
}

export function checkContext(ctx: LmsContext, req: Request): void {
  if (req.params.contextId !== ctx.course.id) throw new LmsError(404, 'not_found', 'no such context');
  // Moodle's service URLs only work with their type_id; a tool that drops the query string gets an error.
  for (const [key, value] of Object.entries(ctx.profile().lineItemQuery)) {
    if (plainQuery(req.query)[key] !== value) throw new LmsError(400, 'invalid_request', `missing or wrong ${key} query parameter`);
  }
}

/** The caller's own line item named in the path; another tool's items do not exist for it. */
export function findLineItem(ctx: LmsContext, req: Request, clientId: string): LineItem {
  checkContext(ctx, req);
  const item = ctx.state.lineItems.get(String(req.params.lineItemId));
  if (!item || item.clientId !== clientId) throw new LmsError(404, 'not_found', 'no such line item');
  return item;
}

function parseLineItem(ctx: LmsContext, req: Request, clientId: string): LineItemBody {
  if (!req.is(MediaType.lineItem)) throw new LmsError(415, 'unsupported_media_type', `Content-Type must be ${MediaType.lineItem}`);
  const body = lineItemBodySchema.parse(req.body);
  if (body.resourceLinkId) {
    const placement = ctx.state.placements.get(body.resourceLinkId);
    if (!placement || placement.clientId !== clientId) throw new LmsError(400, 'invalid_request', 'resourceLinkId: no such resource link for this tool');
  }
  return body;
}

function fromBody(body: LineItemBody): Omit<LineItem, 'id' | 'contextId' | 'clientId'> {
  return {
    label: body.label,
    scoreMaximum: body.scoreMaximum,
    resourceLinkId: body.resourceLinkId,
    resourceId: body.resourceId,
    tag: body.tag,
    startDateTime: body.startDateTime,
    endDateTime: body.endDateTime,
    gradesReleased: body.gradesReleased,
  };
}
