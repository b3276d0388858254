/**
 * The part of oidc-provider (9.x, which ships no types) that Muster uses. Kept to what the code
 * calls, so a change in the library's surface shows up here first.
 */
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export type AdapterPayload = Record<string, unknown> & {
    accountId?: string;
    grantId?: string;
    uid?: string;
    userCode?: string;
    consumed?: number;
    exp?: number;
  };

  export interface Adapter {
    upsert(id: string, payload: AdapterPayload, expiresIn: number | undefined): Promise<void>;
    find(id: string): Promise<AdapterPayload | undefined>;
    findByUid(uid: string): Promise<AdapterPayload | undefined>;
    findByUserCode(userCode: string): Promise<AdapterPayload | undefined>;
    consume(id: string): Promise<void>;
    destroy(id: string): Promise<void>;
    revokeByGrantId(grantId: string): Promise<void>;
  }

  export interface ClaimsSource {
    accountId: string;
    claims(use: string, scope: string, claims: unknown, rejected: string[]): Promise<Record<string, unknown>>;
  }

  export interface ClientInstance {
    clientId: string;
    clientName?: string;
    clientAuthMethod: string;
    backchannelLogoutUri?: string;
    [property: string]: unknown;
    backchannelLogout(sub: string, sid?: string): Promise<void>;
    grantTypeAllowed(type: string): boolean;
  }

  export interface GrantInstance {
    jti: string;
    accountId: string;
    clientId: string;
    addOIDCScope(scope: string): void;
    addOIDCClaims(claims: string[]): void;
    getOIDCScope(): string;
    save(ttl?: number): Promise<string>;
  }

  export interface InteractionInstance {
    uid: string;
    iat: number;
    exp: number;
    returnTo: string;
    prompt: { name: string; reasons: string[]; details: Record<string, unknown> };
    params: Record<string, unknown> & { client_id?: string; scope?: string };
    session?: { accountId?: string; uid?: string };
    grantId?: string;
    lastSubmission?: Record<string, unknown>;
    result?: Record<string, unknown>;
    save(ttl: number): Promise<string>;
  }

  /** Koa's context, as far as the configuration callbacks read it. */
  export interface KoaContextWithOIDC {
    req: IncomingMessage;
    // biome-ignore lint/suspicious/noExplicitAny: Koa's own surface, untyped here
    [key: string]: any;
    oidc: {
      // biome-ignore lint/suspicious/noExplicitAny: the library's context, untyped here
      [key: string]: any;
      client?: ClientInstance;
      // biome-ignore lint/suspicious/noExplicitAny: the library's session, untyped here
      session: any;
      result?: Record<string, unknown>;
      requestParamScopes: Set<string>;
      requestParamClaims: Set<string>;
    };
  }

  export interface Check {
    reason: string;
  }

  export interface Prompt {
    name: string;
    checks: Check[] & { add(check: Check, index?: number): void };
  }

  export const interactionPolicy: {
    Check: new (
      reason: string,
      description: string,
      error: string,
      check: (ctx: KoaContextWithOIDC) => boolean | Promise<boolean>,
    ) => Check;
    base(): Prompt[] & { get(name: string): Prompt | undefined };
  };

  export const errors: {
    InvalidGrant: new (description?: string) => Error;
  };

  // biome-ignore lint/suspicious/noExplicitAny: the configuration is large and checked by the library itself
  export type Configuration = Record<string, any>;

  export default class Provider {
    constructor(issuer: string, configuration: Configuration);
    issuer: string;
    proxy: boolean;
    Client: { find(id: string): Promise<ClientInstance | undefined> };
    Grant: {
      new (properties: { accountId: string; clientId: string; expiresIn?: number }): GrantInstance;
      find(id: string): Promise<GrantInstance | undefined>;
    };
    Interaction: { find(uid: string): Promise<InteractionInstance | undefined> };
    callback(): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionInstance>;
    interactionResult(
      req: IncomingMessage,
      res: ServerResponse,
      result: Record<string, unknown>,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<string>;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }
}
