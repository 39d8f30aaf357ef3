// The raw reads on the embedded PGlite (the default database), in a time zone far from UTC.
import { describeRawReads, FAR_FROM_UTC } from "@/lib/testing/raw-reads";

process.env.TZ = FAR_FROM_UTC;

describeRawReads("PGlite");
