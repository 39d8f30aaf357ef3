// Zod compiles object parsers with `new Function` when it may, and probes for that by calling it:
// under a CSP without 'unsafe-eval' the probe is a reported violation. Imported by lib/schemas (the
// forms) and by the API reference, whose Scalar parses its configuration with zod.
import { z } from "zod";

z.config({ jitless: true });
