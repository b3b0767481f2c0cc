import { describe, expect, it } from "vitest";
import { checkExercise, EXERCISES } from "../../../src/workbook";
import { HIDDEN, plant, plantMistake, plantWrong } from "./planted";

/** Chapters covered by this file (the planted tests are split over files so vitest runs them in parallel). */
export function describePlanted(chapters: readonly number[]): void {
  /**
   * Every check can fail: a planted wrong answer fails each exercise, publicly and when
   * graded, and each classic mistake gets its own hint.
   */
  describe(`planted answers, chapters ${chapters.join(", ")}`, () => {
    for (const ex of EXERCISES.filter((e) => chapters.includes(e.chapter))) {
      describe(ex.id, () => {
        it(`checkExercise("${ex.id}") passes the reference itself, planted in memory`, () => {
          const v = checkExercise(ex.id, { exports: plant(ex, (e) => e), hidden: HIDDEN });
          expect(v.checks.filter((c) => !c.passed)).toEqual([]);
          expect(v.status).toBe("pass");
        });

        it(`checkExercise("${ex.id}") fails a wrong answer, publicly and hidden`, () => {
          const pub = checkExercise(ex.id, { exports: plantWrong(ex) });
          expect(pub.status).toBe("fail");
          expect(pub.points).toBe(0);
          const graded = checkExercise(ex.id, { exports: plantWrong(ex), hidden: HIDDEN });
          expect(graded.checks.some((c) => c.visibility === "hidden" && !c.passed)).toBe(true);
        });

        for (const hint of ex.hints) {
          it(`checkExercise("${ex.id}") answers the "${hint.id}" mistake with its hint`, () => {
            const planted = plantMistake(ex, hint);
            expect(planted, `no way to plant ${hint.id}`).toBeDefined();
            const pub = checkExercise(ex.id, { exports: planted! });
            expect(pub.status).toBe("fail");
            expect(pub.hints).toContain(hint.message);
            const graded = checkExercise(ex.id, { exports: planted!, hidden: HIDDEN });
            expect(graded.hints).toContain(hint.message);
          });
        }
      });
    }
  });
}
