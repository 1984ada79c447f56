import { describe, expect, it } from "vitest";
import { fieldLabel, isIdField, valueLabel } from "@/components/labels";

describe("labels for stored values", () => {
  it("reads enum values as words under their field", () => {
    expect(valueLabel("weightMode", "FIXED")).toBe("Fixed weights");
    expect(valueLabel("revealPolicy", "AFTER_CLOSE")).toBe("Hidden until the vote closes");
    expect(valueLabel("role", "AUDITOR")).toBe("Auditor");
    expect(valueLabel("reason", "lead")).toBe("Closed by an owner or lead");
    expect(valueLabel("reason", "deadline")).toBe("The deadline passed");
    expect(valueLabel("status", "CLOSED")).toBe("Closed");
    expect(valueLabel("status", "superseded by ADR-0007")).toBe("Superseded by ADR-0007");
  });

  it("leaves free text alone, even when it looks like an enum", () => {
    expect(valueLabel("title", "FIXED")).toBeUndefined();
    expect(valueLabel("reason", "Found a bug in the ballot")).toBeUndefined();
    expect(valueLabel(undefined, "LIVE")).toBeUndefined();
  });

  it("names fields in words and knows which hold ids", () => {
    expect(fieldLabel("reason")).toBe("Why");
    expect(fieldLabel("chosenOptionId")).toBe("Chosen option");
    expect(fieldLabel("expiresAt")).toBe("Expires at");
    expect(isIdField("chosenOptionId")).toBe(true);
    expect(isIdField("owner")).toBe(true);
    expect(isIdField("title")).toBe(false);
  });
});
