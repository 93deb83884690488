// The design the teacher is working on, shared by the designer's parts, and the one way they save: at the revision read.
import { createContext, useContext } from 'react';
import type { DesignView } from '../api/types';

export interface Designer {
  design: DesignView;
  /** Runs a write at the current revision, then reads the design again. Throws the ApiError; the caller keeps its form open. */
  save<T extends { revision: number }>(write: (revision: number) => Promise<T>): Promise<T>;
  /** Reads the design again without closing any open form (after someone else changed it). */
  reload(): Promise<void>;
}

export const DesignerContext = createContext<Designer | null>(null);

export function useDesigner(): Designer {
  const designer = useContext(DesignerContext);
  if (!designer) throw new Error('useDesigner must be used inside the DesignerHome');
  return designer;
}
