import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { config } from "@/lib/server/config";
import { clientContext } from "@/lib/server/request-context";
import { readOutbox } from "@/lib/server/mail/mailer";
import { isLoopbackAddress } from "@/lib/traffic/client-address";

export const metadata: Metadata = { title: "Development outbox" };
export const dynamic = "force-dynamic";

const format = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

/**
 * Mail the portal would have sent, when SMTP_URL is unset. Development only, and only to a client
 * on this machine (it lists every reset code and link): a 404 outside development and to anyone else.
 */
export default async function OutboxPage() {
  const { isDevelopment, smtpUrl } = config();
  const { ip } = clientContext(await headers());
  if (!isDevelopment || !ip || !isLoopbackAddress(ip)) notFound();
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
