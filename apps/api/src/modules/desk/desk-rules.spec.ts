import { CommitmentStatus, RequestState } from './dto/desk.types';
import { nextStatusChange, statusOf } from './desk-rules';

describe('nextStatusChange', () => {
  const base = Date.UTC(2026, 0, 5, 9);
  const h = 3_600_000;
  const at = (hours: number) => new Date(base + hours * h);
  const request = (over: Partial<Parameters<typeof statusOf>[0]> = {}) => ({
    state: RequestState.IN_PROGRESS,
    resolution_met: null,
    first_responded_at: null,
    first_response_risk_at: at(2),
    first_response_due_at: at(4),
    resolution_risk_at: at(10),
    resolution_due_at: at(20),
    ...over,
  });

  it('statusOf is constant from now until the moment given, and changes there', () => {
    const cases = [
      request(),
      request({ first_responded_at: at(1) }),
      request({ state: RequestState.NEW, first_response_risk_at: at(12), first_response_due_at: at(15) }),
      request({ state: RequestState.ACKNOWLEDGED, resolution_risk_at: at(3) }),
    ];
    let changes = 0;
    for (const r of cases) {
      for (let now = -1; now <= 22; now += 0.25) {
        const from = at(now);
        const next = nextStatusChange(r, from);
        const status = statusOf(r, from);
        // every quarter hour (and the last millisecond) before the change: unchanged
        for (let t = from.getTime(); t < Math.min(next, at(25).getTime()); t += h / 4)
          expect(statusOf(r, new Date(t))).toBe(status);
        if (Number.isFinite(next)) {
          expect(next).toBeGreaterThan(from.getTime());
          expect(statusOf(r, new Date(next - 1))).toBe(status);
          expect(statusOf(r, new Date(next))).not.toBe(status);
          changes++;
        } else {
          expect(statusOf(r, at(1000))).toBe(status);
        }
      }
    }
    expect(changes).toBeGreaterThan(100);
  });

  it('never for closed, resolved, waiting or late requests', () => {
    for (const state of [RequestState.RESOLVED, RequestState.CLOSED, RequestState.WAITING_ON_REQUESTER])
      expect(nextStatusChange(request({ state }), at(0))).toBe(Infinity);
    expect(statusOf(request(), at(5))).toBe(CommitmentStatus.LATE);
    expect(nextStatusChange(request(), at(5))).toBe(Infinity);
    expect(nextStatusChange(request(), at(0))).toBe(at(2).getTime());
    expect(nextStatusChange(request({ first_responded_at: at(0) }), at(0))).toBe(at(10).getTime());
  });
});
