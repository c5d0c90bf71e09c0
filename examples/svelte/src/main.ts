// Registers <comment-thread> before Svelte's first render, so Svelte sees its `adapter` property.
import 'comment-thread/define';
import { mount } from 'svelte';
import App from './App.svelte';

mount(App, { target: document.getElementById('app')! });
