// English texts of the teacher: outcome and rubric editor, playbook designer, quality panel, import/export.
export const designerEn = {
  'designer.title': 'Playbook design',
} as const;
