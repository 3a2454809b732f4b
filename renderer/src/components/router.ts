// A small hash router: #/schools, #/campaigns, #/campaigns/<id>, #/settings.
import { useEffect, useState } from 'react';

export type Route =
  | { screen: 'schools' }
  | { screen: 'campaigns' }
  | { screen: 'campaign'; id: string; tab: string | undefined }
  | { screen: 'settings' };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'campaigns' && parts[1]) return { screen: 'campaign', id: parts[1], tab: parts[2] };
  if (parts[0] === 'campaigns') return { screen: 'campaigns' };
  if (parts[0] === 'settings') return { screen: 'settings' };
  return { screen: 'schools' };
}

export function routeHref(route: Route): string {
  switch (route.screen) {
    case 'campaign':
      return `#/campaigns/${encodeURIComponent(route.id)}${route.tab ? `/${route.tab}` : ''}`;
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
