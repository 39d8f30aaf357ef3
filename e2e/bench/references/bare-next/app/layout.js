// The smallest root layout: the reference's one page measures what every Next.js page loads
// before any of the app's own code (e2e/bench/page-weight.ts).
/** @param {{ children: import("react").ReactNode }} props */
export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
