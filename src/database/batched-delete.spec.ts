import { deleteInBatches } from './batched-delete';

describe('deleteInBatches', () => {
  it('repeats full batches until one comes back short, and answers the total', async () => {
    let left = 25;
    const batches: number[] = [];
    const total = await deleteInBatches(async (batch) => {
      const deleted = Math.min(batch, left);
      left -= deleted;
      batches.push(deleted);
      return deleted;
    }, 10);
    expect(total).toBe(25);
    expect(batches).toEqual([10, 10, 5]);
  });

  it('stops after a bounded number of batches, leaving the rest for the next run', async () => {
    let calls = 0;
    const total = await deleteInBatches(async (batch) => {
      calls++;
      return batch;
    }, 10);
    expect(calls).toBe(100);
    expect(total).toBe(1000);
  });
});
