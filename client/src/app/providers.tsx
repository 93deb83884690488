// Everything the app needs around it: the server-state cache and the interface language.
import { QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { I18nProvider } from '../i18n/i18n-context';
import { createQueryClient } from './query-client';

export function AppProviders({ browserLocale, children }: { browserLocale: string; children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider browserLocale={browserLocale}>{children}</I18nProvider>
    </QueryClientProvider>
  );
}
