// The one vocabulary of the activity grid and the forms of evidence, per language. Every message file takes its
// labels for these terms from here, so the designer, the student and the class overview never drift apart
// ("With experts" in one place and "Via experts" in another). Terms follow MISSION.md: leeromgevingen
// online/beroepspraktijk/campus, hoofdvormen zelfstudie / leren via experts / samenwerkend leren.
const en = {
  /** The names of the grid's dimensions themselves, wherever a filter, a form field or a table header names them. */
  dimension: { type: 'Activity type', environment: 'Learning environment', form: 'Form of learning' },
  type: { activation: 'Activation', instruction: 'Instruction', application: 'Application', feedback: 'Feedback', reflection: 'Reflection' },
  environment: { online: 'Online', workplace: 'Workplace', campus: 'Campus' },
  form: { 'self-study': 'Self-study', expert: 'With experts', collaborative: 'Collaborative' },
  evidenceForm: {
    work_product: 'Work product',
    report: 'Report',
    video: 'Video',
    oral: 'Oral',
    workplace_assessment: 'Workplace assessment',
    prior_learning: 'Prior learning',
    work_experience: 'Work experience',
    other: 'Other',
  },
} as const;

type Terms = { [G in keyof typeof en]: Record<keyof (typeof en)[G], string> };

const nl: Terms = {
  dimension: { type: 'Type leeractiviteit', environment: 'Leeromgeving', form: 'Hoofdvorm van leren' },
  type: { activation: 'Activatie', instruction: 'Instructie', application: 'Toepassing', feedback: 'Feedback', reflection: 'Reflectie' },
  environment: { online: 'Online', workplace: 'Beroepspraktijk', campus: 'Campus' },
  form: { 'self-study': 'Zelfstudie', expert: 'Via experts', collaborative: 'Samenwerkend' },
  evidenceForm: {
    work_product: 'Beroepsproduct',
    report: 'Verslag',
    video: 'Video',
    oral: 'Mondeling',
    workplace_assessment: 'Beoordeling in de beroepspraktijk',
    prior_learning: 'Eerder verworven competenties (EVC)',
    work_experience: 'Werkervaring',
    other: 'Anders',
  },
};

export const vocabulary: { en: Terms; nl: Terms } = { en, nl };
