// A small hash router: #/schools, #/campaigns, #/campaigns/<id>, #/forms, #/forms/<id>/<version>, #/forms/new (a form
// not yet saved, formDraft.ts), #/settings, #/help.
import { useEffect, useState } from 'react';

export type Route =
  | { screen: 'schools' }
  | { screen: 'campaigns' }
  | { screen: 'campaign'; id: string; tab: string | undefined }
  | { screen: 'forms' }
  | { screen: 'form'; id: string; version: number }
  | { screen: 'formDraft' }
  | { screen: 'settings' }
  | { screen: 'help' };

/** A form version's number from the address, when it is one. */
function versionNumber(part: string | undefined): number | null {
  return part && /^\d{1,4}$/.test(part) ? Number(part) : null;
}

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'campaigns' && parts[1]) return { screen: 'campaign', id: parts[1], tab: parts[2] };
  if (parts[0] === 'campaigns') return { screen: 'campaigns' };
  if (parts[0] === 'forms' && parts[1] === 'new' && !parts[2]) return { screen: 'formDraft' };
  const version = versionNumber(parts[2]);
  if (parts[0] === 'forms' && parts[1] && version !== null) return { screen: 'form', id: parts[1], version };
  if (parts[0] === 'forms') return { screen: 'forms' };
  if (parts[0] === 'settings') return { screen: 'settings' };
  if (parts[0] === 'help') return { screen: 'help' };
  return { screen: 'schools' };
}

export function routeHref(route: Route): string {
  switch (route.screen) {
    case 'campaign':
      return `#/campaigns/${encodeURIComponent(route.id)}${route.tab ? `/${route.tab}` : ''}`;
    case 'form':
      return `#/forms/${encodeURIComponent(route.id)}/${route.version}`;
    case 'formDraft':
      return '#/forms/new';
    default:
      return `#/${route.screen}`;
  }
}

export function navigate(route: Route): void {
  window.location.hash = routeHref(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
