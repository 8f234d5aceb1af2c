import { StrictMode, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { t, uiDirection, uiLocale } from '@/utils/i18n/t';
import { SettingsProvider } from './SettingsContext';
import './duet.css';

/** Renders one of Duet's pages (popup, options) with the shared settings store around it. */
export function mountApp(App: ComponentType, titleKey?: string): void {
  // The page speaks the reader's language, in its direction (Arabic reads right to left).
  document.documentElement.lang = uiLocale();
  document.documentElement.dir = uiDirection();
  if (titleKey) document.title = t(titleKey);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <SettingsProvider>
        <App />
      </SettingsProvider>
    </StrictMode>,
  );
}
