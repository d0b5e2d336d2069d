/** The credential type's name: the node and the runner look the credential up by it. */
export const CREDENTIAL_TYPE = 'socialHubApi';

/** SocialHub's production OpenAPI address; tenants on UAT or other regions override it. */
export const DEFAULT_BASE_URL = 'https://s1.socialhub.ai/openapi-prod';
