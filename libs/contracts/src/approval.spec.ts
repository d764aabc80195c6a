import { ApprovalDecision, rollUpDecisions } from './approval.js';

const { PENDING, APPROVED, REJECTED } = ApprovalDecision;

describe('rollUpDecisions', () => {
  it('is approved as soon as one institution approves, whatever the others decided', () => {
    expect(rollUpDecisions([APPROVED])).toBe(APPROVED);
    expect(rollUpDecisions([REJECTED, PENDING, APPROVED])).toBe(APPROVED);
    expect(rollUpDecisions([REJECTED, APPROVED, REJECTED])).toBe(APPROVED);
  });

  it('waits while none approved and one is yet to decide', () => {
    expect(rollUpDecisions([PENDING])).toBe(PENDING);
    expect(rollUpDecisions([REJECTED, PENDING, REJECTED])).toBe(PENDING);
  });

  it('is rejected when every institution rejected, or none is left to decide', () => {
    expect(rollUpDecisions([REJECTED])).toBe(REJECTED);
    expect(rollUpDecisions([REJECTED, REJECTED])).toBe(REJECTED);
    expect(rollUpDecisions([])).toBe(REJECTED);
  });
});
