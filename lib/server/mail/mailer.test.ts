import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createOutboxMailer } from "./mailer";
import { passwordChangedMail } from "../features/change-password/mails";

describe("the development outbox", () => {
  it("keeps each message as an .eml and a .json summary", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "outbox-"));
    const message = passwordChangedMail("ada@example.com", { when: new Date(0), ip: "192.0.2.1", userAgent: "Test/1" }, "http://localhost:9000");
    await createOutboxMailer(dir, "Portal <no-reply@localhost>").send(message);

    const files = readdirSync(dir).sort();
    expect(files).toHaveLength(2);
    const eml = readFileSync(path.join(dir, files.find((file) => file.endsWith(".eml"))!), "utf8");
    expect(eml).toMatch(/^From: Portal <no-reply@localhost>$/m);
    expect(eml).toMatch(/^Subject: Your password was changed$/m);
    const summary = JSON.parse(readFileSync(path.join(dir, files.find((file) => file.endsWith(".json"))!), "utf8"));
    expect(summary).toMatchObject({ to: "ada@example.com", subject: "Your password was changed" });
    expect(summary.text).toContain("http://localhost:9000/forgot-password");
  });
});

describe("passwordChangedMail", () => {
  it("names the device by summary only: the client's header text reaches neither part", () => {
    const message = passwordChangedMail("a@b.example", { when: new Date(0), ip: null, userAgent: "<script>x</script> call +1-555-0100" }, "http://x");
    for (const part of [message.text, message.html]) {
      expect(part).not.toContain("script");
      expect(part).not.toContain("555");
    }
    expect(message.text).toContain("Device: Other client");
    expect(message.text).toContain("IP address: an unknown address");
  });
});
