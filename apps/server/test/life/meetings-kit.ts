/** The shared set-up of the organizational life tests: village A1 with eight more members and a probationary one. */
import type { DialectName } from '../../src/db/database.js';
import { afterAll, beforeAll, expect } from 'vitest';
import { testIdNumber, type Client, type Fixture, type TestEnv, openFixture } from '../harness.js';
import { multipart, png } from '../files.js';

/** A 1×1 PNG with a tEXt chunk and an eXIf chunk holding fake GPS data. */
export function pngWithMetadata(): Buffer {
  return png([
    ['tEXt', 'Comment\0GPS 28.1234N 112.5678E secret place'],
    ['eXIf', 'MM\0*GPSLatitude 28.1234'],
  ]);
}

export { multipart };

/** Registers the set-up hooks of one dialect; what it makes is read through the returned getters. */
export function meetingsEnv(dialect: DialectName) {
  let env: TestEnv, fx: Fixture, county: Client, sec: Client;
  const extra: number[] = [];
  let probationary = 0;
  beforeAll(async () => {
    ({ env, fx, county, sec } = await openFixture(dialect, { county: 't-county', sec: 't-sec-a1' }));
    // Village A1: 张三 plus eight full members and one probationary member.
    for (let i = 0; i < 8; i++) {
      extra.push(
        (
          await county.post('/api/members', {
            orgId: fx.villageA1,
            name: `党员${i}`,
            idNumber: testIdNumber('male', `197${i}-01-01`),
            gender: 'male',
            joinedAt: '2000-07-01',
          })
        ).json().id,
      );
    }
    probationary = (
      await county.post('/api/members', {
        orgId: fx.villageA1,
        name: '预备甲',
        idNumber: testIdNumber('female', '1999-09-09'),
        gender: 'female',
        joinedAt: '2026-03-01',
      })
    ).json().id;
    expect((await county.get(`/api/members/${probationary}`)).json().status).toBe('probationary');
  });
  afterAll(() => env.close());

  const meeting = (over: Record<string, unknown> = {}) => ({
    orgId: fx.villageA1,
    kind: 'committee_meeting',
    topic: '研究本月工作',
    heldOn: '2026-06-10',
    startTime: '19:30',
    endTime: '21:00',
    place: '村党群服务中心',
    hostName: '张三',
    recorderName: '党员0',
    minutes: '会议研究了本月重点工作。',
    ...over,
  });
  return {
    get env() {
      return env;
    },
    get fx() {
      return fx;
    },
    get sec() {
      return sec;
    },
    get county() {
      return county;
    },
    get probationary() {
      return probationary;
    },
    extra,
    meeting,
  };
}
