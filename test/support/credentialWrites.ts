import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { SocialHubEngine } from '../../harness/engine';

/**
 * Makes the engine's credential store fail some of n8n's writes of a new access token, as a busy
 * database would (`SQLITE_BUSY`): `fail(attempt)` decides for the 1st, 2nd, … write. Returns a
 * counter of the write attempts (failed or not).
 */
export function failTokenWrites(engine: SocialHubEngine, fail: (attempt: number) => boolean): () => number {
	const store = engine.credentials.store;
	const set = store.set.bind(store);
	let attempts = 0;
	store.set = (key: string, value: ICredentialDataDecryptedObject) => {
		if (typeof value.accessToken === 'string' && value.accessToken !== '' && value.accessToken !== store.get(key)?.accessToken) {
			attempts++;
			if (fail(attempts)) throw new Error('SQLITE_BUSY: database is locked');
		}
		return set(key, value);
	};
	return () => attempts;
}
