import { describe, expect, it } from "vitest";
import { dirAttribute, directionOfLanguage } from "./text-direction";

describe("directionOfLanguage", () => {
  it("reads Dari, Pashto, Persian, Arabic, Urdu and Hebrew right to left", () => {
    for (const tag of ["prs", "ps", "fa", "ar", "ur", "he", "fa-AF"]) expect(directionOfLanguage(tag)).toBe("rtl");
  });
  it("reads English, Russian, Chinese and Uzbek left to right, and an explicit script wins", () => {
    for (const tag of ["en", "ru", "zh", "uz", "uz-Latn"]) expect(directionOfLanguage(tag)).toBe("ltr");
    expect(directionOfLanguage("uz-Arab")).toBe("rtl");
    expect(directionOfLanguage("az-Latn")).toBe("ltr");
  });
  it("falls back to auto for what it cannot read", () => {
    expect(directionOfLanguage("")).toBeUndefined();
    expect(directionOfLanguage("not a tag")).toBeUndefined();
    expect(dirAttribute(undefined)).toBe("auto");
    expect(dirAttribute("zzz-!!")).toBe("auto");
  });
});
