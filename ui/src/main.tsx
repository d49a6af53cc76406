import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Router } from 'wouter';
import { App } from './app.js';
import { hashHref, useHashPath, useHashSearch } from './hash-location.js';
import './styles.css';

// One page view should cost a handful of requests: answers stay fresh for 30 s, nothing refetches
// on focus, and failures are shown with a Retry button instead of being retried in a loop.
const queryClient = new QueryClient({
  defaultOptions: {
    queries: { staleTime: 30_000, refetchOnWindowFocus: false, retry: false },
  },
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <Router hook={useHashPath} searchHook={useHashSearch} hrefs={hashHref}>
        <App />
      </Router>
    </QueryClientProvider>
  </StrictMode>,
);
