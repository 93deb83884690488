// What the intake endpoints answer: the design with each outcome's scale, a response, a result — never another student's answers.
import { outcomeScale, type IntakeResult } from '../../domain/intake/index';
import type { ClassListMember } from '../roster/index';
import type { StoredResponse } from './data/intake-repository';
import type { ClassStandings } from './use-cases/class-standings';
import type { IntakeContext } from './use-cases/intake-context';
import type { StudentIntake } from './use-cases/staff-intake';

export function designView(context: IntakeContext) {
  return {
    playbookId: context.playbook.id,
    version: context.stored?.version ?? 0,
    outcomes: context.design.outcomes.map((item) => {
      const outcome = context.outcomes.find((o) => o.id === item.outcomeId);
      const scale = outcome ? outcomeScale(outcome) : undefined;
      return {
        outcomeId: item.outcomeId,
        title: outcome?.title ?? '',
        indicators: item.indicatorIds.map((id) => ({ id, text: outcome?.indicators.find((i) => i.id === id)?.text ?? '' })),
        levels: scale?.levels ?? [],
        targetRank: scale?.targetRank ?? null,
        diagnosticTask: item.diagnosticTask ?? null,
      };
    }),
    /** Outcomes the teacher could add: the playbook's, with their indicators. */
    available: context.outcomes.map((o) => ({ outcomeId: o.id, title: o.title, indicators: o.indicators, hasLevels: outcomeScale(o) !== undefined })),
  };
}

export function responseView(response: StoredResponse | undefined) {
  if (!response) return null;
  return {
    status: response.status,
    version: response.version,
    placements: response.placements,
    diagnostics: response.diagnostics.map((d) => ({
      outcomeId: d.outcomeId,
      answer: d.answer,
      review: d.review ? { comment: d.review.comment, rank: d.review.rank ?? null, at: d.review.at } : null,
    })),
    profile: response.profile,
    submittedAt: response.submittedAt ?? null,
    history: (response.history ?? []).map((e) => ({ kind: e.kind, by: e.by, at: e.at, reason: e.kind === 'reopened' ? (e.reason ?? null) : null })),
    updatedAt: response.updatedAt,
  };
}

export function ownIntakeView(props: { context: IntakeContext; response: StoredResponse | undefined; result: IntakeResult | undefined }) {
  return { design: designView(props.context), response: responseView(props.response), result: props.result ?? null };
}

/** E-mail addresses only for a teacher, as in the roster: a coach reaches students through the LMS. */
export function studentView(student: ClassListMember, withEmail: boolean) {
  return { id: student.id, name: student.name, email: withEmail ? student.email : null };
}

/** One student's intake for staff, with what this person may do with it (the routes enforce the same rule). */
export function staffIntakeView(found: StudentIntake, isTeacher: boolean) {
  return {
    student: studentView(found.student, isTeacher),
    design: designView(found),
    response: responseView(found.response),
    result: found.result ?? null,
    can: { review: isTeacher, reopen: isTeacher },
  };
}

export function classIntakesView(standings: ClassStandings, withEmail: boolean) {
  return {
    students: standings.students.map((s) => ({
      student: studentView(s.student, withEmail),
      intake: s.intake,
      submittedAt: standings.responses.get(s.student.id)?.submittedAt ?? null,
      points: s.points,
    })),
  };
}
