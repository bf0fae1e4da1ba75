import { idCheckChar } from '../src/shared/id-card';
import type { World } from './factories';
import { signIn, type TestServer } from './server';
import { TEST_PASSWORD } from './factories';

/** A valid fictional ID number: region, birth date (YYYYMMDD), 3-digit sequence (odd: male). */
export function fakeId(birth = '19800101', seq = '001', region = '339901'): string {
  const first17 = `${region}${birth}${seq}`;
  return first17 + idCheckChar(first17);
}

/** The body of POST /api/residents for an adult with their own consent; override anything. */
export function residentBody(nodeId: string, v: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    nodeId,
    name: '测试居民',
    gender: 'female',
    birthDate: '1980-05-06',
    consent: { given: true, purpose: '社区教育学习服务', givenBy: 'self', method: 'paper' },
    ...v,
  };
}

const made = new WeakMap<object, Promise<Record<string, string>>>();

/**
 * Residents outside county A's first town, made once per test server through the API:
 * B1a (other county), A2a (sibling town) and A1b (sibling village), each an adult with a
 * tag and a child under 14. Keys like "B1a", "B1a:child".
 */
export function foreignResidents(s: TestServer, w: World): Promise<Record<string, string>> {
  let p = made.get(s);
  if (!p) {
    p = (async () => {
      const out: Record<string, string> = {};
      const b = await signIn(s.app, 'b_county_admin', TEST_PASSWORD);
      const a = await signIn(s.app, 'a_county_admin', TEST_PASSWORD);
      const child = `${new Date().getFullYear() - 8}-03-04`;
      for (const [key, c, seq] of [
        ['B1a', b, '101'],
        ['A2a', a, '201'],
        ['A1b', a, '301'],
      ] as const) {
        const nodeId = w.nodes[key].id;
        const adult = await c.req(
          'POST',
          '/api/residents',
          residentBody(nodeId, {
            name: `外村${key}`,
            phone: `1390000${seq}1`,
            idNumber: fakeId('19700101', seq),
            birthDate: null,
            tags: ['elderly'],
            gender: 'male',
          }),
        );
        if (adult.statusCode !== 201) throw new Error(`foreign resident ${key}: ${adult.body}`);
        out[key] = adult.json().id;
        const kid = await c.req(
          'POST',
          '/api/residents',
          residentBody(nodeId, {
            name: `外村童${key}`,
            birthDate: child,
            consent: { given: true, purpose: '学习服务', givenBy: 'guardian', guardianName: '监护人', method: 'paper' },
          }),
        );
        if (kid.statusCode !== 201) throw new Error(`foreign child ${key}: ${kid.body}`);
        out[`${key}:child`] = kid.json().id;
        const hh = await c.req('POST', '/api/households', { nodeId, headName: `外村${key}`, building: '1组' });
        out[`${key}:household`] = hh.json().id;
      }
      out.countyB = w.nodes.B.id;
      return out;
    })();
    made.set(s, p);
  }
  return p;
}
