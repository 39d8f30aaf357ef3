// Example request bodies, so the reference's "copy as curl" sends something a person recognises
// (and, run in order against a fresh portal, something that works: the register example's
// password passes the policy, the login example signs that account in). Generated schemas give
// only empty strings.
import type { oas31 } from "zod-openapi";

/** One value per body field name, whichever endpoint takes it. */
const FIELD_EXAMPLES: Record<string, unknown> = {
  email: "ada@example.com",
  name: "Ada Lovelace",
  password: "lantern-orchid-velvet-93",
  oldPassword: "lantern-orchid-velvet-93",
  newPassword: "harbour-quartz-meadow-57",
  revokeOtherSessions: true,
  newEmail: "ada.lovelace@example.org",
  code: "123456",
  resetToken: "the resetToken that confirm-otp-reset answered",
  token: "the token from the emailed link",
  challenge: "the challenge that login answered",
  recoveryCode: "ab0cd-1ef2g",
};

type Schema = oas31.SchemaObject | oas31.ReferenceObject;

function resolve(schema: Schema | undefined, document: oas31.OpenAPIObject): oas31.SchemaObject | undefined {
  if (!schema || !("$ref" in schema) || !schema.$ref) return schema as oas31.SchemaObject | undefined;
  const name = schema.$ref.split("/").pop() ?? "";
  return resolve(document.components?.schemas?.[name], document);
}

/** An example of the object `schema` describes, from its properties' names; undefined when a field has none. */
function exampleOf(schema: Schema | undefined, document: oas31.OpenAPIObject): Record<string, unknown> | undefined {
  const resolved = resolve(schema, document);
  const properties = Object.keys(resolved?.properties ?? {});
  if (!properties.length || properties.some((name) => !(name in FIELD_EXAMPLES))) return undefined;
  return Object.fromEntries(properties.map((name) => [name, FIELD_EXAMPLES[name]]));
}

/** Puts an example on every JSON request body that has none. */
export function addBodyExamples(document: oas31.OpenAPIObject): oas31.OpenAPIObject {
  for (const item of Object.values(document.paths ?? {})) {
    for (const operation of Object.values(item as Record<string, oas31.OperationObject>)) {
      const body = operation.requestBody;
      if (!body || "$ref" in body) continue;
      for (const media of Object.values(body.content)) {
        if (media.example !== undefined || media.examples) continue;
        const example = exampleOf(media.schema, document);
        if (example) media.example = example;
      }
    }
  }
  return document;
}

export { FIELD_EXAMPLES };
