import { describe, expect, it } from "vitest";
import { calendarDay, daysBetween, isReviewDue, withReviewBy } from "../../lib/domain/review";
import { reviewDateSchema } from "../../lib/schemas/record";

describe("isReviewDue", () => {
  const accepted = (reviewBy: string | null) => ({ status: "accepted", reviewBy });

  it("is due on the review day and after it, not the day before", () => {
    expect(isReviewDue(accepted("2026-12-01"), "2026-11-30")).toBe(false);
    expect(isReviewDue(accepted("2026-12-01"), "2026-12-01")).toBe(true);
    expect(isReviewDue(accepted("2026-12-01"), "2027-01-15")).toBe(true);
  });

  it("is never due without a date, or for a record that is not in force", () => {
    expect(isReviewDue(accepted(null), "2026-12-01")).toBe(false);
    for (const status of ["proposed", "rejected", "deprecated", "superseded by ADR-0004"]) {
      expect(isReviewDue({ status, reviewBy: "2020-01-01" }, "2026-12-01")).toBe(false);
    }
  });
});

describe("calendar days", () => {
  it("takes the UTC day of an instant, whatever the local clock says", () => {
    expect(calendarDay(new Date("2026-12-01T23:59:59-05:00"))).toBe("2026-12-02");
    expect(calendarDay(new Date("2026-12-01T00:00:00Z"))).toBe("2026-12-01");
  });

  it("counts whole days across a month end and a leap day", () => {
    expect(daysBetween("2028-02-27", "2028-03-01")).toBe(3);
    expect(daysBetween("2026-12-01", "2026-11-24")).toBe(-7);
  });
});

describe("reviewDateSchema", () => {
  it("accepts real calendar days, leap days included", () => {
    for (const day of ["2026-12-01", "2028-02-29", "2000-02-29"])
      expect(reviewDateSchema.parse(day)).toBe(day);
  });

  it("refuses days that do not exist and other spellings", () => {
    for (const bad of [
      "2026-02-30",
      "2027-02-29",
      "1900-02-29",
      "2026-13-01",
      "2026-1-5",
      "01/12/2026",
      "2026-12-01T00:00:00Z",
      "",
      20261201,
    ]) {
      expect(reviewDateSchema.safeParse(bad).success, String(bad)).toBe(false);
    }
  });
});

describe("withReviewBy", () => {
  const record = [
    "---",
    'status: "accepted"',
    "date: 2024-05-02",
    "informed: []",
    "---",
    "",
    "# ADR-0001: Pick",
    "",
  ].join("\n");

  it("adds the line after the date, replaces it, and removes it, leaving the rest untouched", () => {
    const added = withReviewBy(record, "2026-06-30");
    expect(added.split("\n").slice(0, 5)).toEqual([
      "---",
      'status: "accepted"',
      "date: 2024-05-02",
      "review-by: 2026-06-30",
      "informed: []",
    ]);
    expect(withReviewBy(added, "2027-01-01")).toBe(added.replace("2026-06-30", "2027-01-01"));
    expect(withReviewBy(added, null)).toBe(record);
  });

  it("keeps Windows line ends and gives a file without front matter one", () => {
    expect(withReviewBy(record.replace(/\n/g, "\r\n"), "2026-06-30")).toBe(
      withReviewBy(record, "2026-06-30").replace(/\n/g, "\r\n"),
    );
    expect(withReviewBy("# Old record\n", "2026-06-30")).toBe(
      "---\nreview-by: 2026-06-30\n---\n# Old record\n",
    );
    expect(withReviewBy("# Old record\n", null)).toBe("# Old record\n");
  });
});
