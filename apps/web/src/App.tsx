import { ApolloProvider } from '@apollo/client/react';
import { useMemo } from 'react';
import { RouterProvider as AriaRouterProvider } from 'react-aria-components';
import { Navigate, Outlet, RouterProvider, createBrowserRouter, useHref, useLocation, useNavigate, useNavigation, type RouteObject } from 'react-router';
import { Shell } from './components/Shell.js';
import { ToastProvider } from './components/Toast.js';
import { createClient } from './lib/apollo.js';
import { useSession, useSessionLifecycle } from './lib/session-context.js';
import NotFoundPage from './pages/not-found/NotFoundPage.js';
import { type Access, routes } from './routes.js';

/** Lets react-aria's Link, Tabs and menus navigate on the client (and keeps their hrefs right). */
function Root() {
  const navigate = useNavigate();
  useSessionLifecycle();
  return (
    <AriaRouterProvider navigate={(to, options) => void navigate(to, options)} useHref={useHref}>
      <Shell>
        <Outlet />
      </Shell>
    </AriaRouterProvider>
  );
}

function Guard({ access, children }: { access: Access; children: React.ReactNode }) {
  const session = useSession();
  const location = useLocation();
  const navigation = useNavigation();
  if (access === 'public') return children;
  if (session.loading) return <p role="status">Loading…</p>;
  // A sign-in page that just signed someone in navigates on by itself (to `next`, or the new account's
  // profile); while that navigation loads its page, sending them home instead would overtake it.
  if (access === 'guest') return !session.user ? children : navigation.state === 'idle' ? <Navigate to="/" replace /> : <p role="status">Loading…</p>;
  if (!session.user) return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search + location.hash)}`} replace />;
  if (access !== 'signed-in' && !access.includes(session.user.role)) return <NotFoundPage />;
  return children;
}

function toRouteObjects(): RouteObject[] {
  return [
    {
      element: <Root />,
      // Shown while the first page's chunk loads.
      HydrateFallback: () => <p role="status">Loading…</p>,
      children: [
        ...routes.map(
          ({ path, page, access }): RouteObject => ({
            path,
            lazy: async () => {
              const { default: Page } = await page();
              return {
                Component: () => (
                  <Guard access={access}>
                    <Page />
                  </Guard>
                ),
              };
            },
          }),
        ),
        { path: '*', Component: NotFoundPage },
      ],
    },
  ];
}

export function App() {
  const client = useMemo(() => createClient(), []);
  const router = useMemo(() => createBrowserRouter(toRouteObjects()), []);
  return (
    <ApolloProvider client={client}>
      <ToastProvider>
        <RouterProvider router={router} />
      </ToastProvider>
    </ApolloProvider>
  );
}
