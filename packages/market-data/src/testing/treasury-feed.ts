const ENTRY = /<entry>[\s\S]*?<\/entry>\s*/g;
const NEW_DATE = /<d:NEW_DATE[^>]*>(\d{4}-\d{2}-\d{2})/;
const PAGE_SIZE = 300;

/** The recorded Atom feed cut to the entries a query asks for, as the Treasury's XML endpoint answers. */
export function filterTreasuryFeed(xml: string, params: URLSearchParams): string {
  const firstEntry = xml.indexOf("<entry>");
  const head = firstEntry >= 0 ? xml.slice(0, firstEntry) : xml.replace(/<\/feed>\s*$/, "");
  let entries = [...xml.matchAll(ENTRY)].map((match) => match[0]);
  const year = params.get("field_tdr_date_value");
  const month = params.get("field_tdr_date_value_month");
  if (month) {
    const prefix = `${month.slice(0, 4)}-${month.slice(4, 6)}`;
    entries = entries.filter((entry) => entryDate(entry).startsWith(prefix));
  } else if (year && year !== "all") {
    entries = entries.filter((entry) => entryDate(entry).startsWith(`${year}-`));
  } else {
    const page = Number(params.get("page") ?? "0");
    entries = entries.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
  }
  return `${head}${entries.join("")}</feed>\n`;
}

const entryDate = (entry: string): string => NEW_DATE.exec(entry)?.[1] ?? "";
