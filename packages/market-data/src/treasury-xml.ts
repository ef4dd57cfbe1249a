/** The Treasury feed's parser, loaded by `parseYieldCurveXml` with the first feed to parse. */
import { MATURITIES, type Maturity, ScrillaError } from "@scrilla/core";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { parseFiniteNumber } from "./parse-number.js";
import type { YieldCurveDay } from "./provider-types.js";
import { TREASURY_FIELDS } from "./treasury-fields.js";

// The feed is Atom with OData namespaces (`m:` metadata, `d:` data); prefixes are fixed by the service.
let parser: XMLParser | undefined;
const feedParser = () =>
  (parser ??= new XMLParser({
    removeNSPrefix: true,
    ignoreAttributes: true,
    parseTagValue: false,
    isArray: (name) => name === "entry",
  }));

/** Parses the Treasury Atom feed: empty values become null, unknown elements are ignored, order kept. */
export function parseYieldCurveFeed(xml: string): YieldCurveDay[] {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new ScrillaError(
      "PROVIDER_ERROR",
      `The US Treasury sent malformed XML (line ${valid.err.line}: ${valid.err.msg}); retry later.`,
    );
  }
  const document = feedParser().parse(xml) as { feed?: { entry?: unknown[] } };
  if (typeof document.feed !== "object" || document.feed === null) {
    throw new ScrillaError(
      "PROVIDER_ERROR",
      "The US Treasury answer is not an Atom feed; the service may have changed.",
    );
  }
  const days: YieldCurveDay[] = [];
  for (const entry of document.feed.entry ?? []) {
    const properties = (entry as { content?: { properties?: Record<string, unknown> } }).content?.properties;
    const rawDate = properties?.NEW_DATE;
    if (typeof rawDate !== "string" || rawDate.length < 10) {
      throw new ScrillaError(
        "PROVIDER_ERROR",
        "A US Treasury yield entry has no NEW_DATE; the feed format may have changed.",
      );
    }
    const rates = {} as Record<Maturity, number | null>;
    for (const maturity of MATURITIES)
      rates[maturity] = parseFiniteNumber(properties?.[TREASURY_FIELDS[maturity]]) ?? null;
    days.push({ date: rawDate.slice(0, 10), rates });
  }
  return days;
}
