// Nederlandse teksten van de docent: leeruitkomst- en rubriceditor, playbookontwerper, kwaliteitspaneel, import/export.
import type { designerEn } from './designer.en';

export const designerNl: Record<keyof typeof designerEn, string> = {
  'designer.title': 'Playbookontwerp',
};
