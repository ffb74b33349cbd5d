import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createApolloClient } from './platform/apollo/client';
import { restoreSession } from './platform/auth/session';
import './platform/i18n/i18n';

const client = createApolloClient();
// Restore the session from the refresh cookie while React renders the loading screen.
void restoreSession();

const container = document.getElementById('root');
if (!container) throw new Error('Missing #root element');

createRoot(container).render(
  <StrictMode>
    <App client={client} />
  </StrictMode>,
);
