// Privacy and the life of data: what Playroute keeps of a person (the registry), erasure on request (API and
// command), and the data inventory (DATA-INVENTORY.md).
import type { Router } from 'express';
import type { Connection } from 'mongoose';
import type { Logger } from '../../logger';
import { inventoryRoutes } from './inventory-page';
import { privacyAdminRoutes, privacyRoutes } from './routes';

export { PERSONAL_DATA, EVIDENCE_FILES } from './data/personal-data-registry';
export type { PersonalDataEntry, PersonScope } from './data/personal-data-registry';
export { erasePerson, personRefOf, newPseudonym, ERASURES_COLLECTION, WHAT_STAYS, AUDIT_TRAIL_NOTICE, AUDIT_TRAIL_PREVIEW_NOTICE } from './use-cases/erase-person';
export type { ErasureReport, PersonKey } from './use-cases/erase-person';
export { exportPerson } from './use-cases/export-person';
export { zip } from './use-cases/zip-writer';
export { runRetention, startRetentionJob, removeOrphanedFiles, courseRetention, listCourseRetention, setCourseRetention, courseIdOf, DEFAULT_RETENTION_DAYS, ORPHAN_AGE_MS } from './use-cases/retention';

export interface PrivacyFeature {
  /** Mounted outside /api: the operator's erasure and retention API (present only with PRIVACY_ADMIN_TOKEN). */
  adminRouter: Router;
  /** The data inventory page, public: GET /privacy. */
  inventoryRouter: Router;
  /** The person's own export, under /api (a launch session). */
  router: Router;
}

export function createPrivacyFeature(deps: { connection: Connection; logger: Logger; adminToken: string | undefined; retentionDays: number }): PrivacyFeature {
  return { adminRouter: privacyAdminRoutes(deps), inventoryRouter: inventoryRoutes(), router: privacyRoutes(deps) };
}
