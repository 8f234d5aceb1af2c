// The full build compiles the template in the page, as many Vue sites still ship it.
import { createApp, ref } from 'vue/dist/vue.esm-browser.prod.js';
import { ARTICLE } from './article.mjs';

createApp({
  setup() {
    const paras = ref(ARTICLE.paras.map((p) => ({ ...p })));
    const tick = ref(0);
    const timer = setInterval(() => tick.value++, 500);
    window.__news = {
      reorder: () => (paras.value = [...paras.value].reverse()),
      remove: (i) => (paras.value = paras.value.filter((_, j) => j !== i)),
      edit: (i, text) => (paras.value = paras.value.map((p, j) => (j === i ? { ...p, text } : p))),
      add: (text) => (paras.value = [...paras.value.slice(0, 2), { id: `n${paras.value.length}`, text }, ...paras.value.slice(2)]),
      stop: () => clearInterval(timer),
    };
    return { title: ARTICLE.title, paras, tick };
  },
  template: `<article :data-render="String(tick)"><h1>{{ title }}</h1><p v-for="p in paras" :key="p.id">{{ p.text }}</p></article>`,
}).mount('#root');
