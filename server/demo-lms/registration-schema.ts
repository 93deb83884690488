// zod schema of a tool's LTI Dynamic Registration request (OIDC client registration plus the LTI tool configuration).
import { z } from 'zod';
import { MessageType, RegistrationKey } from '../lti/claims';

/** Only web URLs; z.url() alone would let javascript: or data: through. */
const httpUrl = () => z.url({ protocol: /^https?$/ });

const messageSchema = z.looseObject({
  type: z.string().min(1),
  target_link_uri: httpUrl().optional(),
  label: z.string().optional(),
  placements: z.array(z.string()).optional(),
  custom_parameters: z.record(z.string(), z.string()).optional(),
});

export const toolConfigurationSchema = z.looseObject({
  domain: z.string().min(1),
  secondary_domains: z.array(z.string()).optional(),
  target_link_uri: httpUrl(),
  custom_parameters: z.record(z.string(), z.string()).optional(),
  description: z.string().optional(),
  claims: z.array(z.string()).optional(),
  messages: z.array(messageSchema).optional(),
});

export const registrationRequestSchema = z.looseObject({
  application_type: z.literal('web'),
  response_types: z.array(z.string()).refine((types) => types.includes('id_token'), 'must include id_token'),
  grant_types: z
    .array(z.string())
    .refine((types) => types.includes('implicit') && types.includes('client_credentials'), 'must include implicit and client_credentials'),
  initiate_login_uri: httpUrl(),
  redirect_uris: z.array(httpUrl()).min(1),
  client_name: z.string().min(1),
  jwks_uri: httpUrl(),
  logo_uri: httpUrl().optional(),
  token_endpoint_auth_method: z.literal('private_key_jwt'),
  scope: z.string().optional(),
  contacts: z.array(z.string()).optional(),
  [RegistrationKey.toolConfiguration]: toolConfigurationSchema,
});
export type RegistrationRequest = z.infer<typeof registrationRequestSchema>;

/** The deep-linking target the tool declared, if it declared the message at all. */
export function deepLinkTarget(request: RegistrationRequest): string | undefined {
  const config = request[RegistrationKey.toolConfiguration];
  const message = config.messages?.find((candidate) => candidate.type === MessageType.deepLinkingRequest);
  return message ? (message.target_link_uri ?? config.target_link_uri) : undefined;
}
