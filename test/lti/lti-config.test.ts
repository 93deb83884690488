// The lti-config/ files are generated from the same source as the registration request, so they cannot drift from what the server registers.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ltiConfigFiles, PLACEHOLDER_PUBLIC_URL } from '../../server/lti/registration/config-files';
import { ALL_SCOPES, MessageType } from '../../server/lti/claims';

const CONFIG_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'lti-config');

describe('lti-config', () => {
  it('the committed files equal a fresh generation (run `npm run lti-config` after changing the tool configuration)', () => {
    for (const [file, content] of Object.entries(ltiConfigFiles())) {
      expect(readFileSync(path.join(CONFIG_DIR, file), 'utf8'), file).toBe(content);
    }
  });

  it('the Canvas developer key has what Canvas requires, with every URL under the public URL', () => {
    const key = JSON.parse(ltiConfigFiles('https://routes.school.nl')['canvas/developer-key.json'] ?? '{}') as {
      title: string;
      description: string;
      oidc_initiation_url: string;
      target_link_uri: string;
      public_jwk_url: string;
      scopes: string[];
      extensions: { platform: string; privacy_level: string; domain: string; settings: { placements: { placement: string; message_type: string; target_link_uri: string }[] } }[];
    };
    expect(key.title).toBe('Playroute');
    expect(key.description).toBeTruthy();
    expect(key.oidc_initiation_url).toBe('https://routes.school.nl/lti/login');
    expect(key.target_link_uri).toBe('https://routes.school.nl/lti/launch');
    expect(key.public_jwk_url).toBe('https://routes.school.nl/lti/jwks');
    expect([...key.scopes].sort()).toEqual([...ALL_SCOPES].sort());
    const [canvas] = key.extensions;
    expect(canvas).toMatchObject({ platform: 'canvas.instructure.com', privacy_level: 'public', domain: 'routes.school.nl' });
    const placements = Object.fromEntries((canvas?.settings.placements ?? []).map((p) => [p.placement, p]));
    expect(placements.link_selection).toMatchObject({ message_type: MessageType.deepLinkingRequest, target_link_uri: 'https://routes.school.nl/lti/launch' });
    expect(placements.assignment_selection?.message_type).toBe(MessageType.deepLinkingRequest);
    expect(placements.course_navigation?.message_type).toBe(MessageType.resourceLink);
  });

  it('the Moodle and Brightspace guides give the tool URLs and the service settings', () => {
    const files = ltiConfigFiles('https://routes.school.nl');
    const moodle = files['moodle/README.md'] ?? '';
    for (const text of ['https://routes.school.nl/lti/login', 'https://routes.school.nl/lti/launch', 'https://routes.school.nl/lti/jwks', 'Keyset URL', 'LTI 1.3', 'Use this service for grade sync and column management', "Use this service to retrieve members' information as per privacy settings"]) {
      expect(moodle).toContain(text);
    }
    const brightspace = files['brightspace/README.md'] ?? '';
    for (const text of ['Step 1: Register the tool', 'Step 2: Create a deployment', 'Step 3: Create the link', 'https://routes.school.nl/lti/login', 'https://routes.school.nl/lti/jwks', 'Names and Role Provisioning Services', '--token-audience']) {
      expect(brightspace).toContain(text);
    }
    expect(files['README.md']).toContain('https://routes.school.nl/lti/register');
    expect(files['README.md']).not.toContain(PLACEHOLDER_PUBLIC_URL.replace('https://', '') + '/lti');
  });
});
