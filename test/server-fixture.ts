import { afterAll, beforeAll } from 'vitest';
import { buildWorld, TEST_PASSWORD, type World } from './factories';
import { signIn, startTestServer, type Client, type TestServer } from './server';

/** Signs these users in, all with TEST_PASSWORD (as factories make them); the clients in the order named. */
export function signInAll(app: TestServer['app'], ...usernames: string[]): Promise<Client[]> {
  return Promise.all(usernames.map((u) => signIn(app, u, TEST_PASSWORD)));
}

/**
 * One test server for the whole test file, on a fresh database: started before the file's
 * tests (beforeAll) and closed after them (afterAll). Call it at the top of the file.
 *
 * The object comes back empty and beforeAll fills it in, so read it inside tests and hooks only;
 * a file's own beforeAll, registered after this call, runs after it and may use it.
 */
export function useTestServer(): TestServer {
  const s = {} as TestServer;
  beforeAll(async () => {
    Object.assign(s, await startTestServer());
  });
  afterAll(() => s.close());
  return s;
}

/**
 * useTestServer on the two-county world of buildWorld (`w`), with the named users signed in
 * (`clients`, in the order named; every world user has TEST_PASSWORD). Like the server, the
 * world and the clients are filled in by beforeAll.
 *
 * `const { s, w, clients: [centre, town] } = useWorldServer('a_centre_manager', 'a_town_admin');`
 */
export function useWorldServer<const U extends readonly string[]>(...usernames: U) {
  const s = useTestServer();
  const w = {} as World;
  const clients = usernames.map(() => ({}) as Client) as { [K in keyof U]: Client };
  beforeAll(async () => {
    Object.assign(w, await buildWorld(s.database));
    (await signInAll(s.app, ...usernames)).forEach((c, i) => Object.assign(clients[i], c));
  });
  return { s, w, clients };
}
