import { afterEach, expect, it } from '@jest/globals';
import { sendLimitRule } from './room-requests.js';
import { TokenBuckets } from './token-buckets.js';

// The send limit on a scripted clock: someone sending every 0.25 s, with the defaults (5, refilled 5 per 5 s).
let clock = 0;
const buckets: TokenBuckets[] = [];
const bucket = (capacity: number, perSecond: number) => {
  const b = new TokenBuckets(capacity, perSecond, () => clock);
  buckets.push(b);
  return b;
};
afterEach(() => {
  for (const b of buckets.splice(0)) b.stop();
  clock = 0;
});

/** The times (seconds) of the sends let through, one try every 0.25 s from 0 to `until`. */
function through(b: TokenBuckets, until: number): number[] {
  const passed: number[] = [];
  for (let t = 0; t <= until; t += 0.25) {
    clock = t * 1000;
    if (b.take('person') === 0) passed.push(t);
  }
  return passed;
}

it('lets 5 through in a row, then one a second: 9 of 17 tries in 4.1 s, which is what the refusal says', () => {
  expect(through(bucket(5, 5 / 5), 4.1)).toEqual([0, 0.25, 0.5, 0.75, 1, 1.25, 2, 3, 4]);
  expect(sendLimitRule(5, 5)).toBe('5 in a row, then one a second (messages and questions together)');
});

it('keeps one a second after the burst, whatever the pace of the tries', () => {
  const passed = through(bucket(5, 1), 60);
  expect(passed).toHaveLength(65);
  expect(passed.slice(6).every((t, i) => t - passed[5 + i]! === (i === 0 ? 0.75 : 1))).toBe(true);
});

it('says the rule for other settings in the same words', () => {
  expect(sendLimitRule(5, 3600)).toBe('5 in a row, then one every 720 seconds (messages and questions together)');
  expect(sendLimitRule(3, 1)).toBe('3 in a row, then one every 0.33 seconds (messages and questions together)');
});
