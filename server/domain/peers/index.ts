// Learning from each other: who is a junior or a peer on which point, whom to propose, and how a request moves on.
export * from './peer-roles';
export * from './peer-matching';
export * from './peer-requests';
