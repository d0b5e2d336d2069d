import { SocialHubApi } from '../../credentials/SocialHubApi.credentials';
import { resetProcessState } from '../../nodes/SocialHub/shared/processState';
import { SocialHub } from '../../nodes/SocialHub/SocialHub.node';
import { v1Behaviour } from '../../nodes/SocialHub/v1/behaviour';
import { v2Behaviour } from '../../nodes/SocialHub/v2/behaviour';
import { SANDBOX_APP_ID, SANDBOX_APP_SECRET, SocialHubSandbox, type SandboxOptions } from '../../sandbox/server';
import { SocialHubEngine } from '../../harness/engine';
import { ADJUST } from './adjustment';

export { SANDBOX_APP_ID, SANDBOX_APP_SECRET };

/** A sandbox on 127.0.0.1 and an engine whose credential points at it, fresh for each test. */
export function useSandbox(options: SandboxOptions = {}) {
	const ctx = {} as { sandbox: SocialHubSandbox; engine: SocialHubEngine };
	beforeAll(async () => {
		ctx.sandbox = new SocialHubSandbox(options);
		await ctx.sandbox.start();
	});
	beforeEach(() => {
		ctx.sandbox.reset();
		resetProcessState();
		ctx.engine = new SocialHubEngine(SocialHub, SocialHubApi);
		ctx.engine.setCredential({ baseUrl: ctx.sandbox.url, appId: SANDBOX_APP_ID, appSecret: SANDBOX_APP_SECRET });
	});
	afterAll(async () => {
		await ctx.sandbox.stop();
	});
	return ctx;
}

export const adjustParameters = (overrides: Record<string, unknown> = {}) => ({ ...ADJUST, ...overrides });

/** Node settings for a version-1 node: the vendor package's parameters. */
export const V1 = { typeVersion: 1 } as const;

/** Each version's behaviour (v1/behaviour.ts, v2/behaviour.ts), by typeVersion. */
export const BEHAVIOURS = { 1: v1Behaviour, 2: v2Behaviour } as const;
