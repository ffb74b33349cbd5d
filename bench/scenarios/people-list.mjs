// people-list: the directory page (50 people with team, manager, position) on 10,000 people,
// against the floor of a bare `{ __typename }` GraphQL query on the same server, same run.
import { cli, graphql, load, report, startServer } from '../lib.mjs';

export const PEOPLE = 10000;
const TARGET_P95 = 25;
const TARGET_RATIO = 0.4;
const QUERY = `query People($offset: Int!) { people(offset: $offset, limit: 50) { totalCount items {
  id displayName jobTitle team { id name } manager { id displayName } position { id title level } } } }`;

export async function run({ seconds = 10 } = {}) {
  cli(['seed', '--people', String(PEOPLE)]);
  const server = await startServer({ DATA_DIR: (await import('../lib.mjs')).BENCH_DATA, SEED: 'none' });
  try {
    const login = await graphql(
      server.url,
      `mutation { login(email: "hr@bench${PEOPLE}.example", password: "symmetry-demo") { accessToken } }`,
    );
    const token = login.data.login.accessToken;
    const check = await graphql(server.url, QUERY, { offset: 5000 }, token);
    if (check.errors || check.data.people.items.length !== 50)
      throw new Error(`people query failed: ${JSON.stringify(check.errors)}`);
    const n = check.data.people.totalCount;
    const headers = { authorization: `Bearer ${token}` };
    const body = { query: QUERY, variables: { offset: 5000 } };
    const floorBody = { query: '{ __typename }' };
    await load({ url: server.url, body, headers, seconds: 3 }); // warm-up
    await load({ url: server.url, body: floorBody, headers, seconds: 2 });
    const ours = await load({ url: server.url, body, headers, seconds });
    const floor = await load({ url: server.url, body: floorBody, headers, seconds });
    if (ours.failed || floor.failed)
      throw new Error(`failed requests: ours ${ours.failed}, floor ${floor.failed}`);
    const ratio = ours.rps / floor.rps;
    report({
      scenario: 'people-list',
      n,
      p50_ms: ours.p50,
      p95_ms: ours.p95,
      rps: ours.rps,
      floor: 'bare-typename-query',
      floor_p95_ms: floor.p95,
      floor_rps: floor.rps,
      floor_ratio: ratio,
      target_p95_ms: TARGET_P95,
      ok: ours.p95 <= TARGET_P95 && ratio >= TARGET_RATIO,
    });
  } finally {
    await server.stop();
  }
}
