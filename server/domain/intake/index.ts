// The diagnostic intake: level scales from the rubric, the teacher's design, the student's answers and what they show.
export * from './level-scale';
export * from './points';
export * from './intake-design';
export * from './intake-response';
export * from './intake-history';
export * from './standing';
export * from './intake-result';
export * from './class-start';
