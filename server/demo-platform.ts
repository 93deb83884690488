// Connects the built-in demo LMS and Playroute to each other, as an administrator would register a real LMS.
import { createDemoLms, type DemoLms } from './demo-lms/index';
import type { Lti } from './lti/index';

export const DEMO_CLIENT_ID = 'playroute-demo';
export const DEMO_DEPLOYMENT_ID = 'playroute-demo-deployment';

/** The demo LMS lives at PUBLIC_URL/demo-lms; its registration is idempotent, so restarts keep working. */
export async function startDemoPlatform(props: { publicUrl: string; lti: Lti }): Promise<DemoLms> {
  const { lti } = props;
  const lms = createDemoLms({ issuer: `${props.publicUrl}/demo-lms` });
  lms.registerTool({
    name: 'Playroute',
    loginUrl: lti.urls.login,
    launchUrl: lti.urls.launch,
    redirectUris: [lti.urls.launch],
    deepLinkUrl: lti.urls.launch,
    jwksUrl: lti.urls.jwks,
    clientId: DEMO_CLIENT_ID,
    deploymentIds: [DEMO_DEPLOYMENT_ID],
  });
  await lti.registry.register({
    issuer: lms.urls.issuer,
    clientId: DEMO_CLIENT_ID,
    name: 'Playroute demo LMS',
    productFamily: 'playroute-demo-lms',
    authLoginUrl: lms.urls.authorization,
    tokenUrl: lms.urls.token,
    jwksUrl: lms.urls.jwks,
    deploymentIds: [DEMO_DEPLOYMENT_ID],
    registeredVia: 'demo',
  });
  return lms;
}
