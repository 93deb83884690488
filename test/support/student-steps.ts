// Moves the student's page to one of its four steps, as a student does: the step's button in the steps navigation.
import type { Frame, FrameLocator, Page } from 'playwright-core';
import { expect } from 'vitest';

export const STEP_NAMES = {
  en: { outcome: 'Understand the outcome', route: 'Choose a route', work: 'Work and hand in', feedback: 'Feedback' },
  nl: { outcome: 'De leeruitkomst begrijpen', route: 'Een route kiezen', work: 'Werken en inleveren', feedback: 'Feedback' },
} as const;

export type StepId = keyof (typeof STEP_NAMES)['en'];

export function stepButton(page: Page | Frame | FrameLocator, step: StepId, language: 'en' | 'nl' = 'en') {
  return page
    .getByRole('navigation', { name: language === 'en' ? 'Steps of your learning route' : 'Stappen van je leerroute' })
    .getByRole('button', { name: STEP_NAMES[language][step] });
}

/** Waits until the step is the current one (aria-current="step"). */
export async function expectCurrentStep(page: Page | Frame | FrameLocator, step: StepId, language: 'en' | 'nl' = 'en'): Promise<void> {
  await expect.poll(() => stepButton(page, step, language).getAttribute('aria-current')).toBe('step');
}

export async function goToStep(page: Page | Frame | FrameLocator, step: StepId, language: 'en' | 'nl' = 'en'): Promise<void> {
  await stepButton(page, step, language).click();
  await expectCurrentStep(page, step, language);
}
