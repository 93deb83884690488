// zod schemas of what a platform sends during Dynamic Registration: the initiation query, its OpenID configuration and its answer to our registration.
import { z } from 'zod';
import { RegistrationKey } from '../claims';

export const initiationQuerySchema = z.object({
  openid_configuration: z.url({ protocol: /^https?$/, message: 'must be the http(s) URL of the LMS’s OpenID configuration' }),
  registration_token: z.string().min(1).max(4096).optional(),
});

const endpoint = z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' });

export const platformConfigurationSchema = z.looseObject({
  issuer: endpoint,
  authorization_endpoint: endpoint,
  token_endpoint: endpoint,
  jwks_uri: endpoint,
  registration_endpoint: endpoint,
  /** Brightspace: the audience of client assertions, when it is not the token endpoint. Canvas puts a bare host name here. */
  authorization_server: z.string().optional(),
  [RegistrationKey.platformConfiguration]: z.looseObject({
    product_family_code: z.string().min(1),
    version: z.string().optional(),
    'https://canvas.instructure.com/lti/account_name': z.string().optional(),
  }),
});
export type PlatformConfiguration = z.infer<typeof platformConfigurationSchema>;

// Canvas numbers its client ids; the spec says strings. Either way we keep a string.
const identifier = z.union([z.string().min(1), z.number()]).transform(String);

export const registrationAnswerSchema = z.looseObject({
  client_id: identifier,
  [RegistrationKey.toolConfiguration]: z.looseObject({ deployment_id: identifier.optional() }).optional(),
});

/** "field: problem" for the first issue, for the administrator's page and the log. */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'invalid';
}
