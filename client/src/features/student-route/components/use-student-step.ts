// Remembers the student's step for this tab (sessionStorage, per playbook), so a reload or a new launch in the same
// tab comes back to it; storage refused in a third-party iframe only means the page opens on the state's step.
import { useEffect, useState } from 'react';
import { formatRemembered, openingStep, parseRemembered, type StudentStep } from './student-steps';

const keyOf = (playbookId: string) => `playroute.student.step.${playbookId}`;

function read(key: string): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    sessionStorage.setItem(key, value);
  } catch {
    // Storage is blocked: the step is simply not remembered.
  }
}

/** `basis` is the step the student's state points to now (stepForState). */
export function useStudentStep(playbookId: string, basis: StudentStep): [StudentStep, (step: StudentStep) => void] {
  const key = keyOf(playbookId);
  const [step, setStep] = useState<StudentStep>(() => openingStep(parseRemembered(read(key)), basis));
  useEffect(() => write(key, formatRemembered({ step, basis })), [key, step, basis]);
  return [step, setStep];
}
