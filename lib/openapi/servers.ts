// Where the document's operations are served, so that a reference's examples (Scalar's "copy as
// curl") name a host and reach this portal as copied.
import type { oas31 } from "zod-openapi";

/**
 * APP_URL, the portal's public address. In development the address the page was opened at comes
 * first when it differs (http://127.0.0.1:9000 beside the default http://localhost:9000): the
 * examples then reach the server the person is looking at.
 */
export function serversFor(appUrl: string, { development, requestOrigin }: { development: boolean; requestOrigin?: string }): oas31.ServerObject[] {
  const servers: oas31.ServerObject[] = [{ url: appUrl, description: "This portal (APP_URL)" }];
  if (development && requestOrigin && requestOrigin !== appUrl) {
    servers.unshift({ url: requestOrigin, description: "The address this reference was opened at" });
  }
  return servers;
}
