import { fromEnv } from '@aws-sdk/credential-provider-env';

/**
 * Stands in for @aws-sdk/credential-provider-node in the Lambda bundle only. On Lambda the
 * role's credentials are in environment variables, so the default chain's other sources
 * (SSO, INI files, web identity, IMDS and the STS/SSO clients behind them: ~90 KiB) are
 * never used. Tests and the console use the real SDK, unbundled.
 */
export const defaultProvider = (init?: Parameters<typeof fromEnv>[0]) => fromEnv(init);
