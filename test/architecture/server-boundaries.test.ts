// The server's dependency rules hold in the lint, not only by habit: planted wrong-way imports are refused, the real tree passes.
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: root });

/** Lints `code` as if it were the file at `file` (relative to the repository), returning the boundary rule's complaints. */
async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'import-x/no-restricted-paths').map((m) => m.message);
}

describe('server boundaries', () => {
  it('the domain importing the HTTP layer, the store or a feature is refused', async () => {
    expect(await boundaryErrors('server/domain/planted.ts', "import { validate } from '../http/validate';\nexport const x = validate;\n")).toEqual([
      expect.stringContaining('The domain imports nothing but itself'),
      expect.stringContaining('Nothing below the HTTP edge imports server/http'),
    ]);
    expect(await boundaryErrors('server/domain/grading/planted.ts', "import { newId } from '../../store/ids';\nexport const x = newId;\n")).toEqual([
      expect.stringContaining('The domain imports nothing but itself'),
    ]);
    expect(
      await boundaryErrors('server/domain/planted.ts', "import { createPlaybooksFeature } from '../features/playbooks/index';\nexport const x = createPlaybooksFeature;\n"),
    ).toEqual([expect.stringContaining('The domain imports nothing but itself')]);
  });

  it("a feature reaching into another feature's insides is refused; its index is the way in", async () => {
    expect(
      await boundaryErrors(
        'server/features/evidence/use-cases/planted.ts',
        "import { createRouteRepository } from '../../learning-routes/data/route-repository';\nexport const x = createRouteRepository;\n",
      ),
    ).toEqual([expect.stringContaining("only through that feature's index.ts")]);
    expect(
      await boundaryErrors(
        'server/features/evidence/use-cases/planted.ts',
        "import { createRouteRepository } from '../../learning-routes/index';\nimport { createAttemptRepository } from '../data/attempt-repository';\nexport const x = [createRouteRepository, createAttemptRepository];\n",
      ),
    ).toEqual([]);
  });

  it('a use case, a repository, the LTI module, the simulated LMS or a shared module importing server/http is refused; routes may', async () => {
    const planted = "import { requireRole } from '../../http/auth';\nexport const x = requireRole;\n";
    const nested = "import { requireRole } from '../../../http/auth';\nexport const x = requireRole;\n";
    const message = expect.stringContaining('Nothing below the HTTP edge imports server/http');
    expect(await boundaryErrors('server/features/grades/use-cases/planted.ts', nested)).toEqual([message]);
    expect(await boundaryErrors('server/features/grades/data/planted.ts', nested)).toEqual([message]);
    expect(await boundaryErrors('server/features/grades/planted.ts', planted)).toEqual([message]);
    expect(await boundaryErrors('server/lti/registration/planted.ts', planted)).toEqual([message]);
    expect(await boundaryErrors('server/lti/launch-handler.ts', "import { requireRole } from '../http/auth';\nexport const x = requireRole;\n")).toEqual([message]);
    expect(await boundaryErrors('server/demo-lms/planted.ts', "import { requireRole } from '../http/auth';\nexport const x = requireRole;\n")).toEqual([message]);
    expect(await boundaryErrors('server/planted.ts', "import { requireRole } from './http/auth';\nexport const x = requireRole;\n")).toEqual([message]);
    expect(await boundaryErrors('server/features/grades/routes.ts', planted)).toEqual([]);
    expect(await boundaryErrors('server/features/playbooks/routes/planted.ts', nested)).toEqual([]);
  });

  it('the LTI module and the store import no feature', async () => {
    expect(
      await boundaryErrors('server/lti/planted.ts', "import { createGrades } from '../features/grades/index';\nexport const x = createGrades;\n"),
    ).toEqual([expect.stringContaining('they import no feature')]);
    expect(
      await boundaryErrors('server/store/planted.ts', "import { createGrades } from '../features/grades/index';\nexport const x = createGrades;\n"),
    ).toEqual([expect.stringContaining('they import no feature')]);
  });

  it('the real server tree keeps every rule', async () => {
    const results = await eslint.lintFiles(['server/**/*.ts']);
    const broken = results.flatMap((r) => r.messages.filter((m) => m.ruleId === 'import-x/no-restricted-paths').map((m) => `${path.relative(root, r.filePath)}: ${m.message}`));
    expect(broken).toEqual([]);
  }, 120_000);
});
