// Connects a simulated LMS and Playroute to each other, as an administrator registers a real LMS on both sides.
import { createDemoLms, type DemoLms } from './demo-lms/index';
import type { Lti } from './lti/index';
import { toolConfiguration } from './lti/tool-configuration';
import type { Platform } from './lti/store/platforms';

export const DEMO_CLIENT_ID = 'playroute-demo';
export const DEMO_DEPLOYMENT_ID = 'playroute-demo-deployment';

/** Registers Playroute as a tool in the LMS and the LMS as a platform in Playroute; idempotent. */
export async function connectToolAndLms(props: {
  lms: DemoLms;
  lti: Lti;
  name: string;
  deploymentIds: string[];
  clientId?: string;
  tokenAudience?: string;
  registeredVia: Platform['registeredVia'];
}): Promise<Platform> {
  const { lms, lti } = props;
  const tool = lms.registerTool({
    name: 'Playroute',
    loginUrl: lti.urls.login,
    launchUrl: lti.urls.launch,
    redirectUris: [lti.urls.launch],
    deepLinkUrl: lti.urls.launch,
    jwksUrl: lti.urls.jwks,
    deploymentIds: props.deploymentIds,
    // The custom fields of Playroute's configuration, as pasted into the LMS (Canvas's developer key custom_fields).
    customParameters: toolConfiguration(lti.urls.base).customParameters,
    ...(props.clientId ? { clientId: props.clientId } : {}),
  });
  return lti.registry.register({
    issuer: lms.urls.issuer,
    clientId: tool.clientId,
    name: props.name,
    authLoginUrl: lms.urls.authorization,
    tokenUrl: lms.urls.token,
    jwksUrl: lms.urls.jwks,
    ...(props.tokenAudience ? { tokenAudience: props.tokenAudience } : {}),
    deploymentIds: props.deploymentIds,
    registeredVia: props.registeredVia,
  });
}

/** The demo LMS lives at PUBLIC_URL/demo-lms with a fixed client id, so restarts find the same registration. */
export async function startDemoPlatform(props: { publicUrl: string; lti: Lti }): Promise<DemoLms> {
  const lms = createDemoLms({ issuer: `${props.publicUrl}/demo-lms` });
  await connectToolAndLms({
    lms,
    lti: props.lti,
    name: 'Playroute demo LMS',
    clientId: DEMO_CLIENT_ID,
    deploymentIds: [DEMO_DEPLOYMENT_ID],
    registeredVia: 'demo',
  });
  return lms;
}
