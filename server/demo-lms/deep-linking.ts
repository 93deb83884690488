// The deep-linking return endpoint: verifies the tool's LtiDeepLinkingResponse and places the content it chose.
import { randomUUID } from 'node:crypto';
import express from 'express';
import { decodeJwt, jwtVerify, type JWTPayload } from 'jose';
import { z } from 'zod';
import { Claim, LTI_VERSION, MessageType } from '../lti/claims';
import type { LmsContext } from './context';
import { describeZodError, LmsError } from './errors';
import { escapeHtml } from '../html';
import type { DeepLinkResult, RegisteredTool } from './state';

const lineItemSchema = z.object({
  scoreMaximum: z.number().positive(),
  label: z.string().optional(),
  resourceId: z.string().optional(),
  tag: z.string().optional(),
  gradesReleased: z.boolean().optional(),
});

const contentItemSchema = z.looseObject({ type: z.string().min(1) });
const resourceLinkItemSchema = z.looseObject({
  type: z.literal('ltiResourceLink'),
  url: z.url().optional(),
  title: z.string().optional(),
  text: z.string().optional(),
  custom: z.record(z.string(), z.string()).optional(),
  lineItem: lineItemSchema.optional(),
});

const responseClaimsSchema = z.object({
  [Claim.messageType]: z.literal(MessageType.deepLinkingResponse),
  [Claim.version]: z.literal(LTI_VERSION),
  [Claim.deploymentId]: z.string().min(1),
  [Claim.deepLinkingContentItems]: z.array(contentItemSchema).optional(),
  [Claim.deepLinkingData]: z.string().optional(),
  [Claim.deepLinkingMsg]: z.string().optional(),
  [Claim.deepLinkingLog]: z.string().optional(),
  [Claim.deepLinkingErrorMsg]: z.string().optional(),
  [Claim.deepLinkingErrorLog]: z.string().optional(),
  nonce: z.string().min(1),
});

export function deepLinkingRouter(ctx: LmsContext): express.Router {
  const router = express.Router();
  router.post('/deep-linking/return', express.urlencoded({ extended: false }), async (req, res) => {
    const jwt: unknown = req.body?.JWT;
    if (typeof jwt !== 'string' || jwt === '') throw new LmsError(400, 'invalid_request', 'the JWT form field is required');
    const { tool, payload } = await verifyResponse(ctx, jwt);
    const parsed = responseClaimsSchema.safeParse(payload);
    if (!parsed.success) throw new LmsError(400, 'invalid_request', describeZodError(parsed.error));
    const claims = parsed.data;
    if (!tool.deploymentIds.includes(claims[Claim.deploymentId])) throw new LmsError(400, 'invalid_request', 'unknown deployment_id');
    if (ctx.state.usedResponseNonces.has(claims.nonce)) throw new LmsError(400, 'invalid_request', 'nonce has already been used');
    const data = claims[Claim.deepLinkingData];
    const pending = data === undefined ? undefined : ctx.state.pendingDeepLinks.get(data);
    // The tool must echo the data of a deep-linking request this platform sent it.
    if (!pending || pending.clientId !== tool.clientId) throw new LmsError(400, 'invalid_request', 'data does not echo a deep-linking request');
    const result = place(ctx, tool, claims[Claim.deploymentId], claims[Claim.deepLinkingContentItems] ?? []);
    ctx.state.usedResponseNonces.add(claims.nonce);
    ctx.state.pendingDeepLinks.delete(data ?? '');
    const recorded: DeepLinkResult = {
      ...result,
      clientId: tool.clientId,
      deploymentId: claims[Claim.deploymentId],
      receivedAt: ctx.now(),
      data,
      msg: claims[Claim.deepLinkingMsg],
      log: claims[Claim.deepLinkingLog],
      errormsg: claims[Claim.deepLinkingErrorMsg],
      errorlog: claims[Claim.deepLinkingErrorLog],
    };
    ctx.state.deepLinkResults.push(recorded);
    res.type('html').send(resultPage(recorded));
  });
  return router;
}

async function verifyResponse(ctx: LmsContext, jwt: string): Promise<{ tool: RegisteredTool; payload: JWTPayload }> {
  let issuer: string;
  try {
    issuer = decodeJwt(jwt).iss ?? '';
  } catch {
    throw new LmsError(400, 'invalid_request', 'JWT is not a JWT');
  }
  const tool = ctx.state.toolByClientId(issuer);
  if (!tool) throw new LmsError(400, 'invalid_request', 'iss is not a registered client_id');
  try {
    const { payload } = await jwtVerify(jwt, ctx.toolKeys(tool), {
      issuer: tool.clientId,
      audience: ctx.urls.issuer,
      algorithms: ['RS256', 'RS384', 'RS512'],
      requiredClaims: ['exp', 'iat', 'nonce'],
      currentDate: new Date(ctx.now()),
    });
    return { tool, payload };
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'verification failed';
    throw new LmsError(400, 'invalid_request', `deep-linking response rejected: ${reason}`);
  }
}

/** Turns ltiResourceLink items into placements (and line items when asked); other types are only recorded. */
function place(ctx: LmsContext, tool: RegisteredTool, deploymentId: string, items: unknown[]) {
  const createdPlacements: string[] = [];
  const createdLineItems: string[] = [];
  // Validate every item before placing any, so a bad item leaves the course untouched.
  const links = items.flatMap((raw) => {
    const parsed = resourceLinkItemSchema.safeParse(raw);
    if (parsed.success) return [parsed.data];
    if ((raw as { type?: unknown }).type === 'ltiResourceLink') throw new LmsError(400, 'invalid_request', `content item: ${describeZodError(parsed.error)}`);
    return [];
  });
  for (const item of links) {
    const resourceLinkId = `rl-${randomUUID()}`;
    ctx.state.placements.set(resourceLinkId, {
      resourceLinkId,
      clientId: tool.clientId,
      deploymentId,
      title: item.title ?? tool.name,
      text: item.text,
      url: item.url,
      custom: item.custom ?? {},
      createdVia: 'deep-linking',
    });
    createdPlacements.push(resourceLinkId);
    if (item.lineItem) {
      const id = randomUUID();
      ctx.state.lineItems.set(id, {
        id,
        contextId: ctx.course.id,
        clientId: tool.clientId,
        label: item.lineItem.label ?? item.title ?? tool.name,
        scoreMaximum: item.lineItem.scoreMaximum,
        resourceLinkId,
        resourceId: item.lineItem.resourceId,
        tag: item.lineItem.tag,
        startDateTime: undefined,
        endDateTime: undefined,
        gradesReleased: item.lineItem.gradesReleased,
      });
      createdLineItems.push(id);
    }
  }
  return { contentItems: items, createdPlacements, createdLineItems };
}

function resultPage(result: DeepLinkResult): string {
  const message = result.errormsg ?? result.msg ?? `${result.createdPlacements.length} item(s) placed`;
  return `<!doctype html><html><head><meta charset="utf-8"><title>Deep linking</title></head><body><p id="deep-linking-result">${escapeHtml(message)}</p></body></html>`;
}
