/** Clients named by their own name; anything else is "Other client", never the header's text. */
const KNOWN_CLIENTS: Array<[RegExp, string]> = [
  [/Edg\//, "Edge"],
  [/Firefox\//, "Firefox"],
  [/Chrom(e|ium)\//, "Chrome"],
  [/Safari\//, "Safari"],
  [/^curl\//, "curl"],
  [/^Wget\//, "Wget"],
  [/^python-requests\//, "python-requests"],
  [/^(node|undici)\b/, "Node.js"],
  [/^Go-http-client\//, "Go"],
  [/^okhttp\//, "okhttp"],
  [/^PostmanRuntime\//, "Postman"],
];

const KNOWN_SYSTEMS: Array<[RegExp, string]> = [
  [/Windows/, "Windows"],
  [/Android/, "Android"],
  [/iPhone|iPad/, "iOS"],
  [/Mac OS X/, "macOS"],
  [/Linux/, "Linux"],
];

const first = (table: Array<[RegExp, string]>, text: string) => table.find(([pattern]) => pattern.test(text))?.[1];

/**
 * A short, human name for a User-Agent string ("Chrome on Linux"), for the sessions list and the
 * portal's mail alike. Only names from the tables above come out: the header is whatever the
 * client chose to send ("URGENT: call …"), and mail must never carry it.
 */
export function describeDevice(userAgent: string | null): string {
  if (!userAgent) return "Unknown device";
  const client = first(KNOWN_CLIENTS, userAgent) ?? "Other client";
  const system = first(KNOWN_SYSTEMS, userAgent);
  return system ? `${client} on ${system}` : client;
}
