import { ProcessCache } from './processState';

/**
 * Date/time inputs arrive as ISO strings from the date picker (without a zone: the workflow's
 * time zone applies), as ISO strings with a zone or offset, as ms epoch numbers or digit strings,
 * or as whatever an expression returns (Date, Luxon DateTime). These helpers turn them into what
 * each endpoint takes, and refuse anything they would otherwise have to guess at:
 *
 * - Text must be ISO 8601 (`2026-12-31`, `2026-12-31T23:59[:59[.fff]]`, optionally followed by
 *   `Z`, `±HH:MM` or `±HHMM`); every part is checked, so `2027-02-30`, `24:00` or `"99 Z"` are
 *   refused instead of rolling over or being read as another year.
 * - Numbers (and digit strings) are milliseconds since 1970 between 2000-01-01 and 9999-12-31
 *   (calendar dates such as birthdays: from 1900-01-01). A number that would be such a date
 *   counted in seconds is refused with that hint; a JS Date or Luxon DateTime is never seconds.
 * - Written dates run from year 1900 (birthdays) to 9999.
 * - Daylight-saving changes, for a local time without a zone sent as an instant (ms epoch): a
 *   time inside a gap (clocks jump forward, e.g. 02:30 on 2026-03-08 in America/New_York) does
 *   not exist; it is sent as the instant the same distance after the jump (03:30 EDT), as Luxon
 *   and Temporal do. A time that occurs twice (clocks fall back) is sent as its first occurrence
 *   (01:30 EDT, not EST). Fields SocialHub takes as wall-clock text (Order Date) get zone-less
 *   text exactly as written.
 */

/** The earliest and latest instants an epoch number may stand for. */
export const MIN_EPOCH_MS = Date.UTC(2000, 0, 1);
/** Calendar dates (birthdays) reach back further: from 1900-01-01. */
export const MIN_DATE_MS = Date.UTC(1900, 0, 1);
export const MAX_EPOCH_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
const MIN_TEXT_YEAR = 1900;

const ISO =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

const formatters = new ProcessCache<string, Intl.DateTimeFormat>('date formatters by time zone', 50);

function formatterOf(timeZone: string): Intl.DateTimeFormat {
	let formatter = formatters.get(timeZone);
	if (!formatter) {
		formatter = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
		});
		formatters.set(timeZone, formatter);
	}
	return formatter;
}

/** Offset (ms) of `timeZone` from UTC at the instant `utcMs`. */
function zoneOffset(utcMs: number, timeZone: string): number {
	const parts = formatterOf(timeZone).formatToParts(new Date(utcMs));
	const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
	const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
	return asUtc - Math.floor(utcMs / 1000) * 1000;
}

const zoneValidity = new ProcessCache<string, boolean>('time zone names checked', 200);

function isValidZone(timeZone: string): boolean {
	let valid = zoneValidity.get(timeZone);
	if (valid === undefined) {
		try {
			formatterOf(timeZone);
			valid = true;
		} catch {
			valid = false;
		}
		zoneValidity.set(timeZone, valid);
	}
	return valid;
}

const DAY_MS = 86_400_000;

/** The UTC instant of a wall-clock time in `zone` (see the DST note at the top). */
function wallClockToUtc(wallClock: number, zone: string): number {
	const before = zoneOffset(wallClock - DAY_MS, zone);
	const after = zoneOffset(wallClock + DAY_MS, zone);
	const candidates = [wallClock - before, wallClock - after].filter(
		(utc, index) => zoneOffset(utc, zone) === (index === 0 ? before : after),
	);
	// Both exist: the time occurs twice, take the first. None: it falls in a gap, move past it.
	if (candidates.length > 0) return Math.min(...candidates);
	return wallClock - before;
}

export type DateReading = { ms: number } | { problem: string };

function fromEpoch(ms: number, earliest: number, exact: boolean): DateReading {
	if (!Number.isFinite(ms)) return { problem: 'it is not a finite number' };
	const whole = Math.trunc(ms);
	// A bare number could be seconds; a date object (JS Date, Luxon) cannot.
	const couldBeSeconds = !exact && whole * 1000 >= earliest && whole * 1000 <= MAX_EPOCH_MS;
	if (whole >= earliest && whole <= MAX_EPOCH_MS && !(couldBeSeconds && whole < MIN_EPOCH_MS)) return { ms: whole };
	if (couldBeSeconds) {
		return {
			problem: `it looks like seconds since 1970, but this field takes milliseconds (${whole}000)`,
		};
	}
	const from = new Date(earliest).toISOString().slice(0, 10);
	return {
		problem: `as milliseconds since 1970 it is outside ${from} … 9999-12-31`,
	};
}

/**
 * Reads a date/time; says why not when it cannot be read without guessing. Instants are taken
 * from `earliest` on (2000 for times such as expiries, MIN_DATE_MS for birthdays).
 */
export function readDateTime(value: unknown, timeZone = 'UTC', earliest = MIN_EPOCH_MS): DateReading {
	if (value instanceof Date) return fromEpoch(value.getTime(), earliest, true);
	if (typeof value === 'number') return fromEpoch(value, earliest, false);
	if (value && typeof value === 'object' && typeof (value as { toMillis?: unknown }).toMillis === 'function') {
		return fromEpoch((value as { toMillis: () => number }).toMillis(), earliest, true);
	}
	if (typeof value !== 'string') return { problem: 'it is not a date' };
	const text = value.trim();
	if (/^[+-]?\d+$/.test(text)) return fromEpoch(Number(text), earliest, false);
	const match = ISO.exec(text);
	if (!match) return { problem: 'it is not an ISO date such as 2026-12-31T23:59:59' };
	const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '0', zone] = match;
	const year = Number(y);
	if (year < MIN_TEXT_YEAR) return { problem: `the year is before ${MIN_TEXT_YEAR}` };
	const day = new Date(Date.UTC(year, +mo - 1, +d));
	if (day.getUTCMonth() !== +mo - 1 || day.getUTCDate() !== +d) {
		return { problem: `${y}-${mo}-${d} does not exist` };
	}
	if (+h > 23 || +mi > 59 || +s > 59) return { problem: `${h}:${mi}:${s} is not a time of day` };
	const wallClock = Date.UTC(year, +mo - 1, +d, +h, +mi, +s, Number(fraction.slice(0, 3).padEnd(3, '0')));
	let ms: number;
	if (zone) {
		let offset = 0;
		if (zone.toUpperCase() !== 'Z') {
			const [, sign, oh, om = '00'] = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone) ?? [];
			if (+oh > 14 || +om > 59) return { problem: `${zone} is not a UTC offset` };
			offset = (sign === '-' ? -1 : 1) * (+oh * 60 + +om) * 60_000;
		}
		ms = wallClock - offset;
	} else {
		ms = wallClockToUtc(wallClock, isValidZone(timeZone) ? timeZone : 'UTC');
	}
	if (ms > MAX_EPOCH_MS) return { problem: 'it is after 9999-12-31' };
	return { ms };
}

/** Milliseconds since the epoch, or undefined when `value` is not a date/time. */
export function toEpochMs(value: unknown, timeZone = 'UTC', earliest = MIN_EPOCH_MS): number | undefined {
	const reading = readDateTime(value, timeZone, earliest);
	return 'ms' in reading ? reading.ms : undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `yyyy-MM-dd HH:mm:ss` in `timeZone`. */
export function formatDateTime(epochMs: number, timeZone = 'UTC'): string {
	const zone = isValidZone(timeZone) ? timeZone : 'UTC';
	const local = new Date(epochMs + zoneOffset(epochMs, zone));
	const year = String(local.getUTCFullYear()).padStart(4, '0');
	return (
		`${year}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())} ` +
		`${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`
	);
}

/** `yyyy-MM-dd`: a calendar date given as text is kept as written, never shifted by a zone. */
export function formatDate(value: unknown, timeZone = 'UTC'): string | undefined {
	const ms = toEpochMs(value, timeZone, MIN_DATE_MS);
	if (ms === undefined) return undefined;
	if (typeof value === 'string' && !/^[+-]?\d+$/.test(value.trim())) return value.trim().slice(0, 10);
	return formatDateTime(ms, timeZone).slice(0, 10);
}

/**
 * Zone-less date-time text as `yyyy-MM-dd HH:mm:ss`, unchanged (wall-clock fields such as Order
 * Date take it as written: no trip through an instant, so no daylight-saving shift); undefined
 * for anything else. Only call it on text `readDateTime` accepted.
 */
export function wallClockText(value: unknown): string | undefined {
	if (typeof value !== 'string') return undefined;
	const match = ISO.exec(value.trim());
	if (!match || match[8] || match[4] === undefined) return undefined;
	const [, y, mo, d, h, mi, s = '00'] = match;
	return `${y}-${mo}-${d} ${h}:${mi}:${s}`;
}
