"use client";

import { useSyncExternalStore } from "react";

type Style = "full" | "long" | "medium" | "short";

interface Props {
  /** A Date from a server component, or an ISO 8601 string from the API. */
  value: Date | string;
  dateStyle?: Style;
  /** Leave out for a date alone. */
  timeStyle?: Style;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** The reader's own locale and zone: `undefined` asks the browser for both. */
function localFormat(dateStyle: Style, timeStyle: Style | undefined): Intl.DateTimeFormat {
  const key = `${dateStyle}/${timeStyle ?? ""}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(undefined, { dateStyle, timeStyle });
    formats.set(key, format);
  }
  return format;
}

/**
 * What the server renders, and the browser while it hydrates: built from the ISO string by hand,
 * not with Intl, because Node's and the browser's ICU data may disagree (the space before "PM" has
 * been U+202F in one and U+0020 in the other), and any difference is a hydration mismatch.
 */
function utcFallback(iso: string, withTime: boolean): string {
  return withTime ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : iso.slice(0, 10);
}

const subscribe = () => () => {};

/**
 * A date in the reader's time zone and locale, which the server cannot know. useSyncExternalStore
 * renders the server snapshot (the UTC fallback) during hydration, so the first client render
 * matches the server's HTML, and switches to local time right after; a LocalTime that mounts later
 * (a client navigation, router.refresh) renders local time at once, with no flash of UTC.
 */
export function LocalTime({ value, dateStyle = "medium", timeStyle }: Props) {
  const iso = new Date(value).toISOString();
  const inBrowser = useSyncExternalStore(subscribe, () => true, () => false);
  const text = inBrowser ? localFormat(dateStyle, timeStyle).format(new Date(iso)) : utcFallback(iso, timeStyle !== undefined);
  return <time dateTime={iso}>{text}</time>;
}
