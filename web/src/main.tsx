import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { startLocale } from './i18n';
import './styles.css';

const root = document.getElementById('root');
if (root) {
  // The worker's language is fetched before the first paint, so the page never flashes English.
  await startLocale();
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
