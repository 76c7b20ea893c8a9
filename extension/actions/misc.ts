/** Miscellaneous actions: version, permission, reflection, multi, profiles. */
import { action, opt, req } from './define.ts';
import { actionsInvalid, scopesInvalid } from './errors.ts';
import { pyTypeName } from './python.ts';
import { pyIterate } from './python-values.ts';

export const API_VERSION = 6;

export const version = action({}, () => API_VERSION);

/** The dispatcher injects `origin` and `allowed` (as web.py does). */
export const requestPermission = action(
  { origin: req<string>(), allowed: req<boolean>() },
  ({ settings }, { origin, allowed }) => {
    // Untrusted origins are denied until the permission page can ask the user;
    // ignoreOriginList entries are denied without asking, as in AnkiConnect.
    if (!allowed) return { permission: 'denied' };
    void origin;
    return { permission: 'granted', requireApikey: Boolean(settings.apiKey), version: API_VERSION };
  },
);

export const apiReflect = action(
  { scopes: opt<unknown>(null), actions: opt<unknown>(null) },
  (ctx, { scopes, actions }) => {
    if (!Array.isArray(scopes)) throw new Error(scopesInvalid);
    if (!(actions === null || Array.isArray(actions))) throw new Error(actionsInvalid);
    const result: { scopes: string[]; actions?: string[] } = { scopes: [] };
    if (scopes.includes('actions')) {
      const known = new Set(ctx.actionNames());
      const asked = (actions as unknown[] | null) ?? [...known].sort();
      const names: string[] = [];
      for (const n of asked) {
        if (typeof n !== 'string') throw new Error(`attribute name must be string, not '${pyTypeName(n)}'`);
        if (known.has(n)) names.push(n);
      }
      result.scopes.push('actions');
      result.actions = names;
    }
    return result;
  },
);

export const multi = action({ actions: req<unknown>() }, async (ctx, { actions }) => {
  const out: unknown[] = [];
  for (const item of pyIterate(actions)) out.push(await ctx.handle(item));
  return out;
});

export const getProfiles = action({}, ({ profile }) => [profile]);

export const getActiveProfile = action({}, ({ profile }) => profile);

export const reloadCollection = action({}, async (ctx) => {
  await ctx.reloadCollection();
  return null;
});
