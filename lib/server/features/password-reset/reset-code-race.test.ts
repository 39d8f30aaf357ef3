import { describe } from "vitest";
import { resetCodeRaceSuite } from "@/lib/testing/reset-code-race";

describe("the reset-code lock under concurrency, on PGlite", resetCodeRaceSuite);
