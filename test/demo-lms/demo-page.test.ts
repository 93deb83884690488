// The demo LMS in a browser: course page in Dutch and English, the tool in an iframe, and Platform Storage for it.
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { platformStorageScript } from '../../server/demo-lms/platform-storage';
import { startHarness, type Harness } from './harness';

let h: Harness;
afterEach(async () => {
  await h?.close();
});

describe('the course page', () => {
  it('shows the course, teacher, coach and students with launch and placement buttons, in Dutch or English', async () => {
    h = await startHarness();
    const nl = await (await fetch(`${h.lmsBase}/?lang=nl`)).text();
    expect(nl).toContain('<html lang="nl">');
    expect(nl).toContain('Start als docent');
    expect(nl).toContain('Start als coach');
    expect(nl).toContain('Tool plaatsen (deep linking)');
    expect(nl).toContain('Priya Sharma');
    expect(nl).toContain('en-GB');
    const en = await (await fetch(`${h.lmsBase}/`, { headers: { 'accept-language': 'en-GB,en;q=0.8' } })).text();
    expect(en).toContain('Launch as student');
    expect(en).toContain('/demo-lms/launch?user=u-teacher-marieke&amp;lang=en&amp;kind=deep-linking');
  });

  it('escapes what it shows', async () => {
    h = await startHarness();
    h.lms.addMember({ userId: 'u-x', givenName: '<script>alert(1)</script>', familyName: '"&', email: 'x@example.edu', locale: 'en-GB', role: 'student' });
    const html = await (await fetch(`${h.lmsBase}/?lang=en`)).text();
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &quot;&amp;');
  });

  it('a launch opens the tool login in an iframe; Canvas adds the hidden post_message_forwarding frame', async () => {
    h = await startHarness({ quirks: 'canvas' });
    const html = await (await fetch(`${h.lmsBase}/launch?user=${h.lms.member('student').userId}&lang=en`)).text();
    const src = /<iframe class="tool"[^>]*src="([^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, '&') ?? '';
    const login = new URL(src);
    expect(login.origin + login.pathname).toBe(h.tool.loginUrl);
    expect(login.searchParams.get('lti_storage_target')).toBe('post_message_forwarding');
    expect(html).toContain('<iframe name="post_message_forwarding" src="/demo-lms/storage-frame"');
    expect(html).toContain(JSON.stringify(new URL(h.tool.base).origin));
    expect((await fetch(`${h.lmsBase}/storage-frame`)).status).toBe(200);
  });

  it('an unknown user gets a 400, not a launch', async () => {
    h = await startHarness();
    expect((await fetch(`${h.lmsBase}/launch?user=nobody`)).status).toBe(400);
  });
});

/** Runs the storage script in a minimal window and returns a function that delivers one message event. */
function storageWindow(allowedOrigins: string[], frame?: string) {
  let listener: ((event: unknown) => void) | undefined;
  const window = { addEventListener: (_type: string, fn: (event: unknown) => void) => (listener = fn) };
  runInNewContext(platformStorageScript({ allowedOrigins, frame }), { window });
  return (origin: string, data: unknown) => {
    const replies: { message: Record<string, unknown>; targetOrigin: string }[] = [];
    const source = { postMessage: (message: Record<string, unknown>, targetOrigin: string) => replies.push({ message, targetOrigin }) };
    listener?.({ origin, data, source });
    return replies;
  };
}

describe('LTI Platform Storage on the parent page', () => {
  const tool = 'https://tool.example';

  it('answers capabilities, put_data and get_data to the asking origin only, plain and org.imsglobal-prefixed', () => {
    const send = storageWindow([tool], 'post_message_forwarding');
    const [caps] = send(tool, { subject: 'lti.capabilities', message_id: 'm1' });
    expect(caps?.targetOrigin).toBe(tool);
    expect(caps?.message).toMatchObject({ subject: 'lti.capabilities.response', message_id: 'm1' });
    expect(caps?.message.supported_messages).toEqual(
      expect.arrayContaining([{ subject: 'lti.put_data', frame: 'post_message_forwarding' }, { subject: 'org.imsglobal.lti.get_data', frame: 'post_message_forwarding' }]),
    );
    const [put] = send(tool, { subject: 'org.imsglobal.lti.put_data', message_id: 'm2', key: 'state_abc', value: 'nonce-1' });
    expect(put?.message).toMatchObject({ subject: 'org.imsglobal.lti.put_data.response', message_id: 'm2', key: 'state_abc', value: 'nonce-1' });
    const [get] = send(tool, { subject: 'lti.get_data', message_id: 'm3', key: 'state_abc' });
    expect(get).toEqual({ targetOrigin: tool, message: { subject: 'lti.get_data.response', message_id: 'm3', key: 'state_abc', value: 'nonce-1' } });
  });

  it('ignores unregistered origins and keeps each origin’s data apart', () => {
    const other = 'https://other-tool.example';
    const send = storageWindow([tool, other]);
    expect(send('https://evil.example', { subject: 'lti.put_data', message_id: 'x', key: 'k', value: 'v' })).toEqual([]);
    send(tool, { subject: 'lti.put_data', message_id: 'a', key: 'k', value: 'mine' });
    const [theirs] = send(other, { subject: 'lti.get_data', message_id: 'b', key: 'k' });
    expect(theirs?.message).toMatchObject({ error: { code: 'bad_request' } });
    expect(theirs?.message.value).toBeUndefined();
  });

  it('reports a missing key and an unsupported lti subject as errors', () => {
    const send = storageWindow([tool]);
    expect(send(tool, { subject: 'lti.put_data', message_id: 'a', value: 'v' })[0]?.message).toMatchObject({ error: { code: 'bad_request' } });
    expect(send(tool, { subject: 'lti.frobnicate', message_id: 'b' })[0]?.message).toMatchObject({
      subject: 'lti.frobnicate.response',
      error: { code: 'unsupported_subject' },
    });
  });
});
