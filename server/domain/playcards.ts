// Playcards: per activity type, the guidance the designer shows (what it is, sensible blends, fitting tools) as keys and data.

import type { ActivityType, Environment, LearningForm } from './activity-grid';

/** Kinds of tools named in the seeds; the client translates `playcard.tool.<id>`. */
export type PlaycardToolId =
  | 'self_test'
  | 'poll'
  | 'discussion_forum'
  | 'mind_map'
  | 'knowledge_clip'
  | 'worked_example'
  | 'online_consultation'
  | 'lecture'
  | 'practical'
  | 'simulation'
  | 'case_material'
  | 'practice_assignment'
  | 'shared_document'
  | 'assignment_feedback'
  | 'peer_feedback'
  | 'learning_analytics'
  | 'logbook'
  | 'portfolio'
  | 'coach_appointment';

/** A blend that makes sense for this type: a cell of the grid with an example of what happens there. */
export interface PlaycardBlend {
  environment: Environment;
  form: LearningForm;
  exampleKey: string;
}

export interface Playcard {
  type: ActivityType;
  titleKey: string;
  whatKey: string;
  blends: PlaycardBlend[];
  tools: PlaycardToolId[];
}

const blend = (type: ActivityType, environment: Environment, form: LearningForm): PlaycardBlend => ({
  environment,
  form,
  exampleKey: `playcard.${type}.blend.${environment}.${form}`,
});

const card = (type: ActivityType, blends: [Environment, LearningForm][], tools: PlaycardToolId[]): Playcard => ({
  type,
  titleKey: `playcard.${type}.title`,
  whatKey: `playcard.${type}.what`,
  blends: blends.map(([environment, form]) => blend(type, environment, form)),
  tools,
});

/** Content from the Playbook paper's 3-3-5 chapter (seeds); texts in playcard-messages.ts. */
export const PLAYCARDS: Record<ActivityType, Playcard> = {
  activation: card(
    'activation',
    [['online', 'self-study'], ['workplace', 'self-study'], ['campus', 'collaborative']],
    ['self_test', 'poll', 'discussion_forum', 'mind_map'],
  ),
  instruction: card(
    'instruction',
    [['online', 'expert'], ['campus', 'expert'], ['workplace', 'expert']],
    ['knowledge_clip', 'worked_example', 'lecture', 'practical', 'online_consultation'],
  ),
  application: card(
    'application',
    [['online', 'self-study'], ['workplace', 'self-study'], ['campus', 'collaborative']],
    ['simulation', 'case_material', 'practice_assignment', 'shared_document'],
  ),
  feedback: card(
    'feedback',
    [['online', 'self-study'], ['workplace', 'expert'], ['campus', 'collaborative']],
    ['self_test', 'assignment_feedback', 'peer_feedback', 'learning_analytics'],
  ),
  reflection: card(
    'reflection',
    [['workplace', 'self-study'], ['campus', 'expert'], ['online', 'collaborative']],
    ['logbook', 'portfolio', 'coach_appointment', 'discussion_forum'],
  ),
};

/** Shown above the cards: variety must stay aligned with the outcome (seeds: "kloppen de activiteiten…"). */
export const PLAYCARD_ALIGNMENT_KEY = 'playcard.alignment_note';

export function playcardFor(type: ActivityType): Playcard {
  return PLAYCARDS[type];
}
