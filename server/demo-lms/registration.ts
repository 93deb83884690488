// LTI Dynamic Registration, platform side: start it, serve the openid-configuration, and register the tool.
import { randomBytes } from 'node:crypto';
import express from 'express';
import { ALL_SCOPES, MessageType, RegistrationKey } from '../lti/claims';
import type { LmsContext } from './context';
import { describeZodError, LmsError } from './errors';
import { deepLinkTarget, registrationRequestSchema } from './registration-schema';
import type { RegisteredTool } from './state';

const REGISTRATION_TOKEN_TTL_MS = 60 * 60_000;

export interface StartedRegistration {
  /** The tool's registration initiation URL with openid_configuration and registration_token. */
  url: string;
  registrationToken: string;
}

export function startRegistration(ctx: LmsContext, initiationUrl: string): StartedRegistration {
  const registrationToken = randomBytes(24).toString('base64url');
  ctx.state.registrationTokens.set(registrationToken, { expiresAt: ctx.now() + REGISTRATION_TOKEN_TTL_MS });
  const url = new URL(initiationUrl);
  url.searchParams.set('openid_configuration', ctx.urls.openidConfiguration);
  url.searchParams.set('registration_token', registrationToken);
  return { url: url.toString(), registrationToken };
}

export function openidConfiguration(ctx: LmsContext): Record<string, unknown> {
  const profile = ctx.profile();
  const config: Record<string, unknown> = {
    issuer: ctx.urls.issuer,
    authorization_endpoint: ctx.urls.authorization,
    token_endpoint: ctx.urls.token,
    token_endpoint_auth_methods_supported: ['private_key_jwt'],
    token_endpoint_auth_signing_alg_values_supported: ['RS256'],
    jwks_uri: ctx.urls.jwks,
    registration_endpoint: ctx.urls.registration,
    scopes_supported: ['openid', ...ALL_SCOPES],
    response_types_supported: ['id_token'],
    subject_types_supported: ['public', 'pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    claims_supported: ['iss', 'sub', 'name', 'given_name', 'family_name', 'email', 'locale'],
    [RegistrationKey.platformConfiguration]: {
      product_family_code: profile.productFamilyCode,
      version: '1.0',
      messages_supported: [
        { type: MessageType.resourceLink },
        { type: MessageType.deepLinkingRequest, placements: ['ContentArea'] },
      ],
      variables: ['User.id', 'Person.name.given', 'Person.name.family', 'Context.id', 'ResourceLink.id'],
    },
  };
  // Brightspace's token audience differs from its token URL; the spec's authorization_server says so.
  if (profile.tokenAudience) config.authorization_server = profile.tokenAudience;
  return config;
}

export function registrationRouter(ctx: LmsContext, register: (tool: Omit<RegisteredTool, 'registeredVia'>) => RegisteredTool): express.Router {
  const router = express.Router();
  router.get('/.well-known/openid-configuration', (_req, res) => {
    res.json(openidConfiguration(ctx));
  });
  router.post('/registration', express.json({ limit: '100kb' }), (req, res) => {
    const token = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '')?.[1];
    const issued = token ? ctx.state.registrationTokens.get(token) : undefined;
    if (!token || !issued || issued.expiresAt <= ctx.now()) {
      throw new LmsError(401, 'invalid_token', 'a valid registration_token is required as bearer token', { 'WWW-Authenticate': 'Bearer' });
    }
    const parsed = registrationRequestSchema.safeParse(req.body);
    if (!parsed.success) throw new LmsError(400, 'invalid_client_metadata', describeZodError(parsed.error));
    const request = parsed.data;
    const config = request[RegistrationKey.toolConfiguration];
    // The registration token is good for one registration.
    ctx.state.registrationTokens.delete(token);
    const requested = (request.scope ?? '').split(' ').filter(Boolean);
    const scopes = requested.filter((scope) => ALL_SCOPES.includes(scope));
    const tool = register({
      clientId: `dyn-${randomBytes(8).toString('hex')}`,
      name: request.client_name,
      loginUrl: request.initiate_login_uri,
      redirectUris: request.redirect_uris,
      launchUrl: config.target_link_uri,
      jwksUrl: request.jwks_uri,
      deepLinkUrl: deepLinkTarget(request),
      deploymentIds: [`dep-${randomBytes(4).toString('hex')}`],
      scopes,
      customParameters: config.custom_parameters ?? {},
    });
    res.status(200).json({
      ...request,
      client_id: tool.clientId,
      scope: scopes.join(' '),
      [RegistrationKey.toolConfiguration]: { ...config, deployment_id: tool.deploymentIds[0] },
    });
  });
  return router;
}
