/**
 * Date/time inputs arrive as ISO strings from the date picker (without a zone: the workflow's
 * time zone applies), as ISO strings with a zone or offset, as ms epoch numbers or digit strings,
 * or as whatever an expression returns. These helpers turn them into what each endpoint takes.
 */

const ZONED = /(Z|[+-]\d{2}:?\d{2})$/i;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?$/;

/** Offset (ms) of `timeZone` from UTC at the instant `utcMs`. */
function zoneOffset(utcMs: number, timeZone: string): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
	}).formatToParts(new Date(utcMs));
	const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
	const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
	return asUtc - Math.floor(utcMs / 1000) * 1000;
}

function isValidZone(timeZone: string): boolean {
	try {
		new Intl.DateTimeFormat('en-US', { timeZone });
		return true;
	} catch {
		return false;
	}
}

/** Milliseconds since the epoch, or undefined when `value` is not a date/time. */
export function toEpochMs(value: unknown, timeZone = 'UTC'): number | undefined {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.getTime();
	if (typeof value === 'number') return Number.isFinite(value) ? Math.trunc(value) : undefined;
	if (value && typeof value === 'object' && typeof (value as { toMillis?: unknown }).toMillis === 'function') {
		const ms = (value as { toMillis: () => number }).toMillis();
		return Number.isFinite(ms) ? ms : undefined;
	}
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	if (/^\d{9,}$/.test(text)) return Number(text);
	if (ZONED.test(text)) {
		const ms = Date.parse(text);
		return Number.isNaN(ms) ? undefined : ms;
	}
	const match = LOCAL.exec(text);
	if (!match) return undefined;
	const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0'] = match;
	const wallClock = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, Number(frac.padEnd(3, '0')));
	const check = new Date(wallClock);
	if (check.getUTCMonth() !== +mo - 1 || check.getUTCDate() !== +d || +h > 23 || +mi > 59 || +s > 59) {
		return undefined;
	}
	const zone = isValidZone(timeZone) ? timeZone : 'UTC';
	// Two passes settle the offset across a daylight-saving change.
	let utc = wallClock - zoneOffset(wallClock, zone);
	utc = wallClock - zoneOffset(utc, zone);
	return utc;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `yyyy-MM-dd HH:mm:ss` in `timeZone`. */
export function formatDateTime(epochMs: number, timeZone = 'UTC'): string {
	const zone = isValidZone(timeZone) ? timeZone : 'UTC';
	const local = new Date(epochMs + zoneOffset(epochMs, zone));
	return (
		`${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())} ` +
		`${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`
	);
}

/** `yyyy-MM-dd`: a calendar date given as text is kept as written, never shifted by a zone. */
export function formatDate(value: unknown, timeZone = 'UTC'): string | undefined {
	if (typeof value === 'string') {
		const match = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(value.trim());
		if (match) {
			return toEpochMs(`${match[1]}-${match[2]}-${match[3]}`) === undefined
				? undefined
				: `${match[1]}-${match[2]}-${match[3]}`;
		}
	}
	const ms = toEpochMs(value, timeZone);
	return ms === undefined ? undefined : formatDateTime(ms, timeZone).slice(0, 10);
}
