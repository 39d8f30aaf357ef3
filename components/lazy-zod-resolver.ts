import type { FieldValues, Resolver } from "react-hook-form";
import type { z } from "zod";

export interface LazyResolver<Input extends FieldValues, Context, Output> extends Resolver<Input, Context, Output> {
  /** Starts loading the schema; the form calls it on first focus, so a submit finds it there. */
  preload(): void;
}

/**
 * zodResolver over a shared schema that is imported on first use. zod's classic build is ~37 kB
 * gzipped and cannot be tree-shaken, so the forms keep it (and lib/schemas) out of the page's
 * first load: the form preloads it when a field is focused, and validation awaits it, so no
 * submit goes unchecked. The schema is the one the route handler parses with, as before.
 */
export function lazyZodResolver<S extends z.ZodType<unknown, FieldValues>, Context = unknown>(
  load: () => Promise<S>,
): LazyResolver<z.input<S>, Context, z.output<S>> {
  let ready: Promise<Resolver<z.input<S>, Context, z.output<S>>> | undefined;
  const resolver = () => {
    ready ??= Promise.all([load(), import("@hookform/resolvers/zod")]).then(
      // For a concrete schema zodResolver's overloads give exactly this type; through the generic S
      // TypeScript cannot pick one.
      ([schema, { zodResolver }]) => zodResolver(schema) as unknown as Resolver<z.input<S>, Context, z.output<S>>,
      (error: unknown) => {
        // A failed download (offline for a moment) is tried again at the next submit.
        ready = undefined;
        throw error;
      },
    );
    return ready;
  };
  const lazy: Resolver<z.input<S>, Context, z.output<S>> = async (values, context, options) => (await resolver())(values, context, options);
  return Object.assign(lazy, { preload: () => void resolver().catch(() => undefined) });
}
