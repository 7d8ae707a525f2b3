import { describe, expect, it } from 'vitest';
import { percentiles } from '../bench/load.js';

// The bench's latency figures: autocannon's own are whole milliseconds, which cannot tell a
// 1.3× hop from a 1.5× one when a direct read takes 2 ms.
describe('bench percentile', () => {
  it('takes the nearest rank, to the hundredth of a millisecond', () => {
    const latencies = [3.456, 1.234, 2.345, 9.999, 1.5];
    expect(percentiles(latencies, [50, 90, 1])).toEqual([2.35, 10, 1.23]);
  });

  it('sorts as numbers, not as text', () => {
    expect(percentiles([10, 9, 100, 2], [50])).toEqual([9]);
  });

  it('is 0 when nothing was measured', () => {
    expect(percentiles([], [50, 99])).toEqual([0, 0]);
  });
});
