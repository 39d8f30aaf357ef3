import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { LocalTime } from "./local-time";

// The server's HTML is what the browser must reproduce while hydrating: it may not depend on ICU data or a zone.
describe("LocalTime on the server", () => {
  it("renders the instant in UTC from the ISO string, with the machine-readable value", () => {
    const html = renderToString(createElement(LocalTime, { value: new Date("2026-11-23T20:03:09.120Z"), timeStyle: "short" }));
    expect(html).toBe('<time dateTime="2026-11-23T20:03:09.120Z">2026-11-23 20:03 UTC</time>');
  });

  it("renders a date alone when no time style is asked for", () => {
    const html = renderToString(createElement(LocalTime, { value: "2026-11-23T23:59:00.000Z", dateStyle: "long" }));
    expect(html).toBe('<time dateTime="2026-11-23T23:59:00.000Z">2026-11-23</time>');
  });

  it("normalises an ISO string with an offset to UTC", () => {
    const html = renderToString(createElement(LocalTime, { value: "2026-11-24T01:33:00+05:30", timeStyle: "short" }));
    expect(html).toContain(">2026-11-23 20:03 UTC<");
  });
});
