// Recognises MongoDB's duplicate-key error (E11000), whichever layer (driver, mongoose, bulk write) raised it.

const DUPLICATE_KEY = 11000;

export function isDuplicateKeyError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, writeErrors } = error as { code?: unknown; writeErrors?: unknown };
  if (code === DUPLICATE_KEY) return true;
  // A bulk write may carry the code only on its individual write errors.
  return Array.isArray(writeErrors) && writeErrors.some((w: { code?: unknown }) => w?.code === DUPLICATE_KEY);
}
