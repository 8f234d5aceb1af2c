import * as React from 'react';
import { hydrateRoot } from 'react-dom/client';
import { ARTICLE } from './article.mjs';
import { makeNews } from './news-component.mjs';

const News = makeNews(React);
// Hydrated late, like a page whose bundle arrives after the server markup has been read.
setTimeout(() => {
  hydrateRoot(document.getElementById('root'), React.createElement(News, { article: ARTICLE }), {
    onRecoverableError: (error) => {
      window.__recoverable = (window.__recoverable ?? 0) + 1;
      console.warn('[app] recoverable', String(error).slice(0, 120));
    },
  });
}, Number(document.body.dataset.hydrateAfter ?? 2000));
