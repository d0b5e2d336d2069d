import { ProcessCache } from '../shared/processState';

/**
 * A token this process has not yet seen accepted is tried by one request first; the others of
 * the tenant wait for its answer. A stored token is often stale (SocialHub's tokens live two
 * hours; a nightly run starts long after the last one): without this, every request in flight
 * would carry it at once and be answered 401, hundreds of requests for one renewal.
 */

const accepted = new ProcessCache<string, true>('tokens seen accepted', 1000);
const trials = new Map<string, Promise<void>>();

/** Whether SocialHub accepted `token` for a request of this process. */
export function wasAccepted(token: string): boolean {
	return accepted.has(token);
}

/** The verdict on the request that tried a token first: `true` when SocialHub accepted the token. */
export type Report = (tokenAccepted: boolean) => void;

/**
 * Before a request carries `token`: undefined when it may go at once (no token, or one already
 * accepted); 'waited' after another request's trial of it ended (check the token again); or the
 * Report this request must give, being the first to try it.
 */
export async function tryToken(token: string): Promise<Report | 'waited' | undefined> {
	if (token === '' || accepted.has(token)) return undefined;
	const trial = trials.get(token);
	if (trial) {
		await trial;
		return 'waited';
	}
	let end!: () => void;
	trials.set(token, new Promise<void>((resolve) => (end = resolve)));
	return (tokenAccepted: boolean) => {
		if (tokenAccepted) accepted.set(token, true);
		trials.delete(token);
		end();
	};
}
