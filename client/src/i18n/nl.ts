// Nederlandse interfaceteksten, per onderdeel samengesteld; dezelfde sleutels als en.ts.
import type { MessageKey } from './en';
import { coachingNl } from './messages/coaching.nl';
import { coreNl } from './messages/core.nl';
import { designerNl } from './messages/designer.nl';
import { gradingNl } from './messages/grading.nl';
import { studentNl } from './messages/student.nl';

export const nl: Record<MessageKey, string> = { ...coreNl, ...studentNl, ...designerNl, ...gradingNl, ...coachingNl };
