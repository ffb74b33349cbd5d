import { SignJWT } from 'jose';
import { codes, createTestApp, DEMO_PASSWORD, TEST_SECRET, type TestApp } from '../setup/test-app';

const LOGIN =
  'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken expiresIn person { displayName email roles } } }';
const REFRESH = 'mutation { refreshSession { accessToken person { email } } }';

describe('sign-in, sessions and tokens', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const cookieOf = (res: { headers: Record<string, unknown> }) =>
    ((res.headers['set-cookie'] as string[] | undefined) ?? []).find((c) => c.startsWith('symmetry_rt='));

  it('signs in with the demo password and answers me with e-mail and roles', async () => {
    const res = await t
      .http()
      .post('/graphql')
      .send({ query: LOGIN, variables: { e: 'HR@meridian.example', p: DEMO_PASSWORD } });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.login.person).toEqual({
      displayName: 'Hélène Moreau',
      email: 'hr@meridian.example',
      roles: expect.arrayContaining(['HR', 'EMPLOYEE']),
    });
    expect(res.body.data.login.expiresIn).toBe(900);
    const cookie = cookieOf(res)!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\/graphql/);
    const me = await t.gql('{ me { displayName email roles } }', {}, res.body.data.login.accessToken);
    expect(me.data!.me).toEqual({
      displayName: 'Hélène Moreau',
      email: 'hr@meridian.example',
      roles: ['EMPLOYEE', 'HR', 'SUPPORT_AGENT'],
    });
  });

  it('refuses an invalid e-mail as bad input naming the field', async () => {
    const r = await t.gql(LOGIN, { e: 'not-an-email', p: 'x' });
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.errors![0].extensions!.field).toBe('email');
  });

  it('refuses a wrong password without saying whether the account exists', async () => {
    const known = await t.gql(LOGIN, { e: 'agent@meridian.example', p: 'wrong' });
    const unknown = await t.gql(LOGIN, { e: 'nobody@meridian.example', p: 'wrong' });
    expect(codes(known)).toEqual(['UNAUTHENTICATED']);
    expect(unknown.errors![0].message).toBe(known.errors![0].message);
  });

  it('locks an e-mail after 5 failures, even for the right password, and aliased attempts count one by one', async () => {
    const aliases = Array.from(
      { length: 6 },
      (_, i) => `a${i}: login(email: "employee@meridian.example", password: "guess${i}") { accessToken }`,
    ).join('\n');
    const r = await t.gql(`mutation { ${aliases} }`);
    const byAlias = (r.errors ?? []).map((e) => [e.path![0], e.extensions!.code]);
    expect(byAlias).toEqual([
      ['a0', 'UNAUTHENTICATED'],
      ['a1', 'UNAUTHENTICATED'],
      ['a2', 'UNAUTHENTICATED'],
      ['a3', 'UNAUTHENTICATED'],
      ['a4', 'TOO_MANY_REQUESTS'],
      ['a5', 'TOO_MANY_REQUESTS'],
    ]);
    const right = await t.gql(LOGIN, { e: 'employee@meridian.example', p: DEMO_PASSWORD });
    expect(codes(right)).toEqual(['TOO_MANY_REQUESTS']);
    // The lock is in PostgreSQL: once it has passed, the right password works again.
    await t.db.query(
      "UPDATE login_throttle SET locked_until = now() - interval '1 second' WHERE email = 'employee@meridian.example'",
    );
    expect(codes(await t.gql(LOGIN, { e: 'employee@meridian.example', p: DEMO_PASSWORD }))).toEqual([]);
  });

  it('refuses a forged, an expired and a malformed token', async () => {
    const good = await t.login('agent@meridian.example');
    const payload = JSON.parse(Buffer.from(good.split('.')[1], 'base64url').toString());
    const forged = await new SignJWT({ ...payload, roles: ['ADMIN'] })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode('another-secret-another-secret-another-secret'));
    const expired = await new SignJWT({ pid: payload.pid, org: payload.org, roles: payload.roles })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(payload.sub)
      .setIssuer('symmetry')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 3600)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(new TextEncoder().encode(TEST_SECRET));
    const f = await t.gql('{ me { id } }', {}, forged);
    const e = await t.gql('{ me { id } }', {}, expired);
    const m = await t.gql('{ me { id } }', {}, 'not.a.token');
    expect([codes(f), codes(e), codes(m)]).toEqual([
      ['UNAUTHENTICATED'],
      ['UNAUTHENTICATED'],
      ['UNAUTHENTICATED'],
    ]);
    expect(e.errors![0].message).toMatch(/expired/i);
    expect(codes(await t.gql('{ me { id } }'))).toEqual(['UNAUTHENTICATED']);
  });

  it('rotates the refresh token, revokes the family on reuse, and logout ends the session', async () => {
    const first = await t
      .http()
      .post('/graphql')
      .send({ query: LOGIN, variables: { e: 'manager@meridian.example', p: DEMO_PASSWORD } });
    const c1 = cookieOf(first)!.split(';')[0];
    const r2 = await t.http().post('/graphql').set('cookie', c1).send({ query: REFRESH });
    expect(r2.body.data.refreshSession.person.email).toBe('manager@meridian.example');
    const c2 = cookieOf(r2)!.split(';')[0];
    expect(c2).not.toBe(c1);
    // Re-presenting the replaced token after the grace period is theft: the family is revoked.
    await t.db.query(
      "UPDATE refresh_token SET revoked_at = now() - interval '1 minute' WHERE revoked_at IS NOT NULL",
    );
    const reuse = await t.http().post('/graphql').set('cookie', c1).send({ query: REFRESH });
    expect(reuse.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const after = await t.http().post('/graphql').set('cookie', c2).send({ query: REFRESH });
    expect(after.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');

    const again = await t
      .http()
      .post('/graphql')
      .send({ query: LOGIN, variables: { e: 'manager@meridian.example', p: DEMO_PASSWORD } });
    const c3 = cookieOf(again)!.split(';')[0];
    const out = await t.http().post('/graphql').set('cookie', c3).send({ query: 'mutation { logout }' });
    expect(out.body.data.logout).toBe(true);
    expect(cookieOf(out)).toMatch(/symmetry_rt=;/);
    const dead = await t.http().post('/graphql').set('cookie', c3).send({ query: REFRESH });
    expect(dead.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('a person whose leaving date has come can neither sign in nor refresh; a date still to come changes nothing yet', async () => {
    const hr = await t.login('hr@meridian.example');
    const [{ id, organization_id: org }] = await t.db.query(
      `SELECT id, organization_id FROM person WHERE email = 'agent@meridian.example'`,
    );
    const signIn = () =>
      t
        .http()
        .post('/graphql')
        .send({ query: LOGIN, variables: { e: 'agent@meridian.example', p: DEMO_PASSWORD } });
    const setLeaving = (leftOn: string | null) =>
      t.gql(
        `mutation($p: ID!, $d: String) { setPersonLeaving(personId: $p, leftOn: $d) { id leftOn } }`,
        { p: id, d: leftOn },
        hr,
      );
    const [{ today, tomorrow }] = await t.db.query(
      `SELECT to_char(d, 'YYYY-MM-DD') AS today, to_char(d + 1, 'YYYY-MM-DD') AS tomorrow
         FROM (SELECT (now() AT TIME ZONE time_zone)::date AS d FROM organization WHERE id = $1) x`,
      [org],
    );
    const session = cookieOf(await signIn())!.split(';')[0];
    expect((await setLeaving(tomorrow)).data!.setPersonLeaving.leftOn).toBe(tomorrow);
    expect((await signIn()).body.data.login.person.email).toBe('agent@meridian.example');

    expect((await setLeaving(today)).data!.setPersonLeaving.leftOn).toBe(today);
    const refused = await signIn();
    expect(refused.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    // The same answer as a wrong password: nothing says the account exists or why it is refused.
    expect(refused.body.errors[0].message).toBe('Wrong e-mail or password');
    const refresh = await t.http().post('/graphql').set('cookie', session).send({ query: REFRESH });
    expect(refresh.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(refresh.body.errors[0].message).toMatch(/left the organisation/);

    expect((await setLeaving(null)).data!.setPersonLeaving.leftOn).toBeNull();
    await t.db.query('DELETE FROM login_throttle');
    expect((await signIn()).body.data.login.person.email).toBe('agent@meridian.example');

    // The demo's former staff (who left over the past two years) share the demo password: refused.
    const [former] = await t.db.query(
      `SELECT email FROM person WHERE left_on <= current_date - 1 AND organization_id = $1 ORDER BY email LIMIT 1`,
      [org],
    );
    expect(former).toBeDefined();
    expect(codes(await t.gql(LOGIN, { e: former.email, p: DEMO_PASSWORD }))).toEqual(['UNAUTHENTICATED']);
  });

  it('stores passwords as argon2id hashes only', async () => {
    const [row] = await t.db.query(
      "SELECT password_hash FROM user_account WHERE email = 'hr@meridian.example'",
    );
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });
});
