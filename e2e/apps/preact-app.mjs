import { h, render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ARTICLE } from './article.mjs';
import { makeNews } from './news-component.mjs';

const News = makeNews({ createElement: h, useState, useEffect });
render(h(News, { article: ARTICLE }), document.getElementById('root'));
