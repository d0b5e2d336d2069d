/** Unit tests of shared/dates.ts: what each input is read as, and what is refused. */
import { MAX_EPOCH_MS, MIN_EPOCH_MS, formatDate, formatDateTime, readDateTime, toEpochMs } from '../../nodes/SocialHub/shared/dates';

const problem = (value: unknown, zone = 'UTC') => {
	const reading = readDateTime(value, zone);
	return 'problem' in reading ? reading.problem : undefined;
};

describe('readDateTime', () => {
	it.each([
		[Date.UTC(2026, 0, 1), Date.UTC(2026, 0, 1)],
		[String(Date.UTC(2026, 0, 1)), Date.UTC(2026, 0, 1)],
		[MIN_EPOCH_MS, MIN_EPOCH_MS],
		[MAX_EPOCH_MS, MAX_EPOCH_MS],
		['2026-01-01', Date.UTC(2026, 0, 1)],
		['2026-01-01T10:20', Date.UTC(2026, 0, 1, 10, 20)],
		['2026-01-01T10:20:30.123456789Z', Date.UTC(2026, 0, 1, 10, 20, 30, 123)],
		['2026-01-01T10:20:30z', Date.UTC(2026, 0, 1, 10, 20, 30)],
		['2026-01-01T10:20:30+0530', Date.UTC(2026, 0, 1, 4, 50, 30)],
		['2026-01-01T10:20:30-03', Date.UTC(2026, 0, 1, 13, 20, 30)],
		['1900-01-01', Date.UTC(1900, 0, 1)],
		[new Date(Date.UTC(2030, 5, 1)), Date.UTC(2030, 5, 1)],
		[{ toMillis: () => Date.UTC(2030, 5, 1) }, Date.UTC(2030, 5, 1)],
	])('%p → %p', (value, ms) => {
		expect(toEpochMs(value)).toBe(ms);
	});

	it.each([
		[1767225599, 'seconds'],
		['1767225599', 'seconds'],
		[946684800, 'seconds'],
		[253402300799, 'seconds'],
		[0, 'outside 2000-01-01'],
		[-1, 'outside'],
		[MIN_EPOCH_MS - 1, 'outside'],
		[MAX_EPOCH_MS + 1, 'outside'],
		[1e21, 'outside'],
		[Number.NaN, 'not a finite number'],
		[Infinity, 'not a finite number'],
		[new Date(Number.NaN), 'not a finite number'],
		['1e21', 'not an ISO date'],
		['99 Z', 'not an ISO date'],
		['2027-02-30T10:00:00Z', 'does not exist'],
		['2028-02-30', 'does not exist'],
		['2026-04-31', 'does not exist'],
		['2026-01-01T23:59:60', 'not a time of day'],
		['2026-01-01T24:00', 'not a time of day'],
		['2026-01-01T00:00+15:00', 'not a UTC offset'],
		['2026-01-01T00:00+10:60', 'not a UTC offset'],
		['1899-12-31', 'before 1900'],
		['9999-12-31T23:59:59-01:00', 'after 9999-12-31'],
		['', 'not an ISO date'],
		[true, 'not a date'],
		[null, 'not a date'],
		[{}, 'not a date'],
		[[2026, 1, 1], 'not a date'],
	])('%p is refused: %s', (value, why) => {
		expect(problem(value)).toContain(why);
	});

	it('2028-02-29 exists (leap year), 2100-02-29 does not', () => {
		expect(toEpochMs('2028-02-29')).toBe(Date.UTC(2028, 1, 29));
		expect(problem('2100-02-29')).toContain('does not exist');
	});

	it.each([
		['America/New_York', '2026-03-08T02:00:00', Date.UTC(2026, 2, 8, 7, 0)],
		['America/New_York', '2026-03-08T02:59:59', Date.UTC(2026, 2, 8, 7, 59, 59)],
		['America/New_York', '2026-03-08T03:00:00', Date.UTC(2026, 2, 8, 7, 0)],
		['America/New_York', '2026-11-01T01:00:00', Date.UTC(2026, 10, 1, 5, 0)],
		['America/New_York', '2026-11-01T02:00:00', Date.UTC(2026, 10, 1, 7, 0)],
		['Europe/London', '2026-03-29T01:30:00', Date.UTC(2026, 2, 29, 1, 30)],
		['Europe/London', '2026-10-25T01:30:00', Date.UTC(2026, 9, 25, 0, 30)],
		['Not/A_Zone', '2026-01-01T00:00:00', Date.UTC(2026, 0, 1)],
	])('in %s, local %s is sent as %p', (zone, local, ms) => {
		expect(toEpochMs(local, zone)).toBe(ms);
	});
});

describe('formatDateTime and formatDate', () => {
	it('formats in the zone, with four-digit years', () => {
		expect(formatDateTime(Date.UTC(2026, 0, 1, 16), 'Asia/Shanghai')).toBe('2026-01-02 00:00:00');
		expect(formatDateTime(MAX_EPOCH_MS, 'UTC')).toBe('9999-12-31 23:59:59');
	});

	it('keeps a written calendar date as written; refuses impossible ones', () => {
		expect(formatDate('1990-05-01T23:00:00-05:00', 'Asia/Tokyo')).toBe('1990-05-01');
		expect(formatDate('1990-02-31')).toBeUndefined();
		expect(formatDate('1990-05-01Tgarbage')).toBeUndefined();
		expect(formatDate(Date.UTC(2026, 0, 1, 16), 'Asia/Shanghai')).toBe('2026-01-02');
		expect(formatDate(1767225599)).toBeUndefined();
	});
});
