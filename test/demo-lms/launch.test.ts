// Launches through the OIDC third-party login, as a tool sees them: login parameters, the id_token, rejections, keys.
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { Claim, MessageType, Role, Scope } from '../../server/lti/claims';
import { authParams, formFields, launch, startHarness, type Harness } from './harness';

let h: Harness;
afterEach(async () => {
  await h?.close();
});

describe('a resource link launch', () => {
  it('when a student launches, the tool receives a signed id_token with every LTI claim it needs', async () => {
    h = await startHarness();
    const student = h.lms.member('student');
    const { claims, nonce, loginParams } = await launch(h, { user: student.userId });

    expect(loginParams).toMatchObject({
      iss: h.lmsBase,
      login_hint: student.userId,
      target_link_uri: h.tool.launchUrl,
      client_id: h.registered.clientId,
      lti_deployment_id: h.registered.deploymentIds[0],
    });
    expect(loginParams.lti_storage_target).toBeUndefined();
    expect(claims).toMatchObject({
      iss: h.lmsBase,
      aud: h.registered.clientId,
      azp: h.registered.clientId,
      sub: student.userId,
      nonce,
      given_name: student.givenName,
      locale: student.locale,
      [Claim.messageType]: MessageType.resourceLink,
      [Claim.version]: '1.3.0',
      [Claim.deploymentId]: h.registered.deploymentIds[0],
      [Claim.targetLinkUri]: h.tool.launchUrl,
      [Claim.context]: { id: h.lms.course.id, label: h.lms.course.label },
      [Claim.custom]: { user: student.userId, flavour: 'route' },
      [Claim.nrpsService]: { context_memberships_url: `${h.lmsBase}/nrps/${h.lms.course.id}/memberships`, service_versions: ['2.0'] },
    });
    expect(claims[Claim.roles]).toContain(Role.learner);
    expect(claims[Claim.resourceLink]).toMatchObject({ id: h.lms.placements()[0]?.resourceLinkId });
    const ags = claims[Claim.agsEndpoint] as { scope: string[]; lineitems: string; lineitem?: string };
    expect(ags.lineitems).toBe(`${h.lmsBase}/ags/${h.lms.course.id}/lineitems`);
    expect(ags.scope).toEqual(expect.arrayContaining([Scope.lineItem, Scope.score, Scope.resultReadOnly]));
    expect(ags.lineitem).toBeUndefined();
  });

  it('when the teacher launches, the roles say Instructor; the coach is a Mentor with the students they coach', async () => {
    h = await startHarness();
    const teacher = await launch(h, { user: h.lms.member('teacher').userId });
    expect(teacher.claims[Claim.roles]).toContain(Role.instructor);
    const coach = h.lms.member('coach');
    const coached = await launch(h, { user: coach.userId });
    expect(coached.claims[Claim.roles]).toEqual([Role.mentor]);
    expect(coached.claims[Claim.roleScopeMentor]).toEqual(coach.mentees);
  });

  it('in Canvas a TA is the TeachingAssistant sub-role plus Instructor, the coach an observer (Mentor) with their students, and login offers Platform Storage', async () => {
    h = await startHarness({ quirks: 'canvas' });
    const ta = await launch(h, { user: h.lms.member('assistant').userId });
    expect(ta.claims[Claim.roles]).toEqual([Role.teachingAssistant, Role.instructor]);
    const { claims, loginParams } = await launch(h, { user: h.lms.member('coach').userId });
    expect(claims[Claim.roles]).toEqual([Role.mentor]);
    expect(claims[Claim.roleScopeMentor]).toEqual(h.lms.member('coach').mentees);
    expect(loginParams.lti_storage_target).toBe('post_message_forwarding');
    expect(claims[Claim.toolPlatform]).toMatchObject({ product_family_code: 'canvas' });
  });

  it('in Moodle every launch carries only Instructor or Learner, and never role_scope_mentor', async () => {
    h = await startHarness({ quirks: 'moodle' });
    for (const member of h.lms.members()) {
      const { claims } = await launch(h, { user: member.userId });
      expect(claims[Claim.roles], member.userId).toEqual(member.role === 'student' ? [Role.learner] : [Role.instructor]);
      expect(claims[Claim.roleScopeMentor]).toBeUndefined();
    }
  });

  it.each([
    ['brightspace', '_parent', 'desire2learn'],
    ['moodle', undefined, 'moodle'],
    ['standard', undefined, 'playroute-demo-lms'],
  ] as const)('in %s the login carries lti_storage_target=%s', async (quirks, target, family) => {
    h = await startHarness({ quirks });
    const { claims, loginParams } = await launch(h, { user: h.lms.member('student').userId });
    expect(loginParams.lti_storage_target).toBe(target);
    expect(claims[Claim.toolPlatform]).toMatchObject({ product_family_code: family });
  });

  it('in Moodle the line item URLs in the launch carry ?type_id=1', async () => {
    h = await startHarness({ quirks: 'moodle' });
    const { claims } = await launch(h, { user: h.lms.member('student').userId });
    expect((claims[Claim.agsEndpoint] as { lineitems: string }).lineitems).toMatch(/\/lineitems\?type_id=1$/);
  });

  it('a deep-linking launch carries the deep linking settings with a return URL and opaque data', async () => {
    h = await startHarness();
    const { claims } = await launch(h, { user: h.lms.member('teacher').userId, messageType: MessageType.deepLinkingRequest });
    expect(claims[Claim.messageType]).toBe(MessageType.deepLinkingRequest);
    expect(claims[Claim.targetLinkUri]).toBe(h.tool.deepLinkUrl);
    expect(claims[Claim.deepLinkingSettings]).toMatchObject({
      deep_link_return_url: `${h.lmsBase}/deep-linking/return`,
      accept_types: ['ltiResourceLink'],
      data: expect.stringMatching(/^dl-/),
    });
    expect(claims[Claim.resourceLink]).toBeUndefined();
  });
});

describe('the authorization endpoint refuses what the Security Framework forbids', () => {
  const start = (harness: Harness) => Object.fromEntries(new URL(harness.lms.startLaunch({ user: harness.lms.member('student').userId }).url).searchParams);

  it.each([
    ['scope', { scope: 'openid profile' }, 'invalid_scope'],
    ['response_type', { response_type: 'code' }, 'unsupported_response_type'],
    ['response_mode', { response_mode: 'query' }, 'invalid_request'],
    ['prompt', { prompt: 'login' }, 'invalid_request'],
    ['nonce', { nonce: undefined }, 'invalid_request'],
    ['login_hint', { login_hint: 'someone-else' }, 'login_required'],
    ['lti_message_hint', { lti_message_hint: 'forged' }, 'invalid_request'],
  ])('a wrong %s is answered to the redirect_uri with an OIDC error and no id_token', async (_name, overrides, code) => {
    h = await startHarness();
    const params = authParams(h, start(h), overrides);
    const response = await fetch(`${h.lmsBase}/auth?${params.toString()}`);
    const { action, fields } = formFields(await response.text());
    expect(action).toBe(h.tool.launchUrl);
    expect(fields.error).toBe(code);
    expect(fields.state).toBe(params.get('state'));
    expect(fields.id_token).toBeUndefined();
  });

  it('an unknown client_id or an unregistered redirect_uri gets a 400 and no redirect at all', async () => {
    h = await startHarness();
    const login = start(h);
    const unknownClient = await fetch(`${h.lmsBase}/auth?${authParams(h, login, { client_id: 'nobody' }).toString()}`);
    expect(unknownClient.status).toBe(400);
    expect(await unknownClient.json()).toMatchObject({ error: 'unauthorized_client' });
    const evilRedirect = await fetch(`${h.lmsBase}/auth?${authParams(h, login, { redirect_uri: 'https://evil.example/steal' }).toString()}`);
    expect(evilRedirect.status).toBe(400);
    expect(await evilRedirect.text()).not.toContain('evil.example');
  });

  it('an authorization request also works as a form POST, and a message hint is good for one id_token only', async () => {
    h = await startHarness();
    const params = authParams(h, start(h));
    const first = await fetch(`${h.lmsBase}/auth`, { method: 'POST', body: params });
    expect(formFields(await first.text()).fields.id_token).toBeTruthy();
    const replay = await fetch(`${h.lmsBase}/auth`, { method: 'POST', body: params });
    expect(formFields(await replay.text()).fields.error).toBe('invalid_request');
  });
});

describe('platform keys', () => {
  it('after rotateKey the JWKS publishes both kids, new id_tokens carry the new kid and still verify', async () => {
    h = await startHarness();
    const oldKid = h.lms.currentKid;
    const newKid = h.lms.rotateKey();
    const jwks = (await (await fetch(`${h.lmsBase}/.well-known/jwks.json`)).json()) as { keys: { kid: string; alg: string }[] };
    expect(jwks.keys.map((key) => key.kid)).toEqual([oldKid, newKid]);
    expect(jwks.keys.every((key) => key.alg === 'RS256')).toBe(true);
    const { idToken } = await launch(h, { user: h.lms.member('student').userId });
    expect(decodeProtectedHeader(idToken).kid).toBe(newKid);
  });

  it('a token signed with a removed key no longer verifies against the published JWKS', async () => {
    h = await startHarness();
    const oldKid = h.lms.currentKid;
    h.lms.rotateKey();
    const token = await h.lms.signIdToken({ iss: h.lmsBase, aud: h.registered.clientId, sub: 'x' }, { kid: oldKid });
    h.lms.removeKey(oldKid);
    const jwks = createRemoteJWKSet(new URL(`${h.lmsBase}/.well-known/jwks.json`));
    await expect(jwtVerify(token, jwks)).rejects.toThrow(/no applicable key|matching/i);
  });
});
