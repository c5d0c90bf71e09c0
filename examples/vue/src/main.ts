// Registers <comment-thread> before Vue's first render: Vue sets `adapter` as a property only once the
// element is defined and has that property.
import 'comment-thread/define';
import { createApp } from 'vue';
import App from './App.vue';

createApp(App).mount('#app');
