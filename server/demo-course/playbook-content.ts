// The demo course's sample playbook, "Projectmatig werken" from the seeds (CasusEigenBedrijf: a student starts their own
// business as a project): outcomes written with the Tuning parts, one rubric each, an activity in every cell of the
// 3-3-5 grid, rules, sessions and an assessment window. It is the sharing file, so it goes in through the teacher's import.
import { ACTIVITY_TYPES, ENVIRONMENTS, LEARNING_FORMS, type ActivityType, type Environment, type LearningForm } from '../domain/activity-grid';
import { PLAYBOOK_FORMAT, PLAYBOOK_FORMAT_VERSION, type PlaybookFile } from '../domain/playbook-format';

const DAY = 24 * 60 * 60 * 1000;

const levels = [
  { id: 'onvoldoende', label: 'Onvoldoende', description: 'Nog niet zichtbaar in het werk.', points: 0 },
  { id: 'voldoende', label: 'Voldoende', description: 'Zichtbaar, met hulp of op onderdelen.', points: 1 },
  { id: 'goed', label: 'Goed', description: 'Zelfstandig en overtuigend zichtbaar.', points: 2 },
];

const criterion = (id: string, title: string) => ({ id, title, weight: 1, levels, passLevelId: 'voldoende' });

/** The outcomes' ids inside the file; the import gives them new ones, the seeder finds them back by title. */
export const OUTCOMES: PlaybookFile['outcomes'] = [
  {
    id: 'lo-plan',
    title: 'Stelt een projectplan op voor het eigen bedrijf',
    tuning: {
      verb: 'stelt op',
      competence: 'projectmatig werken',
      subject: 'een projectplan voor de start van een eigen bedrijf',
      standard: 'volgens de projectfasen initiatief, definitie en ontwerp',
      context: 'voor een opdrachtgever uit de beroepspraktijk',
    },
    indicators: [
      { id: 'i-plan-goal', text: 'Het plan heeft een meetbaar projectdoel' },
      { id: 'i-plan-milestones', text: 'Het plan heeft mijlpalen en een planning' },
    ],
    possibleEvidence: [
      { id: 'e-plan', form: 'work_product', description: 'Een projectplan' },
      { id: 'e-plan-work', form: 'work_experience', description: 'Een plan dat je op je werk maakte' },
    ],
    assessments: [{ id: 'as-plan', title: 'Criteriumgericht interview over het projectplan', description: '', integrated: true }],
    rubric: { criteria: [criterion('c-goal', 'Projectdoel en afbakening'), criterion('c-planning', 'Planning en mijlpalen')] },
  },
  {
    id: 'lo-team',
    title: 'Werkt samen in een projectteam',
    tuning: {
      verb: 'werkt samen',
      competence: 'samenwerken',
      subject: 'in een projectteam van vier tot zes studenten',
      standard: 'met heldere rollen, afspraken en feedback',
      context: 'in het project Eigen bedrijf',
    },
    indicators: [{ id: 'i-team-feedback', text: 'Geeft en vraagt feedback' }],
    possibleEvidence: [{ id: 'e-team', form: 'report', description: 'Een reflectieverslag met peerfeedback' }],
    assessments: [{ id: 'as-team', title: 'Peer- en docentbeoordeling', description: '', integrated: true }],
    rubric: { criteria: [criterion('c-roles', 'Rollen en afspraken'), criterion('c-feedback', 'Feedback geven en ontvangen')] },
  },
  {
    id: 'lo-pitch',
    title: 'Presenteert het bedrijfsidee aan investeerders',
    tuning: {
      verb: 'presenteert',
      competence: 'overtuigend communiceren',
      subject: 'het bedrijfsidee en het verdienmodel',
      standard: 'met een pitch van vijf minuten',
      context: 'voor een panel van ondernemers',
    },
    indicators: [{ id: 'i-pitch-model', text: 'Het verdienmodel is onderbouwd' }],
    possibleEvidence: [{ id: 'e-pitch', form: 'video', description: 'Een video van de pitch' }],
    assessments: [{ id: 'as-pitch', title: 'Pitch voor het panel', description: '', integrated: true }],
    rubric: { criteria: [criterion('c-story', 'Verhaal en structuur'), criterion('c-model', 'Verdienmodel')] },
  },
];

/** What each type and learning form means in this course; the environment says where it happens. */
const TITLES: Record<ActivityType, Record<LearningForm, string>> = {
  activation: { 'self-study': 'Voorkennistoets ondernemen', expert: 'Intakegesprek met een ondernemer', collaborative: 'Brainstorm bedrijfsideeën' },
  instruction: { 'self-study': 'Lezen: projectfasering', expert: 'College projectmatig werken', collaborative: 'Elkaar uitleggen: verdienmodellen' },
  application: { 'self-study': 'Projectplan schrijven', expert: 'Begeleide werksessie projectplan', collaborative: 'Teamproject Eigen bedrijf' },
  feedback: { 'self-study': 'Zelfcheck met de rubric', expert: 'Feedbackgesprek met de docent', collaborative: 'Peerreview van het projectplan' },
  reflection: { 'self-study': 'Logboek bijhouden', expert: 'Coachgesprek over je POP', collaborative: 'Teamreflectie' },
};

const PLACE: Record<Environment, string> = { online: 'online', workplace: 'op de werkplek', campus: 'op school' };
const HOURS: Record<ActivityType, number> = { activation: 2, instruction: 3, application: 8, feedback: 2, reflection: 2 };

export const activityId = (environment: Environment, form: LearningForm, type: ActivityType) => `a-${environment}-${form}-${type}`;

/**
 * Campus activities led by an expert or done together meet at set times: two sessions each, from next week on. The
 * lecture met three days ago already (and meets again in four), so the coach has a session to mark attendance for.
 */
function scheduleOf(environment: Environment, form: LearningForm, type: ActivityType, index: number, now: Date): PlaybookFile['playbook']['activities'][number]['schedule'] {
  if (environment !== 'campus' || form === 'self-study') return { kind: 'asynchronous' };
  const lecture = activityId(environment, form, type) === LECTURE;
  const first = new Date(now.getTime() + (lecture ? -3 : 7 + index) * DAY);
  first.setUTCHours(9, 0, 0, 0);
  return {
    kind: 'synchronous',
    sessions: [0, 7].map((offset, i) => ({
      id: `s-${index}-${i}`,
      startsAt: new Date(first.getTime() + offset * DAY).toISOString(),
      endsAt: new Date(first.getTime() + offset * DAY + 2 * 60 * 60 * 1000).toISOString(),
      place: i === 0 ? 'Lokaal B2.14' : 'Aula',
      capacity: 30,
    })),
  };
}

/** Forty-five activities, one per cell: environment × learning form × activity type. */
function activities(now: Date): PlaybookFile['playbook']['activities'] {
  const all: PlaybookFile['playbook']['activities'] = [];
  for (const environment of ENVIRONMENTS) {
    for (const form of LEARNING_FORMS) {
      for (const type of ACTIVITY_TYPES) {
        all.push({
          id: activityId(environment, form, type),
          title: `${TITLES[type][form]} (${PLACE[environment]})`,
          description: `${TITLES[type][form]}, ${PLACE[environment]}, voor het project Eigen bedrijf.`,
          environment,
          form,
          type,
          links: [],
          studyLoadHours: HOURS[type],
          schedule: scheduleOf(environment, form, type, all.length, now),
          prerequisiteIds: [],
        });
      }
    }
  }
  return all;
}

/** The route the playbook recommends: every type once, a workplace activity and the required peer review, all without sessions. */
export const RECOMMENDED = [
  activityId('online', 'self-study', 'activation'),
  activityId('online', 'expert', 'instruction'),
  activityId('workplace', 'self-study', 'application'),
  activityId('online', 'collaborative', 'feedback'),
  activityId('workplace', 'self-study', 'reflection'),
];
export const PEER_REVIEW = activityId('online', 'collaborative', 'feedback');
export const TEAM_PROJECT = activityId('campus', 'collaborative', 'application');
/** The campus lecture: its first session lies in the past. */
export const LECTURE = activityId('campus', 'expert', 'instruction');

export const DEMO_PLAYBOOK_TITLE = 'Projectmatig werken: Eigen bedrijf';

/** The sharing file; dates are relative to `now`, so the window is open and the sessions lie ahead on any day. */
export function demoPlaybookFile(now: Date): PlaybookFile {
  return {
    format: PLAYBOOK_FORMAT,
    version: PLAYBOOK_FORMAT_VERSION,
    playbook: {
      title: DEMO_PLAYBOOK_TITLE,
      description:
        'Je start je eigen bedrijf als project. Je begint met een intake: waar sta je, waar wil je heen? Daarna kies je je route door het 3-3-5-raster, werk je samen in een projectteam en laat je met bewijs zien dat je de leeruitkomsten beheerst.',
      outcomeIds: OUTCOMES.map((o) => o.id),
      activities: activities(now),
      recommendedRoute: RECOMMENDED,
      rules: {
        minPerType: { activation: 1, instruction: 1, application: 1, feedback: 1, reflection: 1 },
        minStudyLoadHours: 15,
        maxStudyLoadHours: 80,
        requiredActivityIds: [PEER_REVIEW],
        requiredEnvironments: ['workplace'],
      },
      selfDirectionLevel: 2,
      assessmentWindows: [{ id: 'w-1', from: new Date(now.getTime() - 14 * DAY).toISOString(), until: new Date(now.getTime() + 120 * DAY).toISOString() }],
    },
    outcomes: OUTCOMES,
  };
}
