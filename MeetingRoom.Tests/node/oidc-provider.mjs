// A real OpenID Connect provider for the single sign-on tests (npm oidc-provider), on 127.0.0.1 only.
//
//   node oidc-provider.mjs <port> <client_id> <client_secret> <redirect_uri> <accounts.json>
//
// One confidential client (code flow, PKCE, client_secret_post). Accounts are read from the JSON file at every
// request, so a test can rewrite it between two sign-ins ("removed from the admin group"):
//   { "<sub>": { "email": "...", "email_verified": true, "name": "...", "locale": "ko-KR", "groups": ["..."] } }
// The login form is the package's development form: the login is the account's sub, any password is accepted.
// Consent is granted without asking (a first-party client). Prints "ready" on stdout once listening.
import { readFileSync } from 'node:fs';
import Provider from 'oidc-provider';

const [port, clientId, clientSecret, redirectUri, accountsFile] = process.argv.slice(2);
if (!accountsFile) {
  console.error('usage: node oidc-provider.mjs <port> <client_id> <client_secret> <redirect_uri> <accounts.json>');
  process.exit(2);
}

const readAccounts = () => JSON.parse(readFileSync(accountsFile, 'utf8'));

const issuer = `http://127.0.0.1:${port}`;
const provider = new Provider(issuer, {
  clients: [{
    client_id: clientId,
    client_secret: clientSecret,
    redirect_uris: [redirectUri],
    response_types: ['code'],
    grant_types: ['authorization_code'],
    token_endpoint_auth_method: 'client_secret_post',
  }],
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name', 'locale'],
    groups: ['groups'],
  },
  async findAccount(ctx, sub) {
    if (!Object.hasOwn(readAccounts(), sub)) return undefined;
    return {
      accountId: sub,
      async claims() {
        const account = readAccounts()[sub] ?? {};
        return { sub, ...account };
      },
    };
  },
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) {
      const existing = await ctx.oidc.provider.Grant.find(grantId);
      if (existing) return existing;
    }
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid email profile groups');
    await grant.save();
    return grant;
  },
  features: { devInteractions: { enabled: true } },
  pkce: { required: () => true },
  cookies: { keys: ['meetingroom-tests-only'] },
});

// Errors the tests provoke on purpose (a wrong state, an unknown login) are reported to the app, not here.
provider.on('server_error', (ctx, error) => console.error('server_error', error));

const server = provider.listen(Number(port), '127.0.0.1', () => console.log('ready'));
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
