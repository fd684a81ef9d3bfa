import { describe, expect, it } from "vitest";
import { nulPath, rejectNul } from "@/lib/http/nul";

describe("NUL characters in input", () => {
  it("names the first field holding a NUL, in nested objects, arrays and keys", () => {
    expect(nulPath({ a: "ok", b: { c: ["x", "y\u0000"] } })).toBe("b.c.1");
    expect(nulPath({ ["k\u0000"]: 1 })).toBe("k\u0000");
    expect(nulPath("top\u0000")).toBe("");
    expect(nulPath({ a: "fine", n: 1, z: null, e: "\u200B", emoji: "🧪" })).toBeNull();
    expect(nulPath({ s: ["ok", "a\uD800b"] })).toBe("s.1");
  });

  it("refuses with a validation error (422) naming the field", () => {
    expect(() => rejectNul({ name: "a\u0000b" }, "The body")).toThrow(expect.objectContaining({ code: "validation", errors: [expect.objectContaining({ path: "name" })] }));
    expect(() => rejectNul({ name: "ab" }, "The body")).not.toThrow();
  });
});
