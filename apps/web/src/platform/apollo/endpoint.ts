/** Same origin in production (the API serves the app) and through the Vite proxy in development. */
export const GRAPHQL_ENDPOINT = '/graphql';
