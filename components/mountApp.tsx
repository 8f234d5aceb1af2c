import { StrictMode, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { SettingsProvider } from './SettingsContext';
import './duet.css';

/** Renders one of Duet's pages (popup, options) with the shared settings store around it. */
export function mountApp(App: ComponentType): void {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <SettingsProvider>
        <App />
      </SettingsProvider>
    </StrictMode>,
  );
}
