import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { CREDENTIAL_TYPE } from '../transport/constants';
import { envelopeMessage, isSuccessCode } from '../transport/envelope';
import { asOwnRequest } from '../transport/authenticate';

/** The tenant's loyalty programs, for the Loyalty Program picker. */
export async function searchLoyaltyPrograms(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	const body = (await asOwnRequest(credentials, async () =>
		await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, {
			method: 'GET',
			url: '/v1/member/loyaltyprograms',
			headers: { Accept: 'application/json' },
			json: true,
		}),
	)) as IDataObject;
	if (!isSuccessCode(body)) {
		throw new NodeOperationError(
			this.getNode(),
			`Could not list the loyalty programs: ${envelopeMessage(body) ?? 'SocialHub refused the request'}`,
		);
	}
	const programs = Array.isArray(body.data) ? (body.data as IDataObject[]) : [];
	const wanted = filter?.trim().toLowerCase();
	const results = programs
		.map((program) => {
			const code = String(program.loyaltyProgramCode ?? program.code ?? '');
			const name = String(program.loyaltyProgramName ?? program.name ?? code);
			return { name: name === code ? code : `${name} (${code})`, value: code };
		})
		.filter((result) => result.value !== '')
		.filter((result) => !wanted || result.name.toLowerCase().includes(wanted));
	return { results };
}
