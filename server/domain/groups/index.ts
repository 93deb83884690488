// Project groups formed from the intake, as a pure function.
export * from './grouping-types';
export { formGroups } from './form-groups';
export { moveMember, setLocked, type StoredGroup } from './edit-groups';
