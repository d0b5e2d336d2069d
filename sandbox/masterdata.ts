/** The sandbox's master data endpoints: products and stores. */
import type { SandboxState } from './state';
import { blank, isInt, type Json, type Result } from './values';

/** POST /v1/masterdata/product/batchSync: stores products by code. */
export function batchSyncProducts(state: SandboxState, body: unknown): Result {
	if (!Array.isArray(body) || body.length === 0) return { error: [40100, 'Body must be a non-empty array of products'] };
	for (const [index, product] of (body as Json[]).entries()) {
		if (!product || typeof product !== 'object' || blank(product.code) || blank(product.name)) {
			return { error: [40101, `Product ${index + 1}: code and name are required`] };
		}
		if (product.type !== undefined && !isInt(product.type, [0, 1])) return { error: [40102, `Product ${index + 1}: type must be 0 or 1`] };
	}
	for (const product of body as Json[]) state.products.set(String(product.code), product);
	return { data: { count: body.length } };
}

/** POST /v1/masterdata/store: stores a store by id (generated when blank). */
export function saveStore(state: SandboxState, b: Json): Result {
	if (blank(b.organizationCode) || blank(b.organizationName)) return { error: [40110, 'organizationCode and organizationName are required'] };
	if (b.type !== undefined && !isInt(b.type, [1, 99])) return { error: [40111, 'type must be 1 or 99'] };
	if (b.storeStatus !== undefined && !isInt(b.storeStatus, [10, 20])) return { error: [40112, 'storeStatus must be 10 or 20'] };
	const id = blank(b.id) ? state.nextCode('S') : String(b.id);
	state.stores.set(id, { ...b, id });
	return { data: { id } };
}
