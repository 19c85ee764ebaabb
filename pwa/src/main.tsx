import { render } from 'preact';
// Before the app: the mentor and board screens' own stylesheets (imported with them) refine it.
import './styles/care.css';
import { App } from './app';
import './styles/base.css';
import './styles/forms.css';
import './styles/pages.css';

render(<App />, document.getElementById('app')!);

// Registered from here, not an inline script, so the CSP can forbid inline code.
if ('serviceWorker' in navigator && import.meta.env.PROD) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {
      // No service worker (e.g. private mode): the app still works online.
    });
  });
}
