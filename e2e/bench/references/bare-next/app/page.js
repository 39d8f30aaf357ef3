// A server component and nothing else: its first-load JavaScript is Next.js and React alone, the
// floor under every page of the portal (issue #12's page-weight goal is read against it).
export default function Page() {
  return <p>Bare Next.js page</p>;
}
