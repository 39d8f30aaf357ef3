import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { config } from "@/lib/server/config";
import { readOutbox } from "@/lib/server/mail/mailer";

export const metadata: Metadata = { title: "Development outbox" };
export const dynamic = "force-dynamic";

const format = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

/** Mail the portal would have sent, when SMTP_URL is unset. Development only: a 404 in production. */
export default function OutboxPage() {
  const { isProduction, smtpUrl } = config();
  if (isProduction) notFound();
  const messages = readOutbox();
  return (
    <section className="card" aria-labelledby="outbox-title">
      <h1 id="outbox-title">Development outbox</h1>
      <p className="muted">
        {smtpUrl ? "SMTP_URL is set, so mail goes to the mail server, not here." : "SMTP_URL is unset: mail is kept in .data/outbox."}
      </p>
      {messages.length === 0 ? (
        <p>No mail yet.</p>
      ) : (
        messages.map((message) => (
          <article key={`${message.sentAt}-${message.to}`} className="outbox-message">
            <h2>{message.subject}</h2>
            <p className="muted">
              To {message.to} · {format.format(new Date(message.sentAt))} UTC
            </p>
            <pre>{message.text}</pre>
          </article>
        ))
      )}
    </section>
  );
}
