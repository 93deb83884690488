// The client's dependency rules hold in the lint, not only by habit: a planted wrong-way import is refused.
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

describe('client boundaries', () => {
  it('a feature importing another feature is refused', async () => {
    const errors = await boundaryErrors(
      'client/src/features/coach/components/planted.tsx',
      "import { GradingHome } from '../../grading/components/grading-home';\nexport const x = GradingHome;\n",
    );
    expect(errors).toEqual([expect.stringContaining('A feature does not import another feature')]);
  });

  it('shared code importing a feature or the app is refused', async () => {
    expect(
      await boundaryErrors('client/src/components/planted.tsx', "import { StudentHome } from '../features/student-route/components/student-home';\nexport const x = StudentHome;\n"),
    ).toEqual([expect.stringContaining('Shared client code does not import')]);
    expect(await boundaryErrors('client/src/lib/planted.ts', "import { App } from '../app/app';\nexport const x = App;\n")).toEqual([
      expect.stringContaining('Shared client code does not import'),
    ]);
  });

  it('the allowed directions pass: a feature uses its own files and shared code, the app composes features', async () => {
    expect(
      await boundaryErrors(
        'client/src/features/coach/components/planted.tsx',
        "import { ProgressBar } from '../../../components/progress-bar';\nimport { apiFetch } from '../../../lib/api-client';\nimport { StudentList } from './student-list';\nexport const x = [ProgressBar, apiFetch, StudentList];\n",
      ),
    ).toEqual([]);
    expect(
      await boundaryErrors('client/src/app/planted.tsx', "import { CoachHome } from '../features/coach/components/coach-home';\nexport const x = CoachHome;\n"),
    ).toEqual([]);
  });
});
