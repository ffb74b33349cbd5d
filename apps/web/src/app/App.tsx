import { ApolloProvider } from '@apollo/client/react';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { Suspense } from 'react';
import { I18nextProvider } from 'react-i18next';
import { RouterProvider } from 'react-router/dom';
import type { ApolloClient } from '@apollo/client';
import { i18n } from '../platform/i18n/i18n';
import { theme } from '../platform/theme/theme';
import { PageLoader } from '../modules/shell/components/PageLoader';
import { router } from './routes';

export function App({ client }: { client: ApolloClient }) {
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} defaultColorScheme="light">
        <Notifications position="top-right" />
        <ApolloProvider client={client}>
          <Suspense fallback={<PageLoader fullScreen />}>
            <RouterProvider router={router} />
          </Suspense>
        </ApolloProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}
