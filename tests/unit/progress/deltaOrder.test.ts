import fc from 'fast-check';
import {
  CLEAN_SESSIONS_KEPT,
  applyDeltas,
  cleanSessionsOf,
  stampJson,
  storedLevel,
  type Day,
  type ProgressDelta,
} from '../../../lambda/src/progress';
import { EXERCISES, history, landingOrder, noticed } from '../../support/progressHistory';
import { must } from './fixtures';

/**
 * The merge of progress deltas, without the store: two devices, writes that time out and are
 * sent again, a late write landing after later ones. Whatever order the deltas are applied
 * in, and however often each, the user sees the same progress, and it is what the sessions
 * did.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);

/** Up to six sessions: at most 18 deltas, within the ids a profile remembers (APPLIED_KEPT). */
const withOrder = history(6).chain((h) => fc.tuple(fc.constant(h), landingOrder(h)));

/** Newest by time, then by the greater value: the tie rule written out. */
const newestOf = <T>(stamped: readonly { at: number; value: T }[]): T | undefined =>
  [...stamped].sort((a, b) => a.at - b.at || (stampJson(a.value) < stampJson(b.value) ? -1 : 1)).at(-1)
    ?.value;

describe('applying progress deltas', () => {
  it('gives the same progress whatever order they land in, and however often one is re-sent', () => {
    fc.assert(
      fc.property(withOrder, ([h, order]) => {
        expect(noticed(applyDeltas(undefined, order))).toEqual(noticed(applyDeltas(undefined, h.deltas)));
      }),
      { numRuns: RUNS },
    );
  });

  it('counts each session once, under the earliest day any of its exercises was done on', () => {
    fc.assert(
      fc.property(withOrder, ([h, order]) => {
        const firstDay = new Map<string, Day>();
        for (const d of h.deltas) {
          for (const s of d.sessions ?? []) {
            const known = firstDay.get(s.id);
            if (known === undefined || s.day < known) firstDay.set(s.id, s.day);
          }
        }
        const perDay: Record<Day, number> = {};
        for (const day of firstDay.values()) perDay[day] = (perDay[day] ?? 0) + 1;
        const p = must(applyDeltas(undefined, order));
        expect(p.sessionsTotal).toBe(firstDay.size);
        const counted = Object.fromEntries(
          Object.entries(p.days)
            .filter(([, t]) => t.sessions > 0)
            .map(([day, t]) => [day, t.sessions]),
        );
        expect(counted).toEqual(perDay);
      }),
      { numRuns: RUNS },
    );
  });

  it('credits a session done cleanly at the current level after it was set and after the last pain stop or easier version', () => {
    fc.assert(
      fc.property(withOrder, ([h, order]) => {
        const p = must(applyDeltas(undefined, order));
        for (const exercise of EXERCISES) {
          const settings = h.deltas.flatMap((d) => {
            const s = d.levels?.[exercise];
            return s ? [{ at: s.updatedAt, value: s.level }] : [];
          });
          const level = newestOf(settings) ?? 0;
          const at = (d: ProgressDelta, clean: boolean) =>
            (d.practice ?? []).filter(
              (x) => x.exercise === exercise && x.level === level && x.clean === clean,
            );
          const countFrom = Math.max(
            0,
            ...settings.filter((s) => s.value === level).map((s) => s.at),
            ...h.deltas.filter((d) => at(d, false).length > 0).map((d) => d.at),
          );
          const lastClean = new Map<string, number>();
          for (const d of h.deltas.filter((x) => x.at >= countFrom)) {
            for (const x of at(d, true))
              lastClean.set(x.sessionId, Math.max(lastClean.get(x.sessionId) ?? 0, d.at));
          }
          const expected = [...lastClean]
            .sort(([a, x], [b, y]) => x - y || a.localeCompare(b))
            .slice(-CLEAN_SESSIONS_KEPT)
            .map(([id]) => id);
          expect(storedLevel(p, exercise)).toBe(level);
          expect(cleanSessionsOf(p.practice[exercise], level)).toEqual(expected);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps the newest clear-screen day or its forgetting, pace and resume point, by when they were said', () => {
    fc.assert(
      fc.property(withOrder, ([h, order]) => {
        const p = must(applyDeltas(undefined, order));
        const screen = h.deltas.flatMap((d) =>
          d.clearScreenDay === undefined ? [] : [{ at: d.at, value: d.clearScreenDay }],
        );
        const paces = h.deltas.flatMap((d) =>
          d.pace ? [{ at: d.pace.updatedAt, value: d.pace.value }] : [],
        );
        const resumes = h.deltas.flatMap((d) =>
          d.resume ? [{ at: d.resume.updatedAt, value: d.resume.value }] : [],
        );
        expect(p.lastClearScreenDay).toEqual(newestOf(screen) ?? null);
        expect(p.pace?.value).toEqual(newestOf(paces));
        expect(p.resume).toEqual(newestOf(resumes) ?? null);
      }),
      { numRuns: RUNS },
    );
  });
});
