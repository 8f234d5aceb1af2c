import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { ARTICLE } from './article.mjs';
import { makeNews } from './news-component.mjs';

const News = makeNews(React);
createRoot(document.getElementById('root')).render(React.createElement(News, { article: ARTICLE }));
