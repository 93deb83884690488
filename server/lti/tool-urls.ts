// Playroute's LTI endpoints, derived from PUBLIC_URL in one place so registration, config files and routes agree.

export interface ToolUrls {
  base: string;
  login: string;
  launch: string;
  launchConfirm: string;
  jwks: string;
  registration: string;
  icon: string;
  /** Sent on every call to a platform (Canvas asks tools to identify themselves). */
  userAgent: string;
}

export function toolUrls(publicUrl: string, version = '0.1.0'): ToolUrls {
  const base = publicUrl.replace(/\/+$/, '');
  return {
    base,
    login: `${base}/lti/login`,
    launch: `${base}/lti/launch`,
    launchConfirm: `${base}/lti/launch/confirm`,
    jwks: `${base}/lti/jwks`,
    registration: `${base}/lti/register`,
    icon: `${base}/icon.svg`,
    userAgent: `Playroute/${version} (+${base})`,
  };
}
