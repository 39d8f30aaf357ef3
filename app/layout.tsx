import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Account portal", template: "%s · Account portal" },
  description: "Manage your account and password.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <a href="/" className="brand">
            Account portal
          </a>
        </header>
        <main id="main" className="page">
          {children}
        </main>
      </body>
    </html>
  );
}
