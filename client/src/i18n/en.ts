// English interface text, assembled from one message file per feature; nl.ts must have every key (the type checker enforces it).
import { coachingEn } from './messages/coaching.en';
import { coreEn } from './messages/core.en';
import { designerEn } from './messages/designer.en';
import { gradingEn } from './messages/grading.en';
import { studentEn } from './messages/student.en';

export const en = { ...coreEn, ...studentEn, ...designerEn, ...gradingEn, ...coachingEn } as const;

export type MessageKey = keyof typeof en;
