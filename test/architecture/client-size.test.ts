// A student's browser does not download the teacher's designer, and what every role downloads before its first
// screen stays within a byte budget (issue 13). Byte counts of a real production build: deterministic, not timings.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coachingEn } from '../../client/src/i18n/messages/coaching.en';
import { coreEn } from '../../client/src/i18n/messages/core.en';
import { designerEn } from '../../client/src/i18n/messages/designer.en';
import { gradingEn } from '../../client/src/i18n/messages/grading.en';
import { studentEn } from '../../client/src/i18n/messages/student.en';
import { en } from '../../client/src/i18n/en';
import { buildClient, FIRST_SCREENS, measureClient, type ClientSizes, type Role } from '../support/client-bundle';

/**
 * gzip bytes. Issue 13 asks for at most 80 kB before a role's first screen. React 19 with react-dom alone is 68.6 kB,
 * which left 11 kB for everything else; on Preact's compat layer (client/vite.config.ts) the runtime is about 11 kB and
 * every role's first screen measured 55.7–58.5 kB (the shell 36.0 kB) when it was switched. The shell budget keeps
 * room for features still growing and catches React's runtime, a second role's screen or the catalogues coming back.
 */
const SHELL_BUDGET = 50_000;
const FIRST_SCREEN_BUDGET = 80_000;

const PARTS = { student: studentEn, designer: designerEn, grading: gradingEn, coaching: coachingEn };

const feature = (name: string) => `client/src/features/${name}/`;
const OTHER_ROLES_CODE: Record<Role, string[]> = {
  student: [feature('playbook-designer'), feature('grading'), feature('class-overview'), feature('coach'), feature('deep-linking')],
  teacher: [feature('student-route'), feature('grading'), feature('class-overview'), feature('coach'), feature('deep-linking')],
  assistant: [feature('student-route'), feature('playbook-designer'), feature('grading'), feature('class-overview'), feature('deep-linking')],
  coach: [feature('student-route'), feature('playbook-designer'), feature('grading'), feature('class-overview'), feature('deep-linking')],
  'deep linking': [feature('student-route'), feature('playbook-designer'), feature('grading'), feature('class-overview'), feature('coach')],
};

describe('the JavaScript each role downloads before its first screen', () => {
  let outDir: string;
  let sizes: ClientSizes;

  beforeAll(async () => {
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'playroute-client-size-'));
    // About 2 s on a quiet 2-core machine, up to 10 s on a busy one.
    await buildClient(outDir);
    sizes = measureClient(outDir, 'en');
  }, 120_000);

  afterAll(() => {
    if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
  });

  it("a student's browser gets the student's route, not the designer, the grading screens or their texts", () => {
    const student = sizes.roles.student.modules;
    expect(student).toContain('client/src/features/student-route/components/student-home.tsx');
    expect(student.filter((m) => OTHER_ROLES_CODE.student.some((prefix) => m.startsWith(prefix)))).toEqual([]);
    expect(student.filter((m) => /i18n\/messages\/(designer|grading|coaching)\./.test(m))).toEqual([]);
  });

  it('each role gets its own screen and no other role’s, in one language', () => {
    for (const role of Object.keys(FIRST_SCREENS) as Role[]) {
      const modules = sizes.roles[role].modules;
      expect([role, modules]).toContainEqual(expect.arrayContaining([`client/${FIRST_SCREENS[role].screen}`]));
      expect([role, modules.filter((m) => OTHER_ROLES_CODE[role].some((prefix) => m.startsWith(prefix)))]).toEqual([role, []]);
      // The English page fetches no Dutch texts but the shell's own (core, for a switch without waiting).
      expect([role, modules.filter((m) => /i18n\/messages\/(?!core\.)[a-z]+\.nl\.ts$/.test(m))]).toEqual([role, []]);
    }
  });

  it('every page starts with the shell alone: no screen, no feature texts, no message library', () => {
    const shell = sizes.shell.modules;
    expect(shell).toContain('client/src/main.tsx');
    expect(shell.filter((m) => /features\/(?!placement\/)/.test(m) || /i18n\/messages\/(?!core\.)/.test(m) || m.includes('intl-messageformat'))).toEqual([]);
  });

  it('the shell says only texts it has from the start (core), so no tab shows a bare key while a screen loads', () => {
    const root = path.resolve(import.meta.dirname, '..', '..');
    const keys = new Set(Object.keys(en));
    const notCore = sizes.shell.modules
      .filter((m) => m.startsWith('client/src/') && !m.includes('/i18n/messages/'))
      .flatMap((m) => [...fs.readFileSync(path.join(root, m), 'utf8').matchAll(/'([a-zA-Z]+\.[\w.]+)'/g)].map((match) => [m, match[1]!]))
      .filter(([, key]) => keys.has(key!) && !(key! in coreEn))
      .map(([m, key]) => `${m}: ${key}`);
    expect(notCore).toEqual([]);
  });

  it('each lazy screen says only texts it has: core and the parts it fetches with it (role-view.tsx)', () => {
    const root = path.resolve(import.meta.dirname, '..', '..');
    // The screens and their parts, read from role-view.tsx's `screen(import('…'), [parts], …)` so there is one list.
    const roleView = fs.readFileSync(path.join(root, 'client/src/app/role-view.tsx'), 'utf8');
    const screens = [...roleView.matchAll(/screen\(import\('\.\.\/(features\/[^']+)'\), \[([^\]]*)\]/g)].map((m) => ({
      key: `src/${m[1]}.tsx`,
      parts: [...m[2]!.matchAll(/'(\w+)'/g)].map((p) => p[1]!),
    }));
    expect(screens.map((screen) => screen.key)).toContain(FIRST_SCREENS.student.screen);
    // app.tsx's deep-linking picker asks for no part: it says core texts only.
    screens.push({ key: FIRST_SCREENS['deep linking'].screen, parts: [] });
    const partKeys = (part: string): string[] => Object.keys(PARTS[part as keyof typeof PARTS] ?? {});
    const problems: string[] = [];
    for (const screen of screens) {
      const allowed = new Set([...Object.keys(coreEn), ...screen.parts.flatMap(partKeys)]);
      for (const m of sizes.lazy[screen.key] ?? []) {
        if (!m.startsWith('client/src/') || m.includes('/i18n/messages/')) continue;
        const source = fs.readFileSync(path.join(root, m), 'utf8');
        for (const [, key] of source.matchAll(/'([a-zA-Z]+\.[\w.]+)'/g)) if (key! in en && !allowed.has(key!)) problems.push(`${screen.key}: ${m} says ${key}`);
        // `student.type.${type}`: every key with that beginning must be there.
        for (const [, prefix] of source.matchAll(/`([a-zA-Z]+\.[\w.]*)\$\{/g))
          for (const key of Object.keys(en)) if (key.startsWith(prefix!) && !allowed.has(key)) problems.push(`${screen.key}: ${m} says ${key}`);
      }
    }
    expect([...new Set(problems)]).toEqual([]);
  });

  it(`stays within the budget: ${SHELL_BUDGET / 1000} kB gzipped for every page, ${FIRST_SCREEN_BUDGET / 1000} kB before any role's first screen`, () => {
    expect(sizes.shell.gzip).toBeLessThanOrEqual(SHELL_BUDGET);
    const over = (Object.keys(FIRST_SCREENS) as Role[]).filter((role) => sizes.roles[role].gzip > FIRST_SCREEN_BUDGET).map((role) => `${role}: ${sizes.roles[role].gzip} B`);
    expect(over).toEqual([]);
  });
});
